/**
 * What a round shows: its settings, people, groups with live turnout (used tokens while open, the
 * frozen count once closed), and — once closed — the tally recounted from the stored ballots,
 * with the 优秀 cap and how many stored ballots break it (recounted, not assumed: 0 when the
 * server's check held). A person's report page reads `personResults`.
 */
import type { Kysely } from 'kysely';
import {
  excellentCap,
  tallyBallots,
  type BallotMark,
  type PersonTally,
  type RoundTally,
} from '../../core/appraisal/ballot.ts';
import { NotFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import * as ballotRepo from './appraisal-ballot.repository.ts';
import * as repo from './appraisal.repository.ts';

type Db = Kysely<DB>;

export interface GroupTurnout {
  id: string;
  name: string;
  ballots: number;
  /** Tokens issued and not voided (equals `ballots` unless a sheet was reissued mid-vote). */
  voted: number;
  percent: number;
}

export interface RoundView extends repo.RoundRow {
  people: { personId: string; name: string }[];
  groups: GroupTurnout[];
  cap: number;
  turnout: { ballots: number; voted: number; percent: number };
  tally: RoundTally | null;
}

const pct = (part: number, whole: number) => (whole ? Math.round((part * 1000) / whole) / 10 : 0);

export async function roundTally(
  db: Db,
  townId: string,
  round: repo.RoundRow,
): Promise<RoundTally> {
  const people = await repo.roundPeople(db, townId, round.id);
  const marks = (await ballotRepo.ballotMarks(db, townId, round.id)) as BallotMark[][];
  return tallyBallots(
    { scale: round.scale, withItems: round.withItems, capPercent: round.capPercent, people },
    marks,
  );
}

export async function roundView(db: Db, townId: string, id: string): Promise<RoundView> {
  const round = await repo.findRound(db, townId, id);
  if (!round) throw new NotFound('测评轮次');
  const people = await repo.roundPeople(db, townId, id);
  const live = round.status === 'open' ? await ballotRepo.tokenCounts(db, townId, id) : new Map();
  const groups = (await repo.roundGroups(db, townId, id)).map((g) => {
    const voted = round.status === 'open' ? (live.get(g.id)?.used ?? 0) : (g.voted ?? 0);
    return { id: g.id, name: g.name, ballots: g.ballots, voted, percent: pct(voted, g.ballots) };
  });
  const ballots = groups.reduce((a, g) => a + g.ballots, 0);
  const voted = groups.reduce((a, g) => a + g.voted, 0);
  return {
    ...round,
    people,
    groups,
    cap: excellentCap(people.length, round.capPercent),
    turnout: { ballots, voted, percent: pct(voted, ballots) },
    tally: round.status === 'closed' ? await roundTally(db, townId, round) : null,
  };
}

export async function listRoundViews(db: Db, townId: string) {
  const rounds = await repo.listRounds(db, townId);
  return Promise.all(
    rounds.map(async (r) => {
      const v = await roundView(db, townId, r.id);
      return { ...r, people: v.people.length, turnout: v.turnout };
    }),
  );
}

export interface PersonResult extends PersonTally {
  roundId: string;
  year: number;
  title: string;
  scale: repo.RoundRow['scale'];
}

/** The person's result in every closed round that appraised them, newest first. */
export async function personResults(
  db: Db,
  townId: string,
  personId: string,
): Promise<PersonResult[]> {
  const rounds = await repo.closedRoundsOf(db, townId, personId);
  const out: PersonResult[] = [];
  for (const r of rounds) {
    const tally = await roundTally(db, townId, r);
    const mine = tally.people.find((p) => p.personId === personId);
    if (mine) out.push({ ...mine, roundId: r.id, year: r.year, title: r.title, scale: r.scale });
  }
  return out;
}
