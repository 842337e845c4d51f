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

export const kindMembershipShape = {
  kpi: kindKpiSchema,
  /** False for a pipeline that is no appeal (发展党员): never in 三率, Open311 or appeal analysis. */
  appeal: z.boolean(),
  /** Offered by 问题清单 analysis (detection and the kind choice of its page); appeals only. */
  analysis: z.boolean(),
  report: kindReportSchema.nullable().default(null),
};

export type KindKpiRule = z.output<typeof kindKpiSchema>;

interface KindFacts {
  states: { id: string }[];
  initial: { id: string; fields: { name: string }[]; assign: Record<string, string> };
  transitions: { id: string; fields: { name: string }[]; assign: Record<string, string> }[];
  clocks: { id: string }[];
  kpi: KindKpiRule;
  appeal: boolean;
  analysis: boolean;
  report: z.output<typeof kindReportSchema> | null;
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
  return p;
}
