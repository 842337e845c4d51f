/**
 * Queries of appeals, their events and reminders. Every function takes the town; reads for a
 * user also take the caller's scope predicate (appeal.policy.ts), so nothing leaks across towns
 * or outside a user's units, villages and portfolios.
 */
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { AppealEventTable, AppealTable, DB } from '../../db/schema.ts';

type Db = Kysely<DB>;
export type AppealRow = Selectable<AppealTable>;

/** Next tracking number of the town for the year: `25-00042` style, short enough to read out on the phone. */
export async function nextCode(db: Db, townId: string, year: number): Promise<string> {
  const r = await sql<{ last_seq: number }>`
    insert into appeal_code_counter (town_id, year, last_seq) values (${townId}, ${year}, 1)
    on conflict (town_id, year) do update set last_seq = appeal_code_counter.last_seq + 1
    returning last_seq`.execute(db);
  return `${String(year).slice(2)}-${String(r.rows[0]!.last_seq).padStart(5, '0')}`;
}

export async function insertAppeal(db: Db, row: Insertable<AppealTable>): Promise<AppealRow> {
  return db.insertInto('appeal').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findAppeal(db: Db, townId: string, id: string, scope: RawBuilder<SqlBool>) {
  return db.selectFrom('appeal').selectAll().where('town_id', '=', townId).where('id', '=', id).where(scope).executeTakeFirst();
}

export function findByCode(db: Db, townId: string, code: string) {
  return db.selectFrom('appeal').selectAll().where('town_id', '=', townId).where('code', '=', code).executeTakeFirst();
}

/** Optimistic update: only when the row is still at `version`; undefined when someone got there first. */
export function updateAtVersion(db: Db, townId: string, id: string, version: number, values: Record<string, unknown>) {
  return db
    .updateTable('appeal')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() } as never)
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function insertEvent(db: Db, row: Insertable<AppealEventTable>): Promise<void> {
  await db.insertInto('appeal_event').values(row).execute();
}

export function listEvents(db: Db, townId: string, appealId: string) {
  return db.selectFrom('appeal_event').selectAll().where('town_id', '=', townId).where('appeal_id', '=', appealId).orderBy('seq').execute();
}

export function listReminders(db: Db, townId: string, appealId: string) {
  return db.selectFrom('appeal_reminder').selectAll().where('town_id', '=', townId).where('appeal_id', '=', appealId).orderBy('created_at').execute();
}

export interface ListFilter {
  kind?: string | undefined;
  state?: string | undefined;
  categoryCode?: string | undefined;
  villageId?: string | undefined;
  unitId?: string | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  open?: boolean | undefined;
  overdueAt?: Date | undefined;
}

/** Newest first, keyset-paged on (received_at, id). */
export async function listAppeals(db: Db, townId: string, scope: RawBuilder<SqlBool>, f: ListFilter, after: [string, string] | null, limit: number) {
  let q = db.selectFrom('appeal').selectAll().where('town_id', '=', townId).where(scope);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.categoryCode) q = q.where((eb) => eb.or([eb('category_code', '=', f.categoryCode!), eb('category_root', '=', f.categoryCode!)]));
  if (f.villageId) q = q.where('village_id', '=', f.villageId);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.q) q = q.where((eb) => eb.or([eb('title', 'like', `%${escapeLike(f.q!)}%`), eb('code', '=', f.q!)]));
  if (f.from) q = q.where('received_on', '>=', f.from);
  if (f.to) q = q.where('received_on', '<=', f.to);
  if (f.open) q = q.where('closed_at', 'is', null).where('merged_into', 'is', null);
  if (f.overdueAt) q = q.where('next_due_at', '<', f.overdueAt);
  if (after) q = q.where((eb) => eb.or([eb('received_at', '<', new Date(after[0])), eb.and([eb('received_at', '=', new Date(after[0])), eb('id', '<', after[1])])]));
  return q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (m) => `\\${m}`);
}

/** Open orders whose next duty deadline is still ahead: those a calendar edit may move. */
export function openWithFutureDeadline(db: Db, now: Date) {
  return db.selectFrom('appeal').selectAll().where('next_due_at', '>', now).where('closed_at', 'is', null).where('merged_into', 'is', null).execute();
}

/** Writes recomputed deadlines without bumping the version: the order itself did not change. */
export async function setDeadlines(db: Db, townId: string, id: string, values: Record<string, unknown>): Promise<void> {
  await db.updateTable('appeal').set(values as never).where('town_id', '=', townId).where('id', '=', id).execute();
}

/** Sets the resident's rating only if none was given yet; false when one already was. */
export async function setResidentRating(db: Db, townId: string, id: string, rating: number, comment: string | null): Promise<boolean> {
  const r = await db.updateTable('appeal').set({ resident_rating: rating, resident_comment: comment }).where('town_id', '=', townId).where('id', '=', id).where('resident_rating', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
