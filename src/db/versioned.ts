/**
 * Optimistic locking (DESIGN 5, brief): an update or delete names the version it read; if the
 * row has moved on, nothing is written and the caller gets 409 instead of overwriting.
 */
import { sql, type Kysely } from 'kysely';
import { Conflict, NotFound } from '../core/errors.ts';
import type { DB } from './schema.ts';

type VersionedTable = 'unit' | 'person' | 'position' | 'village_liaison' | 'app_user';

export async function updateVersioned<T extends VersionedTable>(
  db: Kysely<DB>,
  table: T,
  key: { townId: string; id: string; version: number },
  values: Record<string, unknown>,
  what: string,
): Promise<Record<string, unknown>> {
  const hasUpdatedAt = table !== 'village_liaison';
  const row = await (db as Kysely<any>)
    .updateTable(table as string)
    .set({
      ...values,
      version: sql`version + 1`,
      ...(hasUpdatedAt ? { updated_at: new Date() } : {}),
    })
    .where('town_id', '=', key.townId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
  if (!row) await explainMiss(db, table, key, what);
  return row as Record<string, unknown>;
}

export async function deleteVersioned(
  db: Kysely<DB>,
  table: VersionedTable,
  key: { townId: string; id: string; version: number },
  what: string,
): Promise<Record<string, unknown>> {
  const row = await (db as Kysely<any>)
    .deleteFrom(table)
    .where('town_id', '=', key.townId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
  if (!row) await explainMiss(db, table, key, what);
  return row as Record<string, unknown>;
}

async function explainMiss(
  db: Kysely<DB>,
  table: VersionedTable,
  key: { townId: string; id: string },
  what: string,
): Promise<never> {
  const exists = await (db as Kysely<any>)
    .selectFrom(table)
    .select('version')
    .where('town_id', '=', key.townId)
    .where('id', '=', key.id)
    .executeTakeFirst();
  if (!exists) throw new NotFound(what);
  throw new Conflict(`该${what}已被他人修改（当前版本 ${exists.version}），请刷新后重试`);
}
