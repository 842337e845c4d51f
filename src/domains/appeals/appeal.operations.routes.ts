/**
 * Operational routes of appeals: duplicate hints while typing an order, 督办 issued by a town
 * leader, the 督办 board, 我的提醒 (and its count for the menu badge), and signing for / replying to a reminder or 督办,
 * and the people a person field of an action may name (人员选择 under the field's rule).
 * Registered before `/appeals/{id}` so the static paths win.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import {
  clientIp,
  jsonBody,
  jsonResponse,
  TownEntityParams,
  TownParams,
} from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { matchProblems, ProblemHint } from '../appeal-analysis/problem-match.service.ts';
import { peopleChoices } from './appeal.person-rules.ts';
import { appealsAct, appealsRead, appealsSupervise } from './appeal.policy.ts';
import * as s from './appeal.schema.ts';
import { SimilarItem, similarAppeals, SimilarQuery } from './appeal.similar.ts';
import * as supervision from './appeal.supervision.ts';

const tags = ['诉求工单'];
const base = '/api/v1/towns/{townId}';
const ReminderParams = TownEntityParams.extend({
  reminderId: z
    .uuid()
    .meta({ title: '提醒' })
    .openapi({ param: { name: 'reminderId', in: 'path' } }),
});
const Acknowledged = s.Reminder.extend({ appealVersion: z.number() });
const HintQuery = SimilarQuery.extend({
  problems: z.enum(['true', 'false']).optional().meta({ title: '同时匹配问题清单（默认是）' }),
});

const ChoicesQuery = z.object({
  action: z.string().min(1).max(64).meta({ title: '操作' }),
  field: z.string().min(1).max(64).meta({ title: '人员字段' }),
  q: z.string().trim().max(40).optional().meta({ title: '姓名' }),
  limit: z.coerce.number().int().min(1).max(100).default(30).meta({ title: '条数' }),
});
const Choice = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  titles: z.array(z.string()).openapi({ description: '现任职务' }),
});

const peopleChoicesRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/{id}/people-choices`,
  tags,
  summary: '操作的人员字段可选的人（按字段声明的人选规则，如包案领导须是现任班子成员）',
  description:
    '按姓名搜索；只列出该字段规则允许、今天在任的人员及其现任职务。提交操作时服务器按同一规则再次检查。',
  request: { params: TownEntityParams, query: ChoicesQuery },
  responses: jsonResponse(z.object({ rule: z.string(), items: z.array(Choice) }), '可选人员'),
});

const similarRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/similar`,
  tags,
  summary: '疑似重复工单（同一来电号码 / 同村同类 / 内容相似）与可能同类的问题',
  description:
    '受理时边录入边查询：近 90 天同一号码、近 30 天同村同类、近 90 天内容相似（pg_trgm similarity ≥ 0.1；' +
    '已选村或类别时，只与同村、同一大类各最新 200 件工单比较，否则与全镇最新 400 件比较）的工单，按匹配程度排序；' +
    '以及内容与之同类的未销号问题和近 90 天同村同类、尚未立为问题的重复诉求（可能与…同类，problems=false 时不查）。只返回调用者可查看的。' +
    '按电话匹配只对可查看任意群众联系方式的派单员、领导和管理员生效（每个号码 10 分钟内记一次审计，每人 10 分钟最多 30 个不同号码，超过 429）；其他角色只按村、类别和内容匹配。',
  request: { params: TownParams, query: HintQuery },
  responses: jsonResponse(
    z.object({ items: z.array(SimilarItem), problems: z.array(ProblemHint) }),
    '疑似重复与可能同类',
  ),
});

const supervisionsRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/supervisions`,
  tags,
  summary: '领导督办一览（未回复的，或 status=all 全部）',
  request: { params: TownParams, query: s.ReminderListQuery },
  responses: jsonResponse(z.object({ items: z.array(s.ReminderListItem) }), '督办'),
});

const reminderCountRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/reminders/count`,
  tags,
  summary: '我的提醒：待签收/待确认的条数（菜单角标）',
  request: { params: TownParams },
  responses: jsonResponse(z.object({ open: z.number().int() }), '条数'),
});

const remindersRoute = createRoute({
  method: 'get',
  path: `${base}/appeals/reminders`,
  tags,
  summary: '我的提醒（发给我或我所在单位的到期提醒和督办）',
  request: { params: TownParams, query: s.ReminderListQuery },
  responses: jsonResponse(z.object({ items: z.array(s.ReminderListItem) }), '提醒'),
});

const superviseRoute = createRoute({
  method: 'post',
  path: `${base}/appeals/{id}/supervisions`,
  tags,
  summary: '督办（镇领导；须带工单版本号）',
  request: { params: TownEntityParams, ...jsonBody(s.SuperviseBody) },
  responses: jsonResponse(Acknowledged, '已督办', 201),
});

const acknowledgeRoute = createRoute({
  method: 'post',
  path: `${base}/appeals/{id}/reminders/{reminderId}/acknowledge`,
  tags,
  summary: '签收督办 / 确认提醒（须带提醒版本号）',
  request: { params: ReminderParams, ...jsonBody(s.AcknowledgeBody) },
  responses: jsonResponse(Acknowledged, '已签收'),
});

const replyRoute = createRoute({
  method: 'post',
  path: `${base}/appeals/{id}/reminders/{reminderId}/reply`,
  tags,
  summary: '回复督办（同时签收；须带提醒版本号）',
  request: { params: ReminderParams, ...jsonBody(s.ReplyBody) },
  responses: jsonResponse(Acknowledged, '已回复'),
});

export function registerAppealOperationRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(app, peopleChoicesRoute, appealsAct, async (c) =>
    c.json(
      await peopleChoices(
        c.get('deps').db,
        c.get('actor')!,
        c.req.param('townId'),
        c.req.param('id'),
        c.req.valid('query'),
      ),
      200,
    ),
  );

  defineRoute(app, similarRoute, appealsRead, async (c) => {
    const { db } = c.get('deps');
    const [actor, townId, q] = [c.get('actor')!, c.req.param('townId'), c.req.valid('query')];
    const { items } = await similarAppeals(db, actor, townId, q, { ip: clientIp(c) });
    const problems = q.problems === 'false' ? [] : await matchProblems(db, actor, townId, q);
    return c.json({ items, problems }, 200);
  });

  defineRoute(app, supervisionsRoute, appealsRead, async (c) =>
    c.json(
      await supervision.supervisionBoard(
        c.get('deps').db,
        c.get('actor')!,
        c.req.param('townId'),
        c.req.valid('query').status === 'open',
      ),
      200,
    ),
  );
  defineRoute(app, reminderCountRoute, appealsRead, async (c) =>
    c.json(
      await supervision.myOpenReminderCount(
        c.get('deps').db,
        c.get('actor')!,
        c.req.param('townId'),
      ),
      200,
    ),
  );
  defineRoute(app, remindersRoute, appealsRead, async (c) =>
    c.json(
      await supervision.myReminders(
        c.get('deps').db,
        c.get('actor')!,
        c.req.param('townId'),
        c.req.valid('query').status === 'open',
      ),
      200,
    ),
  );

  defineRoute(app, superviseRoute, appealsSupervise, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, (trx, ctx) =>
        supervision.supervise(trx, ctx, c.req.param('id'), body),
      ),
      201,
    );
  });
  defineRoute(app, acknowledgeRoute, appealsAct, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, (trx, ctx) =>
        supervision.acknowledge(trx, ctx, c.req.param('id'), c.req.param('reminderId'), body),
      ),
      200,
    );
  });
  defineRoute(app, replyRoute, appealsAct, async (c) => {
    const body = c.req.valid('json');
    return c.json(
      await inTransaction(c, (trx, ctx) =>
        supervision.acknowledge(trx, ctx, c.req.param('id'), c.req.param('reminderId'), body),
      ),
      200,
    );
  });
}
