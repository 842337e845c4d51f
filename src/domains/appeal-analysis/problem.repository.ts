/**
 * Queries of 问题清单: problems with their linked-order count (always counted from the link rows,
 * so the number shown is the number listed), links, exclusions, and the order rows behind a
 * problem or commitment. Every function takes the town; reads for a user take the scope predicate.
 */
import {
  sql,
  type Insertable,
  type Kysely,
  type RawBuilder,
  type Selectable,
  type SqlBool,
} from 'kysely';
import { stateLabel } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import type { AppealProblemTable } from '../../db/schema-appeal-analysis.ts';
import { kindFor } from '../../core/workflow/index.ts';

type Db = Kysely<DB>;
export type ProblemRow = Selectable<AppealProblemTable> & {
  order_count: number;
  owner_person_name: string | null;
};

export interface ProblemFilter {
  status?: string | undefined;
  villageId?: string | undefined;
  q?: string | undefined;
  overdueOn?: string | undefined;
}

function problemQuery(db: Db, townId: string, scope: RawBuilder<SqlBool>) {
  return db
    .selectFrom('appeal_problem as p')
    .leftJoin('person as o', (j) =>
      j.onRef('o.town_id', '=', 'p.town_id').onRef('o.id', '=', 'p.owner_person_id'),
    )
    .selectAll('p')
    .select('o.name as owner_person_name')
    .select((eb) =>
      eb
        .selectFrom('appeal_problem_order as l')
        .whereRef('l.town_id', '=', 'p.town_id')
        .whereRef('l.problem_id', '=', 'p.id')
        .select(sql<number>`cast(count(*) as integer)`.as('n'))
        .as('order_count'),
    )
    .where('p.town_id', '=', townId)
    .where(scope);
}

/** Open problems first (by due date), then the rest, newest first. */
export async function listProblems(
  db: Db,
  townId: string,
  scope: RawBuilder<SqlBool>,
  f: ProblemFilter,
  limit: number,
): Promise<ProblemRow[]> {
  let q = problemQuery(db, townId, scope);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.villageId) q = q.where('p.village_id', '=', f.villageId);
  if (f.q) q = q.where('p.title', 'like', `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  if (f.overdueOn)
    q = q.where('p.status', 'in', ['unclaimed', 'rectifying']).where('p.due_on', '<', f.overdueOn);
  const rows = await q
    .orderBy(sql`case when p.status = 'closed' then 1 else 0 end`)
    .orderBy(sql`p.due_on nulls last`)
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows as ProblemRow[];
}

export async function findProblem(
  db: Db,
  townId: string,
  id: string,
  scope: RawBuilder<SqlBool>,
): Promise<ProblemRow | undefined> {
  return (await problemQuery(db, townId, scope).where('p.id', '=', id).executeTakeFirst()) as
    ProblemRow | undefined;
}

export async function insertProblem(db: Db, row: Insertable<AppealProblemTable>): Promise<void> {
  await db.insertInto('appeal_problem').values(row).execute();
}

/** Optimistic update; undefined when the row moved on (or is gone). */
export function updateProblemAtVersion(
  db: Db,
  townId: string,
  id: string,
  version: number,
  values: Record<string, unknown>,
) {
  return db
    .updateTable('appeal_problem')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() } as never)
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Which of these orders already belong to a problem, and to which. */
export function linksOf(db: Db, townId: string, appealIds: string[]) {
  if (!appealIds.length) return Promise.resolve([]);
  return db
    .selectFrom('appeal_problem_order as l')
    .innerJoin('appeal_problem as p', (j) =>
      j.onRef('p.town_id', '=', 'l.town_id').onRef('p.id', '=', 'l.problem_id'),
    )
    .innerJoin('appeal as a', (j) =>
      j.onRef('a.town_id', '=', 'l.town_id').onRef('a.id', '=', 'l.appeal_id'),
    )
    .select(['l.appeal_id', 'l.problem_id', 'p.title', 'p.status', 'a.code'])
    .where('l.town_id', '=', townId)
    .where('l.appeal_id', 'in', appealIds)
    .execute();
}

/** Every link of the town: detection never proposes a linked order again. */
export function allLinks(db: Db, townId: string) {
  return db
    .selectFrom('appeal_problem_order as l')
    .innerJoin('appeal_problem as p', (j) =>
      j.onRef('p.town_id', '=', 'l.town_id').onRef('p.id', '=', 'l.problem_id'),
    )
    .select(['l.appeal_id', 'l.problem_id', 'p.status', 'p.title'])
    .where('l.town_id', '=', townId)
    .execute();
}

export function exclusions(db: Db, townId: string) {
  return db
    .selectFrom('appeal_problem_exclusion')
    .select(['problem_id', 'appeal_id'])
    .where('town_id', '=', townId)
    .execute();
}

export async function linkOrders(
  db: Db,
  townId: string,
  problemId: string,
  appealIds: string[],
  source: 'detect' | 'manual',
  userId: string | null,
): Promise<void> {
  await db
    .insertInto('appeal_problem_order')
    .values(
      appealIds.map((appeal_id) => ({
        town_id: townId,
        problem_id: problemId,
        appeal_id,
        source,
        added_by: userId,
      })),
    )
    .execute();
  // Re-adding an order a user once took out cancels that decision.
  await db
    .deleteFrom('appeal_problem_exclusion')
    .where('town_id', '=', townId)
    .where('problem_id', '=', problemId)
    .where('appeal_id', 'in', appealIds)
    .execute();
}

/** Takes orders out of a problem and remembers it, so detection does not offer them back. */
export async function unlinkOrders(
  db: Db,
  townId: string,
  problemId: string,
  appealIds: string[],
  userId: string | null,
): Promise<number> {
  const r = await db
    .deleteFrom('appeal_problem_order')
    .where('town_id', '=', townId)
    .where('problem_id', '=', problemId)
    .where('appeal_id', 'in', appealIds)
    .executeTakeFirst();
  await db
    .insertInto('appeal_problem_exclusion')
    .values(
      appealIds.map((appeal_id) => ({
        town_id: townId,
        problem_id: problemId,
        appeal_id,
        excluded_by: userId,
      })),
    )
    .onConflict((oc) => oc.columns(['town_id', 'problem_id', 'appeal_id']).doNothing())
    .execute();
  return Number(r.numDeletedRows);
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export type OrderSummary = {
  id: string;
  code: string;
  title: string;
  kind: string;
  state: string;
  stateLabel: string;
  villageId: string | null;
  receivedAt: string;
  closedAt: string | null;
  satisfaction: string | null;
};

function orderSummary(r: {
  id: string;
  code: string;
  title: string;
  kind: string;
  state: string;
  village_id: string | null;
  received_at: Date | string;
  closed_at: Date | string | null;
  satisfaction: string | null;
}): OrderSummary {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    kind: r.kind,
    state: r.state,
    stateLabel: stateLabel(kindFor(r.kind).def, r.state),
    villageId: r.village_id,
    receivedAt: iso(r.received_at)!,
    closedAt: iso(r.closed_at),
    satisfaction: r.satisfaction,
  };
}

const ORDER_COLUMNS = [
  'a.id',
  'a.code',
  'a.title',
  'a.kind',
  'a.state',
  'a.village_id',
  'a.received_at',
  'a.closed_at',
  'a.satisfaction',
] as const;

export async function problemOrders(
  db: Db,
  townId: string,
  problemId: string,
): Promise<OrderSummary[]> {
  const rows = await db
    .selectFrom('appeal_problem_order as l')
    .innerJoin('appeal as a', (j) =>
      j.onRef('a.town_id', '=', 'l.town_id').onRef('a.id', '=', 'l.appeal_id'),
    )
    .select(ORDER_COLUMNS)
    .where('l.town_id', '=', townId)
    .where('l.problem_id', '=', problemId)
    .orderBy('a.received_at')
    .orderBy('a.id')
    .execute();
  return rows.map(orderSummary);
}

export async function commitmentOrders(
  db: Db,
  townId: string,
  commitmentId: string,
): Promise<OrderSummary[]> {
  const rows = await db
    .selectFrom('appeal_commitment_order as l')
    .innerJoin('appeal as a', (j) =>
      j.onRef('a.town_id', '=', 'l.town_id').onRef('a.id', '=', 'l.appeal_id'),
    )
    .select(ORDER_COLUMNS)
    .where('l.town_id', '=', townId)
    .where('l.commitment_id', '=', commitmentId)
    .orderBy('a.received_at')
    .orderBy('a.id')
    .execute();
  return rows.map(orderSummary);
}

/** The orders among `ids` the caller may see (live, not merged), for checks before linking. */
export async function visibleOrders(
  db: Db,
  townId: string,
  ids: string[],
  appealScope: RawBuilder<SqlBool>,
) {
  if (!ids.length) return [];
  return db
    .selectFrom('appeal as a')
    .select(['a.id', 'a.code', 'a.title', 'a.village_id', 'a.category_code', 'a.category_root'])
    .where('a.town_id', '=', townId)
    .where('a.id', 'in', ids)
    .where('a.merged_into', 'is', null)
    .where(appealScope)
    .execute();
}
