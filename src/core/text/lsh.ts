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

/** Candidate pairs [i, j] with i < j, in ascending order; each pair once. */
export function candidatePairs(
  items: readonly LshItem[],
  { bands, rows }: LshOptions,
): [number, number][] {
  const buckets = new Map<string, number[]>();
  items.forEach((item, index) => {
    if (item.signature.length < bands * rows)
      throw new RangeError(
        `signature has ${item.signature.length} slots, bands × rows needs ${bands * rows}`,
      );
    for (let b = 0; b < bands; b++) {
      const key = `${item.block}\u0000${b}\u0000${Array.from(item.signature.subarray(b * rows, (b + 1) * rows)).join(',')}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const n = items.length;
  for (const bucket of buckets.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        const i = bucket[x]!;
        const j = bucket[y]!;
        const code = i * n + j;
        if (seen.has(code)) continue;
        seen.add(code);
        pairs.push([i, j]);
      }
    }
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
