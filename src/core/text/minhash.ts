/**
 * MinHash signatures: k independent 32-bit hash functions (an avalanche mix of the shingle hash
 * with a per-function salt drawn from a seeded generator); the share of equal signature slots of
 * two sets estimates their Jaccard similarity. Same seed, same signatures, on every machine.
 */

/** mulberry32: a tiny seeded generator, enough to draw salts. */
function seededSalts(seed: number, k: number): Uint32Array {
  let state = seed >>> 0;
  const out = new Uint32Array(k);
  for (let i = 0; i < k; i++) {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) >>> 0;
  }
  return out;
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface MinHasher {
  k: number;
  signature(hashes: Uint32Array): Uint32Array;
}

export function createMinHasher(k: number, seed: number): MinHasher {
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a positive integer');
  const salts = seededSalts(seed, k);
  return {
    k,
    signature(hashes) {
      const sig = new Uint32Array(k).fill(0xffffffff);
      for (let i = 0; i < k; i++) {
        const salt = salts[i]!;
        let min = 0xffffffff;
        for (let j = 0; j < hashes.length; j++) {
          const v = fmix32(hashes[j]! ^ salt);
          if (v < min) min = v;
        }
        sig[i] = min;
      }
      return sig;
    },
  };
}

/** Share of equal slots: an unbiased estimate of the Jaccard similarity of the two sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new RangeError('signatures of different length');
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length ? same / a.length : 0;
}
