import { describe, expect, it } from 'vitest';
import { candidatePairs, lshThreshold } from './lsh.ts';
import { createMinHasher, estimateJaccard } from './minhash.ts';
import { hash32, hashShingles, jaccard } from './shingles.ts';

const set = (from: number, to: number) =>
  new Set(Array.from({ length: to - from }, (_, i) => `s${from + i}`));

describe('MinHash', () => {
  it('estimates Jaccard similarity within a few points with 256 hash functions', () => {
    const a = set(0, 100);
    const b = set(40, 140); // 60 shared of 140 → 0.4286
    const h = createMinHasher(256, 7);
    const est = estimateJaccard(h.signature(hashShingles(a)), h.signature(hashShingles(b)));
    expect(jaccard(a, b)).toBeCloseTo(60 / 140, 6);
    expect(Math.abs(est - 60 / 140)).toBeLessThan(0.08);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const hashes = hashShingles(set(0, 30));
    expect(createMinHasher(16, 1).signature(hashes)).toEqual(
      createMinHasher(16, 1).signature(hashes),
    );
    expect(createMinHasher(16, 1).signature(hashes)).not.toEqual(
      createMinHasher(16, 2).signature(hashes),
    );
  });

  it('hashes strings stably (FNV-1a)', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
  });
});

describe('LSH banding', () => {
  const h = createMinHasher(40, 3);
  const sig = (s: Set<string>) => h.signature(hashShingles(s));

  it('pairs identical and near-identical sets and not disjoint ones', () => {
    const items = [
      { block: 'x', signature: sig(set(0, 50)) },
      { block: 'x', signature: sig(set(0, 50)) },
      { block: 'x', signature: sig(set(2, 52)) },
      { block: 'x', signature: sig(set(500, 550)) },
    ];
    const pairs = candidatePairs(items, { bands: 20, rows: 2 });
    expect(pairs).toContainEqual([0, 1]);
    expect(pairs).toContainEqual([0, 2]);
    expect(pairs.some(([i, j]) => i === 3 || j === 3)).toBe(false);
  });

  it('never pairs items of different blocks, however similar', () => {
    const s = sig(set(0, 50));
    expect(
      candidatePairs(
        [
          { block: 'a', signature: s },
          { block: 'b', signature: s },
        ],
        { bands: 20, rows: 2 },
      ),
    ).toEqual([]);
  });

  it('puts the threshold where the S-curve says', () => {
    expect(lshThreshold({ bands: 40, rows: 2 })).toBeCloseTo(0.158, 3);
  });
});
