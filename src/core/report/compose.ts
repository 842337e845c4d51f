/**
 * 起草 — composes a draft duty report from a template, the person's portfolios, their figures
 * grouped by area of work, the year's significant records, their own study/integrity/law records
 * and the signals that ground 不足 and 打算. Pure: every number in the draft is a metric chip, each
 * stated once. The draft is composed at several depths and the one that fits the length is kept.
 */
import { ComposeContext } from './compose-context.ts';
import { dutySections, type DutyPlan } from './compose-duty.ts';
import { personalParagraph } from './compose-personal.ts';
import { reflectParagraphs } from './compose-reflect.ts';
import type { ComposeInput, MetricResult } from './compose-types.ts';
import { documentText, type Paragraph, type ReportDocument, type Section } from './model.ts';
import { reportChars } from './lint-prose.ts';
import { extractNumbers } from './parse-numbers.ts';
import { voiceOf } from './phrases-personal.ts';
import { fillPattern, PHRASES } from './phrases.ts';
import { activeSections, type TemplateSection } from './templates.ts';

export type * from './compose-types.ts';
export { SATISFACTION_TARGET } from './compose-reflect.ts';
/** @deprecated name kept for callers: a highlight is now a deed (compose-types.ts). */
export type { Deed as HighlightRecord } from './compose-types.ts';

/** The length a draft aims at and the range it must stay in (characters, whitespace aside). */
export const DRAFT_LENGTH = { min: 2600, target: 3300, max: 3850 };

/** Figures per 1,000 characters a draft should not exceed (the references run 3–17). */
export const DENSITY_MAX = 14.5;

/** The plans tried: every combination of areas per portfolio, depth and fuller personal sections. */
type Plan = DutyPlan & { full: boolean; thin?: boolean };
const PLANS: Plan[] = [8, 6, 5, 4, 3, 2, 1].flatMap((areas) =>
  [12, 10, 8, 7, 6, 5, 4, 3, 2, 1].flatMap((depth) => [
    { areas, depth, full: true },
    { areas, depth, full: false },
  ]),
);

function openingParagraph(ctx: ComposeContext, input: ComposeInput): Paragraph {
  const p = input.person;
  const bank = PHRASES.opening[voiceOf(p.role)];
  const villages = p.liaisons ?? [];
  // Staff name the books they keep; a leader the villages they are liaison for.
  const books = [
    ...new Set(
      Object.values(input.areas ?? {})
        .flat()
        .filter((a) => a.code !== 'appeals' && a.code !== 'liaison')
        .map((a) => a.name),
    ),
  ].slice(0, 5);
  const liaison = villages.length
    ? ctx.fill(PHRASES.liaison, 'opening.liaison', { villages: villages.join('、') })
    : voiceOf(p.role) === 'staff' && books.length
      ? ctx.fill(PHRASES.books, 'opening.books', { books: books.join('、') })
      : '';
  return {
    inlines: ctx.fill(bank, 'opening', {
      year: String(p.year),
      title: p.title,
      portfolios: p.portfolios.map((x) => x.label).join('、') || '岗位',
      liaison,
    }),
  };
}

/** Paragraphs for one kind of section; a merged section gets those of every kind it stands for. */
function kindParagraphs(
  ctx: ComposeContext,
  input: ComposeInput,
  t: TemplateSection,
  plan: Plan,
): Paragraph[] {
  const kinds = [t.kind, ...t.covers];
  const out: Paragraph[] = [];
  if (kinds.includes('opening')) out.push(openingParagraph(ctx, input));
  for (const k of ['study', 'integrity', 'law'] as const)
    if (kinds.includes(k)) out.push(personalParagraph(ctx, input, k, plan.full));
  if (kinds.includes('shortcomings') || kinds.includes('plans')) {
    const r = reflectParagraphs(
      ctx,
      input,
      { shortcomings: kinds.includes('shortcomings'), plans: kinds.includes('plans') },
      plan.full,
      plan.thin,
    );
    if (r.shortcomings) out.push(r.shortcomings);
    if (r.plans) out.push(r.plans);
  }
  return out.length > 0
    ? out
    : [{ inlines: fillPattern(PHRASES.missingSection[0], { heading: t.heading }) }];
}

/**
 * 不足 names the figures that fell below last year; the 职 part states them without the
 * comparison, so last year's figure is said once, where it grounds the shortcoming.
 */
function comparisonAllowed(input: ComposeInput): (m: MetricResult) => boolean {
  const declined = new Set(input.signals.metricsBelowLastYear.map((d) => d.current.metricId));
  return (m) => !declined.has(m.metricId);
}

function composeWith(input: ComposeInput, plan: Plan): ReportDocument {
  const ctx = new ComposeContext(input.seed, input.turn, input.peers);
  const compare = comparisonAllowed(input);
  // 不足 reserves the figures it must cite first: the 职 part must not take last year's.
  for (const d of input.signals.metricsBelowLastYear.slice(0, 2)) ctx.reserve(d.previous);
  const sections = activeSections(input.template).flatMap((t): Section[] => {
    if (t.perPortfolio || t.kind === 'duty') return dutySections(ctx, input, t, plan, compare);
    if (t.kind === 'shortcomings')
      for (const d of input.signals.metricsBelowLastYear.slice(0, 2)) ctx.release(d.previous);
    return [
      {
        id: t.id,
        level: t.kind === 'opening' ? 0 : 1,
        heading: t.kind === 'opening' ? '' : t.heading,
        kind: t.kind,
        ...(t.covers.length > 0 ? { covers: t.covers } : {}),
        templateSectionId: t.id,
        paragraphs: kindParagraphs(ctx, input, t, plan),
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

/** Characters as a report's length is counted (whole text, whitespace aside). */
export function draftLength(doc: ReportDocument): number {
  return reportChars(documentText(doc));
}

/**
 * Drafts the report; the same input and seed always give the same document. Of the plans, the one
 * kept stays within the length range and under the figure density, closest to the target length;
 * failing that, the one within the length range with the fewest figures per 1,000 characters;
 * failing that, the one nearest the range. When even the richest plan is short (few records), the
 * richest plan with five shortcomings and five plans instead of four.
 */
export function composeReport(input: ComposeInput): ReportDocument {
  const target = input.targetChars ?? DRAFT_LENGTH.target;
  const min = Math.round(target * (DRAFT_LENGTH.min / DRAFT_LENGTH.target));
  const max = Math.round(target * (DRAFT_LENGTH.max / DRAFT_LENGTH.target));
  type Draft = { doc: ReportDocument; length: number; density: number };
  const drafts: Draft[] = [];
  for (const plan of PLANS) {
    const doc = composeWith(input, plan);
    const text = documentText(doc);
    const length = reportChars(text);
    const d = { doc, length, density: (extractNumbers(text).length / Math.max(length, 1)) * 1000 };
    drafts.push(d);
    // Richest first: the first plan near the target and light enough in figures is the one.
    if (Math.abs(length - target) <= 150 && d.density <= DENSITY_MAX) return doc;
  }
  // A person with few records falls short even at the richest plan: say more of 不足 and 打算.
  if (drafts.every((d) => d.length < min)) return composeWith(input, { ...PLANS[0]!, thin: true });
  const inRange = drafts.filter((d) => d.length >= min && d.length <= max);
  const good = inRange.filter((d) => d.density <= DENSITY_MAX);
  const byTarget = (a: Draft, b: Draft) =>
    Math.abs(a.length - target) - Math.abs(b.length - target);
  if (good.length) return good.sort(byTarget)[0]!.doc;
  if (inRange.length) return inRange.sort((a, b) => a.density - b.density)[0]!.doc;
  const distance = (d: Draft) => (d.length < min ? min - d.length : d.length - max);
  return drafts.sort((a, b) => distance(a) - distance(b) || a.density - b.density)[0]!.doc;
}
