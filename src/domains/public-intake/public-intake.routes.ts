/**
 * Resident (no account) routes under /api/v1/public: the form catalogue, submitting an appeal,
 * adding photos to it, following it by tracking code, proving it is theirs (code plus the
 * phone's last four digits) to read the published reply, and rating it (the 回访 answer).
 * Policy `public`: no session is read; abuse is held off by the per-address rate limit and the
 * unguessable tracking code.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { Malformed, PayloadTooLarge } from '../../core/errors.ts';
import type { AppEnv } from '../../http/env.ts';
import {
  clientIp,
  jsonBody,
  jsonResponse,
  problemResponses,
  ProblemSchema,
} from '../../http/openapi.ts';
import { defineRoute, policies } from '../../http/route.ts';
import { readForm, uploadBody } from '../../http/upload.ts';
import { addResidentPhoto } from './public-intake.photos.ts';
import { registerPublicationRoutes } from './public-intake.publication.routes.ts';
import * as s from './public-intake.schema.ts';
import * as service from './public-intake.service.ts';

const tags = ['群众自助（免登录）'];
const base = '/api/v1/public';

const catalogRoute = createRoute({
  method: 'get',
  path: `${base}/towns/{townCode}/catalog`,
  tags,
  summary: '诉求表单的类别和村（社区）列表',
  request: { params: s.TownCodeParams },
  responses: jsonResponse(s.PublicCatalog, '表单选项'),
});

const submitRoute = createRoute({
  method: 'post',
  path: `${base}/towns/{townCode}/appeals`,
  tags,
  summary: '群众提交诉求（免登录；同一地址 10 分钟最多 5 条；支持 Idempotency-Key 重试）',
  description:
    '返回查询码和当前状态。网络重试时带同一个 Idempotency-Key 和同样的内容会得到同一张回执，不会重复立单；同一个键换了内容返回 409。超过频率限制返回 429 并带 Retry-After（秒）。',
  request: {
    params: s.TownCodeParams,
    headers: s.IdempotencyHeaders,
    ...jsonBody(s.PublicAppealCreate),
  },
  responses: {
    ...jsonResponse(s.PublicAppealReceipt, '已受理（重放时内容与首次相同）', 201),
    429: {
      content: { 'application/problem+json': { schema: ProblemSchema } },
      description: '提交过于频繁（带 Retry-After）',
    },
  },
});

const statusRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/{code}`,
  tags,
  summary: '凭查询码查看办理进度（不含姓名、电话、经办人和内部备注）',
  request: { params: s.TrackingParams },
  responses: jsonResponse(s.PublicAppealStatus, '进度'),
});

const proofRoute = createRoute({
  method: 'post',
  path: `${base}/appeals/{code}/proof`,
  tags,
  summary: '凭查询码和手机号后四位查看答复（与查询码查询共用输错限制）',
  description:
    '验证通过返回含经办人公开的答复（已脱敏）、群众评价和能否评价的进度；查询码或后四位不对一律返回 404，并计入同一网络的输错次数和该诉求的输错次数（每件 1 小时 10 次）。',
  request: { params: s.TrackingParams, ...jsonBody(s.PublicProofBody) },
  responses: { ...jsonResponse(s.PublicAppealStatus, '进度（含答复）'), ...problemResponses },
});

/** A photo of up to 10 MB plus the multipart envelope. */
const photoLimit = bodyLimit({
  maxSize: 10 * 1024 * 1024 + 64 * 1024,
  onError: () => {
    throw new PayloadTooLarge('照片不能超过 10 MB');
  },
});

const photoRoute = createRoute({
  method: 'post',
  path: `${base}/appeals/{code}/photos`,
  middleware: [photoLimit] as never,
  tags,
  summary: '群众为自己的诉求上传照片（提交后 24 小时内、办结前；每件最多 3 张；JPG/PNG ≤ 10 MB）',
  description:
    'multipart/form-data 的 file 字段。照片对群众公开：显示在查询页，并作为 Open311 的 media_url。同一张照片重复上传只存一份。',
  request: { params: s.TrackingParams, ...uploadBody('照片') },
  responses: { ...jsonResponse(s.PublicPhotoReceipt, '已上传', 201), ...problemResponses },
});

const ratingRoute = createRoute({
  method: 'post',
  path: `${base}/appeals/{code}/rating`,
  tags,
  summary: '群众评价，即回访结果（凭查询码和手机号后四位；答复后、回访前；不满意即重办）',
  description:
    '评价即该工单的回访：工单转为已回访；不满意且未超过重办次数上限时转为办理中重办。查询码或后四位不对返回 404。',
  request: { params: s.TrackingParams, ...jsonBody(s.PublicRatingBody) },
  responses: { ...jsonResponse(s.PublicAppealStatus, '已评价'), ...problemResponses },
});

export function registerPublicIntakeRoutes(app: OpenAPIHono<AppEnv>): void {
  registerPublicationRoutes(app);
  defineRoute(app, catalogRoute, policies.public, async (c) => {
    const { db } = c.get('deps');
    return c.json(
      await service.catalog(db, await service.townByCode(db, c.req.valid('param').townCode)),
      200,
    );
  });

  defineRoute(app, submitRoute, policies.public, async (c) => {
    const { db } = c.get('deps');
    const town = await service.townByCode(db, c.req.valid('param').townCode);
    const { receipt, replayed } = await service.submit(
      db,
      town,
      clientIp(c),
      c.req.valid('json'),
      c.req.valid('header')['idempotency-key'],
    );
    if (replayed) c.header('idempotent-replayed', 'true');
    return c.json(receipt, 201);
  });

  defineRoute(app, statusRoute, policies.public, async (c) =>
    c.json(await service.lookup(c.get('deps').db, c.req.valid('param').code, clientIp(c)), 200),
  );

  defineRoute(app, proofRoute, policies.public, async (c) =>
    c.json(
      await service.prove(
        c.get('deps').db,
        c.req.valid('param').code,
        c.req.valid('json').phoneLast4,
        clientIp(c),
      ),
      200,
    ),
  );

  defineRoute(app, photoRoute, policies.public, async (c) => {
    const file = (c.req.header('content-type') ?? '').startsWith('multipart/form-data')
      ? (await readForm(c)).file
      : undefined;
    if (!(file instanceof File))
      throw new Malformed('请以 multipart/form-data 的 file 字段上传照片', [
        { path: 'file', label: '照片', message: '缺少文件' },
      ]);
    const bytes = new Uint8Array(await file.arrayBuffer());
    return c.json(
      await addResidentPhoto(c.get('deps').db, clientIp(c), c.req.valid('param').code, {
        filename: file.name,
        bytes,
      }),
      201,
    );
  });

  defineRoute(app, ratingRoute, policies.public, async (c) =>
    c.json(
      await service.rate(
        c.get('deps').db,
        clientIp(c),
        c.req.valid('param').code,
        c.req.valid('json'),
      ),
      200,
    ),
  );
}
