/**
 * What still points at a row: for a delete, every foreign key into the row's table is counted,
 * so the caller can refuse with a message naming what blocks it ("还有 3 名人员、2 个职务")
 * instead of letting the constraint fail. Keys with ON DELETE CASCADE are skipped (those rows
 * belong to the deleted one and go with it).
 */
import { sql, type Kysely } from 'kysely';

/** Rows of `table` whose `columns` point at the key. */
export interface Reference {
  table: string;
  columns: string[];
  count: number;
}

interface ForeignKey {
  table: string;
  columns: string[];
  refColumns: string[];
}

/**
 * Foreign keys into `table` of the current schema. Raw SQL: the catalog (pg_constraint) is not
 * something the query builder can describe, and reading it keeps this in step with every
 * migration, including other domains' tables that refer to organisation rows.
 */
async function foreignKeysInto(db: Kysely<any>, table: string): Promise<ForeignKey[]> {
  const rows = await sql<ForeignKey>`
    select (select relname::text from pg_class where oid = c.conrelid) as "table",
      (select array_agg(a.attname::text order by k.ord)
        from unnest(c.conkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns,
      (select array_agg(a.attname::text order by k.ord)
        from unnest(c.confkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum) as "refColumns"
    from pg_constraint c
    where c.contype = 'f' and c.connamespace = current_schema()::regnamespace and c.confdeltype <> 'c'
      and c.confrelid = (
        select oid from pg_class where relname = ${table} and relnamespace = current_schema()::regnamespace
      )
    order by 1, 2`.execute(db);
  return rows.rows;
}

/**
 * Counts the rows referring to one row of `table`, given the referenced key's values by column
 * (e.g. `{ town_id, id }` for a tenant row, `{ id }` for a town). A table referring through
 * several columns (an appeal's village and handling unit) counts each row once. Only non-zero
 * counts are returned.
 */
export async function referencesTo(
  db: Kysely<any>,
  table: string,
  key: Record<string, string>,
): Promise<Reference[]> {
  const byTable = new Map<string, ForeignKey[]>();
  for (const fk of await foreignKeysInto(db, table))
    byTable.set(fk.table, [...(byTable.get(fk.table) ?? []), fk]);
  const out: Reference[] = [];
  for (const [referrer, fks] of byTable) {
    const row = await db
      .selectFrom(referrer)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.or(
          fks.map((fk) =>
            eb.and(fk.columns.map((column, i) => eb(column, '=', key[fk.refColumns[i]!]!))),
          ),
        ),
      )
      .executeTakeFirst();
    const count = Number(row?.n ?? 0);
    const columns = [...new Set(fks.flatMap((fk) => fk.columns))];
    if (count > 0) out.push({ table: referrer, columns, count });
  }
  return out;
}
