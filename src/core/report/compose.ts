/**
 * 起草 — composes a draft duty report from a template, the person's portfolios, metric results,
 * highlighted records and grounding signals. Pure: every number in the draft is a metric chip.
 */
import {
  makeChip,
  type Inline,
  type Paragraph,
  type ReportDocument,
  type Section,
} from './model.ts';
import { toChineseOrdinal } from './numerals.ts';
import { dutyPhrasesFor } from './phrases-duty.ts';
import { fillPattern, PHRASES, PhrasePicker, type SlotValue } from './phrases.ts';
import { activeSections, type ReportTemplate, type TemplateSection } from './templates.ts';

/** One evaluated metric, as the metric engine returns it. */
export interface MetricResult {
  metricId: string;
  label: string;
  unit: string;
  value: number | null;
  params: Record<string, unknown>;
}

export interface PersonInfo {
  name: string;
  title: string;
  year: number;
  portfolios: Array<{ code: string; label: string }>;
}

/** A record the person marked as a highlight of the year (重点工作). */
export interface HighlightRecord {
  title: string;
  date: string;
  portfolio?: string;
}

/** Facts that ground 存在不足: each becomes a sentence with its number as a chip. */
export interface GroundingSignals {
  overdueOrders: MetricResult | null;
  unsatisfiedOrders: MetricResult | null;
  satisfactionRate?: MetricResult | null;
  emptyLedgers: string[];
  metricsBelowLastYear: Array<{ current: MetricResult; previous: MetricResult }>;
}

export interface ComposeInput {
  template: ReportTemplate;
  person: PersonInfo;
  /** Keyed by portfolio code for 职 subsections, by section kind ('study', 'law'…) otherwise. */
  metrics: Record<string, MetricResult[]>;
  highlights: HighlightRecord[];
  signals: GroundingSignals;
  seed: number;
}

/** Below this 满意率 (%) the draft names satisfaction as a shortcoming. */
export const SATISFACTION_TARGET = 95;

const chipOf = (m: MetricResult) => makeChip(m.metricId, m.params, m.value, m.unit);
const text = (t: string): Inline => ({ type: 'text', text: t });
const para = (...parts: Inline[][]): Paragraph => ({
  inlines: fillPattern('{x}', { x: parts.flat() }),
});

interface Ctx extends ComposeInput {
  picker: PhrasePicker;
}

function metricSentences(ctx: Ctx, key: string, results: readonly MetricResult[]): Inline[] {
  const out: Inline[] = [];
  for (let i = 0; i < results.length; i += 3) {
    const items: Inline[] = [];
    results.slice(i, i + 3).forEach((m, j) => {
      if (j > 0) items.push(text('，'));
      items.push(text(m.label), chipOf(m));
    });
    out.push(...fillPattern(ctx.picker.pick(PHRASES.metrics, `${key}.metrics.${i}`), { items }));
  }
  return out;
}

function highlightSentence(ctx: Ctx, key: string, records: readonly HighlightRecord[]): Inline[] {
  if (records.length === 0) return [];
  const listed = records.slice(0, 3).map((r) => {
    const month = /^\d{4}-(\d{2})/u.exec(r.date)?.[1];
    const title = r.title.replace(/“/gu, '‘').replace(/”/gu, '’'); // quotes inside quotes
    return `“${title}”${month ? `（${Number(month)}月）` : ''}`;
  });
  return fillPattern(ctx.picker.pick(PHRASES.highlights, `${key}.highlights`), {
    records: listed.join('、'),
  });
}

function portfolioParagraph(
  ctx: Ctx,
  code: string,
  label: string,
  records: HighlightRecord[],
): Paragraph {
  const phrases = dutyPhrasesFor(code);
  const slots = { portfolioLabel: label };
  const results = ctx.metrics[code] ?? [];
  if (results.length === 0 && records.length === 0) {
    return para(fillPattern(ctx.picker.pick(PHRASES.missingData, code), slots));
  }
  return para(
    fillPattern(ctx.picker.pick(phrases.lead, `${code}.lead`), slots),
    metricSentences(ctx, code, results),
    highlightSentence(ctx, code, records),
    fillPattern(ctx.picker.pick(phrases.close, `${code}.close`), slots),
  );
}

function dutySections(ctx: Ctx, t: TemplateSection): Section[] {
  const held = ctx.person.portfolios;
  const recordsFor = (code: string, first: boolean) =>
    ctx.highlights.filter((h) => h.portfolio === code || (first && h.portfolio === undefined));
  // Portfolios nest under a 一、 heading only when the template gives one; else each is a 一、 itself.
  const nested = t.portfolioLayout === 'nested' && t.heading.trim() !== '';
  const subs: Section[] = held.map((p, i) => ({
    id: `${t.id}:${p.code}`,
    level: nested ? 2 : 1,
    heading: p.label,
    kind: 'duty',
    portfolio: p.code,
    templateSectionId: t.id,
    paragraphs: [portfolioParagraph(ctx, p.code, p.label, recordsFor(p.code, i === 0))],
  }));
  if (held.length === 0) {
    return [
      {
        id: t.id,
        level: 1,
        heading: t.heading || '履职情况',
        kind: 'duty',
        templateSectionId: t.id,
        paragraphs: [
          para(fillPattern(PHRASES.missingSection[0], { heading: t.heading || '履职情况' })),
        ],
      },
    ];
  }
  if (!nested) return subs;
  return [
    {
      id: t.id,
      level: 1,
      heading: t.heading,
      kind: 'duty',
      templateSectionId: t.id,
      paragraphs: [],
    },
    ...subs,
  ];
}

function threeSlot(ctx: Ctx, key: string, bank: Record<string, readonly string[]>): Paragraph {
  const parts = Object.entries(bank).map(([slot, options]) =>
    fillPattern(ctx.picker.pick(options, `${key}.${slot}`), {}),
  );
  return para(...parts, metricSentences(ctx, key, ctx.metrics[key] ?? []));
}

function itemList(lead: Inline[], items: Inline[][]): Paragraph {
  return para(lead, ...items.map((item, i) => [text(`${toChineseOrdinal(i + 1)}是`), ...item]));
}

function shortcomingItems(ctx: Ctx): Inline[][] {
  const s = ctx.signals;
  const bank = PHRASES.shortcomings;
  const pick = (opts: readonly string[], key: string, slots: Record<string, SlotValue>) =>
    fillPattern(ctx.picker.pick(opts, `short.${key}`), slots);
  const items: Inline[][] = [];
  if (s.overdueOrders?.value)
    items.push(pick(bank.overdue, 'overdue', { overdueCount: chipOf(s.overdueOrders) }));
  const rate = s.satisfactionRate;
  if (rate && rate.value !== null && rate.value < SATISFACTION_TARGET) {
    items.push(pick(bank.satisfaction, 'satisfaction', { satisfactionRate: chipOf(rate) }));
  } else if (s.unsatisfiedOrders?.value) {
    items.push(
      pick(bank.unsatisfied, 'unsatisfied', { unsatisfiedCount: chipOf(s.unsatisfiedOrders) }),
    );
  }
  if (s.emptyLedgers.length > 0) {
    const names = s.emptyLedgers
      .slice(0, 3)
      .map((n) => `“${n}”`)
      .join('、');
    items.push(pick(bank.emptyLedger, 'ledger', { emptyLedgerName: names }));
  }
  s.metricsBelowLastYear.slice(0, 2).forEach(({ current, previous }, i) => {
    items.push(
      pick(bank.metricDrop, `drop${i}`, {
        metricDropLabel: current.label,
        current: chipOf(current),
        previous: chipOf(previous),
      }),
    );
  });
  for (let i = 0; items.length < 2; i++) items.push(pick(bank.generic, `generic${i}`, {}));
  return items.slice(0, 4);
}

function planItems(ctx: Ctx): Inline[][] {
  const s = ctx.signals;
  const bank = PHRASES.plans;
  const items = ctx.person.portfolios.slice(0, 3).map((p) =>
    fillPattern(ctx.picker.pick(dutyPhrasesFor(p.code).plan, `${p.code}.plan`), {
      portfolioLabel: p.label,
    }),
  );
  if (s.overdueOrders?.value) items.push(fillPattern(bank.overdue[0], {}));
  const rate = s.satisfactionRate;
  if (
    (rate && rate.value !== null && rate.value < SATISFACTION_TARGET) ||
    s.unsatisfiedOrders?.value
  ) {
    items.push(fillPattern(bank.satisfaction[0], {}));
  }
  if (s.emptyLedgers.length > 0) items.push(fillPattern(bank.emptyLedger[0], {}));
  for (let i = 0; items.length < 3; i++)
    items.push(fillPattern(ctx.picker.pick(bank.generic, `plan.generic${i}`), {}));
  return items.slice(0, 5);
}

const THREE_SLOT_BANKS = {
  study: PHRASES.study,
  integrity: PHRASES.integrity,
  law: PHRASES.law,
} as const;

/** Paragraphs for one kind of section; a merged section gets those of every kind it stands for. */
function kindParagraphs(ctx: Ctx, kind: string): Paragraph[] {
  if (kind === 'shortcomings') {
    return [
      itemList(
        fillPattern(ctx.picker.pick(PHRASES.shortcomings.lead, 'short.lead'), {}),
        shortcomingItems(ctx),
      ),
    ];
  }
  if (kind === 'plans') {
    const nextYear = String(ctx.person.year + 1);
    return [
      itemList(
        fillPattern(ctx.picker.pick(PHRASES.plans.lead, 'plans.lead'), { nextYear }),
        planItems(ctx),
      ),
    ];
  }
  if (kind in THREE_SLOT_BANKS) {
    const k = kind as keyof typeof THREE_SLOT_BANKS;
    return [threeSlot(ctx, k, THREE_SLOT_BANKS[k])];
  }
  if (kind === 'opening') {
    const p = ctx.person;
    return [
      para(
        fillPattern(ctx.picker.pick(PHRASES.opening, 'opening'), {
          year: String(p.year),
          title: p.title,
          portfolios: p.portfolios.map((x) => x.label).join('、') || '岗位',
        }),
      ),
    ];
  }
  return [];
}

function sectionParagraphs(ctx: Ctx, t: TemplateSection): Paragraph[] {
  const out = [t.kind, ...t.covers].flatMap((k) => kindParagraphs(ctx, k));
  return out.length > 0
    ? out
    : [para(fillPattern(PHRASES.missingSection[0], { heading: t.heading }))];
}

/** Drafts the report; the same input and seed always give the same document. */
export function composeReport(input: ComposeInput): ReportDocument {
  const ctx: Ctx = { ...input, picker: new PhrasePicker(input.seed) };
  const sections = activeSections(input.template).flatMap((t): Section[] => {
    if (t.perPortfolio || t.kind === 'duty') return dutySections(ctx, t);
    return [
      {
        id: t.id,
        level: t.kind === 'opening' ? 0 : 1,
        heading: t.kind === 'opening' ? '' : t.heading,
        kind: t.kind,
        ...(t.covers.length > 0 ? { covers: t.covers } : {}),
        templateSectionId: t.id,
        paragraphs: sectionParagraphs(ctx, t),
      },
    ];
  });
  const p = input.person;
  return {
    title: input.template.title,
    byline: `${p.title} ${p.name}`,
    year: p.year,
    sections,
    frozenAt: null,
  };
}
