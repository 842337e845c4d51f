import { describe, expect, it } from 'vitest';
import { composeReport } from './compose.ts';
import { documentText } from './model.ts';
import {
  buildRunIndex,
  jaccard,
  charNgrams,
  longestRunIn,
  longestSharedRun,
  normaliseForComparison,
} from './originality.ts';
import { DUTY_PHRASES } from './phrases-duty.ts';
import { SECTION_KIND_OPTIONS } from './template-edit.ts';
import { allPhraseTexts } from './phrases.ts';
import {
  hasReference,
  readAllReferences,
  readFixture,
  REFERENCE_SKIP_MESSAGE,
} from './reference-corpus.ts';
import { sampleComposeInput } from './sample-input.ts';
import { BUILTIN_TEMPLATES, roleSchema } from './templates.ts';

/** Reference reports are for understanding the domain; our text may share at most 11 characters. */
const LIMIT = 12;

describe('longestSharedRun', () => {
  it('measures the longest common run in characters, ignoring whitespace and punctuation', () => {
    expect(longestSharedRun('甲乙丙丁戊', '乙丙丁')).toBe(3);
    expect(longestSharedRun('学习，贯彻 落实', '学习贯彻落实')).toBe(6);
    expect(longestSharedRun('abc', 'xyz')).toBe(0);
    expect(longestSharedRun('', '任何')).toBe(0);
  });

  it('agrees with a brute-force search', () => {
    const brute = (a: string, b: string) => {
      let best = 0;
      for (let i = 0; i < a.length; i++)
        for (let j = i + 1; j <= a.length; j++)
          if (b.includes(a.slice(i, j))) best = Math.max(best, j - i);
      return best;
    };
    const pool = '党建宣传组织学习工作群众';
    for (let k = 0; k < 200; k++) {
      const r = (n: number) =>
        Array.from({ length: n }, (_, i) => pool[(k * 7 + i * i * 3 + n) % pool.length]).join('');
      const a = r(5 + (k % 17));
      const b = r(3 + (k % 23));
      expect(longestSharedRun(a, b)).toBe(brute(a, b));
    }
  });

  it('scores n-gram overlap', () => {
    expect(
      jaccard(charNgrams('一二三四五六七八九十', 8), charNgrams('一二三四五六七八九十', 8)),
    ).toBe(1);
  });
});

function ourTexts(): Array<{ where: string; text: string }> {
  const walk = (v: unknown, where: string): Array<{ where: string; text: string }> =>
    typeof v === 'string'
      ? [{ where, text: v }]
      : typeof v === 'object' && v !== null
        ? Object.entries(v).flatMap(([k, x]) => walk(x, `${where}.${k}`))
        : [];
  return [
    ...allPhraseTexts().map((text, i) => ({ where: `phrases#${i}`, text })),
    ...walk(DUTY_PHRASES, 'duty'),
    ...walk(BUILTIN_TEMPLATES, 'templates'),
    ...walk(SECTION_KIND_OPTIONS, 'section kinds'),
    ...[
      'merged-no-law.txt',
      'numerals-crlf.txt',
      'portfolio-top-level.txt',
      'placeholders-sample.txt',
    ].map((f) => ({ where: `fixture ${f}`, text: readFixture(f) })),
    ...roleSchema.options.flatMap((role) =>
      [1, 2, 3].map((seed) => ({
        where: `composed.${role}.${seed}`,
        text: documentText(composeReport(sampleComposeInput(role, seed))),
      })),
    ),
  ];
}

if (!hasReference) console.warn(REFERENCE_SKIP_MESSAGE);

describe.skipIf(!hasReference)('originality guard against the reference reports', () => {
  it(`no template text, phrase, fixture or composed sample shares ${LIMIT}+ characters with a reference report`, () => {
    const indexes = readAllReferences().map((r) => buildRunIndex(normaliseForComparison(r)));
    const offenders = ourTexts().flatMap(({ where, text }) =>
      indexes
        .map((ix) => longestRunIn(ix, normaliseForComparison(text)))
        .filter((r) => r.length >= LIMIT)
        .map((r) => `${where}: “${r.run}” (${r.length})`),
    );
    expect(offenders).toEqual([]);
  });
});
