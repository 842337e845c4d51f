/**
 * Voting with a one-time token (no account). The token arrives in the request body — the voting
 * page keeps it in the URL's fragment, which browsers never send — so no URL, access log or
 * Referer carries it; only its SHA-256 is looked up. A vote, in one transaction: find the token,
 * hold the round open (FOR SHARE, so closing waits for votes in flight), check the ballot, flip
 * the token's used flag (only an unused one: of two concurrent submits one wins), insert the
 * ballot with a random id. Nothing of the voter, the token or the time goes into the ballot, and
 * no audit entry is written (DESIGN 9). An over-cap ballot is refused and only counted.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  checkBallot,
  excellentCap,
  ITEMS,
  SCALES,
  type BallotIssue,
  type BallotMark,
} from '../../core/appraisal/ballot.ts';
import { Conflict, NotFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import * as ballotRepo from './appraisal-ballot.repository.ts';
import * as repo from './appraisal.repository.ts';
import { hashToken } from './appraisal.service.ts';

type Db = Kysely<DB>;

const UNKNOWN = '二维码无效，或本轮测评已经结束';

async function openRoundOf(db: Db, token: string, lock: boolean) {
  const hash = hashToken(token);
  const t = await ballotRepo.findToken(db, hash);
  if (!t) throw new NotFound(UNKNOWN);
  const round = await repo.findRound(db, t.townId, t.roundId, lock ? 'share' : null);
  if (!round || round.status !== 'open') throw new NotFound(UNKNOWN);
  if (t.used) throw new Conflict('这个二维码已经投过票了，每个二维码只能投一次');
  const people = await repo.roundPeople(db, t.townId, t.roundId);
  return { hash, townId: t.townId, round, people };
}

export async function ballotForm(db: Db, token: string) {
  const { round, people } = await openRoundOf(db, token, false);
  return {
    title: round.title,
    year: round.year,
    scale: round.scale,
    grades: SCALES[round.scale].map((g) => ({ ...g })),
    items: round.withItems ? ITEMS.map((i) => ({ ...i })) : [],
    capPercent: round.capPercent,
    cap: excellentCap(people.length, round.capPercent),
    people: people.map((p) => ({ personId: p.personId, name: p.name })),
  };
}

/** Casts a ballot; returns the issues of an invalid one (the token stays unused). */
export async function castBallot(
  db: Db,
  token: string,
  marks: BallotMark[],
): Promise<BallotIssue[]> {
  const { hash, townId, round, people } = await openRoundOf(db, token, true);
  const issues = checkBallot(
    { scale: round.scale, withItems: round.withItems, capPercent: round.capPercent, people },
    marks,
  );
  if (issues.length) {
    if (issues[0]!.path === 'marks') await ballotRepo.countRefused(db, townId, round.id);
    return issues;
  }
  if (!(await ballotRepo.useToken(db, townId, hash)))
    throw new Conflict('这个二维码已经投过票了，每个二维码只能投一次');
  const byPerson = new Map(marks.map((m) => [m.personId, m]));
  // Only what the round asks, in the round's order: nothing the client added survives.
  const clean = people.map((p) => {
    const m = byPerson.get(p.personId)!;
    return round.withItems
      ? {
          personId: p.personId,
          grade: m.grade,
          items: Object.fromEntries(ITEMS.map((i) => [i.value, m.items![i.value]])),
        }
      : { personId: p.personId, grade: m.grade };
  });
  await ballotRepo.insertBallot(db, townId, round.id, randomUUID(), clean);
  return [];
}
