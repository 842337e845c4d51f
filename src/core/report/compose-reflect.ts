/**
 * 存在不足 and 下步打算 from the person's own signals, specific to their portfolios: figures that
 * fell below last year, empty ledgers, 问题清单 entries still open, late and still-overdue orders,
 * low satisfaction; each 不足 has a matching plan. Generic items (by voice) only fill up to three.
 */
import { phraseOf } from '../metrics/phrase.ts';
import { ComposeContext, text } from './compose-context.ts';
import { sayFigure } from './compose-figures.ts';
import type { ComposeInput, Decline, MetricResult } from './compose-types.ts';
import type { Inline, Paragraph } from './model.ts';
import { toChineseOrdinal } from './numerals.ts';
import { dutyPhrasesFor } from './phrases-duty.ts';
import { voiceOf } from './phrases-personal.ts';
import { fillPattern, PHRASES } from './phrases.ts';

/** Below this 满意率 (%) the draft names satisfaction as a shortcoming. */
export const SATISFACTION_TARGET = 95;

type Topic =
  'overdue' | 'openOverdue' | 'satisfaction' | 'emptyLedger' | 'decline' | 'openProblems';

interface Finding {
  topic: Topic;
  portfolioLabel?: string;
  inlines: Inline[];
}

/** The noun for "how many" of a measure word: 次数, 人数, 户数, 金额, 数量. */
function amountNoun(measure: string): string {
  if (/^(次|场|期|批次|场次|轮)$/u.test(measure)) return '次数';
  if (/^(人|名|人次)$/u.test(measure)) return '人数';
  if (measure === '户') return '户数';
  if (/元$/u.test(measure)) return '金额';
  return '数量';
}

/** "召开“三会一课”的次数少于上年的320次" — the current figure too when it is still free. */
function declineText(ctx: ComposeContext, d: Decline): Inline[] {
  const p = phraseOf(d.current);
  const prev = ctx.chip(d.previous, p.measure);
  if (ctx.free(d.current)) return [...sayFigure(ctx, d.current), text('，少于上年的'), prev];
  return [text(`${p.verb}${p.object}的${amountNoun(p.measure)}少于上年的`), prev];
}

function label(input: ComposeInput, code?: string): string {
  return input.person.portfolios.find((p) => p.code === code)?.label ?? '分管';
}

function findings(ctx: ComposeContext, input: ComposeInput): Finding[] {
  const s = input.signals;
  const bank = PHRASES.shortcomings;
  const out: Finding[] = [];
  const add = (
    topic: Topic,
    key: string,
    slots: Record<string, Inline | Inline[] | string>,
    portfolioLabel?: string,
  ) =>
    out.push({
      topic,
      portfolioLabel,
      inlines: [
        ...ctx.fill(bank[topic], `short.${key}`, slots),
        text('，'),
        ...ctx.fill(PHRASES.cause[topic], `short.${key}.cause`),
      ],
    });
  s.metricsBelowLastYear.slice(0, 2).forEach((d, i) => {
    if (!ctx.free(d.previous)) return;
    const portfolioLabel = label(input, d.portfolio);
    add(
      'decline',
      `decline${i}`,
      { portfolioLabel, declineText: declineText(ctx, d) },
      portfolioLabel,
    );
  });
  const empty = s.emptyAreas ?? s.emptyLedgers.map((name) => ({ name, portfolio: undefined }));
  const byPortfolio = new Map<string | undefined, string[]>();
  for (const e of empty)
    byPortfolio.set(e.portfolio, [...(byPortfolio.get(e.portfolio) ?? []), e.name]);
  [...byPortfolio].slice(0, 1).forEach(([code, names]) => {
    const portfolioLabel = label(input, code);
    const emptyLedgerName = names
      .slice(0, 3)
      .map((n) => `“${n}”`)
      .join('、');
    add('emptyLedger', 'ledger', { portfolioLabel, emptyLedgerName }, portfolioLabel);
  });
  const problems = s.openProblems ?? [];
  if (problems.length > 0) {
    const problemTitles = problems
      .slice(0, 2)
      .map((p) => `“${p.title}”`)
      .join('、');
    add('openProblems', 'problems', { problemTitles });
  }
  const chipOr = (m: MetricResult | null | undefined) => (ctx.free(m) && m.value ? m : null);
  const late = chipOr(s.overdueOrders);
  if (late) add('overdue', 'overdue', { overdueCount: ctx.chip(late) });
  const open = chipOr(s.openOverdue);
  if (open) add('openOverdue', 'openOverdue', { openOverdueCount: ctx.chip(open) });
  const rate = s.satisfactionRate;
  if (rate && rate.value !== null && rate.value < SATISFACTION_TARGET && ctx.free(rate))
    add('satisfaction', 'satisfaction', { satisfactionRate: ctx.chip(rate) });
  else if (chipOr(s.unsatisfiedOrders))
    out.push({
      topic: 'satisfaction',
      inlines: ctx.fill(bank.unsatisfied, 'short.unsatisfied', {
        unsatisfiedCount: ctx.chip(s.unsatisfiedOrders!),
      }),
    });
  return out.slice(0, 4);
}

function itemList(lead: Inline[], items: Inline[][]): Paragraph {
  const inlines: Inline[] = [...lead];
  items.forEach((item, i) =>
    inlines.push(text(`${toChineseOrdinal(i + 1)}是`), ...item, text('。')),
  );
  return { inlines: fillPattern('{x}', { x: inlines }) };
}

/** 不足 and 打算 together, so each plan answers a finding; either may be left out. */
export function reflectParagraphs(
  ctx: ComposeContext,
  input: ComposeInput,
  kinds: { shortcomings: boolean; plans: boolean },
  full = false,
  /** A draft short of the length range even at its richest says five of each. */
  thin = false,
): { shortcomings: Paragraph | null; plans: Paragraph | null } {
  const least = thin ? 5 : full ? 4 : 3;
  const voice = voiceOf(input.person.role);
  const found = findings(ctx, input);
  const items = found.map((f) => f.inlines);
  for (let i = 0; items.length < least; i++)
    items.push([
      ...ctx.fill(PHRASES.shortcomings.generic[voice], `short.generic${i}`),
      text('，'),
      ...ctx.fill(PHRASES.cause.generic, `short.generic${i}.cause`),
    ]);
  const shortcomings = kinds.shortcomings
    ? itemList(ctx.fill(PHRASES.shortcomings.lead, 'short.lead'), items)
    : null;
  if (!kinds.plans) return { shortcomings, plans: null };
  const village = input.person.scope === 'village';
  const plans: Inline[][] = [];
  const seen = new Set<Topic>();
  for (const f of found) {
    if (seen.has(f.topic)) continue;
    seen.add(f.topic);
    plans.push(
      ctx.fill(PHRASES.plans[f.topic], `plan.${f.topic}`, {
        portfolioLabel: f.portfolioLabel ?? '分管工作',
      }),
    );
  }
  for (const p of input.person.portfolios.slice(0, 5 - plans.length))
    plans.push(
      fillPattern(
        ctx.pick(dutyPhrasesFor(p.code, village).plan, `${p.code}.plan`).replace(/。$/u, ''),
        { portfolioLabel: p.label },
      ),
    );
  for (let i = 0; plans.length < least; i++)
    plans.push(ctx.fill(PHRASES.plans.generic, `plan.generic${i}`));
  const nextYear = String(input.person.year + 1);
  const list = itemList(
    ctx.fill(PHRASES.plans.lead, 'plans.lead', { nextYear }),
    plans.slice(0, 5),
  );
  if (thin) list.inlines.push(...ctx.fill(PHRASES.plans.closing, 'plans.closing'));
  return { shortcomings, plans: list };
}
