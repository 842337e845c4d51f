/**
 * Measures of how a draft reads, for the draft-quality test and its table: who writes a report
 * in a town (the leadership, village party secretaries, staff whose office carries portfolios with
 * books), each one's fresh draft, and the measures printed beside the reference reports.
 */
import type { Kysely } from 'kysely';
import { ledgerCatalogue } from '../core/ledger/catalogue/index.ts';
import { lintReport } from '../core/report/lint.ts';
import { proseMeasures } from '../core/report/lint-prose.ts';
import {
  allChips,
  documentText,
  metricKey,
  paragraphText,
  type ReportDocument,
} from '../core/report/model.ts';
import { normaliseForComparison } from '../core/report/originality.ts';
import type { DB } from '../db/schema.ts';
import { composeFor } from '../domains/reports/report.service.ts';
import { loadSubject } from '../domains/reports/report-subject.ts';

type Db = Kysely<DB>;

export interface Writer {
  personId: string;
  name: string;
  title: string;
}

const BOOKED = new Set(ledgerCatalogue.map((t) => t.portfolio as string));

/**
 * The town's report writers for `year`, and the people left out with the reason: dispatchers
 * (no reports in the product), staff of a unit carrying no portfolio, staff whose portfolios
 * have no books to draft from.
 */
export async function reportWriters(db: Db, townId: string, year: number) {
  const positions = await db
    .selectFrom('position as p')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.town_id', '=', 'p.town_id').onRef('pe.id', '=', 'p.person_id'),
    )
    .innerJoin('unit as u', (j) =>
      j.onRef('u.town_id', '=', 'p.town_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select(['p.person_id', 'pe.name', 'p.title', 'p.leadership', 'u.kind', 'u.id as unit_id'])
    .where('p.town_id', '=', townId)
    .orderBy('p.leadership', 'desc')
    .orderBy('u.sort_order')
    .orderBy('pe.name')
    .execute();
  const carried = new Set(
    (
      await db
        .selectFrom('unit_portfolio')
        .select('unit_id')
        .where('town_id', '=', townId)
        .execute()
    ).map((r) => r.unit_id),
  );
  const writers: Writer[] = [];
  const skipped: Array<{ name: string; title: string; reason: string }> = [];
  for (const p of positions) {
    const who = { personId: p.person_id, name: p.name, title: p.title };
    if (p.leadership || (p.kind === 'village' && p.title.includes('书记'))) {
      writers.push(who);
      continue;
    }
    if (p.kind === 'village') continue; // grid workers report to their village
    if (/12345/u.test(p.title)) skipped.push({ ...who, reason: '接线员、派单员不写述职报告' });
    else if (!carried.has(p.unit_id)) skipped.push({ ...who, reason: '所在单位不承担分管领域' });
    else {
      const subject = await loadSubject(db, townId, p.person_id, year);
      const unbooked = subject.portfolios.filter((x) => !BOOKED.has(x.code));
      if (unbooked.length)
        skipped.push({ ...who, reason: `${unbooked.map((x) => x.label).join('、')}没有台账` });
      else writers.push(who);
    }
  }
  return { writers, skipped };
}

/** Sentences of a text (。！？ or a line end closes one), normalised, for the shared-sentence measure. */
export function sentences(text: string): string[] {
  return text
    .split(/[。！？\n]/u)
    .map(normaliseForComparison)
    .filter((s) => s.length >= 6);
}

/** Share of `a`'s sentences found in `b`. */
export function sharedShare(a: string[], b: string[]): number {
  if (a.length === 0) return 0;
  const set = new Set(b);
  return a.filter((s) => set.has(s)).length / a.length;
}

export interface DraftRow {
  who: string;
  template: string;
  text: string;
  /** The paragraphs only: headings are the template's, shared by design. */
  body: string;
  chars: number;
  numbersPer1000: number;
  chains: number;
  clashes: number;
  patterns: number;
  headlines: number;
  sameChipTwice: number;
  lintIssues: string[];
}

function chipRepeats(doc: ReportDocument): number {
  const keys = allChips(doc).map((c) => metricKey(c.metricId, c.params));
  return keys.length - new Set(keys).size;
}

export async function draftRow(db: Db, townId: string, w: Writer, year: number): Promise<DraftRow> {
  const c = await composeFor(db, townId, w.personId, year);
  const text = documentText(c.document);
  return {
    who: `${w.title} ${w.name}`,
    template: c.template.id,
    text,
    body: c.document.sections.map((s) => s.paragraphs.map(paragraphText).join('\n')).join('\n'),
    ...proseMeasures(text),
    sameChipTwice: chipRepeats(c.document),
    lintIssues: lintReport(c.document, { template: c.template.definition }).map(
      (i) => `${i.severity}:${i.code}:${i.message}`,
    ),
  };
}

/** A fixed-width table line. */
export function tableLine(cells: Array<string | number>, widths: number[]): string {
  return cells
    .map((c, i) => {
      const s = String(c);
      const w = [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
      return s + ' '.repeat(Math.max(1, widths[i]! - w));
    })
    .join('');
}
