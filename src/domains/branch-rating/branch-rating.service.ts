/**
 * 党支部星级评定 (issue 14): the year's indicator set and thresholds (the town's, else the
 * defaults of core/party/rating.ts), and each branch's rating — scores per indicator with the
 * records they rest on — written as the branch's record of the 星级评定 ledger (stars, weighted
 * total, 较上年晋级: what reports cite) with the scores beside it. The organisation work rates;
 * a branch secretary sees their own branch.
 */
import type { Kysely } from 'kysely';
import type { Actor, WriteCtx } from '../../core/actor.ts';
import { todayKey } from '../../core/calendar/display.ts';
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import {
  DEFAULT_SCHEME,
  movement,
  orgLifeSuggestion,
  schemeProblems,
  starsFor,
  weightedTotal,
  type RatingScheme,
} from '../../core/party/rating.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { createRecord, updateRecord } from '../ledgers/ledger-record.service.ts';
import {
  assertOrganiser,
  branchesFor,
  listMeetings,
} from '../party-meetings/party-meetings.service.ts';
import { quarterOverview } from '../party-meetings/party-roster.service.ts';
import * as repo from './branch-rating.repository.ts';

type Db = Kysely<DB>;

async function audit(
  db: Db,
  ctx: WriteCtx,
  type: string,
  id: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action: 'update',
    entityType: type,
    entityId: id,
    before,
    after,
    ip: ctx.ip,
  });
}

export async function schemeOf(db: Db, townId: string, year: number) {
  const own = await repo.findScheme(db, townId, year);
  return own
    ? { year, custom: true, ...own }
    : { year, custom: false, ...DEFAULT_SCHEME, version: 0 };
}

export async function saveScheme(
  db: Db,
  ctx: WriteCtx,
  year: number,
  version: number,
  scheme: RatingScheme,
) {
  await assertOrganiser(db, ctx.actor, ctx.townId);
  const problems = schemeProblems(scheme);
  if (problems.length)
    throw new InvalidInput(
      problems[0]![1],
      problems.map(([path, message]) => ({
        path,
        label: path.startsWith('thresholds') ? '星级分数线' : '评定指标',
        message,
      })),
    );
  const before = await schemeOf(db, ctx.townId, year);
  if (before.version !== version)
    throw new Conflict(`${year}年的评定指标已被他人修改，请刷新后重试`);
  if (version === 0) await repo.insertScheme(db, ctx.townId, year, scheme);
  else if ((await repo.updateScheme(db, ctx.townId, year, version, scheme)) === undefined)
    throw new Conflict(`${year}年的评定指标已被他人修改，请刷新后重试`);
  await audit(db, ctx, 'branch_rating_scheme', String(year), before, scheme);
}

const starsOf = (r: repo.RatingRecordRow | undefined) => (r ? Number(r.data.stars) || null : null);

/** Labels of evidence records: “三会一课 2025-05-12 学习党章”. */
function evidenceLabel(r: { typeName: string; occurredOn: string; data: Record<string, unknown> }) {
  const text = ['topic', 'theme', 'title']
    .map((k) => r.data[k])
    .find((v) => typeof v === 'string' && v !== '');
  return `${r.typeName} ${r.occurredOn}${text ? ` ${String(text).slice(0, 30)}` : ''}`;
}

/** Every branch in sight with its rating of `year` (if any), last year's stars and its history. */
export async function ratingsOf(db: Db, actor: Actor, townId: string, year: number) {
  const scheme = await schemeOf(db, townId, year);
  const branches = await branchesFor(db, actor, townId);
  const years = [year - 4, year - 3, year - 2, year - 1, year];
  const records = await repo.ratingRecords(db, townId, years);
  const find = (branchId: string, y: number) =>
    records.find((r) => r.branchId === branchId && Number(r.data.year) === y);
  const current = branches.flatMap((b) => find(b.id, year) ?? []);
  const scores = await repo.scoresOf(
    db,
    townId,
    current.map((r) => r.id),
  );
  const evidence = new Map(
    (await repo.evidenceRecords(db, townId, [...new Set(scores.flatMap((s) => s.evidence))])).map(
      (e) => [e.id, { id: e.id, label: evidenceLabel(e) }],
    ),
  );
  return {
    scheme,
    branches: branches.map((b) => {
      const r = find(b.id, year);
      const lastYear = starsOf(find(b.id, year - 1));
      const stars = starsOf(r);
      return {
        branchId: b.id,
        branchName: b.name,
        village: b.parentName,
        history: years.map((y) => ({ year: y, stars: starsOf(find(b.id, y)) })),
        lastYearStars: lastYear,
        rating: r
          ? {
              recordId: r.id,
              version: r.version,
              total: Number(r.data.score ?? 0),
              stars: stars ?? 1,
              movement: movement(stars ?? 1, lastYear),
              remark: typeof r.data.remark === 'string' ? r.data.remark : null,
              scores: scores
                .filter((s) => s.recordId === r.id)
                .map((s) => ({
                  indicator: s.indicator,
                  score: s.score,
                  note: s.note,
                  evidence: s.evidence.flatMap((id) => evidence.get(id) ?? []),
                })),
            }
          : null,
      };
    }),
  };
}

async function branchOr404(db: Db, actor: Actor, townId: string, branchId: string) {
  const branch = (await branchesFor(db, actor, townId)).find((b) => b.id === branchId);
  if (!branch) throw new NotFound('党支部');
  return branch;
}

/** Records of the branch (and its village) that year a score may cite, newest first. */
export async function evidenceChoices(
  db: Db,
  actor: Actor,
  townId: string,
  year: number,
  branchId: string,
) {
  await branchOr404(db, actor, townId, branchId);
  const units = await repo.branchAndVillage(db, townId, branchId);
  return (await repo.candidateEvidence(db, townId, units, year)).map((e) => ({
    id: e.id,
    label: evidenceLabel(e),
  }));
}

export interface ScoreInput {
  indicator: string;
  score: number;
  evidence: string[];
  note?: string | undefined;
}

async function checkScores(db: Db, townId: string, scheme: RatingScheme, scores: ScoreInput[]) {
  const issues = scores.flatMap((s, i) =>
    scheme.indicators.some((x) => x.code === s.indicator)
      ? []
      : [{ path: `scores.${i}.indicator`, label: '评定指标', message: '不是本年度的评定指标' }],
  );
  for (const x of scheme.indicators)
    if (scores.filter((s) => s.indicator === x.code).length !== 1)
      issues.push({ path: 'scores', label: '评定指标', message: `请为“${x.name}”打分（一次）` });
  const wanted = [...new Set(scores.flatMap((s) => s.evidence))];
  const found = new Set((await repo.evidenceRecords(db, townId, wanted)).map((e) => e.id));
  scores.forEach((s, i) => {
    if (s.evidence.some((id) => !found.has(id)))
      issues.push({
        path: `scores.${i}.evidence`,
        label: '佐证材料',
        message: '所选记录不存在或已删除',
      });
  });
  if (issues.length) throw new InvalidInput(`评分有 ${issues.length} 处需要修改`, issues);
}

/** Rates a branch for a year: the ledger record (created or updated, version-checked) and scores. */
export async function saveRating(
  db: Db,
  ctx: WriteCtx,
  year: number,
  branchId: string,
  input: { version?: number | undefined; scores: ScoreInput[]; remark?: string | undefined },
) {
  await assertOrganiser(db, ctx.actor, ctx.townId);
  await branchOr404(db, ctx.actor, ctx.townId, branchId);
  const scheme = await schemeOf(db, ctx.townId, year);
  await checkScores(db, ctx.townId, scheme, input.scores);
  const total = weightedTotal(
    scheme.indicators,
    Object.fromEntries(input.scores.map((s) => [s.indicator, s.score])),
  );
  const stars = starsFor(scheme.thresholds, total);
  const records = await repo.ratingRecords(db, ctx.townId, [year - 1, year]);
  const of = (y: number) =>
    records.find((r) => r.branchId === branchId && Number(r.data.year) === y);
  const lastYear = starsOf(of(year - 1));
  const data = {
    branch: branchId,
    year,
    stars,
    score: total,
    rated_on: todayKey(),
    promoted: lastYear !== null && stars > lastYear,
    ...(input.remark ? { remark: input.remark } : {}),
  };
  const existing = of(year);
  let recordId: string;
  if (existing) {
    if (input.version === undefined)
      throw new Conflict('该党支部本年度已有评定结果，请刷新后在原结果上修改');
    recordId = existing.id;
    await updateRecord(db, ctx, 'branch_star_rating', existing.id, {
      version: input.version,
      data,
    });
  } else recordId = (await createRecord(db, ctx, 'branch_star_rating', data)).id;
  const before = existing ? await repo.scoresOf(db, ctx.townId, [existing.id]) : null;
  const rows = input.scores.map((s) => ({ ...s, note: s.note ?? null }));
  await repo.replaceScores(db, ctx.townId, recordId, rows);
  await audit(db, ctx, 'branch_rating_score', recordId, before, rows);
  return { recordId, total, stars };
}

/**
 * 组织生活 prefilled from the year's meetings (core/party/rating.ts orgLifeSuggestion): required
 * and missing over the four quarters, the attendance rate over all of them; the meetings are the
 * evidence.
 */
export async function suggestOrgLife(
  db: Db,
  actor: Actor,
  townId: string,
  year: number,
  branchId: string,
  today: string,
) {
  await branchOr404(db, actor, townId, branchId);
  let required = 0;
  let missing = 0;
  let present = 0;
  let expected = 0;
  for (const q of [1, 2, 3, 4]) {
    const o = await quarterOverview(db, actor, townId, year, q, today);
    const b = o.branches.find((x) => x.branchId === branchId);
    if (!b) continue;
    required += b.types.reduce((n, t) => n + t.required, 0);
    missing += b.missing;
    present += b.present;
    expected += b.expected;
  }
  const rate = expected > 0 ? Math.round((present * 1000) / expected) / 10 : null;
  const meetings = await listMeetings(db, actor, townId, {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    branchId,
  });
  return {
    score: orgLifeSuggestion(required, missing, rate),
    required,
    missing,
    attendanceRate: rate,
    evidence: meetings.map((m) => ({ id: m.id, label: `${m.typeLabel} ${m.heldOn} ${m.topic}` })),
  };
}
