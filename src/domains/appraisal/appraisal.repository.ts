/**
 * Queries of 民主测评's rounds with their people and electorate groups (tokens and ballots:
 * appraisal-ballot.repository.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AppraisalRoundTable } from '../../db/schema-appraisal.ts';

type Db = Kysely<DB>;

export interface RoundRow {
  id: string;
  year: number;
  title: string;
  scale: AppraisalRoundTable['scale'];
  withItems: boolean;
  capPercent: number;
  status: 'draft' | 'open' | 'closed';
  refusedOverCap: number;
  version: number;
  openedAt: Date | null;
  closedAt: Date | null;
}

export const roundColumns = [
  'id',
  'year',
  'title',
  'scale',
  'with_items as withItems',
  'cap_percent as capPercent',
  'status',
  'refused_over_cap as refusedOverCap',
  'version',
  'opened_at as openedAt',
  'closed_at as closedAt',
] as const;

export async function listRounds(db: Db, townId: string): Promise<RoundRow[]> {
  return db
    .selectFrom('appraisal_round')
    .select(roundColumns)
    .where('town_id', '=', townId)
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findRound(
  db: Db,
  townId: string,
  id: string,
  lock: 'share' | 'update' | null = null,
): Promise<RoundRow | undefined> {
  let q = db
    .selectFrom('appraisal_round')
    .select(roundColumns)
    .where('town_id', '=', townId)
    .where('id', '=', id);
  if (lock === 'share') q = q.forShare();
  if (lock === 'update') q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function roundPeople(
  db: Db,
  townId: string,
  roundId: string,
): Promise<{ personId: string; name: string }[]> {
  return db
    .selectFrom('appraisal_appraisee as a')
    .innerJoin('person as p', (j) =>
      j.onRef('p.town_id', '=', 'a.town_id').onRef('p.id', '=', 'a.person_id'),
    )
    .select(['a.person_id as personId', 'p.name'])
    .where('a.town_id', '=', townId)
    .where('a.round_id', '=', roundId)
    .orderBy('a.sort_order')
    .execute();
}

export interface GroupRow {
  id: string;
  name: string;
  ballots: number;
  voted: number | null;
}

export async function roundGroups(db: Db, townId: string, roundId: string): Promise<GroupRow[]> {
  return db
    .selectFrom('appraisal_group')
    .select(['id', 'name', 'ballots', 'voted'])
    .where('town_id', '=', townId)
    .where('round_id', '=', roundId)
    .orderBy('sort_order')
    .execute();
}

export async function existingPeople(db: Db, townId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('person')
    .select('id')
    .where('town_id', '=', townId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}

export interface RoundValues {
  year: number;
  title: string;
  scale: AppraisalRoundTable['scale'];
  withItems: boolean;
  capPercent: number;
}

export async function insertRound(
  db: Db,
  townId: string,
  id: string,
  v: RoundValues,
  createdBy: string | null,
): Promise<void> {
  await db
    .insertInto('appraisal_round')
    .values({
      town_id: townId,
      id,
      year: v.year,
      title: v.title,
      scale: v.scale,
      with_items: v.withItems,
      cap_percent: v.capPercent,
      created_by: createdBy,
    })
    .execute();
}

/** Updates a draft round at `version`; false when it moved on, is gone or is no draft any more. */
export async function updateDraft(
  db: Db,
  townId: string,
  id: string,
  version: number,
  v: RoundValues,
): Promise<boolean> {
  const r = await db
    .updateTable('appraisal_round')
    .set({
      year: v.year,
      title: v.title,
      scale: v.scale,
      with_items: v.withItems,
      cap_percent: v.capPercent,
      version: sql`version + 1`,
    })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceMembers(
  db: Db,
  townId: string,
  roundId: string,
  people: string[],
  groups: { id: string; name: string; ballots: number }[],
): Promise<void> {
  await db
    .deleteFrom('appraisal_appraisee')
    .where('town_id', '=', townId)
    .where('round_id', '=', roundId)
    .execute();
  await db
    .deleteFrom('appraisal_group')
    .where('town_id', '=', townId)
    .where('round_id', '=', roundId)
    .execute();
  if (people.length)
    await db
      .insertInto('appraisal_appraisee')
      .values(
        people.map((p, i) => ({ town_id: townId, round_id: roundId, person_id: p, sort_order: i })),
      )
      .execute();
  if (groups.length)
    await db
      .insertInto('appraisal_group')
      .values(
        groups.map((g, i) => ({
          town_id: townId,
          id: g.id,
          round_id: roundId,
          name: g.name,
          ballots: g.ballots,
          sort_order: i,
          voted: null,
        })),
      )
      .execute();
}

export async function deleteDraft(
  db: Db,
  townId: string,
  id: string,
  version: number,
): Promise<boolean> {
  const r = await db
    .deleteFrom('appraisal_round')
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Moves a round from one status to the next at `version`; false when it was not there. */
export async function moveStatus(
  db: Db,
  townId: string,
  id: string,
  version: number,
  from: RoundRow['status'],
  to: RoundRow['status'],
): Promise<boolean> {
  const r = await db
    .updateTable('appraisal_round')
    .set({
      status: to,
      version: sql`version + 1`,
      ...(to === 'open' ? { opened_at: new Date() } : {}),
      ...(to === 'closed' ? { closed_at: new Date() } : {}),
    })
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Closed rounds in which a person was appraised, newest first. */
export async function closedRoundsOf(
  db: Db,
  townId: string,
  personId: string,
): Promise<RoundRow[]> {
  return db
    .selectFrom('appraisal_round')
    .select(roundColumns)
    .where('town_id', '=', townId)
    .where('status', '=', 'closed')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('appraisal_appraisee as a')
          .select('a.person_id')
          .whereRef('a.town_id', '=', 'appraisal_round.town_id')
          .whereRef('a.round_id', '=', 'appraisal_round.id')
          .where('a.person_id', '=', personId),
      ),
    )
    .orderBy('year', 'desc')
    .orderBy('closed_at', 'desc')
    .execute();
}
