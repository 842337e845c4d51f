/**
 * 问题清单 detection: clusters the orders received in a period (in the caller's scope) with the
 * orders already linked to open problems, blocked by village and category, and turns tight
 * clusters into proposals — a new problem, or new members of an existing one. Orders already in a
 * problem, taken out of it by a user, or dismissed (忽略) together before are not proposed again;
 * orders that join a dismissed group later are, shown with that dismissal. Nothing is stored.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { InvalidInput } from '../../core/errors.ts';
import { clusterTexts, CLUSTER_DEFAULTS, type ClusterItem } from '../../core/text/index.ts';
import { ANALYSIS_KIND_NAMES } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import type { AnalysisScope } from './analysis.policy.ts';
import * as dismissals from './dismissal.repository.ts';
import * as repo from './problem.repository.ts';
import * as detectRepo from './problem-detect.repository.ts';

type Db = Kysely<DB>;

export interface DetectParams {
  from: string;
  to: string;
  threshold?: number | undefined;
  minSize?: number | undefined;
  /** 12345 hotline orders by default: repeated complaints are a hotline phenomenon; 'all' takes every analysis kind. */
  kind?: string | undefined;
  villageId?: string | undefined;
}

/**
 * A new problem needs a place and a recurrence (DESIGN 5: same village and category): orders
 * without a village are generic complaints from anywhere in the town, and read alike without being
 * one problem; orders of one day are one incident reported repeatedly; one resident calling again
 * and again is a duplicate to merge (合并), not a problem shared by the village.
 */
export const RECURRENCE = { minDays: 2, minCallers: 2 } as const;

interface Candidate {
  id: string;
  code: string;
  title: string;
  content: string;
  village_id: string | null;
  category_code: string | null;
  category_root: string | null;
  received_on: string;
  state: string;
  contact_phone: string | null;
}

const MAX_ORDERS = 20_000;

async function candidates(
  db: Db,
  townId: string,
  scope: AnalysisScope,
  p: DetectParams,
  anchorIds: string[],
): Promise<Candidate[]> {
  // Orders merged into a master (合并) are the same appeal again: only the master takes part.
  const kinds = p.kind && p.kind !== 'all' ? [p.kind] : [...ANALYSIS_KIND_NAMES];
  const inPeriod = await detectRepo.periodOrders(
    db,
    townId,
    scope.appealAliased,
    { kinds, villageId: p.villageId, from: p.from, to: p.to },
    MAX_ORDERS + 1,
  );
  if (inPeriod.length > MAX_ORDERS)
    throw new InvalidInput(`期间内工单超过 ${MAX_ORDERS} 件，请缩短分析期间`, [
      { path: 'from', label: '开始日期', message: '期间过长' },
    ]);
  const seen = new Set(inPeriod.map((r) => r.id));
  const anchors = anchorIds.filter((id) => !seen.has(id));
  const extra = await detectRepo.ordersById(db, townId, scope.appealAliased, anchors);
  return [...inPeriod, ...extra] as Candidate[];
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** Recurs = in a village, on enough days, from enough callers (orders without a number count as different callers). */
function recurs(members: Candidate[]): boolean {
  if (members.some((m) => m.village_id === null)) return false;
  const days = new Set(members.map((m) => m.received_on)).size;
  const callers = new Set(members.map((m) => m.contact_phone ?? `#${m.id}`)).size;
  return days >= RECURRENCE.minDays && callers >= RECURRENCE.minCallers;
}

/** What earlier decisions say about each order: its problem link, 移出 exclusions and 忽略 dismissals. */
interface LinkState {
  links: Link[];
  linkedTo: Map<string, Link>;
  /** `${problemId}|${appealId}` of orders a user took out of a problem. */
  excluded: Set<string>;
  /** `${problemId ?? ''}|${appealId}` → the active dismissals holding that order. */
  dismissedIn: Map<string, Dismissal[]>;
}

type Link = Awaited<ReturnType<typeof repo.allLinks>>[number];
type Dismissal = Awaited<ReturnType<typeof dismissals.activeDismissals>>[number];

async function loadLinkState(db: Db, townId: string): Promise<LinkState> {
  const links = await repo.allLinks(db, townId);
  const excluded = new Set(
    (await repo.exclusions(db, townId)).map((e) => `${e.problem_id}|${e.appeal_id}`),
  );
  const dismissedIn = new Map<string, Dismissal[]>();
  for (const d of await dismissals.activeDismissals(db, townId))
    for (const a of d.appealIds)
      dismissedIn.set(`${d.problem_id ?? ''}|${a}`, [
        ...(dismissedIn.get(`${d.problem_id ?? ''}|${a}`) ?? []),
        d,
      ]);
  return { links, linkedTo: new Map(links.map((l) => [l.appeal_id, l])), excluded, dismissedIn };
}

/** The problem holding most of the cluster's linked members (ties: the smaller id). */
function targetProblem(linked: Candidate[], state: LinkState) {
  const counts = new Map<string, number>();
  for (const m of linked) {
    const problemId = state.linkedTo.get(m.id)!.problem_id;
    counts.set(problemId, (counts.get(problemId) ?? 0) + 1);
  }
  const problemId = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  return { problemId, problemTitle: state.links.find((l) => l.problem_id === problemId)!.title };
}

function dismissalView(last: Dismissal | undefined) {
  return last
    ? {
        id: last.id,
        title: last.title,
        reason: last.reason,
        dismissedByName: last.dismissed_by_name,
        dismissedAt: new Date(last.dismissed_at).toISOString(),
        orderCount: last.appealIds.length,
      }
    : null;
}

interface ClusterContext {
  state: LinkState;
  byId: Map<string, Candidate>;
  villageName: Map<string, string>;
  minSize: number;
}

/** One cluster as a proposal (a new problem, or new members of an existing one); null if nothing is left. */
function proposalFor(c: ReturnType<typeof clusterTexts>[number], ctx: ClusterContext) {
  const { state, byId } = ctx;
  const members = c.ids.map((id) => byId.get(id)!);
  const linked = members.filter((m) => state.linkedTo.has(m.id));
  const free = members.filter((m) => !state.linkedTo.has(m.id));
  // A cluster touching a problem extends it; otherwise a new problem needs size and recurrence.
  if (!linked.length && (free.length < ctx.minSize || !recurs(free))) return null;
  const { problemId, problemTitle } = linked.length
    ? targetProblem(linked, state)
    : { problemId: null, problemTitle: null };
  const candidatesLeft = problemId
    ? free.filter((m) => !state.excluded.has(`${problemId}|${m.id}`))
    : free;
  // A dismissed group comes back only with orders that joined it since, and says so.
  const dismissalsOf = (m: Candidate) => state.dismissedIn.get(`${problemId ?? ''}|${m.id}`);
  const earlier = [...new Set(candidatesLeft.flatMap((m) => dismissalsOf(m) ?? []))];
  const offered = candidatesLeft.filter((m) => !dismissalsOf(m));
  if (!offered.length) return null;
  const last = earlier.sort(
    (a, b) => new Date(b.dismissed_at).getTime() - new Date(a.dismissed_at).getTime(),
  )[0];
  const ids = offered.map((m) => m.id).sort();
  const village = members[0]!.village_id;
  const title = byId.get(c.medoidId)!.title;
  const place = village ? (ctx.villageName.get(village) ?? '') : '';
  return {
    key: createHash('sha256')
      .update(`${problemId ?? ''}|${ids.join(',')}`)
      .digest('hex')
      .slice(0, 16),
    kind: problemId ? ('extend' as const) : ('new' as const),
    problemId,
    problemTitle,
    suggestedTitle: `${place && !title.includes(place) ? `${place}：` : ''}${title}（重复诉求）`,
    villageId: village,
    categoryCode: mostCommon(members.map((m) => m.category_code ?? '')) || null,
    similarity: c.similarity,
    commonWords: c.commonWords,
    orders: offered.map((m) => ({
      id: m.id,
      code: m.code,
      title: m.title,
      receivedOn: m.received_on,
      state: m.state,
    })),
    dismissed: dismissalView(last),
  };
}

export async function detectProblems(
  db: Db,
  townId: string,
  scope: AnalysisScope,
  p: DetectParams,
) {
  if (p.from > p.to)
    throw new InvalidInput('开始日期不能晚于结束日期', [
      { path: 'to', label: '结束日期', message: '结束日期不能早于开始日期' },
    ]);
  const state = await loadLinkState(db, townId);
  const openLinks = state.links.filter((l) => l.status !== 'closed');
  const rows = await candidates(
    db,
    townId,
    scope,
    p,
    openLinks.map((l) => l.appeal_id),
  );
  // Orders of closed problems stay out: a problem that comes back after 销号 is proposed anew.
  const pool = rows.filter((r) => state.linkedTo.get(r.id)?.status !== 'closed');
  const villages = await detectRepo.townVillages(db, townId);
  const items: ClusterItem[] = pool.map((r) => ({
    id: r.id,
    text: `${r.title}。${r.content}`,
    block: `${r.village_id ?? '-'}|${r.category_root ?? '-'}`,
  }));
  const minSize = p.minSize ?? 3;
  const clusters = clusterTexts(items, {
    threshold: p.threshold ?? CLUSTER_DEFAULTS.threshold,
    minSize: 2,
    extraWords: villages.map((v) => v.name),
  });
  const ctx: ClusterContext = {
    state,
    byId: new Map(pool.map((r) => [r.id, r])),
    villageName: new Map(villages.map((v) => [v.id, v.name])),
    minSize,
  };
  const proposals = clusters.flatMap((c) => proposalFor(c, ctx) ?? []);
  return {
    items: proposals,
    scanned: pool.length,
    threshold: p.threshold ?? CLUSTER_DEFAULTS.threshold,
    minSize,
  };
}
