/**
 * Queries of appeals, their events and reminders. Every function takes the town; reads for a
 * user also take the caller's scope predicate (appeal.policy.ts), so nothing leaks across towns
 * or outside a user's units, villages and portfolios.
 */
import {
  sql,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SqlBool,
} from 'kysely';
import type { AppealEventTable, AppealTable, DB } from '../../db/schema.ts';

type Db = Kysely<DB>;
export type AppealRow = Selectable<AppealTable>;
export type AppealEventRow = Omit<Selectable<AppealEventTable>, 'at'> & { at: Date | string };

/**
 * 受理 in one round trip: takes the town's next tracking number for the year (`25-00042` style,
 * short enough to read out on the phone), inserts the order with it and its first timeline event.
 * Raw SQL because the builder cannot chain data-modifying CTEs into a scalar subquery of VALUES.
 * Returns the row, built from the values written plus the columns the database fills in (returning
 * every column would ship the snapshot back and parse it again).
 */
export async function insertNewAppeal(
  db: Db,
  row: Omit<Insertable<AppealTable>, 'code'>,
  year: number,
  event: Insertable<AppealEventTable>,
): Promise<AppealRow> {
  const cols = Object.keys(row) as (keyof typeof row)[];
  const eventCols = Object.keys(event) as (keyof typeof event)[];
  const filled = await sql<
    Pick<
      AppealRow,
      'code' | 'version' | 'reopen_count' | 'co_handler_unit_ids' | 'created_at' | 'updated_at'
    >
  >`
    with c as (
      insert into appeal_code_counter (town_id, year, last_seq) values (${row.town_id}, ${year}, 1)
      on conflict (town_id, year) do update set last_seq = appeal_code_counter.last_seq + 1
      returning last_seq),
    a as (
      insert into appeal (${sql.join(cols.map((c) => sql.ref(c)))}, code)
      values (${sql.join(cols.map((c) => row[c]))},
        (select ${String(year).slice(2)} || '-' || lpad(last_seq::text, 5, '0') from c))
      returning code, version, reopen_count, co_handler_unit_ids, created_at, updated_at),
    e as (
      insert into appeal_event (${sql.join(eventCols.map((c) => sql.ref(c)))})
      values (${sql.join(eventCols.map((c) => event[c]))}))
    select * from a`.execute(db);
  const nulls = Object.fromEntries(NULLABLE.map((c) => [c, null]));
  return {
    ...nulls,
    ...row,
    ...filled.rows[0]!,
    snapshot: typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot,
  } as AppealRow;
}

/** Columns an insert may leave out, which then read back as null. */
const NULLABLE = [
  'category_code',
  'category_root',
  'urgency',
  'village_id',
  'unit_id',
  'handler_person_id',
  'case_leader_person_id',
  'owner_person_id',
  'contact_name',
  'contact_phone',
  'address',
  'lat',
  'lng',
  'response_due_at',
  'complete_due_at',
  'next_due_at',
  'next_due_clock',
  'first_response_at',
  'responded_on_time',
  'closed_at',
  'closed_on_time',
  'satisfaction',
  'solved',
  'merged_into',
  'resident_rating',
  'resident_comment',
  'created_by',
] as const satisfies readonly (keyof AppealTable)[];

export function findAppeal(db: Db, townId: string, id: string, scope: RawBuilder<SqlBool>) {
  return db
    .selectFrom('appeal')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where(scope)
    .executeTakeFirst();
}

export function findByCode(db: Db, townId: string, code: string) {
  return db
    .selectFrom('appeal')
    .selectAll()
    .where('town_id', '=', townId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Optimistic update: only when the row is still at `version`; undefined when someone got there first. */
export function updateAtVersion(
  db: Db,
  townId: string,
  id: string,
  version: number,
  values: Record<string, unknown>,
) {
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
  return db
    .selectFrom('appeal_event')
    .selectAll()
    .where('town_id', '=', townId)
    .where('appeal_id', '=', appealId)
    .orderBy('seq')
    .execute();
}

export function listReminders(db: Db, townId: string, appealId: string) {
  return db
    .selectFrom('appeal_reminder')
    .selectAll()
    .where('town_id', '=', townId)
    .where('appeal_id', '=', appealId)
    .orderBy('created_at')
    .execute();
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
export async function listAppeals(
  db: Db,
  townId: string,
  scope: RawBuilder<SqlBool>,
  f: ListFilter,
  after: [string, string] | null,
  limit: number,
) {
  let q = db.selectFrom('appeal').selectAll().where('town_id', '=', townId).where(scope);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.state) q = q.where('state', '=', f.state);
  if (f.categoryCode)
    q = q.where((eb) =>
      eb.or([eb('category_code', '=', f.categoryCode!), eb('category_root', '=', f.categoryCode!)]),
    );
  if (f.villageId) q = q.where('village_id', '=', f.villageId);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('title', 'like', `%${escapeLike(f.q!)}%`), eb('code', '=', f.q!)]),
    );
  if (f.from) q = q.where('received_on', '>=', f.from);
  if (f.to) q = q.where('received_on', '<=', f.to);
  if (f.open) q = q.where('closed_at', 'is', null).where('merged_into', 'is', null);
  if (f.overdueAt) q = q.where('next_due_at', '<', f.overdueAt);
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('received_at', '<', new Date(after[0])),
        eb.and([eb('received_at', '=', new Date(after[0])), eb('id', '<', after[1])]),
      ]),
    );
  return q
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, (m) => `\\${m}`);
}

/** Open orders whose next duty deadline is still ahead: those a calendar edit may move. */
export function openWithFutureDeadline(db: Db, now: Date) {
  return db
    .selectFrom('appeal')
    .selectAll()
    .where('next_due_at', '>', now)
    .where('closed_at', 'is', null)
    .where('merged_into', 'is', null)
    .execute();
}

/** Writes recomputed deadlines without bumping the version: the order itself did not change. */
export async function setDeadlines(
  db: Db,
  townId: string,
  id: string,
  values: Record<string, unknown>,
): Promise<void> {
  await db
    .updateTable('appeal')
    .set(values as never)
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .execute();
}

/** Sets the resident's latest rating (one per 回访: a reopened order is rated again). */
export async function setResidentRating(
  db: Db,
  townId: string,
  id: string,
  rating: number,
  comment: string | null,
): Promise<boolean> {
  const r = await db
    .updateTable('appeal')
    .set({ resident_rating: rating, resident_comment: comment })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Names of the town's people by id (包案领导, 办事责任人 … named in an order), for display. */
export async function personNames(
  db: Db,
  townId: string,
  ids: readonly string[],
): Promise<Record<string, string>> {
  const valid = [...new Set(ids)].filter((x) => /^[0-9a-f-]{36}$/i.test(x));
  if (!valid.length) return {};
  const rows = await db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('town_id', '=', townId)
    .where('id', 'in', valid)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
