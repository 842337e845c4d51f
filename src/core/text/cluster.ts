/**
 * Clusters near-duplicate texts into recurring problems: segment → shingles → MinHash → LSH
 * candidates inside a block (same town, village and category, decided by the caller) → exact
 * Jaccard check against the threshold → tight groups (every member similar to the group's medoid
 * and to more than half of the others; see tighten.ts — plain connected components would chain).
 * Pure and deterministic: the same items, options and seed give the same clusters in the same order.
 */
import { buildLexicon, segment } from './segment.ts';
import { candidatePairs } from './lsh.ts';
import { createMinHasher } from './minhash.ts';
import { hashShingles, jaccard, shingles } from './shingles.ts';
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

/** Threshold 0.3: near-duplicate complaints re-typed by the desk score 0.3–0.6, unrelated ones under 0.15 (see cluster.test.ts); 40 bands of 2 rows find a 0.3 pair 98 % of the time. */
export const CLUSTER_DEFAULTS = {
  threshold: 0.3,
  bands: 40,
  rows: 2,
  seed: 20250101,
  minSize: 2,
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

export function clusterTexts(
  items: readonly ClusterItem[],
  options: ClusterOptions = {},
): Cluster[] {
  const o = { ...CLUSTER_DEFAULTS, ...options };
  const lexicon = buildLexicon(o.extraWords ?? []);
  const tokens = items.map((it) => segment(it.text, lexicon));
  const sets = tokens.map((t) => shingles(t));
  const hasher = createMinHasher(o.bands * o.rows, o.seed);
  const signed = items.map((it, i) => ({
    block: it.block,
    signature: hasher.signature(hashShingles(sets[i]!)),
  }));
  const components = new DisjointSet(items.length);
  const links = new Map<number, Map<number, number>>();
  const link = (a: number, b: number, sim: number) => {
    const m = links.get(a) ?? new Map<number, number>();
    m.set(b, sim);
    links.set(a, m);
  };
  for (const [i, j] of candidatePairs(signed, o)) {
    const sim = jaccard(sets[i]!, sets[j]!);
    if (sim >= o.threshold) {
      components.union(i, j);
      link(i, j, sim);
      link(j, i, sim);
    }
  }
  const byRoot = new Map<number, number[]>();
  items.forEach((_, i) => {
    if (!links.has(i)) return;
    const root = components.find(i);
    byRoot.set(root, [...(byRoot.get(root) ?? []), i]);
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
        commonWords: commonWords(g.members.map((i) => tokens[i]!)),
      });
    }
  }
  return clusters.sort((a, b) => b.ids.length - a.ids.length);
}

/** Words found in at least half the members, by how many members use them. */
function commonWords(tokenLists: string[][]): string[] {
  const counts = new Map<string, number>();
  for (const list of tokenLists)
    for (const w of new Set(list.filter((t) => [...t].length >= 2)))
      counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n * 2 >= tokenLists.length)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 6)
    .map(([w]) => w);
}
