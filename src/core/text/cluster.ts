/**
 * Clusters near-duplicate appeal texts into recurring problems: tokens (segment.ts: concepts,
 * places, address numbers) → profiles (shingles.ts) → candidate pairs inside a block (same town,
 * village and category, decided by the caller; every pair of a small block, LSH over MinHash in
 * a large one) → exact similarity against the threshold (0 where two texts name different places)
 * → tight groups (every member similar to the group's medoid and to more than half of the others;
 * see tighten.ts — plain connected components would chain). Pure and deterministic: the same
 * items, options and seed give the same clusters in the same order.
 */
import { blockCandidates, byBlock, type LshItem } from './lsh.ts';
import { createMinHasher } from './minhash.ts';
import { buildLexicon, tokenize, type Token } from './segment.ts';
import { profile, similarity, type KindWeights, type TextProfile } from './shingles.ts';
import { labelTerms } from './labels.ts';
import { tightGroups } from './tighten.ts';

export interface ClusterItem {
  id: string;
  text: string;
  /** Items are only compared within the same block (e.g. `town|village|category`). */
  block: string;
}

export interface ClusterOptions {
  /** Exact Jaccard similarity two items need to be linked (default 0.3). */
  threshold?: number;
  bands?: number;
  rows?: number;
  seed?: number;
  /** Smallest cluster reported (default 2). */
  minSize?: number;
  /** Words kept whole by the segmenter, e.g. the town's village names. */
  extraWords?: readonly string[];
  /** Feature copies per token kind (shingles.ts). */
  weights?: KindWeights;
  /** Compare every pair of a block instead of LSH candidates (the exact floor; slow at scale). */
  exact?: boolean;
  /** Blocks of at most this many texts compare every pair; larger ones use LSH (0: LSH everywhere). */
  exactBelow?: number;
}

export interface Cluster {
  /** Member ids, in input order. */
  ids: string[];
  block: string;
  /** The member most similar to the rest: the group's central complaint. */
  medoidId: string;
  /** Mean similarity of the other members to the medoid. */
  similarity: number;
  /** The words most members share, most shared first (for a suggested title). */
  commonWords: string[];
}

/**
 * Threshold 0.35, chosen on the tune part of the labelled set (labelled/README.md): precision and
 * recall sit on a plateau from 0.35 to 0.4. Blocks of up to 200 texts compare every pair (cheaper
 * than hashing at that size, and nothing is missed); larger blocks take LSH candidates from
 * MinHash signatures of the full features, 20 bands of 2 rows: a pair at 0.35 is a candidate
 * with probability 1 − (1 − 0.35²)²⁰ ≈ 93 %, at 0.5 ≈ 99.7 % (bench/problems measures it).
 */
export const CLUSTER_DEFAULTS = {
  threshold: 0.35,
  bands: 20,
  rows: 2,
  seed: 20250101,
  minSize: 2,
  exactBelow: 200,
} as const;

class DisjointSet {
  readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller index is the root, so component order never depends on union order.
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** A text already read into tokens (segment.ts), so it can be clustered again without jieba. */
export interface PreparedItem {
  id: string;
  block: string;
  tokens: Token[];
}

export function prepareTexts(
  items: readonly ClusterItem[],
  extraWords: readonly string[] = [],
): PreparedItem[] {
  const lexicon = buildLexicon(extraWords);
  return items.map((it) => ({ id: it.id, block: it.block, tokens: tokenize(it.text, lexicon) }));
}

export function clusterTexts(
  items: readonly ClusterItem[],
  options: ClusterOptions = {},
): Cluster[] {
  return clusterPrepared(prepareTexts(items, options.extraWords), options);
}

/**
 * The pairs to verify: every pair of a small block (cheaper than hashing, and nothing missed),
 * LSH candidates inside a block larger than `exactBelow`; every pair of every block when `exact`.
 */
function candidates(
  blocks: readonly string[],
  profiles: readonly TextProfile[],
  o: LinkOptions,
): [number, number][] {
  const pairs: [number, number][] = [];
  const hasher = createMinHasher(o.bands * o.rows, o.seed);
  const signed: LshItem[] = [];
  for (const members of byBlock(blocks)) {
    if (o.exact || members.length <= o.exactBelow) {
      for (let x = 0; x < members.length; x++)
        for (let y = x + 1; y < members.length; y++) pairs.push([members[x]!, members[y]!]);
      continue;
    }
    for (const i of members)
      signed[i] = { block: blocks[i]!, signature: hasher.signature(profiles[i]!.full) };
    blockCandidates(members, signed, o, pairs);
  }
  return pairs;
}

type LinkOptions = Required<
  Pick<ClusterOptions, 'threshold' | 'bands' | 'rows' | 'seed' | 'exactBelow'>
> &
  Pick<ClusterOptions, 'exact'>;

/** Pairs [i, j, similarity] of one block at or above the threshold: the edges clusters are cut from. */
export function findLinks(
  blocks: readonly string[],
  profiles: readonly TextProfile[],
  options: Partial<LinkOptions> = {},
): [number, number, number][] {
  const o = { ...CLUSTER_DEFAULTS, ...options };
  const out: [number, number, number][] = [];
  for (const [i, j] of candidates(blocks, profiles, o)) {
    const sim = similarity(profiles[i]!, profiles[j]!);
    if (sim >= o.threshold) out.push([i, j, sim]);
  }
  return out;
}

export function clusterPrepared(
  items: readonly PreparedItem[],
  options: ClusterOptions = {},
): Cluster[] {
  const o = { ...CLUSTER_DEFAULTS, ...options };
  const tokens = items.map((it) => it.tokens);
  const profiles = tokens.map((t) => profile(t, o.weights));
  const components = new DisjointSet(items.length);
  const links = new Map<number, Map<number, number>>();
  const link = (a: number, b: number, sim: number) => {
    const m = links.get(a) ?? new Map<number, number>();
    m.set(b, sim);
    links.set(a, m);
  };
  for (const [i, j, sim] of findLinks(
    items.map((it) => it.block),
    profiles,
    o,
  )) {
    components.union(i, j);
    link(i, j, sim);
    link(j, i, sim);
  }
  const byRoot = new Map<number, number[]>();
  items.forEach((_, i) => {
    if (!links.has(i)) return;
    const root = components.find(i);
    const group = byRoot.get(root);
    if (group) group.push(i);
    else byRoot.set(root, [i]);
  });
  const clusters: Cluster[] = [];
  // Components only bound the search; each is cut into tight groups (tighten.ts), never kept whole by a chain.
  for (const [, nodes] of [...byRoot].sort((a, b) => a[0] - b[0])) {
    for (const g of tightGroups(nodes, links)) {
      if (g.members.length < o.minSize) continue;
      clusters.push({
        ids: g.members.map((i) => items[i]!.id),
        block: items[g.medoid]!.block,
        medoidId: items[g.medoid]!.id,
        similarity: g.similarity,
        commonWords: labelTerms(g.members.map((i) => tokens[i]!)),
      });
    }
  }
  return clusters.sort((a, b) => b.ids.length - a.ids.length);
}
