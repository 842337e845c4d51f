/**
 * Org's answer to "what does this person hold on these days" for other domains' scopes (appeals,
 * ledgers, metrics, reports) and the scheduler. The rule itself is in holdings.repository.ts.
 */
import type { Kysely } from 'kysely';
import { localDateOf } from '../../core/calendar/index.ts';
import type { DB } from '../../db/schema.ts';
import * as repo from './holdings.repository.ts';

export type { DaySpan } from './holdings.repository.ts';
export { heldOnSql } from './holdings.repository.ts';

type Db = Kysely<DB>;

/** Today in the town's local date (as every deadline), as a one-day span. */
export function todaySpan(now: Date = new Date()): repo.DaySpan {
  const d = localDateOf(now);
  return { from: d, to: d };
}

/** Portfolios (分管领域) held through positions on `days` (default today); none without a person. */
export function portfoliosHeld(
  db: Db,
  townId: string,
  personId: string | null,
  days: repo.DaySpan = todaySpan(),
): Promise<string[]> {
  return personId ? repo.portfoliosHeld(db, townId, personId, days) : Promise.resolve([]);
}

/** Villages the person is 包联 leader of on `days` (default today); none without a person. */
export function liaisonVillagesHeld(
  db: Db,
  townId: string,
  personId: string | null,
  days: repo.DaySpan = todaySpan(),
): Promise<string[]> {
  return personId ? repo.liaisonVillagesHeld(db, townId, personId, days) : Promise.resolve([]);
}

export type { HolderFilter } from './holdings.repository.ts';
/** People who may be named under a rule of who (班子成员, 干部 …) on its day: see peopleHolding. */
export { peopleHolding } from './holdings.repository.ts';
