/**
 * Date guards a kind may attach to a transition: a minimum period between two declared date
 * fields (年满十八周岁 at application, 一年以上培养 before 发展对象, 一年预备期 before 转正) and a
 * date that may not lie in the future. Generic engine vocabulary: the kind names the fields, the
 * period and the rule's wording; a refusal names the rule and the earliest date it allows.
 */
import { z } from 'zod';
import { isDateKey, localDateOf } from '../calendar/local-time.ts';
import { addDuration, durationSchema } from '../ledger/rules.ts';
import type { GuardContext } from './guards.ts';

/** 2027年3月1日 — how a refusal says a date. */
export function chineseDate(key: string): string {
  const [y, m, d] = key.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A recorded or entered date field; today (town time) while the user has yet to fill it in. */
function dateOf(ctx: GuardContext, field: string | undefined): string | null {
  if (field === undefined) return localDateOf(ctx.at);
  if (ctx.preview && ctx.ownFieldNames.includes(field)) return localDateOf(ctx.at);
  const value = ctx.fields[field];
  return typeof value === 'string' && isDateKey(value) ? value : null;
}

export const minPeriodParams = z.object({
  /** The date the period runs from (出生日期, 确定为入党积极分子日期 …). */
  since: z.string().min(1),
  /** The date of the event the period guards; the day the transition fires when omitted. */
  until: z.string().min(1).optional(),
  period: durationSchema,
  /** The rule in Chinese, cited in the refusal (年满十八周岁方可申请入党). */
  rule: z.string().min(1),
});

/** `until` is at least `period` after `since`; else the rule and the earliest allowed date. */
export function checkMinPeriod(
  ctx: GuardContext,
  p: z.infer<typeof minPeriodParams>,
): string | null {
  // Both dates still to be entered (公示 from … to …): nothing to judge until the user fills them.
  if (ctx.preview && ctx.ownFieldNames.includes(p.since)) return null;
  const since = dateOf(ctx, p.since);
  if (since === null) return `不符合“${p.rule}”的规定：起算日期尚未记录`;
  const until = dateOf(ctx, p.until);
  if (until === null) return null; // the event's own date is required by its field spec
  const earliest = addDuration(since, p.period);
  return until >= earliest
    ? null
    : `不符合“${p.rule}”的规定，最早可于${chineseDate(earliest)}${ctx.transitionLabel}`;
}

export const notInFutureParams = z.object({ field: z.string().min(1) });

/** A date the user enters for something done (谈话日期) is not after today, town time. */
export function checkNotInFuture(
  ctx: GuardContext,
  p: z.infer<typeof notInFutureParams>,
): string | null {
  const value = dateOf(ctx, p.field);
  const today = localDateOf(ctx.at);
  return value === null || value <= today
    ? null
    : `「${ctx.transitionLabel}」的日期不能晚于今天（${chineseDate(today)}）`;
}

export const dateWithinParams = z
  .object({
    /** The date the window runs from (支部大会日期, 延长后预备期满日期 …). */
    since: z.string().min(1),
    /** The date judged: the day something happens, or (`chosen`) a date the user picks ahead. */
    until: z.string().min(1),
    /** `until` no earlier than `since` plus this; the same day as `since` when omitted. */
    min: durationSchema.optional(),
    /** `until` no later than `since` plus this. */
    max: durationSchema.optional(),
    /** The rule in Chinese, cited in the refusal. */
    rule: z.string().min(1),
    /** What `until` is called in a refusal (延长后预备期满日期); else the earliest day to act. */
    untilLabel: z.string().min(1).optional(),
    /**
     * `until` is a date the user chooses (a new end of 预备期), not the day of the act: listing
     * the buttons cannot judge it, as it cannot be taken for today.
     */
    chosen: z.boolean().default(false),
    /** The rule binds only once `since` is recorded (a 预备期 extended earlier on). */
    whenRecorded: z.boolean().default(false),
  })
  .refine((p) => p.untilLabel !== undefined || p.max === undefined, {
    message: '给出 max 时须给出 untilLabel',
  });

/**
 * `until` lies within [since + min, since + max] (延长预备期: the new end half a year to a year
 * after the first one); a refusal cites the rule and the earliest or the latest date allowed.
 */
export function checkDateWithin(
  ctx: GuardContext,
  p: z.infer<typeof dateWithinParams>,
): string | null {
  if (ctx.preview && p.chosen && ctx.ownFieldNames.includes(p.until)) return null;
  const since = dateOf(ctx, p.since);
  if (since === null) return p.whenRecorded ? null : `不符合“${p.rule}”的规定：起算日期尚未记录`;
  const until = dateOf(ctx, p.until);
  if (until === null) return null; // required by its own field spec
  const earliest = p.min ? addDuration(since, p.min) : since;
  if (until < earliest)
    return p.untilLabel
      ? `不符合“${p.rule}”的规定，${p.untilLabel}不能早于${chineseDate(earliest)}`
      : `不符合“${p.rule}”的规定，最早可于${chineseDate(earliest)}${ctx.transitionLabel}`;
  const latest = p.max ? addDuration(since, p.max) : null;
  return latest !== null && until > latest
    ? `不符合“${p.rule}”的规定，${p.untilLabel}不能晚于${chineseDate(latest)}`
    : null;
}
