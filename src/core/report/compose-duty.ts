/**
 * The 职 part: one subsection per portfolio, each a lead sentence and one item per area of work
 * (a ledger type) — what was done and how, its figures grouped into sentences, the year's most
 * significant records described as deeds — and a closing remark. How many areas and how deep
 * each goes is the plan the composer chose to fit the report's length.
 */
import { ComposeContext, plain, text } from './compose-context.ts';
import { figureSentences } from './compose-figures.ts';
import type { AreaFacts, ComposeInput, Deed, MetricResult } from './compose-types.ts';
import type { Inline, Paragraph, Section } from './model.ts';
import { toChineseOrdinal } from './numerals.ts';
import { AREA_PHRASES, areaPhrasesFor, areaRank, type AreaPhrases } from './phrases-areas.ts';
import { dutyPhrasesFor } from './phrases-duty.ts';
import { fillPattern, PHRASES } from './phrases.ts';
import type { TemplateSection } from './templates.ts';

/**
 * How much of each portfolio to write: how many areas, and how deep each goes. Depth adds, in
 * turn: 1 what and how with the main figures; 2 a further way of working with its effect; 3 the
 * most significant record; 4 another way of working; 5 the area's next figure; 6 a second record;
 * 7 and 8 further ways of working. Text comes before more figures, so leaner plans stay readable.
 */
export interface DutyPlan {
  areas: number;
  depth: number;
}

const DEED_FRAMES = [
  '{d}。',
  '其中，{d}。',
  '较有代表性的是，{d}。',
  '如{d}。',
  '特别是{d}。',
  '值得一提的是，{d}。',
];

const hasValue = (m: MetricResult) => m.value !== null && m.value !== 0;

/** The portfolio's areas: given grouped by ledger, or its figures and deeds as one area. */
export function areasOf(input: ComposeInput, code: string, label: string): AreaFacts[] {
  const given = input.areas?.[code];
  const deedsOf = (area?: string) =>
    input.highlights.filter((h) => h.portfolio === code && (!area || h.area === area));
  if (given)
    return given
      .map((a) => ({ ...a, deeds: a.deeds.length ? a.deeds : deedsOf(a.code) }))
      .filter((a) => a.figures.some(hasValue) || a.deeds.length > 0)
      .sort((a, b) => areaRank(a.code, code) - areaRank(b.code, code));
  const figures = (input.metrics[code] ?? []).filter(hasValue);
  const deeds = deedsOf();
  return figures.length || deeds.length ? [{ code, name: label, figures, deeds }] : [];
}

/** One record's figure with the area's measure word, never a per-visit one (人次 → 人). */
function deedMeasure(m: MetricResult): string {
  const measure = m.phrase?.measure ?? m.unit;
  if (/^(万元|元|%)$/u.test(m.unit)) return m.unit;
  return measure.replace(/次$/u, '') || m.unit;
}

function deedSentence(ctx: ComposeContext, deed: Deed | undefined, key: string): Inline[] {
  // A figure already stated would be stated twice: leave the deed out.
  if (!deed || deed.pieces.some((p) => typeof p !== 'string' && !ctx.free(p))) return [];
  const pieces = deed.pieces.map((p) =>
    typeof p === 'string' ? text(p) : ctx.chip(p, deedMeasure(p)),
  );
  return ctx.frame(DEED_FRAMES, key, (f) => fillPattern(f, { d: pieces }));
}

/** A way of working joined with an effect in one sentence: "…，…。" (nothing once all are said). */
function methodWithEffect(
  ctx: ComposeContext,
  bank: AreaPhrases,
  key: string,
  slots: Record<string, string>,
): Inline[] {
  const method = ctx.fillFresh(bank.method, `${key}.method`, slots);
  const effect = ctx.fillFresh(bank.effect, `${key}.effect`, slots);
  if (!method) return [];
  // Counted, so a later way of working does not open a third sentence the same way.
  ctx.noteOpening(plain(method));
  return effect ? [...method, text('，'), ...effect] : [...method, text('。')];
}

/** The area's wording; a village's cadres speak with the village variants, then the shared rest. */
function bankOf(ctx: ComposeContext, code: string, village: boolean): AreaPhrases {
  const bank = areaPhrasesFor(code);
  if (!village || !bank.village) return bank;
  const own = AREA_PHRASES[code];
  const more = bank.method.filter((m) => !own?.method.includes(m));
  return {
    ...bank,
    title: bank.village.title ?? bank.title,
    method: [...(bank.village.method ?? own?.method ?? []), ...more],
  };
}

/** One area as sentences, as deep as the plan says; `marker` (一是) when the portfolio has several. */
function areaItem(
  ctx: ComposeContext,
  area: AreaFacts,
  key: string,
  depth: DutyPlan['depth'],
  opts: { marker?: string; village: boolean; compare: (m: MetricResult) => boolean },
): Inline[] {
  const bank = bankOf(ctx, area.code, opts.village);
  const slots = { areaName: area.name };
  // Unmarked, the way of working opens the item: not a third sentence opened the same way (areas
  // without wording of their own share the generic ways of working).
  const unrepeated = bank.method.filter((o) => ctx.openingCount(plain(fillPattern(o, slots))) < 2);
  const head: Inline[] = opts.marker
    ? [
        text(opts.marker),
        ...ctx.fill(bank.title, `${key}.title`, slots),
        text('，'),
        ...ctx.fill(bank.method, `${key}.method`, slots),
      ]
    : ctx.fill(unrepeated.length ? unrepeated : bank.method, `${key}.method`, slots);
  ctx.noteOpening(plain(head));
  const figures = area.figures.filter(hasValue);
  const [first, ...rest] = figureSentences(ctx, figures.slice(0, 1), key, {
    leadIn: true,
    compare: opts.compare,
  });
  const out: Inline[] = [...head];
  out.push(...(first ? [text('，'), ...first] : [text('。')]));
  out.push(...rest.flat());
  const steps: Array<() => Inline[]> = [
    () => methodWithEffect(ctx, bank, `${key}.2`, slots),
    () => deedSentence(ctx, area.deeds[0], `${key}.deed0`),
    () => methodWithEffect(ctx, bank, `${key}.4`, slots),
    () => figureSentences(ctx, figures.slice(1, 2), `${key}.more`).flat(),
    () => deedSentence(ctx, area.deeds[1], `${key}.deed1`),
    () => methodWithEffect(ctx, bank, `${key}.7`, slots),
    () => methodWithEffect(ctx, bank, `${key}.8`, slots),
    () => deedSentence(ctx, area.deeds[2], `${key}.deed2`),
    () => deedSentence(ctx, area.deeds[3], `${key}.deed3`),
    () => figureSentences(ctx, figures.slice(2, 3), `${key}.last`).flat(),
    () => methodWithEffect(ctx, bank, `${key}.12`, slots),
  ];
  steps.slice(0, depth - 1).forEach((step) => out.push(...step()));
  return out;
}

function portfolioParagraphs(
  ctx: ComposeContext,
  input: ComposeInput,
  p: { code: string; label: string },
  plan: DutyPlan,
  compare: (m: MetricResult) => boolean,
): Paragraph[] {
  const village = input.person.scope === 'village';
  const phrases = dutyPhrasesFor(p.code, village);
  const slots = { portfolioLabel: p.label };
  const areas = areasOf(input, p.code, p.label).slice(0, plan.areas);
  if (areas.length === 0)
    return [{ inlines: fillPattern(ctx.pick(PHRASES.missingData, p.code), slots) }];
  const body: Inline[] = [...ctx.fill(phrases.lead, `${p.code}.lead`, slots)];
  areas.forEach((a, i) => {
    const marker = areas.length > 1 ? `${toChineseOrdinal(i + 1)}是` : undefined;
    body.push(...areaItem(ctx, a, `${p.code}.${a.code}`, plan.depth, { marker, village, compare }));
  });
  return [{ inlines: body }];
}

/** The 职 sections of one template section: nested under its heading or each a 一、. */
export function dutySections(
  ctx: ComposeContext,
  input: ComposeInput,
  t: TemplateSection,
  plan: DutyPlan,
  compare: (m: MetricResult) => boolean,
): Section[] {
  const held = input.person.portfolios;
  const nested = t.portfolioLayout === 'nested' && t.heading.trim() !== '';
  if (held.length === 0) {
    const heading = t.heading || '履职情况';
    return [
      {
        id: t.id,
        level: 1,
        heading,
        kind: 'duty',
        templateSectionId: t.id,
        paragraphs: [{ inlines: fillPattern(PHRASES.missingSection[0], { heading }) }],
      },
    ];
  }
  const subs: Section[] = held.map((p) => ({
    id: `${t.id}:${p.code}`,
    level: nested ? 2 : 1,
    heading: p.label,
    kind: 'duty',
    portfolio: p.code,
    templateSectionId: t.id,
    paragraphs: portfolioParagraphs(ctx, input, p, plan, compare),
  }));
  if (!nested) return subs;
  const parent: Section = {
    id: t.id,
    level: 1,
    heading: t.heading,
    kind: 'duty',
    templateSectionId: t.id,
    paragraphs: [],
  };
  return [parent, ...subs];
}
