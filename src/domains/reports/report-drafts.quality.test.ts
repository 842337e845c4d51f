/**
 * Issue 13's measure of how drafts read: the fresh draft of every demo report writer (the
 * leadership, the village party secretaries, staff whose office carries portfolios with books)
 * for last year, printed as a table beside the same measures on the three reference reports —
 * characters, numbers per 1,000 characters, label chains, unit clashes, repeated patterns,
 * headlines as deeds, the same chip twice, lint findings. It fails when a draft falls outside
 * 2,500–4,000 characters or the references' density range, has a clash or a chain, does not
 * pass its own lint, or shares more than 30 % of its sentences with a draft of the same template.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proseMeasures } from '../../core/report/lint-prose.ts';
import { longestSharedRun } from '../../core/report/originality.ts';
import {
  hasReference,
  readAllReferences,
  REFERENCE_SKIP_MESSAGE,
} from '../../core/report/reference-corpus.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/database.ts';
import { createDemoTown } from '../../demo/demo-town.ts';
import {
  draftRow,
  reportWriters,
  sentences,
  sharedShare,
  tableLine,
  type DraftRow,
} from '../../testing/report-quality.ts';

/** The demo is generated for this day (tests pin the clock): last year is 2025, complete. */
const TODAY = '2026-12-06';

let database: TestDatabase;
const rows: DraftRow[] = [];
let skipped: Array<{ name: string; title: string; reason: string }> = [];
const references = hasReference ? readAllReferences().map(proseMeasures) : [];

if (!hasReference) console.warn(REFERENCE_SKIP_MESSAGE);

beforeAll(async () => {
  database = await createTestDatabase();
  const demo = await createDemoTown(database.db, 'Quality-test-2025', { today: TODAY });
  const year = demo.clock.years[1];
  const found = await reportWriters(database.db, demo.townId, year);
  skipped = found.skipped;
  for (const w of found.writers) rows.push(await draftRow(database.db, demo.townId, w, year));
}, 600_000);
afterAll(() => database?.close());

const W = [30, 22, 7, 8, 7, 7, 7, 7, 7, 6];

/** Per template, the highest share of one draft's sentences found in another's. */
function sharedByTemplate(): Array<[string, number, string]> {
  const byTemplate = new Map<string, DraftRow[]>();
  for (const r of rows) byTemplate.set(r.template, [...(byTemplate.get(r.template) ?? []), r]);
  return [...byTemplate].map(([t, list]) => {
    let best: [string, number, string] = [t, 0, '—'];
    for (const a of list)
      for (const b of list)
        if (a !== b) {
          const share = sharedShare(sentences(a.body), sentences(b.body));
          if (share > best[1]) best = [t, share, `${a.who} / ${b.who}`];
        }
    return best;
  });
}

function printTable() {
  const lines = [
    tableLine(
      [
        '',
        '模板',
        '字数',
        '数字/千字',
        '罗列',
        '单位冲突',
        '句式重复',
        '标题当事迹',
        '同数两次',
        '检查',
      ],
      W,
    ),
    ...references.map((m, i) =>
      tableLine(
        [
          `参考报告 ${i + 1}`,
          '',
          m.chars,
          m.numbersPer1000,
          m.chains,
          m.clashes,
          m.patterns,
          m.headlines,
          '',
          '',
        ],
        W,
      ),
    ),
    ...rows.flatMap((r) => [
      tableLine(
        [
          r.who.slice(0, 15),
          r.template,
          r.chars,
          r.numbersPer1000,
          r.chains,
          r.clashes,
          r.patterns,
          r.headlines,
          r.sameChipTwice,
          r.lintIssues.length,
        ],
        W,
      ),
      ...r.lintIssues.map((i) => `    ${i}`),
    ]),
    ...skipped.map((s) => `（未列入：${s.title} ${s.name}，${s.reason}）`),
    ...sharedByTemplate().map(
      ([t, share, pair]) => `同模板最高句子重合 ${t}：${(share * 100).toFixed(1)}%（${pair}）`,
    ),
  ];
  console.log(lines.join('\n'));
}

describe.skipIf(!hasReference)(
  'drafts of every demo report writer beside the reference reports',
  () => {
    it('prints the table and covers the leadership, the village secretaries and staff with portfolios', () => {
      printTable();
      expect(rows.filter((r) => r.template === 'village_secretary')).toHaveLength(16);
      expect(rows.filter((r) => r.template === 'party_secretary')).toHaveLength(1);
      expect(rows.filter((r) => r.template === 'specialist').length).toBeGreaterThanOrEqual(10);
      expect(rows.length).toBeGreaterThanOrEqual(40);
    });

    it('keeps every draft within 2,500–4,000 characters, as long as the references (2,5xx–3,9xx)', () => {
      expect(Math.min(...references.map((m) => m.chars))).toBeGreaterThanOrEqual(2500);
      for (const r of rows) {
        expect(r.chars, r.who).toBeGreaterThanOrEqual(2500);
        expect(r.chars, r.who).toBeLessThanOrEqual(4000);
      }
    });

    it('keeps the numbers per 1,000 characters within the references’ range', () => {
      const low = Math.min(...references.map((m) => m.numbersPer1000));
      const high = Math.max(...references.map((m) => m.numbersPer1000));
      for (const r of rows) {
        expect(r.numbersPer1000, r.who).toBeGreaterThanOrEqual(low);
        expect(r.numbersPer1000, r.who).toBeLessThanOrEqual(high);
      }
    });

    it('has no label chain, unit clash, headline passed off as a deed or figure stated twice', () => {
      for (const r of rows) {
        expect([r.who, r.chains, r.clashes, r.headlines, r.sameChipTwice]).toEqual([
          r.who,
          0,
          0,
          0,
          0,
        ]);
      }
    });

    it('passes its own lint: a fresh draft has no finding at all', () => {
      for (const r of rows) expect(r.lintIssues, r.who).toEqual([]);
    });

    it('shares at most 30 % of its sentences with another person’s draft of the same template', () => {
      const byTemplate = new Map<string, DraftRow[]>();
      for (const r of rows) byTemplate.set(r.template, [...(byTemplate.get(r.template) ?? []), r]);
      for (const [template, list] of byTemplate)
        for (const a of list)
          for (const b of list) {
            if (a === b) continue;
            const share = sharedShare(sentences(a.body), sentences(b.body));
            expect(share, `${template}: ${a.who} ~ ${b.who}`).toBeLessThanOrEqual(0.3);
          }
    });

    it('copies no sentence from a reference report (no run of 12 characters)', () => {
      const refs = readAllReferences();
      for (const r of rows)
        for (const ref of refs) expect(longestSharedRun(r.text, ref), r.who).toBeLessThan(12);
    });
  },
);
