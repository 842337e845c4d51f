/**
 * Queries of 发展党员: the pipeline rows (one per person, with the engine snapshot and the columns
 * lists filter on), their step history, the branches a caller may pick, the funnel per branch
 * and year, and the rows with a step falling due. `branchIds: null` means the whole town.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type {
  MemberCandidateEventTable,
  MemberCandidateTable,
} from '../../db/schema-member-development.ts';

type Db = Kysely<DB>;
export type BranchFilter = readonly string[] | null;

const candidateColumns = [
  'c.id',
  'c.branch_id as branchId',
  'u.name as branchName',
  'c.person_name as personName',
  'c.birth_date as birthDate',
  'c.occupation',
  'c.state',
  'c.version',
  'c.snapshot',
  'c.applied_on as appliedOn',
  'c.stage_on as stageOn',
  'c.next_due_at as nextDueAt',
  'c.next_due_clock as nextDueClock',
  'c.source_record_id as sourceRecordId',
] as const;

function candidates(db: Db, townId: string, branchIds: BranchFilter) {
  let q = db
    .selectFrom('member_candidate as c')
    .innerJoin('unit as u', (j) =>
      j.onRef('u.town_id', '=', 'c.town_id').onRef('u.id', '=', 'c.branch_id'),
    )
    .select(candidateColumns)
    .where('c.town_id', '=', townId);
  if (branchIds !== null)
    q = q.where('c.branch_id', 'in', branchIds.length ? [...branchIds] : ['']);
  return q;
}

export type CandidateRow = Awaited<ReturnType<typeof findCandidate>> & {};

export function listCandidates(
  db: Db,
  townId: string,
  branchIds: BranchFilter,
  q: { branchId?: string | undefined; state?: string | undefined },
) {
  let query = candidates(db, townId, branchIds);
  if (q.branchId) query = query.where('c.branch_id', '=', q.branchId);
  if (q.state) query = query.where('c.state', '=', q.state);
  // Most urgent first: the nearest due date (a duty, or a period complete), then the longest waiting.
  return query
    .orderBy('c.next_due_at', (ob) => ob.asc().nullsLast())
    .orderBy('c.stage_on')
    .orderBy('c.id')
    .execute();
}

export function findCandidate(db: Db, townId: string, branchIds: BranchFilter, id: string) {
  return candidates(db, townId, branchIds).where('c.id', '=', id).executeTakeFirst();
}

/** Rows with a step due by `until` (the reminders), earliest first. */
export function dueCandidates(db: Db, townId: string, branchIds: BranchFilter, until: Date) {
  return candidates(db, townId, branchIds)
    .where('c.next_due_at', '<=', until)
    .orderBy('c.next_due_at')
    .limit(200)
    .execute();
}

export async function insertCandidate(db: Db, row: Insertable<MemberCandidateTable>) {
  await db.insertInto('member_candidate').values(row).execute();
}

/** Writes the row after a transition if nobody moved it meanwhile; false on a stale version. */
export async function updateCandidate(
  db: Db,
  townId: string,
  id: string,
  version: number,
  set: Pick<
    Insertable<MemberCandidateTable>,
    'state' | 'snapshot' | 'stage_on' | 'next_due_at' | 'next_due_clock'
  >,
): Promise<boolean> {
  const r = await db
    .updateTable('member_candidate')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertEvents(db: Db, rows: Insertable<MemberCandidateEventTable>[]) {
  if (rows.length) await db.insertInto('member_candidate_event').values(rows).execute();
}

export function listEvents(db: Db, townId: string, candidateId: string) {
  return db
    .selectFrom('member_candidate_event')
    .select([
      'id',
      'action',
      'label',
      'from_state as fromState',
      'to_state as toState',
      'on_date as onDate',
      'actor_name as actorName',
      'at',
      'note',
      'payload',
      'imported',
    ])
    .where('town_id', '=', townId)
    .where('candidate_id', '=', candidateId)
    .orderBy('on_date')
    .orderBy('at')
    .execute();
}

/** Party branches (units of kind 党支部) of the town, or of the given ids. */
export function listBranches(db: Db, townId: string, branchIds: BranchFilter) {
  let q = db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('town_id', '=', townId)
    .where('kind', '=', 'branch');
  if (branchIds !== null) q = q.where('id', 'in', branchIds.length ? [...branchIds] : ['']);
  return q.orderBy('sort_order').orderBy('name').execute();
}

/**
 * 发展党员漏斗: per branch, how many people entered each stage in the year (by the date of the
 * step that brought them there, imported history included).
 */
export function funnelCounts(db: Db, townId: string, branchIds: BranchFilter, year: number) {
  let q = db
    .selectFrom('member_candidate_event as e')
    .innerJoin('member_candidate as c', (j) =>
      j.onRef('c.town_id', '=', 'e.town_id').onRef('c.id', '=', 'e.candidate_id'),
    )
    .select(['c.branch_id as branchId', 'e.to_state as state'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('e.town_id', '=', townId)
    .where((eb) =>
      eb.or([eb('e.from_state', 'is', null), eb('e.from_state', '<>', eb.ref('e.to_state'))]),
    )
    .where('e.on_date', '>=', `${year}-01-01`)
    .where('e.on_date', '<=', `${year}-12-31`);
  if (branchIds !== null)
    q = q.where('c.branch_id', 'in', branchIds.length ? [...branchIds] : ['']);
  return q.groupBy(['c.branch_id', 'e.to_state']).execute();
}

/** Ledger records already in the pipeline (the import's idempotency key). */
export async function importedRecordIds(db: Db, townId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('member_candidate')
    .select('source_record_id')
    .where('town_id', '=', townId)
    .where('source_record_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.source_record_id!));
}
