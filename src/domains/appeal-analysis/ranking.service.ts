/**
 * County ranking (DESIGN 2): the towns a county supervisor or admin holds grants in, ranked by
 * 响应率, 解决率, 满意率 or the weighted composite for a period. Each town's figures are that
 * town's KPI evaluation (appeal-kpi.service.ts) under the caller's scope there, so each drills down to
 * the same orders the town's own dashboard shows.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { InvalidInput } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { evaluateKpis } from '../appeals/appeal-kpi.service.ts';
import { appealScope, scopeSql } from '../appeals/appeal-access.service.ts';
import { rankingTowns } from './analysis.policy.ts';
import { townNames } from './bulletin.repository.ts';

type Db = Kysely<DB>;

export const RANK_BY = [
  'composite',
  'response_rate',
  'resolution_rate',
  'satisfaction_rate',
] as const;
export type RankBy = (typeof RANK_BY)[number];

interface Cell {
  value: number | null;
  numerator?: number | undefined;
  denominator?: number | undefined;
}
interface TownRow {
  townId: string;
  townName: string;
  received: number;
  responseRate: Cell;
  resolutionRate: Cell;
  satisfactionRate: Cell;
  composite: number | null;
  weights: { response: number; resolution: number; satisfaction: number };
}

export async function countyRanking(
  db: Db,
  actor: Actor,
  q: { from: string; to: string; sort: RankBy },
) {
  if (q.from > q.to)
    throw new InvalidInput('开始日期不能晚于结束日期', [
      { path: 'to', label: '结束日期', message: '结束日期不能早于开始日期' },
    ]);
  const townIds = rankingTowns(actor);
  const towns = await townNames(db, townIds);
  const rows: TownRow[] = [];
  for (const town of towns) {
    const report = await evaluateKpis(db, scopeSql(await appealScope(db, actor, town.id)), {
      townId: town.id,
      from: q.from,
      to: q.to,
    });
    const cell = (id: string): Cell => {
      const r = report.metrics.find((m) => m.id === `appeals.${id}`)!.result;
      return r.kind === 'total'
        ? { value: r.value, numerator: r.numerator, denominator: r.denominator }
        : { value: null };
    };
    rows.push({
      townId: town.id,
      townName: town.name,
      received: cell('received').value ?? 0,
      responseRate: cell('response_rate'),
      resolutionRate: cell('resolution_rate'),
      satisfactionRate: cell('satisfaction_rate'),
      composite: report.composite.kind === 'total' ? report.composite.value : null,
      weights: report.weights,
    });
  }
  const key = (r: TownRow) =>
    q.sort === 'composite'
      ? r.composite
      : q.sort === 'response_rate'
        ? r.responseRate.value
        : q.sort === 'resolution_rate'
          ? r.resolutionRate.value
          : r.satisfactionRate.value;
  // Towns without a figure (no orders) go last; ties keep the name order, and share a rank.
  rows.sort(
    (a, b) => (key(b) ?? -1) - (key(a) ?? -1) || a.townName.localeCompare(b.townName, 'zh-CN'),
  );
  let rank = 0;
  return {
    sort: q.sort,
    items: rows.map((r, i) => {
      if (i === 0 || key(r) !== key(rows[i - 1]!)) rank = i + 1;
      return { ...r, rank: key(r) === null ? null : rank };
    }),
  };
}
