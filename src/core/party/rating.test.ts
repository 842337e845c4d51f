/** Star levels at the thresholds exactly, weighted totals, 晋位升级 and scheme checks. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEME,
  movement,
  orgLifeSuggestion,
  schemeProblems,
  starsFor,
  weightedTotal,
} from './rating.ts';

const { thresholds, indicators } = DEFAULT_SCHEME;

describe('党支部星级评定', () => {
  it('gives the star level of a threshold at the threshold exactly, one less just below it', () => {
    expect(starsFor(thresholds, 90)).toBe(5);
    expect(starsFor(thresholds, 89.99)).toBe(4);
    expect(starsFor(thresholds, 80)).toBe(4);
    expect(starsFor(thresholds, 79.99)).toBe(3);
    expect(starsFor(thresholds, 70)).toBe(3);
    expect(starsFor(thresholds, 60)).toBe(2);
    expect(starsFor(thresholds, 59.99)).toBe(1);
    expect(starsFor(thresholds, 0)).toBe(1);
    expect(starsFor([{ stars: 3, minScore: 75 }], 74)).toBe(1);
  });

  it('weights the 0–100 scores so the total is out of 100', () => {
    const all = (n: number) => Object.fromEntries(indicators.map((i) => [i.code, n]));
    expect(weightedTotal(indicators, all(100))).toBe(100);
    // 20·90 + 20·90 + 25·88.4 + 20·92 + 15·90 = 9,000 → 90.00: exactly five stars.
    const total = weightedTotal(indicators, {
      leadership: 90,
      members: 90,
      org_life: 88.4,
      impact: 92,
      satisfaction: 90,
    });
    expect(total).toBe(90);
    expect(starsFor(thresholds, total)).toBe(5);
    expect(weightedTotal(indicators, { ...all(90), org_life: 89.96 })).toBe(89.99);
  });

  it('says 晋位, 降位 or 持平 against last year', () => {
    expect(movement(4, 3)).toBe('up');
    expect(movement(3, 4)).toBe('down');
    expect(movement(4, 4)).toBe('same');
    expect(movement(4, null)).toBeNull();
  });

  it('refuses weights that do not add up to 100 and thresholds out of order', () => {
    expect(schemeProblems(DEFAULT_SCHEME)).toEqual([]);
    const bad = schemeProblems({
      indicators: indicators.map((i) => ({ ...i, weight: 10 })),
      thresholds: [
        { stars: 5, minScore: 80 },
        { stars: 4, minScore: 85 },
      ],
    });
    expect(bad.map(([path]) => path)).toEqual(['indicators', 'thresholds.0.minScore']);
  });

  it('suggests 组织生活 from meetings held and attendance', () => {
    expect(orgLifeSuggestion(40, 0, 100)).toBe(100);
    expect(orgLifeSuggestion(40, 10, 80)).toBe(77);
  });
});
