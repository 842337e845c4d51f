/**
 * Workflow kind definitions as data (工单类型): states, transitions (who, from where, what to fill,
 * which guards), deadline clocks and settings, its KPI block and memberships (`kpi.ts`), validated by
 * zod at load with every cross-reference checked, so adding a kind needs no engine code and a broken
 * definition fails before it runs.
 */
import { z } from 'zod';
import { deadlineRuleSchema } from '../calendar/deadline.ts';
import { InvalidInput } from '../errors.ts';
import { fieldSpecSchema } from './fields.ts';
import { guardParamProblems } from './guards.ts';
import { kindMembershipShape, kpiProblems } from './kpi.ts';
import { ROLES } from './roles.ts';

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { message: '标识须为小写英文、数字和下划线' });

export const stateSchema = z.object({
  id: idSchema,
  label: z.string().min(1),
  terminal: z.boolean().default(false),
});

export const guardRefSchema = z.object({
  name: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  /** Chinese reason shown when the guard refuses; overrides the guard's generic text. */
  message: z.string().min(1).optional(),
});

const actionBase = {
  id: idSchema,
  label: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  fields: z.array(fieldSpecSchema).default([]),
  /** Assignment slot → payload field: `{ unit: 'unitId' }` assigns the order to that unit. */
  assign: z.record(z.string(), z.string()).default({}),
};

export const transitionSchema = z.object({
  ...actionBase,
  from: z.array(idSchema).min(1),
  /** Null: the order stays where it is (办理 notes, 调解 sessions). */
  to: idSchema.nullable(),
  guards: z.array(guardRefSchema).default([]),
  increments: z.array(z.string().min(1)).default([]),
  clearAssignment: z.array(z.string()).default([]),
  /** Moves a running clock's due time: by a rule from the current due time, or to a date field. */
  extendsClock: z
    .object({ clock: idSchema, by: deadlineRuleSchema.optional(), toField: z.string().optional() })
    .refine((e) => (e.by === undefined) !== (e.toField === undefined), {
      message: '延期须给出 by 或 toField 之一',
    })
    .optional(),
  /** False for repeatable notes whose payload belongs in the event only. */
  recordFields: z.boolean().default(true),
  /** A step the procedure does not require (延长预备期): never "next", listed once taken. */
  optional: z.boolean().default(false),
});

/** The opening action (受理/登记) that creates an order in `state`; guards as on a transition. */
export const initialSchema = z.object({
  ...actionBase,
  state: idSchema,
  guards: z.array(guardRefSchema).default([]),
});

/** A deadline clock (时限): which actions start and stop it, and its limit per urgency/category. */
export const clockSchema = z.object({
  id: idSchema,
  label: z.string().min(1),
  startOn: z.array(idSchema).min(1),
  stopOn: z.array(idSchema).min(1),
  rule: deadlineRuleSchema,
  byUrgency: z.record(z.string(), deadlineRuleSchema).default({}),
  byCategory: z.record(z.string(), deadlineRuleSchema).default({}),
  /**
   * A date field (of the starting action or recorded earlier) the clock runs from instead of the
   * moment the action fires: a 预备期 counts from the 支部大会's date, even when entered later.
   */
  startField: z.string().min(1).optional(),
});

export const kindSchema = z
  .object({
    kind: idSchema,
    label: z.string().min(1),
    description: z.string().default(''),
    states: z.array(stateSchema).min(1),
    initial: initialSchema,
    transitions: z.array(transitionSchema).min(1),
    clocks: z.array(clockSchema).default([]),
    urgencies: z
      .array(z.object({ id: idSchema, label: z.string().min(1) }))
      .default([{ id: 'general', label: '一般' }]),
    settings: z.record(z.string(), z.number()).default({}),
    ...kindMembershipShape,
  })
  .superRefine((kind, ctx) => {
    for (const problem of [...crossReferenceProblems(kind), ...kpiProblems(kind)])
      ctx.addIssue({ code: 'custom', message: problem });
  });

export type KindInput = z.input<typeof kindSchema>;
export type KindDefinition = z.output<typeof kindSchema>;
export type TransitionDefinition = z.output<typeof transitionSchema>;
export type ClockDefinition = z.output<typeof clockSchema>;

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** States reachable from the initial state by any chain of transitions. */
export function reachableStates(
  kind: Pick<KindDefinition, 'initial' | 'transitions'>,
): Set<string> {
  const seen = new Set([kind.initial.state]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of kind.transitions) {
      if (t.to && !seen.has(t.to) && t.from.some((s) => seen.has(s))) {
        seen.add(t.to);
        grew = true;
      }
    }
  }
  return seen;
}

function transitionProblems(
  kind: KindDefinition,
  t: TransitionDefinition,
  states: Map<string, boolean>,
): string[] {
  const p: string[] = [];
  const where = `操作「${t.label}」`;
  for (const s of [...t.from, ...(t.to ? [t.to] : [])])
    if (!states.has(s)) p.push(`${where}引用了不存在的状态 ${s}`);
  for (const s of t.from) if (states.get(s)) p.push(`${where}不能从终态 ${s} 出发`);
  const names = t.fields.map((f) => f.name);
  for (const d of duplicates(names)) p.push(`${where}的字段 ${d} 重复`);
  for (const field of Object.values(t.assign))
    if (!names.includes(field)) p.push(`${where}的指派字段 ${field} 未声明`);
  for (const g of t.guards)
    p.push(...guardParamProblems(g.name, g.params).map((m) => `${where}：${m}`));
  const ext = t.extendsClock;
  if (ext && !kind.clocks.some((c) => c.id === ext.clock))
    p.push(`${where}延长了不存在的时限 ${ext.clock}`);
  if (ext?.toField) {
    const f = t.fields.find((x) => x.name === ext.toField);
    if (!f || !['date', 'datetime'].includes(f.type) || !f.required)
      p.push(`${where}的延期字段须为必填的日期或时间字段`);
  }
  return p;
}

function crossReferenceProblems(kind: KindDefinition): string[] {
  const p: string[] = [];
  const states = new Map(kind.states.map((s) => [s.id, s.terminal]));
  const actions = [kind.initial.id, ...kind.transitions.map((t) => t.id)];
  for (const d of duplicates(kind.states.map((s) => s.id))) p.push(`状态 ${d} 重复`);
  for (const d of duplicates(actions)) p.push(`操作 ${d} 重复`);
  if (!states.has(kind.initial.state)) p.push(`初始状态 ${kind.initial.state} 不存在`);
  // A file is uploaded to an existing order: registration has no order to upload to yet.
  for (const f of kind.initial.fields)
    if (f.type === 'file') p.push(`登记操作不能有文件字段「${f.label}」（工单登记后才能上传附件）`);
  for (const t of kind.transitions) p.push(...transitionProblems(kind, t, states));
  for (const g of kind.initial.guards)
    p.push(
      ...guardParamProblems(g.name, g.params).map((m) => `操作「${kind.initial.label}」：${m}`),
    );
  const urgencies = kind.urgencies.map((u) => u.id);
  for (const c of kind.clocks) {
    for (const a of [...c.startOn, ...c.stopOn])
      if (!actions.includes(a)) p.push(`时限「${c.label}」引用了不存在的操作 ${a}`);
    for (const u of Object.keys(c.byUrgency))
      if (!urgencies.includes(u)) p.push(`时限「${c.label}」引用了不存在的紧急程度 ${u}`);
  }
  for (const d of duplicates(kind.clocks.map((c) => c.id))) p.push(`时限 ${d} 重复`);
  if (p.length > 0) return p; // reachability only makes sense on a consistent graph
  const reachable = reachableStates(kind);
  for (const s of kind.states) {
    if (!reachable.has(s.id)) p.push(`状态「${s.label}」无法从初始状态到达`);
    const leaves = kind.transitions.some(
      (t) => t.from.includes(s.id) && t.to !== null && t.to !== s.id,
    );
    if (!s.terminal && !leaves) p.push(`非终态「${s.label}」没有离开的操作`);
  }
  return p;
}

/** Parses and cross-checks a kind definition; throws `InvalidInput` listing every problem. */
export function loadKind(data: unknown): KindDefinition {
  const parsed = kindSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: i.path.join('.'),
    label: '工单类型定义',
    message: i.message,
  }));
  throw new InvalidInput(`工单类型定义有误：${issues.map((i) => i.message).join('；')}`, issues);
}
