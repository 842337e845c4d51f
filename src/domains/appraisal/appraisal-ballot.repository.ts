/**
 * Queries of 民主测评's tokens and ballots: hashed one-time tokens with a used flag (no time), and
 * ballots with a random id and their marks (no time, no token, no group). See
 * appraisal-vote.service.ts for a vote's statements and `rewriteBallots` for what closing does.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

/** Stores token hashes in hash order, so their physical order says nothing of the printed order. */
export async function insertTokens(
  db: Db,
  townId: string,
  roundId: string,
  groupId: string,
  hashes: string[],
): Promise<void> {
  const sorted = [...hashes].sort();
  for (let i = 0; i < sorted.length; i += 500)
    await db
      .insertInto('appraisal_token')
      .values(
        sorted
          .slice(i, i + 500)
          .map((h) => ({ town_id: townId, token_hash: h, round_id: roundId, group_id: groupId })),
      )
      .execute();
}

export async function deleteUnusedTokens(db: Db, townId: string, groupId: string): Promise<void> {
  await db
    .deleteFrom('appraisal_token')
    .where('town_id', '=', townId)
    .where('group_id', '=', groupId)
    .where('used', '=', false)
    .execute();
}

/** Issued and used tokens per group of a round (the live turnout). */
export async function tokenCounts(
  db: Db,
  townId: string,
  roundId: string,
): Promise<Map<string, { issued: number; used: number }>> {
  const rows = await db
    .selectFrom('appraisal_token')
    .select((eb) => [
      'group_id',
      eb.fn.countAll<number>().as('issued'),
      sql<number>`count(*) filter (where used)`.as('used'),
    ])
    .where('town_id', '=', townId)
    .where('round_id', '=', roundId)
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, { issued: Number(r.issued), used: Number(r.used) }]));
}

export async function findToken(
  db: Db,
  hash: string,
): Promise<{ townId: string; roundId: string; used: boolean } | undefined> {
  return db
    .selectFrom('appraisal_token')
    .select(['town_id as townId', 'round_id as roundId', 'used'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
}

/** Marks an unused token used (row-locked: of two concurrent submits exactly one gets true). */
export async function useToken(db: Db, townId: string, hash: string): Promise<boolean> {
  const r = await db
    .updateTable('appraisal_token')
    .set({ used: true })
    .where('town_id', '=', townId)
    .where('token_hash', '=', hash)
    .where('used', '=', false)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertBallot(
  db: Db,
  townId: string,
  roundId: string,
  id: string,
  marks: unknown,
): Promise<void> {
  await db
    .insertInto('appraisal_ballot')
    .values({ town_id: townId, id, round_id: roundId, marks: JSON.stringify(marks) })
    .execute();
}

export async function countRefused(db: Db, townId: string, roundId: string): Promise<void> {
  await db
    .updateTable('appraisal_round')
    .set({ refused_over_cap: sql`refused_over_cap + 1` })
    .where('town_id', '=', townId)
    .where('id', '=', roundId)
    .execute();
}

/** Every ballot's marks of a round, ordered by ballot id (random: the order means nothing). */
export async function ballotMarks(db: Db, townId: string, roundId: string): Promise<unknown[]> {
  const rows = await db
    .selectFrom('appraisal_ballot')
    .select('marks')
    .where('town_id', '=', townId)
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.marks);
}

/** Freezes each group's turnout (used tokens) into the group, then deletes the round's tokens. */
export async function freezeTurnoutAndDropTokens(
  db: Db,
  townId: string,
  roundId: string,
): Promise<void> {
  await sql`
    update appraisal_group g
       set voted = (select count(*) from appraisal_token t
                     where t.town_id = g.town_id and t.group_id = g.id and t.used)
     where g.town_id = ${townId} and g.round_id = ${roundId}`.execute(db);
  await db
    .deleteFrom('appraisal_token')
    .where('town_id', '=', townId)
    .where('round_id', '=', roundId)
    .execute();
}

/**
 * Rewrites a round's ballots in one statement: each gets a fresh random id and they are inserted
 * in the order of those ids, so neither the ids, the physical order nor the row's transaction
 * (xmin: now this one for all) still tells in which order, or in which vote, a ballot was cast.
 */
export async function rewriteBallots(
  db: Db,
  townId: string,
  roundId: string,
  newId: () => string,
): Promise<number> {
  const old = await db
    .deleteFrom('appraisal_ballot')
    .where('town_id', '=', townId)
    .where('round_id', '=', roundId)
    .returning('marks')
    .execute();
  const rows = old
    .map((r) => ({
      town_id: townId,
      id: newId(),
      round_id: roundId,
      marks: JSON.stringify(r.marks),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('appraisal_ballot')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}
