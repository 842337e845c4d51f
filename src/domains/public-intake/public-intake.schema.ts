/**
 * Request and response shapes of the resident (no account) appeal API, with Chinese field titles
 * so validation errors name fields the way the resident form does.
 */
import { z } from '@hono/zod-openapi';

export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;

export const TownCodeParams = z.object({
  townCode: z
    .string()
    .regex(/^[a-z0-9_-]{2,40}$/, '乡镇代码格式不正确')
    .meta({ title: '乡镇代码' })
    .openapi({ param: { name: 'townCode', in: 'path' }, example: 'qingshi' }),
});

export const TrackingParams = z.object({
  code: z
    .string()
    .regex(/^[0-9A-Za-z-]{6,40}$/, '查询码格式不正确')
    .meta({ title: '查询码' })
    .openapi({ param: { name: 'code', in: 'path' }, example: '25-00042-K7P3QX' }),
});

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/, '应为 8–100 位字母、数字或 _ . : -')
    .optional()
    .meta({ title: '幂等键（Idempotency-Key）' })
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: '客户端为每一次“提交”生成的随机串；网络重试时带同一个值，不会重复立单',
    }),
});

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写 11 位手机号或带区号的固定电话');

export const PublicAppealCreate = z
  .object({
    categoryCode: z.string().min(1).max(80).meta({ title: '诉求类别' }),
    villageId: z.uuid().meta({ title: '所在村（社区）' }),
    title: z.string().trim().min(2).max(100).meta({ title: '标题' }),
    content: z.string().trim().min(5).max(2000).meta({ title: '诉求内容' }),
    contactName: z.string().trim().min(1).max(50).optional().meta({ title: '姓名' }),
    contactPhone: phone.optional().meta({ title: '联系电话' }),
    address: z.string().trim().min(1).max(200).optional().meta({ title: '详细地址' }),
    lat: z.number().min(-90).max(90).optional().meta({ title: '纬度' }),
    long: z.number().min(-180).max(180).optional().meta({ title: '经度' }),
  })
  .refine((b) => (b.lat === undefined) === (b.long === undefined), {
    message: '纬度和经度须同时填写',
    path: ['long'],
  })
  .openapi('PublicAppealCreate');
export type PublicAppealCreateInput = z.infer<typeof PublicAppealCreate>;

export const PublicAppealReceipt = z
  .object({
    trackingCode: z.string().openapi({ description: '查询码：群众凭此查询进度、评价' }),
    code: z.string().openapi({ description: '工单编号（拨打热线时可报此号）' }),
    townName: z.string(),
    status: z.enum(['open', 'closed']),
    state: z.string(),
    stateLabel: z.string(),
    receivedAt: z.string(),
  })
  .openapi('PublicAppealReceipt');

export const PublicAppealStatus = z
  .object({
    trackingCode: z.string(),
    code: z.string(),
    townName: z.string(),
    categoryName: z.string().nullable(),
    villageName: z.string().nullable(),
    description: z
      .string()
      .nullable()
      .openapi({ description: '经办人公开的诉求描述（已隐去号码、门牌号、姓名）；未公开为 null' }),
    reply: z
      .string()
      .nullable()
      .openapi({ description: '经办人公开的答复（已脱敏）；未公开为 null' }),
    publishedAt: z.string().nullable(),
    proven: z.boolean().openapi({
      description:
        '是否已凭查询码和手机号后四位验证：验证后才返回公开的描述、答复、评价和能否评价（未留电话的诉求凭查询码即可）',
    }),
    status: z.enum(['open', 'closed']),
    state: z.string(),
    stateLabel: z.string(),
    receivedAt: z.string(),
    updatedAt: z.string(),
    expectedAt: z.string().nullable().openapi({ description: '承诺办结时限' }),
    closedAt: z.string().nullable(),
    canRate: z.boolean(),
    rating: z
      .object({
        satisfaction: z.enum(SATISFACTION),
        solved: z.boolean(),
        comment: z.string().nullable(),
        ratedAt: z.string(),
      })
      .nullable()
      .openapi({ description: '群众最近一次评价（重办后再次答复可再评价）' }),
    timeline: z
      .array(z.object({ at: z.string(), label: z.string(), stateLabel: z.string() }))
      .openapi({ description: '办理进度（不含经办人、备注）' }),
    photos: z
      .array(z.object({ url: z.string(), fromResident: z.boolean() }))
      .openapi({ description: '公开的照片：群众自己上传的，和经办人标记“公开给群众”的现场照片' }),
  })
  .openapi('PublicAppealStatus');

const phoneLast4 = z
  .string()
  .regex(/^\d{4}$/, '请填写提交时所留电话的后四位数字')
  .meta({ title: '手机号后四位' });

export const PublicProofBody = z.object({ phoneLast4 }).openapi('PublicProof');

export const PublicRatingBody = z
  .object({
    phoneLast4: phoneLast4.optional(),
    satisfaction: z.enum(SATISFACTION).meta({ title: '满意度' }),
    solved: z.boolean().meta({ title: '问题是否解决' }),
    comment: z.string().trim().max(500).optional().meta({ title: '评价意见' }),
  })
  .openapi('PublicRating');

export const PublicCatalog = z
  .object({
    town: z.object({ code: z.string(), name: z.string() }),
    categories: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        children: z.array(z.object({ code: z.string(), name: z.string() })),
      }),
    ),
    villages: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('PublicCatalog');

export const PublicPhotoReceipt = z
  .object({ filename: z.string(), size: z.number(), createdAt: z.string() })
  .openapi('PublicPhotoReceipt');

const publicText = (title: string) =>
  z.string().max(4000, '不能超过 4000 字').nullable().meta({ title });

export const PublicationBody = z
  .object({
    description: publicText('公开的诉求描述'),
    reply: publicText('公开的答复'),
    version: z.number().int().min(0).meta({ title: '版本' }),
  })
  .openapi('AppealPublicationInput');

export const PublicationView = z
  .object({
    description: z.string().nullable().openapi({ description: '经办人写的诉求描述（原文）' }),
    reply: z.string().nullable().openapi({ description: '经办人写的答复（原文）' }),
    publicDescription: z
      .string()
      .nullable()
      .openapi({ description: '群众和 Open311 实际看到的描述（已隐去号码、门牌号、姓名）' }),
    publicReply: z.string().nullable().openapi({ description: '群众实际看到的答复（已脱敏）' }),
    publishedAt: z.string().nullable(),
    publishedByName: z.string().nullable(),
    version: z.number(),
    canPublish: z.boolean(),
  })
  .openapi('AppealPublication');
