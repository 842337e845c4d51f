/**
 * Queries of 承诺事项: commitments with their owner's name, linked problem title and linked-order
 * count, their progress notes, and the writes (insert, versioned update, append-only notes).
 * Every function takes the town; reads for a user take the scope predicate.
 */
import { sql, type Insertable, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type {
  AppealCommitmentNoteTable,
  AppealCommitmentTable,
} from '../../db/schema-appeal-analysis.ts';

type Db = Kysely<DB>;

export interface CommitmentRowFilter {
  status?: string | undefined;
  villageId?: string | undefined;
  q?: string | undefined;
  /** Still owed and due before this date. */
  overdueOn?: string | undefined;
}

function commitmentQuery(db: Db, townId: string, scope: RawBuilder<SqlBool>) {
  return db
    .selectFrom('appeal_commitment as c')
    .leftJoin('person as o', (j) =>
      j.onRef('o.town_id', '=', 'c.town_id').onRef('o.id', '=', 'c.owner_person_id'),
    )
    .leftJoin('appeal_problem as p', (j) =>
      j.onRef('p.town_id', '=', 'c.town_id').onRef('p.id', '=', 'c.problem_id'),
    )
    .selectAll('c')
    .select(['o.name as owner_person_name', 'p.title as problem_title'])
    .select((eb) =>
      eb
        .selectFrom('appeal_commitment_order as l')
        .whereRef('l.town_id', '=', 'c.town_id')
        .whereRef('l.commitment_id', '=', 'c.id')
        .select(sql<number>`cast(count(*) as integer)`.as('n'))
        .as('order_count'),
    )
    .where('c.town_id', '=', townId)
    .where(scope);
}
export type CommitmentRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof commitmentQuery>['executeTakeFirst']>>
>;

/** Open commitments first, then by due date. */
export function listCommitmentRows(
  db: Db,
  townId: string,
  scope: RawBuilder<SqlBool>,
  f: CommitmentRowFilter,
  openStatuses: readonly string[],
  limit: number,
): Promise<CommitmentRow[]> {
  let q = commitmentQuery(db, townId, scope);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.villageId) q = q.where('c.village_id', '=', f.villageId);
  if (f.q) q = q.where('c.title', 'like', `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  if (f.overdueOn) q = q.where('c.status', 'in', openStatuses).where('c.due_on', '<', f.overdueOn);
  return q
    .orderBy(sql`case when c.status in ('pending', 'in_progress') then 0 else 1 end`)
    .orderBy('c.due_on')
    .orderBy('c.id')
    .limit(limit)
    .execute();
}

export function findCommitment(
  db: Db,
  townId: string,
  id: string,
  scope: RawBuilder<SqlBool>,
): Promise<CommitmentRow | undefined> {
  return commitmentQuery(db, townId, scope).where('c.id', '=', id).executeTakeFirst();
}

export function commitmentNotes(db: Db, townId: string, commitmentId: string) {
  return db
    .selectFrom('appeal_commitment_note')
    .select(['id', 'note', 'author_name', 'at'])
    .where('town_id', '=', townId)
    .where('commitment_id', '=', commitmentId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertCommitment(
  db: Db,
  row: Insertable<AppealCommitmentTable>,
  appealIds: readonly string[],
): Promise<void> {
  await db.insertInto('appeal_commitment').values(row).execute();
  if (appealIds.length)
    await db
      .insertInto('appeal_commitment_order')
      .values(
        appealIds.map((appeal_id) => ({ town_id: row.town_id, commitment_id: row.id, appeal_id })),
      )
      .execute();
}

/** Sets columns when the row is still at `version`; undefined when someone changed it first. */
export function updateCommitmentAtVersion(
  db: Db,
  townId: string,
  id: string,
  version: number,
  values: Record<string, unknown>,
): Promise<{ version: number } | undefined> {
  return db
    .updateTable('appeal_commitment')
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() } as never)
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

export async function insertCommitmentNote(
  db: Db,
  row: Insertable<AppealCommitmentNoteTable>,
): Promise<void> {
  await db.insertInto('appeal_commitment_note').values(row).execute();
}
