/**
 * What a kind declares about itself beyond its graph (DESIGN 5: "a kind declares everything about
 * itself in one place"): its KPI block (which clock is the required first response, which the
 * completion limit, which states count as 办结, who the handling person is, which portfolio owns
 * it town-wide, where the follow-up answers are), whether it is an appeal at all (a pipeline such
 * as 发展党员 is not: it never counts in 三率, Open311 or appeal analysis), whether 问题清单
 * analysis offers it, and how a report names its orders. Cross-checked against the kind's states,
 * actions, fields and clocks by `kindSchema`.
 */
import { z } from 'zod';

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { message: '标识须为小写英文、数字和下划线' });

export const kindKpiSchema = z.object({
  /** Clock whose first stop is the response; null when intake itself is the response (排查登记 on the spot). */
  responseClock: idSchema.nullable(),
  completeClock: idSchema.nullable(),
  closedStates: z.array(idSchema).min(1),
  /** Where the handling person comes from: the person who fired an action, an assignment slot, or intake. */
  handler: z.union([
    z.object({ action: idSchema }).strict(),
    z.object({ slot: z.string().min(1) }).strict(),
    z.object({ intake: z.literal(true) }).strict(),
  ]),
  /** A portfolio that sees every order of this kind (信访 → petitions). */
  portfolio: idSchema.nullable().default(null),
  /** Payload fields holding the follow-up answers. */
  satisfactionField: z.string().min(1).nullable().default(null),
  solvedField: z.string().min(1).nullable().default(null),
  /** Clocks that are the resident's window (申请复查期限), not a duty: never overdue, never 督办. */
  passiveClocks: z.array(idSchema).default([]),
});

/** How a report says the kind's orders (其中热线工单…件), and whether they are a part of 受理量's sentence. */
export const kindReportSchema = z.object({
  label: z.string().min(1),
  object: z.string().min(1),
  partOfReceived: z.boolean().default(false),
});

/**
 * A fact a guard reads from other orders (复核后同一事实不再受理), declared with the kind so the
 * service looks it up without knowing the kind. `sameCallerCategory`: another order of this kind
 * from the same caller (phone) in the same category has reached one of `states`.
 */
export const kindFactSchema = z
  .object({ lookup: z.literal('sameCallerCategory'), states: z.array(idSchema).min(1) })
  .strict();

/**
 * How residents reach the kind (the public page and Open311): their requests open an order of
 * this kind, their 回访 answer fires `followUp`, and 不满意 fires `reopen` (when the kind has one).
 */
export const kindResidentSchema = z
  .object({ followUp: idSchema, reopen: idSchema.nullable().default(null) })
  .strict();

export const kindMembershipShape = {
  kpi: kindKpiSchema,
  /** False for a pipeline that is no appeal (发展党员): never in 三率, Open311 or appeal analysis. */
  appeal: z.boolean(),
  /** Offered by 问题清单 analysis (detection and the kind choice of its page); appeals only. */
  analysis: z.boolean(),
  report: kindReportSchema.nullable().default(null),
  /** The kind residents' requests open, and the actions their answers fire; null for none. */
  resident: kindResidentSchema.nullable().default(null),
  /** Facts its guards (factNotSet) read, by name. */
  facts: z.record(z.string().min(1), kindFactSchema).default({}),
};

export type KindKpiRule = z.output<typeof kindKpiSchema>;

interface KindFacts {
  states: { id: string }[];
  initial: { id: string; fields: { name: string }[]; assign: Record<string, string> };
  transitions: {
    id: string;
    fields: { name: string }[];
    assign: Record<string, string>;
    guards: { name: string; params: Record<string, unknown> }[];
  }[];
  clocks: { id: string }[];
  kpi: KindKpiRule;
  appeal: boolean;
  analysis: boolean;
  report: z.output<typeof kindReportSchema> | null;
  facts: Record<string, z.output<typeof kindFactSchema>>;
  resident: z.output<typeof kindResidentSchema> | null;
}

/** Every reference of the KPI block and the memberships that the kind does not declare. */
export function kpiProblems(kind: KindFacts): string[] {
  const p: string[] = [];
  const { kpi } = kind;
  const actions = [kind.initial, ...kind.transitions];
  const states = new Set(kind.states.map((s) => s.id));
  const clocks = new Set(kind.clocks.map((c) => c.id));
  const fields = new Set(actions.flatMap((a) => a.fields.map((f) => f.name)));
  const slots = new Set(actions.flatMap((a) => Object.keys(a.assign)));
  for (const [what, clock] of [
    ['响应时限', kpi.responseClock],
    ['办结时限', kpi.completeClock],
    ...kpi.passiveClocks.map((c) => ['群众期限', c] as const),
  ] as const)
    if (clock !== null && !clocks.has(clock))
      p.push(`指标定义的${what}引用了不存在的时限 ${clock}`);
  for (const s of kpi.closedStates)
    if (!states.has(s)) p.push(`指标定义的办结状态引用了不存在的状态 ${s}`);
  const h = kpi.handler;
  if ('action' in h && !actions.some((a) => a.id === h.action))
    p.push(`指标定义的承办人引用了不存在的操作 ${h.action}`);
  if ('slot' in h && !slots.has(h.slot)) p.push(`指标定义的承办人引用了未指派的角色 ${h.slot}`);
  for (const [what, field] of [
    ['满意度', kpi.satisfactionField],
    ['解决情况', kpi.solvedField],
  ] as const)
    if (field !== null && !fields.has(field)) p.push(`指标定义的${what}字段 ${field} 未声明`);
  if (!kind.appeal && kind.analysis) p.push('非诉求类型不能参加诉求分析');
  if (!kind.appeal && kind.report) p.push('非诉求类型不能计入报告的受理量');
  const r = kind.resident;
  if (r && !kind.appeal) p.push('非诉求类型不能接收群众提交');
  for (const action of r ? [r.followUp, r.reopen] : [])
    if (action !== null && !kind.transitions.some((t) => t.id === action))
      p.push(`群众评价引用了不存在的操作 ${action}`);
  return [...p, ...factProblems(kind, states)];
}

/** Facts over states the kind lacks, and guards reading a fact the kind does not declare. */
function factProblems(kind: KindFacts, states: Set<string>): string[] {
  const p: string[] = [];
  for (const [name, fact] of Object.entries(kind.facts))
    for (const s of fact.states) if (!states.has(s)) p.push(`事实 ${name} 引用了不存在的状态 ${s}`);
  for (const t of kind.transitions)
    for (const g of t.guards) {
      const fact = g.name === 'factNotSet' ? g.params.fact : undefined;
      if (typeof fact === 'string' && !(fact in kind.facts))
        p.push(`操作 ${t.id} 的条件引用了未声明的事实 ${fact}`);
    }
  return p;
}
