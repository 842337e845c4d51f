/**
 * Repository of reminders (提醒) and 督办 on orders: the scheduler's rows and the ones a leader
 * issues by hand, who they address (a person, a unit, or — for a scheduler reminder written
 * before anyone claimed the order — the order's handling unit, else the dispatch desk), their
 * acknowledgement and reply under optimistic locking, and the order-version bump that gives each
 * of these operations its own timeline event. Lists filter by the caller's order scope, applied to
 * the joined order (alias `a`): the reminder has a `kind` column of its own.
 */
import {
  sql,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SqlBool,
} from 'kysely';
import type { AppealReminderTable, DB } from '../../db/schema.ts';
import { scopeSql, type AppealScope } from './appeal-scope.repository.ts';

type Db = Kysely<DB>;
export type ReminderRow = Selectable<AppealReminderTable>;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** A reminder as the API shows it; the first five keys are those the detail always carried. */
export function reminderView(r: ReminderRow) {
  return {
    kind: r.kind,
    clock: r.clock,
    dueAt: iso(r.due_at)!,
    message: r.message,
    createdAt: iso(r.created_at)!,
    id: r.id,
    source: r.source,
    note: r.note,
    targetUnitId: r.target_unit_id,
    targetPersonId: r.target_person_id,
    issuedByName: r.issued_by_name,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgedByName: r.acknowledged_by_name,
    reply: r.reply,
    repliedAt: iso(r.replied_at),
    repliedByName: r.replied_by_name,
    version: r.version,
  };
}

export function findReminder(db: Db, townId: string, appealId: string, id: string) {
  return db
    .selectFrom('appeal_reminder')
    .selectAll()
    .where('town_id', '=', townId)
    .where('appeal_id', '=', appealId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Inserts a hand-issued 督办; undefined when one with the same reply-by time already exists. */
export function insertReminder(db: Db, row: Insertable<AppealReminderTable>) {
  return db
    .insertInto('appeal_reminder')
    .values(row)
    .onConflict((oc) => oc.columns(['town_id', 'appeal_id', 'clock', 'due_at', 'kind']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Optimistic update of a reminder: only at `version`; undefined when someone got there first. */
export function updateReminderAtVersion(
  db: Db,
  townId: string,
  id: string,
  version: number,
  values: Partial<Record<keyof AppealReminderTable, unknown>>,
) {
  return db
    .updateTable('appeal_reminder')
    .set({ ...values, version: sql`version + 1` } as never)
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Moves the order to its next version without a workflow change (督办, 签收督办 …), so the
 * operation gets its own timeline seq; the snapshot's version follows. With `expected`, only
 * from that version (the caller's optimistic lock).
 */
export function bumpAppealVersion(db: Db, townId: string, id: string, expected: number | null) {
  let q = db
    .updateTable('appeal')
    .set({
      version: sql`version + 1`,
      snapshot: sql`jsonb_set(snapshot, '{version}', to_jsonb(version + 1))`,
      updated_at: new Date(),
    } as never)
    .where('town_id', '=', townId)
    .where('id', '=', id);
  if (expected !== null) q = q.where('version', '=', expected);
  return q.returning(['version', 'state']).executeTakeFirst();
}

/** Who the caller is, for "addressed to me": their person, their units, whether they hold the desk. */
export interface Addressee {
  personId: string | null;
  unitIds: string[];
  desk: boolean;
}

const uuids = (ids: string[]) =>
  ids.length ? sql`array[${sql.join(ids)}]::uuid[]` : sql`array[]::uuid[]`;

/** Reminders addressed to the caller (aliases r = appeal_reminder, a = appeal). */
export function addressedTo(who: Addressee): RawBuilder<SqlBool> {
  return sql<SqlBool>`(
    r.target_person_id = ${who.personId}
    or r.target_unit_id = any(${uuids(who.unitIds)})
    or (r.target_person_id is null and r.target_unit_id is null
        and (a.unit_id = any(${uuids(who.unitIds)}) or (a.unit_id is null and ${who.desk}))))`;
}

/** The same rule over one row, in JavaScript (for acknowledging one reminder). */
export function isAddressedTo(
  r: ReminderRow,
  order: { unit_id: string | null },
  who: Addressee,
): boolean {
  if (r.target_person_id && r.target_person_id === who.personId) return true;
  if (r.target_unit_id && who.unitIds.includes(r.target_unit_id)) return true;
  if (!r.target_person_id && !r.target_unit_id)
    return order.unit_id ? who.unitIds.includes(order.unit_id) : who.desk;
  return false;
}

/** Columns of the order beside each reminder (aliased where the reminder has a column of the same name). */
const ORDER_COLUMNS = [
  'a.code',
  'a.title',
  'a.kind as appeal_kind',
  'a.state',
  'a.version as appeal_version',
  'a.unit_id',
  'a.village_id',
  'a.next_due_at',
  'a.closed_at',
] as const;

/** 我的提醒: reminders and 督办 addressed to the caller on orders in their scope, newest first. */
export function listAddressed(
  db: Db,
  townId: string,
  scope: AppealScope,
  who: Addressee,
  openOnly: boolean,
  limit: number,
) {
  let q = db
    .selectFrom('appeal_reminder as r')
    .innerJoin('appeal as a', (j) =>
      j.onRef('a.town_id', '=', 'r.town_id').onRef('a.id', '=', 'r.appeal_id'),
    )
    .selectAll('r')
    .select([...ORDER_COLUMNS])
    .where('r.town_id', '=', townId)
    .where(scopeSql(scope, 'a'))
    .where(addressedTo(who));
  if (openOnly) q = q.where('r.acknowledged_at', 'is', null);
  return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

/** How many reminders and 督办 addressed to the caller wait for acknowledgement (the menu badge). */
export async function countOpenAddressed(
  db: Db,
  townId: string,
  scope: AppealScope,
  who: Addressee,
): Promise<number> {
  const r = await db
    .selectFrom('appeal_reminder as r')
    .innerJoin('appeal as a', (j) =>
      j.onRef('a.town_id', '=', 'r.town_id').onRef('a.id', '=', 'r.appeal_id'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.town_id', '=', townId)
    .where('r.acknowledged_at', 'is', null)
    .where(scopeSql(scope, 'a'))
    .where(addressedTo(who))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** 领导督办 board: hand-issued 督办 on orders in scope; open = not yet replied on a live order. */
export function listSupervisions(
  db: Db,
  townId: string,
  scope: AppealScope,
  openOnly: boolean,
  limit: number,
) {
  let q = db
    .selectFrom('appeal_reminder as r')
    .innerJoin('appeal as a', (j) =>
      j.onRef('a.town_id', '=', 'r.town_id').onRef('a.id', '=', 'r.appeal_id'),
    )
    .selectAll('r')
    .select([...ORDER_COLUMNS])
    .where('r.town_id', '=', townId)
    .where('r.source', '=', 'manual')
    .where(scopeSql(scope, 'a'));
  if (openOnly)
    q = q
      .where('r.replied_at', 'is', null)
      .where('a.closed_at', 'is', null)
      .where('a.merged_into', 'is', null);
  return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

/** Latest 督办 (scheduler or manual) per order, for the overdue board's 督办 column. */
export async function latestSupervision(
  db: Db,
  townId: string,
  appealIds: string[],
): Promise<Map<string, { at: Date; count: number }>> {
  if (!appealIds.length) return new Map();
  const rows = await db
    .selectFrom('appeal_reminder')
    .select([
      'appeal_id',
      (eb) => eb.fn.max('created_at').as('at'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('town_id', '=', townId)
    .where('kind', '=', 'supervision')
    .where('appeal_id', 'in', appealIds)
    .groupBy('appeal_id')
    .execute();
  return new Map(
    rows.map((r) => [r.appeal_id, { at: new Date(r.at as Date), count: Number(r.n) }]),
  );
}
