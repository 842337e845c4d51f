/**
 * 表述 — how a report says a metric's figure (DESIGN 8): the verb and the object around the
 * number, the measure word it is said with, the metrics that break it down (said after it with
 * 其中) or join it in the same breath, and whether last year's figure is worth comparing.
 * A declaration without a phrase is said from its label (`phraseOf`).
 */
import { z } from 'zod';

/** Where the parts go: `{verb}`, `{object}` and `{n}` (the figure with its measure word). */
const patternSchema = z
  .string()
  .max(40)
  .refine((p) => p.includes('{n}'), '表述模式应包含数字位置“{n}”');

export const metricPhraseSchema = z
  .object({
    /** What was done: 召开, 走访慰问, 报送. Empty for a plain noun (五星级党支部). */
    verb: z.string().max(16).default(''),
    /** What was counted: “三会一课”, 困难党员和老党员, 宣传稿件. */
    object: z.string().max(30).default(''),
    /** Measure word of the figure (次, 人次, 篇, 名); the metric's unit when absent. */
    measure: z.string().min(1).max(4).optional(),
    /** Word order; default `{verb}{object}{n}`, for a rate `{object}{verb}{n}`. */
    pattern: patternSchema.optional(),
    /** Metric ids counting a subset of this figure, said after it: “其中…”. */
    parts: z.array(z.string()).max(4).default([]),
    /** Metric ids said in the same breath: 接待来访群众86批次、213人次. */
    joins: z.array(z.string()).max(2).default([]),
    /** Whether this year against last means something (activity: yes; a roster's size: no). */
    trend: z.boolean().default(true),
    /** Counts units (branches, villages): said only for a scope holding several of them. */
    acrossUnits: z.boolean().default(false),
  })
  .refine((p) => p.verb !== '' || p.object !== '' || p.pattern !== undefined, {
    message: '表述至少应有动词或对象',
  });
export type MetricPhrase = z.infer<typeof metricPhraseSchema>;
export type MetricPhraseInput = z.input<typeof metricPhraseSchema>;

/** Units whose figure is a scaled amount or a share: the measure word cannot differ. */
const FIXED_UNITS = new Set(['万元', '元', '%']);

/** Problems of a phrase against its metric's unit (a 万元 figure said in 元 misstates it). */
export function phraseUnitProblem(unit: string, phrase: MetricPhrase): string | null {
  if (phrase.measure !== undefined && FIXED_UNITS.has(unit) && phrase.measure !== unit)
    return `单位为“${unit}”的指标只能以“${unit}”表述`;
  return null;
}

/** Label endings that name a count rather than what was done ("次数", "人次", "率"). */
const LABEL_COUNT_SUFFIX = /(次数|人数|户数|个数|件数|期次|批次|场次|人次|总数|数量|数)$/u;

/**
 * A phrase for a metric declared without one: its label, minus a counting ending that would
 * clash with the measure word ("三会一课召开次数" + 次 → "三会一课召开{n}次"; "…人次" keeps 人次).
 */
export function phraseOf(m: {
  label: string;
  unit: string;
  phrase?: MetricPhrase | undefined;
  rate?: boolean;
}): MetricPhrase & { measure: string } {
  if (m.phrase) return { ...m.phrase, measure: m.phrase.measure ?? m.unit };
  const ending = LABEL_COUNT_SUFFIX.exec(m.label)?.[1];
  const object = ending && !m.rate ? m.label.slice(0, -ending.length) : m.label;
  const measure = ending === '人次' && m.unit === '人' ? '人次' : m.unit;
  return {
    verb: m.rate ? '为' : '',
    object: object || m.label,
    measure,
    pattern: m.rate ? '{object}{verb}{n}' : undefined,
    parts: [],
    joins: [],
    trend: !m.rate,
    acrossUnits: false,
  };
}
