/**
 * The tenancy rule of DESIGN 3, checked on the live schema: every table has town_id, its
 * primary key starts with it, every foreign key to another tenant table carries it on both
 * sides, and every unique index includes it — unless the table is a declared global table
 * (`GLOBAL_TABLES`): lookups that arrive without a town (login names, tracking codes, public
 * photo tokens, Open311 key hashes) live in global directories, never in a tenant table's index.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_TABLES } from './schema.ts';
import { GLOBAL_TABLES } from './global-tables.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

interface Fk {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

/** Tenancy violations of the schema, as readable sentences (empty when the rule holds). */
export async function tenancyViolations(
  db: Kysely<any>,
  reference: readonly string[],
): Promise<string[]> {
  const tables = (
    await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
  ).rows.map((r) => r.table_name);
  const columns = (
    await sql<{
      table_name: string;
      column_name: string;
    }>`select table_name, column_name from information_schema.columns where table_schema = current_schema()`.execute(
      db,
    )
  ).rows;
  const pks = (
    await sql<{ table_name: string; cols: string[] }>`
    select (select relname::text from pg_class where oid = c.conrelid) as table_name,
      array_agg(a.attname::text order by k.ord) as cols
    from pg_constraint c cross join unnest(c.conkey) with ordinality k(attnum, ord)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    where c.contype = 'p' and c.connamespace = current_schema()::regnamespace group by c.conrelid`.execute(
      db,
    )
  ).rows;
  const fks = (
    await sql<Fk>`
    select (select relname::text from pg_class where oid = c.conrelid) as "table", c.conname as name,
      (select relname::text from pg_class where oid = c.confrelid) as "refTable",
      (select array_agg(a.attname::text order by k.ord)
        from unnest(c.conkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns,
      (select array_agg(a.attname::text order by k.ord)
        from unnest(c.confkey) with ordinality k(attnum, ord)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum) as "refColumns"
    from pg_constraint c where c.contype = 'f' and c.connamespace = current_schema()::regnamespace`.execute(
      db,
    )
  ).rows;
  const problems: string[] = [];
  for (const table of tables) {
    if (reference.includes(table)) continue;
    if (!columns.some((c) => c.table_name === table && c.column_name === 'town_id'))
      problems.push(`${table}: no town_id column`);
    const pk = pks.find((p) => p.table_name === table);
    if (!pk || pk.cols[0] !== 'town_id')
      problems.push(`${table}: primary key does not start with town_id`);
  }
  for (const fk of fks) {
    if (reference.includes(fk.refTable)) continue;
    if (reference.includes(fk.table)) {
      problems.push(
        `${fk.table}.${fk.name}: reference table points at tenant table ${fk.refTable}`,
      );
      continue;
    }
    const i = fk.columns.indexOf('town_id');
    if (i < 0 || fk.refColumns[i] !== 'town_id')
      problems.push(
        `${fk.table}.${fk.name}: foreign key to ${fk.refTable} does not pair town_id with town_id`,
      );
  }
  return problems;
}

/** Declared global tables that are missing, keyed by town_id, or say no reason. */
export async function globalTableViolations(
  db: Kysely<any>,
  declared: readonly { table: string; why: string }[],
): Promise<string[]> {
  const keys = (
    await sql<{ table_name: string; first: string | null }>`
      select t.table_name,
        (select a.attname::text from pg_constraint c
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
         where c.conrelid = (quote_ident(t.table_name))::regclass and c.contype = 'p') as first
      from information_schema.tables t
      where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(db)
  ).rows;
  const problems: string[] = [];
  for (const g of declared) {
    const found = keys.find((k) => k.table_name === g.table);
    if (!found) problems.push(`${g.table}: declared global but no such table`);
    else if (found.first === 'town_id')
      problems.push(`${g.table}: declared global but keyed by town_id`);
    if (g.why.trim().length < 10) problems.push(`${g.table}: declared global without a reason`);
  }
  return problems;
}

/** Unique indexes (constraints included) of tenant tables that leave out town_id. */
export async function uniqueIndexViolations(
  db: Kysely<any>,
  reference: readonly string[],
): Promise<string[]> {
  const indexes = (
    await sql<{ table_name: string; index_name: string; cols: string[] }>`
    select t.relname::text as table_name, i.relname::text as index_name,
      array(select coalesce(a.attname::text, '(expression)')
            from unnest(x.indkey) with ordinality k(attnum, ord)
            left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
            order by k.ord) as cols
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    where x.indisunique and t.relnamespace = current_schema()::regnamespace`.execute(db)
  ).rows;
  return indexes
    .filter((ix) => !reference.includes(ix.table_name) && !ix.cols.includes('town_id'))
    .map(
      (ix) =>
        `${ix.table_name}.${ix.index_name}: unique on (${ix.cols.join(', ')}) leaves out town_id`,
    );
}

describe('tenancy rule over the live schema', () => {
  it('holds for every table', async () => {
    expect(await tenancyViolations(database.db, REFERENCE_TABLES)).toEqual([]);
  });

  it('declares every global table in one place with its reason, and only global tables', async () => {
    expect(await globalTableViolations(database.db, GLOBAL_TABLES)).toEqual([]);
    // Each declaration is needed: without it, the tenancy rule reports the table.
    for (const g of GLOBAL_TABLES) {
      const rest = GLOBAL_TABLES.filter((x) => x !== g).map((x) => x.table);
      expect(await tenancyViolations(database.db, rest)).toContain(
        `${g.table}: primary key does not start with town_id`,
      );
    }
    // A tenant table or a missing one declared global, or a declaration without a reason, is caught.
    expect(
      await globalTableViolations(database.db, [
        { table: 'appeal', why: 'not really global' },
        { table: 'no_such_table', why: 'a typo in the list' },
        { table: 'county', why: '' },
      ]),
    ).toEqual([
      'appeal: declared global but keyed by town_id',
      'no_such_table: declared global but no such table',
      'county: declared global without a reason',
    ]);
  });

  it('keeps town_id in every unique index of a tenant table', async () => {
    expect(await uniqueIndexViolations(database.db, REFERENCE_TABLES)).toEqual([]);
  });

  it('finds the town of a townless lookup in a global directory keyed by the value alone', async () => {
    // Tracking codes, public photo tokens and Open311 key hashes arrive without a town: each has
    // a global table whose primary key is the value, and the tenant table's unique index on the
    // value includes town_id (what a distributed PostgreSQL can enforce).
    const directories = [
      { table: 'public_tracking_code', key: 'tracking_code', tenant: 'public_request' },
      { table: 'public_photo_token', key: 'public_token', tenant: 'appeal_attachment' },
      { table: 'open311_key_hash', key: 'key_hash', tenant: 'open311_api_key' },
    ];
    const indexes = (
      await sql<{ table_name: string; primary: boolean; cols: string[] }>`
      select t.relname::text as table_name, x.indisprimary as primary,
        array(select a.attname::text from unnest(x.indkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
              order by k.ord) as cols
      from pg_index x join pg_class t on t.oid = x.indrelid
      where x.indisunique and t.relnamespace = current_schema()::regnamespace`.execute(database.db)
    ).rows;
    for (const d of directories) {
      expect(GLOBAL_TABLES.map((g) => g.table)).toContain(d.table);
      expect(indexes).toContainEqual({ table_name: d.table, primary: true, cols: [d.key] });
      expect(indexes).toContainEqual({
        table_name: d.tenant,
        primary: false,
        cols: ['town_id', d.key],
      });
    }
  });

  it('catches a unique index without town_id', async () => {
    await sql`create table rogue4 (town_id uuid, id uuid, code text, primary key (town_id, id), unique (code))`.execute(
      database.db,
    );
    await sql`create unique index rogue4_lower_uq on rogue4 (lower(code))`.execute(database.db);
    expect(await uniqueIndexViolations(database.db, REFERENCE_TABLES)).toEqual([
      'rogue4.rogue4_code_key: unique on (code) leaves out town_id',
      'rogue4.rogue4_lower_uq: unique on ((expression)) leaves out town_id',
    ]);
    await sql`drop table rogue4`.execute(database.db);
  });

  it('catches a table without town_id and a foreign key that skips it', async () => {
    await sql`create table rogue (id uuid primary key, unit_id uuid)`.execute(database.db);
    await sql`
      create table rogue2 (town_id uuid, id uuid, person_id uuid, primary key (town_id, id),
        foreign key (town_id, person_id) references person(town_id, id))`.execute(database.db);
    await sql`
      create table rogue3 (town_id uuid, id uuid, ref uuid, primary key (town_id, id),
        foreign key (ref, id) references rogue2(town_id, id))`.execute(database.db);
    const problems = await tenancyViolations(database.db, REFERENCE_TABLES);
    expect(problems).toContain('rogue: no town_id column');
    expect(problems).toContain('rogue: primary key does not start with town_id');
    expect(
      problems.some((p) => p.startsWith('rogue3.') && p.includes('does not pair town_id')),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith('rogue2'))).toBe(false);
    await sql`drop table rogue3, rogue2, rogue`.execute(database.db);
  });
});
