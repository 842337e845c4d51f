import { describe, expect, it } from 'vitest';
import { PhrasePicker } from './phrases.ts';

const OPTIONS = ['甲', '乙', '丙', '丁', '戊'];
const KEYS = Array.from({ length: 40 }, (_, i) => `slot-${i}`);

describe('PhrasePicker with peers', () => {
  it('gives colleagues sharing a seed as many different first choices as there are alternatives', () => {
    for (const key of KEYS) {
      const picks = Array.from({ length: 10 }, (_, rank) =>
        new PhrasePicker(7, 2025, { rank, size: 10 }).pick(OPTIONS, key),
      );
      // ten colleagues over five alternatives: each alternative exactly twice
      const counts = OPTIONS.map((o) => picks.filter((p) => p === o).length);
      expect(counts, key).toEqual([2, 2, 2, 2, 2]);
    }
  });

  it('pairs different colleagues from slot to slot, so no two share most of their choices', () => {
    const picks = Array.from({ length: 10 }, (_, rank) => {
      const picker = new PhrasePicker(7, 2025, { rank, size: 10 });
      return KEYS.map((key) => picker.pick(OPTIONS, key));
    });
    let most = 0;
    for (let a = 0; a < 10; a++)
      for (let b = a + 1; b < 10; b++)
        most = Math.max(most, KEYS.filter((_, k) => picks[a]![k] === picks[b]![k]).length);
    // a fixed offset would make some pair agree on every slot (40); a fresh shuffle per slot
    // leaves each pair agreeing on about 1 slot in 9
    expect(most).toBeLessThan(KEYS.length / 3);
  });

  it('still turns every choice on by one a year', () => {
    const a = new PhrasePicker(7, 2025, { rank: 3, size: 10 }).pick(OPTIONS, 'x');
    const b = new PhrasePicker(7, 2026, { rank: 3, size: 10 }).pick(OPTIONS, 'x');
    expect(OPTIONS.indexOf(b)).toBe((OPTIONS.indexOf(a) + 1) % OPTIONS.length);
  });
});
