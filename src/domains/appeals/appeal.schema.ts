/** Request and response shapes of the appeals API (zod; Chinese titles name fields as forms do). */
import { z } from '@hono/zod-openapi';
import { FIELD_TYPES, PersonRuleSchema } from '../../core/workflow/fields.ts';
import * as link from '../appeal-analysis/problem.intake-link.service.ts';
import { CHANNELS, KIND_NAMES } from './appeal.kinds.ts';

const id = (title: string) => z.uuid().meta({ title });

export const AppealCreate = z
  .object({
    kind: z.enum(KIND_NAMES as [string, ...string[]]).meta({ title: '工单类型' }),
    channel: z.enum(Object.keys(CHANNELS) as [string, ...string[]]).meta({ title: '来源渠道' }),
    categoryCode: z.string().min(1).max(80).meta({ title: '诉求类别' }),
    urgency: z.string().min(1).max(40).optional().meta({ title: '紧急程度' }),
    villageId: id('所在村（社区）').optional(),
    title: z.string().trim().min(1).max(200).meta({ title: '标题' }),
    content: z.string().trim().min(1).max(20000).meta({ title: '诉求内容' }),
    contactName: z.string().trim().min(1).max(50).optional().meta({ title: '联系人' }),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确')
      .optional()
      .meta({ title: '联系电话' }),
    address: z.string().trim().max(200).optional().meta({ title: '地址' }),
    lat: z.number().min(-90).max(90).optional().meta({ title: '纬度' }),
    lng: z.number().min(-180).max(180).optional().meta({ title: '经度' }),
    receivedAt: z.iso.datetime({ offset: true }).optional().meta({ title: '受理时间' }),
    payload: z.record(z.string(), z.unknown()).default({}).meta({ title: '受理信息' }),
    /** 可能与…同类 chosen on the form: linked in the intake's transaction (problem.intake-link.service.ts). */
    problem: link.IntakeProblemLink.optional(),
  })
  .openapi('AppealCreate');
export type AppealCreateInput = z.infer<typeof AppealCreate>;

export const TransitionBody = z
  .object({
    action: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(60)
      .meta({ title: '操作' }),
    version: z.number().int().min(1).meta({ title: '版本' }),
    note: z.string().max(2000).optional().meta({ title: '备注' }),
    payload: z.record(z.string(), z.unknown()).default({}).meta({ title: '填写内容' }),
    attachmentIds: z.array(z.uuid()).max(10).optional().meta({ title: '附件（照片）' }),
  })
  .openapi('AppealTransition');
export type TransitionInput = z.infer<typeof TransitionBody>;

export const RevealBody = z
  .object({ reason: z.string().trim().min(2).max(200).meta({ title: '查看事由' }) })
  .openapi('AppealRevealContact');

export const AppealListQuery = z.object({
  kind: z.string().max(40).optional().meta({ title: '工单类型' }),
  state: z.string().max(40).optional().meta({ title: '状态' }),
  categoryCode: z.string().max(80).optional().meta({ title: '诉求类别' }),
  villageId: z.uuid().optional().meta({ title: '村（社区）' }),
  unitId: z.uuid().optional().meta({ title: '承办单位' }),
  q: z.string().max(100).optional().meta({ title: '关键词' }),
  from: z.iso.date().optional().meta({ title: '受理开始日期' }),
  to: z.iso.date().optional().meta({ title: '受理结束日期' }),
  cursor: z.string().max(200).optional().meta({ title: '游标' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ title: '每页条数' }),
});

/** 提醒/督办 of an order: the scheduler's, or a leader's by hand (source `manual`), with its acknowledgement and reply. */
export const Reminder = z
  .object({
    kind: z.string(),
    clock: z.string(),
    dueAt: z.string(),
    message: z.string(),
    createdAt: z.string(),
    id: z.string(),
    source: z.string(),
    note: z.string().nullable(),
    targetUnitId: z.string().nullable(),
    targetPersonId: z.string().nullable(),
    issuedByName: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedByName: z.string().nullable(),
    reply: z.string().nullable(),
    repliedAt: z.string().nullable(),
    repliedByName: z.string().nullable(),
    version: z.number(),
  })
  .openapi('AppealReminder');

/** A reminder listed with the order it is about (我的提醒, the 督办 board). */
export const ReminderListItem = Reminder.extend({
  appeal: z.object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    kind: z.string(),
    state: z.string(),
    version: z.number(),
    unitId: z.string().nullable(),
    villageId: z.string().nullable(),
    nextDueAt: z.string().nullable(),
    overdue: z.boolean(),
    closed: z.boolean(),
  }),
}).openapi('AppealReminderListItem');

export const SuperviseBody = z
  .object({
    version: z.number().int().min(1).meta({ title: '版本' }),
    note: z.string().trim().min(2).max(1000).meta({ title: '督办意见' }),
    replyBy: z.iso.datetime({ offset: true }).meta({ title: '答复期限' }),
  })
  .openapi('AppealSupervise');

export const AcknowledgeBody = z
  .object({ version: z.number().int().min(1).meta({ title: '版本' }) })
  .openapi('AppealReminderAcknowledge');
export const ReplyBody = z
  .object({
    version: z.number().int().min(1).meta({ title: '版本' }),
    reply: z.string().trim().min(2).max(2000).meta({ title: '回复内容' }),
  })
  .openapi('AppealSupervisionReply');

export const AttachmentVisibilityBody = z
  .object({ public: z.boolean().meta({ title: '公开给群众' }) })
  .openapi('AttachmentVisibility');

export const ReminderListQuery = z.object({
  status: z.enum(['open', 'all']).default('open').meta({ title: '范围' }),
});

export const AppealAttachment = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number(),
    sha256: z.string(),
    eventSeq: z.number().nullable(),
    uploadedByName: z.string(),
    createdAt: z.string(),
    public: z.boolean().openapi({ description: '公开给群众（Open311 media_url、群众查询页）' }),
    fromResident: z.boolean().openapi({ description: '群众提交诉求时所附照片' }),
    publishedAt: z.string().nullable(),
    publishedByName: z.string().nullable(),
  })
  .openapi('AppealAttachment');

/** One input a workflow action asks for (declared as data in the kind, src/core/workflow/fields.ts). */
const actionField = {
  name: z.string(),
  label: z.string(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  who: PersonRuleSchema.optional(),
};
export const ActionField = z.object(actionField).openapi('AppealActionField');

/** 工单类型 as the UI and the docs describe it (src/core/workflow/describe.ts). */
export const AppealKind = z
  .object({
    kind: z.string(),
    label: z.string(),
    description: z.string(),
    states: z.array(
      z.object({ id: z.string(), label: z.string(), terminal: z.boolean(), initial: z.boolean() }),
    ),
    actions: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        from: z.array(z.string()),
        to: z.string(),
        roles: z.array(z.string()),
        fields: z.array(ActionField),
      }),
    ),
    clocks: z.array(z.object({ id: z.string(), label: z.string(), text: z.string() })),
    settings: z.record(z.string(), z.number()),
    mayStart: z.boolean().openapi({
      description: '调用者能否受理登记该类型（账号角色与该类型登记操作的角色相交，且有受理权限）',
    }),
  })
  .openapi('AppealKind');

const KpiCell = {
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
};
/** One KPI over the period: a total, or one cell per group (src/core/metrics/result.ts). */
export const KpiResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('total'), ...KpiCell }),
  z.object({
    kind: z.literal('grouped'),
    groups: z.array(z.object({ key: z.string().nullable(), ...KpiCell })),
  }),
]);
export const KpiReport = z
  .object({
    metrics: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        unit: z.string(),
        description: z.string(),
        result: KpiResult,
      }),
    ),
    weights: z.object({ response: z.number(), resolution: z.number(), satisfaction: z.number() }),
    composite: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('total'), value: z.number().nullable() }),
      z.object({
        kind: z.literal('grouped'),
        groups: z.array(z.object({ key: z.string().nullable(), value: z.number().nullable() })),
      }),
    ]),
  })
  .openapi('AppealKpiReport');
/** An order behind a KPI figure; `inNumerator` says whether it counts above the line of a rate. */
export const KpiOrder = z
  .object({
    id: z.string(),
    code: z.string(),
    kind: z.string(),
    state: z.string(),
    title: z.string(),
    receivedOn: z.string(),
    inNumerator: z.boolean(),
    closedAt: z.string().nullable(),
    satisfaction: z.string().nullable(),
  })
  .openapi('AppealKpiOrder');

const Deadline = z.object({
  clock: z.string(),
  label: z.string(),
  startedAt: z.string(),
  dueAt: z.string(),
  stoppedAt: z.string().nullable(),
  extensions: z.number(),
  overdue: z.boolean(),
});

export const AppealSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    version: z.number(),
    channel: z.string(),
    categoryCode: z.string().nullable(),
    urgency: z.string().nullable(),
    villageId: z.string().nullable(),
    unitId: z.string().nullable(),
    title: z.string(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    receivedAt: z.string(),
    nextDueAt: z.string().nullable(),
    overdue: z.boolean(),
    closedAt: z.string().nullable(),
    satisfaction: z.string().nullable(),
    mergedInto: z.string().nullable(),
  })
  .openapi('AppealSummary');

export const AppealDetail = AppealSummary.extend({
  content: z.string(),
  address: z.string().nullable(),
  coHandlerUnitIds: z.array(z.string()),
  caseLeaderPersonId: z.string().nullable(),
  handlerPersonId: z.string().nullable(),
  deadlines: z.array(Deadline),
  fields: z.record(z.string(), z.unknown()),
  counters: z.record(z.string(), z.number()),
  solved: z.boolean().nullable(),
  reopenCount: z.number(),
  residentRating: z.number().nullable(),
  residentSatisfaction: z
    .string()
    .nullable()
    .openapi({ description: '群众在查询页的评价（满意/基本满意/不满意），即回访结果' }),
  residentComment: z.string().nullable().openapi({ description: '群众评价时写的意见（原文）' }),
  timeline: z.array(
    z.object({
      seq: z.number(),
      action: z.string(),
      label: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      actorName: z.string(),
      at: z.string(),
      note: z.string().nullable(),
      payload: z.record(z.string(), z.unknown()),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      to: z.string(),
      enabled: z.boolean(),
      reason: z.string().optional(),
      fields: z.array(ActionField),
    }),
  ),
  reminders: z.array(Reminder.extend({ addressedToMe: z.boolean() })),
  canRevealContact: z.boolean(),
  /** Names of the people the order and its timeline refer to by id (包案领导, 办事责任人 …). */
  people: z.record(z.string(), z.string()),
  inScope: z.boolean().openapi({
    description: '调用者此后是否仍能查看该工单（如退单后工单退回派单员，承办单位人员不再能查看）',
  }),
  warnings: z.array(z.string()),
}).openapi('AppealDetail');

/** 受理 answers the new order and, when the form chose one, the problem it now belongs to. */
export const AppealIntakeResult = AppealDetail.extend({
  problem: link.LinkedProblem.optional().meta({ title: '已归入的问题（受理时选了归入时）' }),
}).openapi('AppealIntakeResult');
