/**
 * Queries behind the intake hint 可能与…同类: the orders of open problems, and the recent orders of
 * one block (village × top-level category) that belong to no problem yet. Both within the caller's
 * scope (the scope predicates come from analysis.policy.ts).
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export interface BlockFilter {
  villageId?: string | undefined;
  categoryRoot?: string | undefined;
}

export interface ProblemOrderRow {
  problem_id: string;
  problem_title: string;
  problem_description: string | null;
  status: string;
  version: number;
  village_id: string | null;
  category_code: string | null;
  appeal_id: string;
  code: string;
  title: string;
  content: string;
  received_on: string;
  /** All the problem's orders, of which the newest `perProblem` come as rows. */
  order_count: number;
}

/**
 * The newest `perProblem` orders of every open (not 销号) problem in scope, of the block when one
 * is given, each with its problem's order count.
 */
export async function openProblemOrders(
  db: Db,
  townId: string,
  problemScope: RawBuilder<SqlBool>,
  f: BlockFilter,
  perProblem: number,
  excludeAppealId?: string,
): Promise<ProblemOrderRow[]> {
  let q = db
    .selectFrom('appeal_problem as p')
    .innerJoin('appeal_problem_order as l', (j) =>
      j.onRef('l.town_id', '=', 'p.town_id').onRef('l.problem_id', '=', 'p.id'),
    )
    .innerJoin('appeal as a', (j) =>
      j.onRef('a.town_id', '=', 'l.town_id').onRef('a.id', '=', 'l.appeal_id'),
    )
    .select([
      'p.id as problem_id',
      'p.title as problem_title',
      'p.description as problem_description',
      'p.status',
      'p.version',
      'p.village_id',
      'p.category_code',
      'a.id as appeal_id',
      'a.code',
      'a.title',
      'a.content',
      'a.received_on',
      sql<number>`count(*) over (partition by p.id)`.as('order_count'),
      sql<number>`row_number() over (partition by p.id order by a.received_on desc, a.id)`.as(
        'rank',
      ),
    ])
    .where('p.town_id', '=', townId)
    .where('p.status', '<>', 'closed')
    .where(problemScope);
  if (f.villageId) q = q.where('p.village_id', '=', f.villageId);
  if (f.categoryRoot) q = q.where('p.category_root', '=', f.categoryRoot);
  if (excludeAppealId) q = q.where('a.id', '<>', excludeAppealId);
  const rows = await db
    .selectFrom(q.as('o'))
    .selectAll()
    .where('o.rank', '<=', perProblem)
    .orderBy('o.problem_id')
    .orderBy('o.received_on')
    .execute();
  return rows as ProblemOrderRow[];
}

export interface RecentOrderRow {
  id: string;
  code: string;
  title: string;
  content: string;
  received_on: string;
  contact_phone: string | null;
}

/** The block's orders received since `since` that belong to no problem, newest first. */
export async function recentFreeOrders(
  db: Db,
  townId: string,
  appealScope: RawBuilder<SqlBool>,
  block: { villageId: string; categoryRoot: string },
  since: string,
  limit: number,
  excludeAppealId?: string,
): Promise<RecentOrderRow[]> {
  let q = db
    .selectFrom('appeal as a')
    .select(['a.id', 'a.code', 'a.title', 'a.content', 'a.received_on', 'a.contact_phone'])
    .where('a.town_id', '=', townId)
    .where('a.village_id', '=', block.villageId)
    .where('a.category_root', '=', block.categoryRoot)
    .where('a.received_on', '>=', since)
    .where('a.merged_into', 'is', null)
    .where(appealScope)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('appeal_problem_order as l')
            .select('l.appeal_id')
            .whereRef('l.town_id', '=', 'a.town_id')
            .whereRef('l.appeal_id', '=', 'a.id'),
        ),
      ),
    );
  if (excludeAppealId) q = q.where('a.id', '<>', excludeAppealId);
  return q.orderBy('a.received_on', 'desc').orderBy('a.id').limit(limit).execute();
}

/** The town's villages (their names are kept whole by the segmenter). */
export function villageNames(db: Db, townId: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('town_id', '=', townId)
    .where('kind', '=', 'village')
    .orderBy('id')
    .execute();
}

/** The top-level category of a category code (null when unknown). */
export async function categoryRootOf(db: Db, code: string): Promise<string | null> {
  const row = await db
    .selectFrom('appeal_category')
    .select(['code', 'parent_code'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? (row.parent_code ?? row.code) : null;
}
