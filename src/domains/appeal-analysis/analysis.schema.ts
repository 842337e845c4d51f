/**
 * Request and response shapes of 问题清单 and 承诺事项 (zod, with Chinese field titles so
 * validation errors name fields the way the forms do).
 */
import { z } from '@hono/zod-openapi';
import { ANALYSIS_KIND_NAMES } from '../../core/workflow/index.ts';
import { COMMITMENT_STATUSES, PROBLEM_STATUSES } from './problem.status.ts';

const id = (title: string) => z.uuid().meta({ title });
const version = z.number().int().min(1).meta({ title: '版本号' });
const date = (title: string) => z.iso.date().meta({ title });
const text = (title: string, max: number) => z.string().trim().min(1).max(max).meta({ title });
const appealIds = z.array(z.uuid()).min(1).max(500).meta({ title: '关联工单' });

/** The kinds analysis offers (each kind's declaration says whether it takes part), then 'all'. */
const [firstKind, ...moreKinds] = [...ANALYSIS_KIND_NAMES, 'all'];
const KIND_CHOICES: [string, ...string[]] = [firstKind!, ...moreKinds];

export const Period = z.object({ from: date('开始日期'), to: date('结束日期') });

export const DetectQuery = Period.extend({
  kind: z.enum(KIND_CHOICES).default('hotline').meta({ title: '工单类型' }),
  villageId: z.uuid().optional().meta({ title: '村（社区）' }),
  threshold: z.coerce.number().min(0.1).max(0.95).optional().meta({ title: '相似度阈值' }),
  minSize: z.coerce.number().int().min(2).max(50).optional().meta({ title: '最少工单数' }),
});

const EarlierDismissal = z.object({
  id: z.string(),
  title: z.string(),
  reason: z.string(),
  dismissedByName: z.string(),
  dismissedAt: z.string(),
  orderCount: z.number(),
});

export const Proposal = z
  .object({
    key: z.string(),
    kind: z.enum(['new', 'extend']),
    problemId: z.string().nullable(),
    problemTitle: z.string().nullable(),
    suggestedTitle: z.string(),
    villageId: z.string().nullable(),
    categoryCode: z.string().nullable(),
    similarity: z.number(),
    commonWords: z.array(z.string()),
    orders: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        title: z.string(),
        receivedOn: z.string(),
        state: z.string(),
      }),
    ),
    /** Set when part of this group was dismissed before: `orders` are then only the orders that joined since. */
    dismissed: EarlierDismissal.nullable(),
  })
  .openapi('AppealProblemProposal');

/** 忽略 a proposal: its orders (as proposed), the proposal's title, why. */
export const DismissBody = z
  .object({
    appealIds,
    problemId: id('并入的问题').optional(),
    title: text('建议名称', 200),
    reason: text('忽略理由', 500),
  })
  .openapi('AppealProblemDismiss');
export type DismissInput = z.infer<typeof DismissBody>;

export const Dismissal = z
  .object({
    id: z.string(),
    problemId: z.string().nullable(),
    title: z.string(),
    villageId: z.string().nullable(),
    categoryCode: z.string().nullable(),
    reason: z.string(),
    dismissedByName: z.string(),
    dismissedAt: z.string(),
    orders: z.array(
      z.object({ id: z.string(), code: z.string(), title: z.string(), receivedOn: z.string() }),
    ),
  })
  .openapi('AppealProblemDismissal');

export const ProblemCreate = z
  .object({
    title: text('问题名称', 200),
    description: z.string().trim().max(4000).optional().meta({ title: '问题描述' }),
    villageId: id('所在村（社区）').optional(),
    categoryCode: z.string().min(1).max(80).optional().meta({ title: '诉求类别' }),
    ownerUnitId: id('责任单位').optional(),
    ownerPersonId: id('责任人').optional(),
    plan: z.string().trim().max(4000).optional().meta({ title: '整改措施' }),
    dueOn: date('整改时限').optional(),
    appealIds,
    source: z.enum(['detect', 'manual']).default('manual').meta({ title: '来源' }),
  })
  .openapi('AppealProblemCreate');
export type ProblemCreateInput = z.infer<typeof ProblemCreate>;

export const ProblemUpdate = z
  .object({
    version,
    title: text('问题名称', 200).optional(),
    description: z.string().trim().max(4000).nullable().optional().meta({ title: '问题描述' }),
    villageId: id('所在村（社区）').nullable().optional(),
    ownerUnitId: id('责任单位').nullable().optional(),
    ownerPersonId: id('责任人').nullable().optional(),
    plan: z.string().trim().max(4000).nullable().optional().meta({ title: '整改措施' }),
    dueOn: date('整改时限').nullable().optional(),
  })
  .openapi('AppealProblemUpdate');
export type ProblemUpdateInput = z.infer<typeof ProblemUpdate>;

export const ProblemMove = z
  .object({
    version,
    status: z.enum(PROBLEM_STATUSES).meta({ title: '状态' }),
    plan: z.string().trim().max(4000).optional().meta({ title: '整改措施' }),
    result: z.string().trim().max(4000).optional().meta({ title: '整改结果' }),
    note: z.string().trim().max(1000).optional().meta({ title: '说明' }),
  })
  .openapi('AppealProblemMove');
export type ProblemMoveInput = z.infer<typeof ProblemMove>;

export const ProblemOrders = z.object({ version, appealIds }).openapi('AppealProblemOrders');

export const ProblemListQuery = z.object({
  status: z.enum(PROBLEM_STATUSES).optional().meta({ title: '状态' }),
  villageId: z.uuid().optional().meta({ title: '村（社区）' }),
  q: z.string().max(100).optional().meta({ title: '关键词' }),
  overdue: z.enum(['true', 'false']).optional().meta({ title: '仅看超期' }),
  limit: z.coerce.number().int().min(1).max(500).default(200).meta({ title: '每页条数' }),
});

const OrderRow = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  kind: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  villageId: z.string().nullable(),
  receivedAt: z.string(),
  closedAt: z.string().nullable(),
  satisfaction: z.string().nullable(),
});

export const Problem = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    villageId: z.string().nullable(),
    categoryCode: z.string().nullable(),
    ownerUnitId: z.string().nullable(),
    ownerPersonId: z.string().nullable(),
    ownerPersonName: z.string().nullable(),
    plan: z.string().nullable(),
    result: z.string().nullable(),
    status: z.string(),
    statusLabel: z.string(),
    dueOn: z.string().nullable(),
    overdue: z.boolean(),
    orderCount: z.number(),
    version: z.number(),
    createdAt: z.string(),
    rectifiedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .openapi('AppealProblem');

export const ProblemDetail = Problem.extend({
  orders: z.array(OrderRow),
  nextStatuses: z.array(z.object({ status: z.string(), label: z.string() })),
}).openapi('AppealProblemDetail');

export const CommitmentCreate = z
  .object({
    title: text('承诺事项', 200),
    content: text('承诺内容', 4000),
    promisedTo: text('承诺对象', 200),
    villageId: id('所在村（社区）').optional(),
    ownerUnitId: id('责任单位').optional(),
    ownerPersonId: id('责任人').optional(),
    promisedOn: date('承诺日期'),
    dueOn: date('承诺兑现日期'),
    problemId: id('关联问题').optional(),
    appealIds: z.array(z.uuid()).max(500).default([]).meta({ title: '关联工单' }),
  })
  .openapi('AppealCommitmentCreate');
export type CommitmentCreateInput = z.infer<typeof CommitmentCreate>;

export const CommitmentUpdate = z
  .object({
    version,
    title: text('承诺事项', 200).optional(),
    content: text('承诺内容', 4000).optional(),
    promisedTo: text('承诺对象', 200).optional(),
    ownerUnitId: id('责任单位').nullable().optional(),
    ownerPersonId: id('责任人').nullable().optional(),
    dueOn: date('承诺兑现日期').optional(),
    status: z.enum(COMMITMENT_STATUSES).optional().meta({ title: '状态' }),
    evidence: z.string().trim().max(4000).optional().meta({ title: '兑现佐证' }),
    note: z.string().trim().max(1000).optional().meta({ title: '说明' }),
  })
  .openapi('AppealCommitmentUpdate');
export type CommitmentUpdateInput = z.infer<typeof CommitmentUpdate>;

export const CommitmentNote = z
  .object({ note: text('进展情况', 2000) })
  .openapi('AppealCommitmentNote');

export const CommitmentListQuery = z.object({
  status: z.enum(COMMITMENT_STATUSES).optional().meta({ title: '状态' }),
  villageId: z.uuid().optional().meta({ title: '村（社区）' }),
  overdue: z.enum(['true', 'false']).optional().meta({ title: '仅看逾期' }),
  q: z.string().max(100).optional().meta({ title: '关键词' }),
  limit: z.coerce.number().int().min(1).max(500).default(200).meta({ title: '每页条数' }),
});

export const Commitment = z
  .object({
    id: z.string(),
    title: z.string(),
    content: z.string(),
    promisedTo: z.string(),
    villageId: z.string().nullable(),
    ownerUnitId: z.string().nullable(),
    ownerPersonId: z.string().nullable(),
    ownerPersonName: z.string().nullable(),
    promisedOn: z.string(),
    dueOn: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    overdue: z.boolean(),
    evidence: z.string().nullable(),
    fulfilledAt: z.string().nullable(),
    problemId: z.string().nullable(),
    problemTitle: z.string().nullable(),
    orderCount: z.number(),
    version: z.number(),
  })
  .openapi('AppealCommitment');

export const CommitmentDetail = Commitment.extend({
  orders: z.array(OrderRow),
  notes: z.array(
    z.object({ id: z.string(), note: z.string(), authorName: z.string(), at: z.string() }),
  ),
  nextStatuses: z.array(z.object({ status: z.string(), label: z.string() })),
}).openapi('AppealCommitmentDetail');

/**
 * What the intake form chose from 可能与…同类 (problem-match.service.ts): 归入此问题, or 立为问题
 * with the recent repeats. Sent with the new order so the order and its link commit together.
 */
export const IntakeProblemLink = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('problem'), problemId: id('问题') }),
    z.object({
      kind: z.literal('cluster'),
      title: text('问题名称', 200),
      appealIds: z.array(z.uuid()).min(1).max(200).meta({ title: '近期重复的工单' }),
    }),
  ])
  .meta({ title: '归入问题' })
  .openapi('IntakeProblemLink');
export type IntakeProblemLinkInput = z.infer<typeof IntakeProblemLink>;

export const LinkedProblem = z
  .object({ id: z.uuid(), title: z.string(), orderCount: z.number() })
  .openapi('IntakeLinkedProblem');
