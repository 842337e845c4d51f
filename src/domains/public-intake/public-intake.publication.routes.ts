/**
 * Staff routes of 对群众公开的内容 (public-intake-publication.service.ts): read what an order shows the
 * public (policy `appeals.read`, the order's scope), and publish, change or withdraw it (policy
 * `appeals.publish`: the roles that act on orders; the service then requires the caller to answer
 * for this order to the resident).
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { may } from '../../core/access/permissions.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, TownEntityParams } from '../../http/openapi.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';
import { defineRoute } from '../../http/route.ts';
import { appealsRead } from '../appeals/appeal-access.service.ts';
import { publicationOf, publish } from './public-intake-publication.service.ts';
import { PublicationBody, PublicationView } from './public-intake.schema.ts';

/** Route level: the permissions table's appeals.publish; which order is decided per order. */
export const appealsPublish: RoutePolicy = {
  name: 'appeals.publish',
  allows: (a, p) => may(a, p.townId ?? '', 'appeals', 'publish'),
};

const tags = ['工单'];
const path = '/api/v1/towns/{townId}/appeals/{id}/publication';

const readRoute = createRoute({
  method: 'get',
  path,
  tags,
  summary: '对群众公开的文字（原文、群众看到的脱敏结果、能否修改）',
  request: { params: TownEntityParams },
  responses: jsonResponse(PublicationView, '公开内容'),
});

const writeRoute = createRoute({
  method: 'put',
  path,
  tags,
  summary: '公开 / 修改 / 撤回对群众的文字（仅公开渠道工单；记入审计日志）',
  description:
    '描述和答复出现在群众查询页和 Open311（description、status_notes）；显示前总会隐去电话、证件号、门牌号和姓名。两项都为空即撤回公开。version 不符返回 409。',
  request: { params: TownEntityParams, ...jsonBody(PublicationBody) },
  responses: jsonResponse(PublicationView, '公开内容'),
});

export function registerPublicationRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, readRoute, appealsRead, async (c) =>
    c.json(
      await publicationOf(
        c.get('deps').db,
        c.get('actor')!,
        c.req.valid('param').townId,
        c.req.valid('param').id,
      ),
      200,
    ),
  );
  defineRoute(app, writeRoute, appealsPublish, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, (trx, ctx) => publish(trx, ctx, c.req.valid('param').id, body)),
      200,
    );
  });
}
