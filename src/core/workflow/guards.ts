/**
 * Guard registry: the small set of pure conditions a kind definition may attach to a transition
 * by name (重办次数上限, 复查申请期限, 复核后同一事实不再受理 …). Each guard validates its params at
 * load and returns a Chinese reason when the transition must be refused, or null.
 */
import { z } from 'zod';
import {
  checkDateWithin,
  checkMinPeriod,
  checkNotInFuture,
  dateWithinParams,
  minPeriodParams,
  notInFutureParams,
} from './guards-dates.ts';
import type { AppealSnapshot } from './types.ts';

export interface GuardContext {
  snapshot: AppealSnapshot;
  /** Snapshot fields overlaid with this transition's payload. */
  fields: Record<string, unknown>;
  at: Date;
  /** Facts the caller looked up outside this order (e.g. an earlier petition on the same facts). */
  facts: Record<string, unknown>;
  settings: Record<string, number>;
  transitionLabel: string;
  /** True when listing buttons: guards on fields the user has yet to fill are skipped. */
  preview: boolean;
  ownFieldNames: readonly string[];
}

interface GuardDefinition<P> {
  params: z.ZodType<P>;
  check(ctx: GuardContext, params: P): string | null;
}

function defineGuard<P>(g: GuardDefinition<P>): GuardDefinition<unknown> {
  return g as GuardDefinition<unknown>;
}

const fieldParam = z.object({ field: z.string().min(1) });

/** Whether a field-based guard must wait for the user's input. */
function awaitsInput(ctx: GuardContext, field: string): boolean {
  return ctx.preview && ctx.ownFieldNames.includes(field);
}

function isFilled(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

export const GUARDS: Record<string, GuardDefinition<unknown>> = {
  /** A counter (e.g. reopen) is below a fixed maximum or a kind setting such as `maxReopens`. */
  counterBelow: defineGuard({
    params: z
      .object({
        counter: z.string().min(1),
        max: z.number().int().min(0).optional(),
        maxSetting: z.string().optional(),
      })
      .refine((p) => (p.max === undefined) !== (p.maxSetting === undefined), {
        message: '须且只能给出 max 或 maxSetting 之一',
      }),
    check(ctx, p) {
      const max = p.max ?? ctx.settings[p.maxSetting ?? ''] ?? 0;
      const used = ctx.snapshot.counters[p.counter] ?? 0;
      return used < max ? null : `「${ctx.transitionLabel}」最多可执行${max}次，已执行${used}次`;
    },
  }),
  /** A recorded (or just entered) field has one of the given values. */
  fieldEquals: defineGuard({
    params: z.object({
      field: z.string().min(1),
      values: z.array(z.union([z.string(), z.boolean(), z.number()])).min(1),
    }),
    check(ctx, p) {
      if (awaitsInput(ctx, p.field)) return null;
      const ok = p.values.includes(ctx.fields[p.field] as string);
      return ok ? null : `当前情况不满足「${ctx.transitionLabel}」的条件`;
    },
  }),
  /** A field has been filled in, here or by an earlier transition (e.g. 一案一策 before 答复). */
  fieldPresent: defineGuard({
    params: fieldParam,
    check: (ctx, p) =>
      awaitsInput(ctx, p.field) || isFilled(ctx.fields[p.field])
        ? null
        : `执行「${ctx.transitionLabel}」前须先填写相关内容`,
  }),
  /** A boolean field is true (e.g. the petitioner was told why the limit is extended). */
  fieldTrue: defineGuard({
    params: fieldParam,
    check: (ctx, p) =>
      awaitsInput(ctx, p.field) || ctx.fields[p.field] === true
        ? null
        : `执行「${ctx.transitionLabel}」的条件未满足`,
  }),
  /** A clock is running and not yet past due (e.g. the 30-day window to request 复查). */
  clockNotExpired: defineGuard({
    params: z.object({ clock: z.string().min(1) }),
    check(ctx, p) {
      const clock = ctx.snapshot.deadlines[p.clock];
      if (!clock || clock.stoppedAt) return `「${ctx.transitionLabel}」的期限未在计时`;
      return ctx.at <= clock.dueAt ? null : `已超过「${ctx.transitionLabel}」的期限`;
    },
  }),
  /** A fact supplied by the caller is not set (e.g. the same facts were already finally reviewed). */
  factNotSet: defineGuard({
    params: z.object({ fact: z.string().min(1) }),
    check: (ctx, p) => (ctx.facts[p.fact] ? `不能执行「${ctx.transitionLabel}」` : null),
  }),
  /** A date field is at least a period after another (年满十八周岁, 一年预备期): guards-dates.ts. */
  minPeriod: defineGuard({ params: minPeriodParams, check: checkMinPeriod }),
  /** A date field lies in a window after another (延长预备期半年至一年): guards-dates.ts. */
  dateWithin: defineGuard({ params: dateWithinParams, check: checkDateWithin }),
  /** A date entered for something done is not in the future. */
  notInFuture: defineGuard({ params: notInFutureParams, check: checkNotInFuture }),
};

export const GUARD_NAMES = Object.keys(GUARDS);

/** The Chinese reason the guard refuses, or null; `message` (from the kind data) overrides it. */
export function runGuard(
  ref: { name: string; params: Record<string, unknown>; message?: string | undefined },
  ctx: GuardContext,
): string | null {
  const guard = GUARDS[ref.name];
  if (!guard) return `未知的条件「${ref.name}」`;
  const reason = guard.check(ctx, guard.params.parse(ref.params));
  return reason === null ? null : (ref.message ?? reason);
}

/** Validates a guard's params at load; returns Chinese problems. */
export function guardParamProblems(name: string, params: unknown): string[] {
  const guard = GUARDS[name];
  if (!guard) return [`未知的条件「${name}」，可用：${GUARD_NAMES.join('、')}`];
  const parsed = guard.params.safeParse(params);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => `条件「${name}」参数有误：${i.message}`);
}
