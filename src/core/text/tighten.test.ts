import { describe, expect, it } from 'vitest';
import { clusterTexts } from './cluster.ts';
import { tightGroups, type Links } from './tighten.ts';

/** Links from [a, b, similarity] triples (both directions), all taken as above the threshold. */
function linksOf(pairs: [number, number, number][]): Links {
  const m = new Map<number, Map<number, number>>();
  for (const [a, b, s] of pairs) {
    m.set(a, (m.get(a) ?? new Map()).set(b, s));
    m.set(b, (m.get(b) ?? new Map()).set(a, s));
  }
  return m;
}

describe('tightGroups', () => {
  it('splits a chain A~B~C where A and C are not alike, keeping the closer pair', () => {
    const groups = tightGroups(
      [0, 1, 2],
      linksOf([
        [0, 1, 0.53],
        [1, 2, 0.42],
      ]),
    );
    expect(groups.map((g) => g.members)).toEqual([[0, 1]]);
  });

  it('cuts a long chain into pieces in which every member is linked to the medoid and to most others', () => {
    const chain = linksOf([
      [0, 1, 0.5],
      [1, 2, 0.5],
      [2, 3, 0.5],
      [3, 4, 0.5],
      [4, 5, 0.5],
    ]);
    const groups = tightGroups([0, 1, 2, 3, 4, 5], chain);
    for (const g of groups) {
      expect(g.members).toHaveLength(2);
      const [a, b] = g.members as [number, number];
      expect(chain.get(a)!.has(b)).toBe(true);
    }
    expect(groups.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a group whose members each miss a link or two, as paraphrases do', () => {
    // Five members, every one linked to the medoid 2 and to at least three of the four others.
    const links = linksOf([
      [0, 1, 0.45],
      [0, 2, 0.6],
      [0, 4, 0.55],
      [1, 2, 0.51],
      [1, 4, 0.41],
      [2, 3, 0.35],
      [2, 4, 0.56],
      [3, 0, 0.31],
      [3, 4, 0.3],
    ]);
    expect(tightGroups([0, 1, 2, 3, 4], links)).toEqual([
      { members: [0, 1, 2, 3, 4], medoid: 2, similarity: 0.505 },
    ]);
  });

  it('drops a member linked to only half of the others, even when it is linked to the medoid', () => {
    const links = linksOf([
      [0, 1, 0.5],
      [0, 2, 0.5],
      [1, 2, 0.5],
      [0, 3, 0.5],
      [3, 1, 0.31],
    ]);
    // 3 is linked to 0 (the medoid) and 1, but not to 2: 2 of 3 others is a majority, so it stays…
    expect(tightGroups([0, 1, 2, 3], links)[0]!.members).toEqual([0, 1, 2, 3]);
    // …while a member linked to the medoid alone (1 of 3) does not.
    const loose = linksOf([
      [0, 1, 0.5],
      [0, 2, 0.5],
      [1, 2, 0.5],
      [0, 3, 0.5],
    ]);
    expect(tightGroups([0, 1, 2, 3], loose).map((g) => g.members)).toEqual([[0, 1, 2]]);
  });
});

describe('clusterTexts on a real chain', () => {
  it('does not join a street-light complaint and a road complaint through an order that mentions both', () => {
    const texts = [
      '青松村村口3号路灯不亮，晚上看不见',
      '青松村村口3号路灯不亮，村口路面也坑坑洼洼',
      '青松村村口路面坑坑洼洼，下雨全是积水',
    ];
    const clusters = clusterTexts(
      texts.map((text, i) => ({ id: `t${i}`, text, block: 'b' })),
      { extraWords: ['青松村'] },
    );
    expect(clusters.map((c) => c.ids)).toEqual([['t0', 't1']]);
    expect(clusters[0]!.medoidId).toMatch(/^t[01]$/);
  });
});
