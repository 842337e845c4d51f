/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into b bands of r
 * rows; two items whose signatures agree on a whole band (and share a block key, e.g. the same
 * town, village and category) become a candidate pair. The chance a pair of similarity s is
 * found is 1 − (1 − s^r)^b, so the threshold sits near (1/b)^(1/r).
 */

export interface LshItem {
  /** Items are only compared within the same block. */
  block: string;
  signature: Uint32Array;
}

export interface LshOptions {
  bands: number;
  rows: number;
}

/** The similarity at which a pair has a 50 % … 63 % chance of being a candidate. */
export function lshThreshold({ bands, rows }: LshOptions): number {
  return (1 / bands) ** (1 / rows);
}

/** Item indices by block, blocks and members in input order. */
export function byBlock(blocks: readonly string[]): number[][] {
  const groups = new Map<string, number[]>();
  blocks.forEach((b, i) => {
    const g = groups.get(b);
    if (g) g.push(i);
    else groups.set(b, [i]);
  });
  return [...groups.values()];
}

/** MurmurHash3's finaliser, to fold a band's rows into one bucket key. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Candidate pairs [i, j] (i < j) of one block's members, each once, appended to `out`. Bucket keys
 * are 32-bit folds of a band's rows: a rare collision only adds a candidate, which the caller
 * verifies exactly anyway.
 */
export function blockCandidates(
  members: readonly number[],
  items: readonly LshItem[],
  { bands, rows }: LshOptions,
  out: [number, number][],
): void {
  const m = members.length;
  if (m < 2) return;
  // Pairs already offered, as a triangle bitmap (a Set for very large blocks).
  const bitmap = m <= 8192 ? new Uint8Array((m * (m - 1)) / 2) : undefined;
  const seen = new Set<number>();
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<number, number[]>();
    for (let x = 0; x < m; x++) {
      const sig = items[members[x]!]!.signature;
      let h = Math.imul(b + 1, 0x9e3779b1);
      for (let r = 0; r < rows; r++) h = mix(h ^ sig[b * rows + r]!);
      const bucket = buckets.get(h);
      if (bucket) bucket.push(x);
      else buckets.set(h, [x]);
    }
    for (const bucket of buckets.values())
      for (let u = 0; u < bucket.length; u++)
        for (let v = u + 1; v < bucket.length; v++) {
          const x = bucket[u]!;
          const y = bucket[v]!;
          const k = x * m - (x * (x + 1)) / 2 + (y - x - 1);
          if (bitmap) {
            if (bitmap[k]) continue;
            bitmap[k] = 1;
          } else {
            if (seen.has(k)) continue;
            seen.add(k);
          }
          out.push([members[x]!, members[y]!]);
        }
  }
}

/** Candidate pairs [i, j] with i < j, each once, only within a block. */
export function candidatePairs(items: readonly LshItem[], options: LshOptions): [number, number][] {
  for (const item of items)
    if (item.signature.length < options.bands * options.rows)
      throw new RangeError(
        `signature has ${item.signature.length} slots, bands × rows needs ${options.bands * options.rows}`,
      );
  const pairs: [number, number][] = [];
  for (const members of byBlock(items.map((it) => it.block)))
    blockCandidates(members, items, options, pairs);
  return pairs;
}
