/**
 * 可能与…同类: while a dispatcher types a new order, the open problems and the recent clusters
 * (orders of the same village and top-level category in the last 90 days that belong to no
 * problem yet and repeat one another) that the text reads like, with the same similarity as
 * detection (core/text). A group matches when the text is similar to at least two of its members
 * (one, for a group of one or two). Within the caller's scope only; nothing is stored.
 *
 * Tokens of the candidate orders come from core/text's memo (cache.ts), so typing does not run
 * jieba over the same orders again and again; their profiles and a block's clusters are memoized
 * on those tokens here (the same orders with the same texts give the same clusters), and a block
 * none of whose orders reads like the text is not clustered at all (no cluster could match it).
 */
import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import {
  cachedTokens,
  clusterPrepared,
  type Cluster,
  CLUSTER_DEFAULTS,
  isLabelTerm,
  lexiconFor,
  profile,
  similarity,
  tokenize,
  type Lexicon,
  type PreparedItem,
  type TextProfile,
  type Token,
} from '../../core/text/index.ts';
import type { DB } from '../../db/schema.ts';
import { analysisScope } from './analysis.policy.ts';
import * as repo from './problem-match.repository.ts';
import { PROBLEM_STATUS, type ProblemStatus } from './problem.status.ts';
import { RECURRENCE } from './problem.detect.ts';

type Db = Kysely<DB>;

export interface MatchQuery {
  text?: string | undefined;
  phone?: string | undefined;
  villageId?: string | undefined;
  categoryCode?: string | undefined;
  excludeId?: string | undefined;
}

export const HintOrder = z
  .object({ id: z.uuid(), code: z.string(), title: z.string(), receivedOn: z.string() })
  .openapi('ProblemHintOrder');
export type HintOrder = z.infer<typeof HintOrder>;

export const ProblemHint = z
  .object({
    kind: z.enum(['problem', 'cluster']).meta({ title: '已立问题 / 近期同类' }),
    problemId: z.uuid().nullable(),
    title: z.string(),
    status: z.string().nullable(),
    statusLabel: z.string().nullable(),
    version: z.number().nullable(),
    villageId: z.uuid().nullable(),
    categoryCode: z.string().nullable(),
    orderCount: z.number(),
    matched: z.number().meta({ title: '内容与之相似的工单数（已立问题比较其最新 20 件）' }),
    similarity: z.number().meta({ title: '与最相似一件的相似度（0–1）' }),
    words: z.array(z.string()).meta({ title: '共有的词' }),
    orders: z
      .array(HintOrder)
      .meta({ title: '问题中与之最相似的工单（至多 5 件）；近期同类的全部工单' }),
  })
  .openapi('ProblemHint');
export type ProblemHint = z.infer<typeof ProblemHint>;

/** Recent orders of a block taken into clusters, and how far back. */
const RECENT_DAYS = 90;
const RECENT_LIMIT = 200;
/**
 * A problem's newest orders compared with the text (its title and description besides): enough to
 * say what it is about, and a long-running problem with hundreds of orders costs no more.
 */
const PER_PROBLEM = 20;
const MAX_HINTS = 5;

interface Member {
  id: string;
  profile: TextProfile;
  tokens: Token[];
}

const profiles = new WeakMap<Token[], TextProfile>();
/** The profile of memoized tokens (cachedTokens returns the same array for the same text). */
function profileOf(tokens: Token[]): TextProfile {
  let p = profiles.get(tokens);
  if (!p) profiles.set(tokens, (p = profile(tokens)));
  return p;
}

const serials = new WeakMap<Token[], number>();
let nextSerial = 1;
const clusterMemo = new Map<string, Cluster[]>();
/** clusterPrepared over a block's items, from the memo while its orders and texts are unchanged. */
function blockClusters(items: PreparedItem[]): Cluster[] {
  const serial = (t: Token[]) => {
    let n = serials.get(t);
    if (n === undefined) serials.set(t, (n = nextSerial++));
    return n;
  };
  const key = items.map((it) => `${it.id}:${serial(it.tokens)}`).join(',');
  let clusters = clusterMemo.get(key);
  if (!clusters) {
    if (clusterMemo.size >= 256) clusterMemo.clear();
    clusters = clusterPrepared(items, { minSize: 2 });
    clusterMemo.set(key, clusters);
  }
  return clusters;
}

/** How the text relates to a group: similar members, best similarity, shared terms. */
function relate(x: { profile: TextProfile; tokens: Token[] }, members: Member[]) {
  const sims = members.map((m) => ({ m, sim: similarity(x.profile, m.profile) }));
  const linked = sims.filter((s) => s.sim >= CLUSTER_DEFAULTS.threshold);
  const needed = Math.min(2, Math.ceil(members.length / 2));
  const mine = new Map(x.tokens.map((t) => [t.term, t]));
  const words = new Set<string>();
  for (const { m } of linked)
    for (const t of m.tokens) {
      const own = mine.get(t.term);
      if (own && isLabelTerm(own.term, own.kind, own.pos)) words.add(t.term);
    }
  return {
    ok: linked.length >= needed && linked.length > 0,
    // Orders only: a problem's title is a member for matching, not an order to count.
    linked: linked.filter((s) => !s.m.id.startsWith('p:')).length,
    best: Math.max(0, ...sims.map((s) => s.sim)),
    words: [...words].slice(0, 6),
    ranked: sims.sort((a, b) => b.sim - a.sim).map((s) => s.m.id),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
const textOf = (title: string, content: string) => `${title}。${content}`;
const digits = (phone?: string | null) => (phone ?? '').replace(/\D/g, '');

export async function matchProblems(
  db: Db,
  actor: Actor,
  townId: string,
  q: MatchQuery,
  now = new Date(),
): Promise<ProblemHint[]> {
  const text = (q.text ?? '').trim();
  if ([...text].length < 4) return [];
  const villages = await repo.villageNames(db, townId);
  const lexicon = lexiconFor(villages.map((v) => v.name));
  const xTokens = tokenize(text, lexicon);
  const x = { profile: profile(xTokens), tokens: xTokens };
  if (!x.profile.core.length) return [];
  const scope = await analysisScope(db, actor, townId);
  const categoryRoot = q.categoryCode ? await repo.categoryRootOf(db, q.categoryCode) : null;
  const block = { villageId: q.villageId, categoryRoot: categoryRoot ?? undefined };
  const hints = await problemHints(db, townId, scope.problemSql, block, lexicon, x, q.excludeId);
  if (q.villageId && categoryRoot) {
    const since = new Date(now.getTime() - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
    const rows = await repo.recentFreeOrders(
      db,
      townId,
      scope.appealAliased,
      { villageId: q.villageId, categoryRoot },
      since,
      RECENT_LIMIT,
      q.excludeId,
    );
    hints.push(...clusterHints(townId, rows, lexicon, x, q, now));
  }
  return hints
    .sort(
      (a, b) =>
        (a.kind === 'problem' ? 0 : 1) - (b.kind === 'problem' ? 0 : 1) ||
        b.matched / b.orderCount - a.matched / a.orderCount ||
        b.similarity - a.similarity,
    )
    .slice(0, MAX_HINTS);
}

async function problemHints(
  db: Db,
  townId: string,
  problemScope: Parameters<typeof repo.openProblemOrders>[2],
  block: repo.BlockFilter,
  lexicon: Lexicon,
  x: { profile: TextProfile; tokens: Token[] },
  excludeId?: string,
): Promise<ProblemHint[]> {
  const rows = await repo.openProblemOrders(
    db,
    townId,
    problemScope,
    block,
    PER_PROBLEM,
    excludeId,
  );
  const byProblem = new Map<string, repo.ProblemOrderRow[]>();
  for (const r of rows) byProblem.set(r.problem_id, [...(byProblem.get(r.problem_id) ?? []), r]);
  const hints: ProblemHint[] = [];
  for (const [problemId, orders] of byProblem) {
    const p = orders[0]!;
    const member = (id: string, t: string): Member => {
      const tokens = cachedTokens(id, t, lexicon);
      return { id, tokens, profile: profileOf(tokens) };
    };
    // The problem's own title and description say what it is about, as one more member.
    const members = [
      ...orders.map((o) => member(o.appeal_id, textOf(o.title, o.content))),
      member(`p:${problemId}`, `${p.problem_title}。${p.problem_description ?? ''}`),
    ];
    const r = relate(x, members);
    if (!r.ok) continue;
    const byId = new Map(orders.map((o) => [o.appeal_id, o]));
    hints.push({
      kind: 'problem',
      problemId,
      title: p.problem_title,
      status: p.status,
      statusLabel: PROBLEM_STATUS[p.status as ProblemStatus]?.label ?? p.status,
      version: p.version,
      villageId: p.village_id,
      categoryCode: p.category_code,
      orderCount: Number(p.order_count),
      matched: r.linked,
      similarity: round(r.best),
      words: r.words,
      orders: r.ranked
        .filter((id) => byId.has(id))
        .slice(0, 5)
        .map((id) => hintOrder(byId.get(id)!.appeal_id, byId.get(id)!)),
    });
  }
  return hints;
}

const hintOrder = (
  id: string,
  o: { code: string; title: string; received_on: string },
): HintOrder => ({ id, code: o.code, title: o.title, receivedOn: o.received_on });

function clusterHints(
  townId: string,
  rows: repo.RecentOrderRow[],
  lexicon: Lexicon,
  x: { profile: TextProfile; tokens: Token[] },
  q: MatchQuery,
  now: Date,
): ProblemHint[] {
  const block = 'recent';
  const items: PreparedItem[] = rows.map((r) => ({
    id: r.id,
    block,
    tokens: cachedTokens(r.id, textOf(r.title, r.content), lexicon),
  }));
  // A cluster matches only with a member similar to the text: none, no cluster to compute.
  const near = (it: PreparedItem) =>
    similarity(x.profile, profileOf(it.tokens)) >= CLUSTER_DEFAULTS.threshold;
  if (!items.some(near)) return [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tokensOf = new Map(items.map((it) => [it.id, it.tokens]));
  const hints: ProblemHint[] = [];
  for (const c of blockClusters(items)) {
    const members = c.ids.map((id) => ({
      id,
      tokens: tokensOf.get(id)!,
      profile: profileOf(tokensOf.get(id)!),
    }));
    const r = relate(x, members);
    const orders = c.ids.map((id) => byId.get(id)!);
    // As detection asks of a new problem: it recurs on two days or more, from two callers or more.
    const days = new Set([...orders.map((o) => o.received_on), now.toISOString().slice(0, 10)]);
    const callers = new Set([
      ...orders.map((o) => digits(o.contact_phone) || `#${o.id}`),
      digits(q.phone) || '#new',
    ]);
    if (!r.ok || days.size < RECURRENCE.minDays || callers.size < RECURRENCE.minCallers) continue;
    const medoid = byId.get(c.medoidId)!;
    hints.push({
      kind: 'cluster',
      problemId: null,
      title: medoid.title,
      status: null,
      statusLabel: null,
      version: null,
      villageId: q.villageId ?? null,
      categoryCode: q.categoryCode ?? null,
      orderCount: orders.length,
      matched: r.linked,
      similarity: round(r.best),
      words: r.words,
      orders: orders.map((o) => hintOrder(o.id, o)),
    });
  }
  return hints;
}
