/**
 * Sentences from figures: each metric said with its declared verb, object and measure word, a
 * total followed by its parts (其中…) and joined figures, last year's figure where comparing
 * means something, at most four figures a sentence, openings and connectives varied.
 */
import { phraseOf } from '../metrics/phrase.ts';
import { ComposeContext, plain, text } from './compose-context.ts';
import type { MetricResult } from './compose-types.ts';
import type { Inline } from './model.ts';
import { fillPattern } from './phrases.ts';

/** A sentence states at most this many figures. */
export const FIGURES_PER_SENTENCE = 4;

/** Time adverbials that open the first figure sentence of an item (`{c}`: the clauses). */
const OPENERS = ['全年{c}', '一年来，{c}', '{c}', '年内{c}', '本年度{c}', '全年共{c}'];
/** The first figures after a clause on how the work was done (same sentence). */
const LEAD_IN = ['{c}', '全年{c}', '全年共{c}', '年内{c}'];
/** Connectives for the following figure sentences. */
const FOLLOWERS = ['同时，{c}', '{c}', '此外，{c}', '另外，{c}', '与此同时，{c}', '{c}'];
/** Joining two clauses inside one sentence. */
const CLAUSE_JOIN = ['，', '；', '，'];

const UP = ['，比上年的{prev}有所增加', '，高于上年的{prev}', '，较上年（{prev}）有所增长'];
const DOWN = ['，较上年的{prev}有所减少', '，低于上年的{prev}'];
const FLAT = ['，与上年基本持平', '，和上年大体相当'];

const isRate = (m: MetricResult) => m.unit === '%';

/** `{verb}{object}{n}` (rates `{object}{verb}{n}`) with the chip in place of `{n}`. */
export function sayFigure(ctx: ComposeContext, m: MetricResult): Inline[] {
  const p = phraseOf({ ...m, rate: isRate(m) });
  const pattern = p.pattern ?? (isRate(m) ? '{object}{verb}{n}' : '{verb}{object}{n}');
  return fillPattern(pattern, { verb: p.verb, object: p.object, n: ctx.chip(m, p.measure) });
}

/** Whether a year-on-year remark fits: a comparable figure with last year's value known. */
function comparable(m: MetricResult): m is MetricResult & { previous: MetricResult } {
  const p = phraseOf({ ...m, rate: isRate(m) });
  return (
    p.trend &&
    !isRate(m) &&
    !!m.previous &&
    m.previous.value !== null &&
    m.previous.value > 0 &&
    m.value !== null
  );
}

/** Last year against this: said only for a real change (5 % and 2 or more) or a flat year. */
function comparison(ctx: ComposeContext, m: MetricResult, key: string, room: number): Inline[] {
  if (!comparable(m)) return [];
  const before = m.previous.value!;
  const change = m.value! - before;
  const ratio = change / before;
  if (Math.abs(ratio) < 0.02 && ctx.flatRemarks < 1) {
    ctx.flatRemarks++;
    return ctx.fill(FLAT, `${key}.flat`);
  }
  const small = Number.isInteger(m.value) && Math.abs(change) < 2;
  if (Math.abs(ratio) < 0.05 || small || room < 1 || !ctx.free(m.previous)) return [];
  const prev = ctx.chip(m.previous, phraseOf({ ...m, rate: false }).measure);
  return ctx.fill(change > 0 ? UP : DOWN, `${key}.${change > 0 ? 'up' : 'down'}`, { prev });
}

export interface Clause {
  inlines: Inline[];
  figures: number;
}

/**
 * One figure with what goes with it: joined figures, up to three non-zero parts after 其中 and,
 * if room is left, last year's figure. Null when the figure is already stated or has no value.
 */
export function figureClause(
  ctx: ComposeContext,
  m: MetricResult,
  key: string,
  options: { compare?: boolean; cap?: number } = {},
): Clause | null {
  if (!ctx.free(m)) return null;
  const cap = options.cap ?? FIGURES_PER_SENTENCE;
  const out = sayFigure(ctx, m);
  let figures = 1;
  for (const j of m.joins ?? []) {
    if (figures >= cap || !ctx.free(j) || !j.value) continue;
    // A bare figure (213人次) joins with 、; a phrase with its own words with a comma.
    const bare = (j.phrase?.pattern ?? '') === '{n}';
    out.push(text(bare ? '、' : '，'), ...sayFigure(ctx, j));
    figures++;
  }
  if (options.compare) {
    const cmp = comparison(ctx, m, key, cap - figures - 1);
    figures += cmp.filter((i) => i.type === 'metric').length;
    out.push(...cmp);
  }
  const parts = (m.parts ?? []).filter((p) => ctx.free(p) && p.value);
  const partRoom = Math.min(parts.length, cap - figures, 2);
  if (partRoom > 0 && m.value) {
    out.push(text('，其中'));
    parts.slice(0, partRoom).forEach((p, i) => {
      if (i > 0) out.push(text('、'));
      out.push(...sayFigure(ctx, p));
      figures++;
    });
  }
  return { inlines: out, figures };
}

/**
 * Sentences stating `figures` in order: two clauses a sentence at most, never more than four
 * figures; the first sentence opens with a time adverbial (unless `lead` already opened it),
 * the rest with varied connectives. Returns the sentences, each ending in 。.
 */
export function figureSentences(
  ctx: ComposeContext,
  figures: readonly MetricResult[],
  key: string,
  options: { leadIn?: boolean; compare?: (m: MetricResult) => boolean } = {},
): Inline[][] {
  const clauses: Clause[] = [];
  figures.forEach((m, i) => {
    // Last year is compared for the main figure of an item only: every figure compared is a chant.
    const compare = i === 0 && (options.compare?.(m) ?? true);
    const c = figureClause(ctx, m, `${key}.${i}`, { compare });
    if (c) clauses.push(c);
  });
  const sentences: Inline[][] = [];
  let current: Clause[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const joined: Inline[] = [];
    current.forEach((c, i) => {
      if (i > 0) joined.push(text(ctx.pick(CLAUSE_JOIN, `${key}.join${sentences.length}.${i}`)));
      joined.push(...c.inlines);
    });
    const first = sentences.length === 0;
    const frames = first ? (options.leadIn ? LEAD_IN : OPENERS) : FOLLOWERS;
    const sentence = ctx.frame(frames, `${key}.frame${sentences.length}`, (f) =>
      fillPattern(`${f}。`, { c: joined }),
    );
    sentences.push(sentence);
    current = [];
  };
  for (const c of clauses) {
    const used = current.reduce((n, x) => n + x.figures, 0);
    if (current.length >= 2 || used + c.figures > FIGURES_PER_SENTENCE) flush();
    current.push(c);
  }
  flush();
  return sentences;
}

/** Text of sentences for length estimates. */
export const sentencesText = (s: readonly Inline[][]): string => s.map(plain).join('');
