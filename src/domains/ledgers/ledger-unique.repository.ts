/**
 * Queries of ledger_unique: the claims by which a record holds a unique field value (or a
 * unique rule's combined value) of its type, so two live records never share one.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export interface UniqueClaim {
  typeCode: string;
  fieldKey: string;
  value: string;
  recordId: string;
}

/** Claims unique values; returns the claims already held by another record (none written for them). */
export async function claimUnique(
  db: Db,
  townId: string,
  claims: UniqueClaim[],
): Promise<UniqueClaim[]> {
  if (!claims.length) return [];
  const won = await db
    .insertInto('ledger_unique')
    .values(
      claims.map((c) => ({
        town_id: townId,
        type_code: c.typeCode,
        field_key: c.fieldKey,
        value: c.value,
        record_id: c.recordId,
      })),
    )
    .onConflict((oc) => oc.columns(['town_id', 'type_code', 'field_key', 'value']).doNothing())
    .returning(['record_id', 'field_key', 'value'])
    .execute();
  const key = (c: {
    record_id?: string;
    recordId?: string;
    field_key?: string;
    fieldKey?: string;
    value: string;
  }) => `${c.record_id ?? c.recordId}|${c.field_key ?? c.fieldKey}|${c.value}`;
  const wonKeys = new Set(won.map(key));
  return claims.filter((c) => !wonKeys.has(key(c)));
}

export async function releaseUnique(db: Db, townId: string, recordId: string): Promise<void> {
  await db
    .deleteFrom('ledger_unique')
    .where('town_id', '=', townId)
    .where('record_id', '=', recordId)
    .execute();
}

/** Which of these unique values (`fieldKey|value`) a live record of the type already holds. */
export async function heldUnique(
  db: Db,
  townId: string,
  typeCode: string,
  keys: { key: string; value: string }[],
): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .selectFrom('ledger_unique')
    .select(['field_key', 'value'])
    .where('town_id', '=', townId)
    .where('type_code', '=', typeCode)
    // Row-value IN keeps the lookup on the primary key (town, type, field, value).
    .where(
      sql<SqlBool>`(field_key, value) in (${sql.join(keys.map((k) => sql`(${k.key}, ${k.value})`))})`,
    )
    .execute();
  return new Set(rows.map((r) => `${r.field_key}|${r.value}`));
}

/** Drops every claim of these unique fields/rules of a type (a new version no longer has them). */
export async function releaseUniqueKeys(
  db: Db,
  townId: string,
  typeCode: string,
  fieldKeys: string[],
): Promise<void> {
  if (!fieldKeys.length) return;
  await db
    .deleteFrom('ledger_unique')
    .where('town_id', '=', townId)
    .where('type_code', '=', typeCode)
    .where('field_key', 'in', fieldKeys)
    .execute();
}
