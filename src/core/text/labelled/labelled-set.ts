/**
 * The hand-labelled appeal set (appeals.txt in this folder): its parser, and the measures the
 * quality test reports — pairwise precision and recall of a clustering against the true groups,
 * the share of true groups recovered whole, and how alike the texts of a group are (so an easy
 * set shows). Pure: the caller reads the file.
 */

export type Part = 'tune' | 'held-out';

export interface LabelledText {
  /** `block#n`, unique in the set. */
  id: string;
  /** `village|category root`, the production blocking key. */
  block: string;
  village: string;
  part: Part;
  /** `block/group`: texts with the same group describe the same problem. */
  group: string;
  text: string;
}

const BLOCK = /^@\s*(\S+)\s*\|\s*(\S+)\s*\|\s*(tune|held-out)\s*$/u;
const LINE = /^([a-z0-9-]+):\s*(\S.*)$/u;

/** Parses appeals.txt; throws naming the line for anything it does not understand. */
export function parseLabelledSet(source: string): LabelledText[] {
  const out: LabelledText[] = [];
  let block: { key: string; village: string; part: Part } | undefined;
  source.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const b = BLOCK.exec(line);
    if (b) {
      block = { key: `${b[1]}|${b[2]}`, village: b[1]!, part: b[3] as Part };
      return;
    }
    const l = LINE.exec(line);
    if (!l || !block)
      throw new Error(`appeals.txt line ${i + 1}: not "group: text" inside a block`);
    out.push({
      id: `${block.key}#${out.length}`,
      block: block.key,
      village: block.village,
      part: block.part,
      group: `${block.key}/${l[1]}`,
      text: l[2]!,
    });
  });
  return out;
}

export interface PairScores {
  precision: number;
  recall: number;
  /** Share of true groups (two texts or more) that some cluster reproduces exactly. */
  wholeGroups: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  groups: number;
  groupsWhole: number;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function pairsOf(groups: readonly (readonly string[])[]): Set<string> {
  const out = new Set<string>();
  for (const g of groups)
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) out.add(pairKey(g[i]!, g[j]!));
  return out;
}

/** True groups (id lists, two or more members) of the given texts. */
export function trueGroups(texts: readonly LabelledText[]): string[][] {
  const byGroup = new Map<string, string[]>();
  for (const t of texts) byGroup.set(t.group, [...(byGroup.get(t.group) ?? []), t.id]);
  return [...byGroup.values()].filter((g) => g.length >= 2);
}

/** Scores predicted clusters (id lists) against the labelled groups of `texts`. */
export function scoreClusters(
  texts: readonly LabelledText[],
  clusters: readonly (readonly string[])[],
): PairScores {
  const truth = trueGroups(texts);
  const truePairs = pairsOf(truth);
  const predicted = pairsOf(clusters);
  let correct = 0;
  for (const p of predicted) if (truePairs.has(p)) correct++;
  const exact = new Set(clusters.map((c) => [...c].sort().join(',')));
  const whole = truth.filter((g) => exact.has([...g].sort().join(','))).length;
  return {
    precision: predicted.size ? correct / predicted.size : 1,
    recall: truePairs.size ? correct / truePairs.size : 1,
    wholeGroups: truth.length ? whole / truth.length : 1,
    truePairs: truePairs.size,
    predictedPairs: predicted.size,
    correctPairs: correct,
    groups: truth.length,
    groupsWhole: whole,
  };
}

export interface SimilarityProfile {
  /** Pairs of texts in the same true group. */
  withinPairs: number;
  withinMean: number;
  /** Share of same-group pairs below the threshold: what a pure pair test would miss. */
  withinBelow: number;
  /** Pairs of one block in different groups (the near-misses the method must keep apart). */
  nearMissPairs: number;
  nearMissMean: number;
  /** Share of near-miss pairs at or above the threshold: what a pure pair test would wrongly join. */
  nearMissAbove: number;
}

/** How alike same-group and same-block-other-group texts are, under a given similarity. */
export function similarityProfile(
  texts: readonly LabelledText[],
  similarity: (a: LabelledText, b: LabelledText) => number,
  threshold: number,
): SimilarityProfile {
  const within: number[] = [];
  const near: number[] = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!;
      const b = texts[j]!;
      if (a.block !== b.block) continue;
      (a.group === b.group ? within : near).push(similarity(a, b));
    }
  const mean = (v: number[]) => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : 0);
  return {
    withinPairs: within.length,
    withinMean: mean(within),
    withinBelow: within.length ? within.filter((s) => s < threshold).length / within.length : 0,
    nearMissPairs: near.length,
    nearMissMean: mean(near),
    nearMissAbove: near.length ? near.filter((s) => s >= threshold).length / near.length : 0,
  };
}
