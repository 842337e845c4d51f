/**
 * HTTP routes of 三会一课 / 主题党日 under /api/v1/towns/{townId}/party: branches in sight,
 * rosters, meetings with their roll call, required frequencies and the quarter overview. Route
 * policies come from the permissions table's `party` rows; which branches a caller reaches is
 * party-meetings.policy.ts's `branchScope`.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { todayKey } from '../../core/calendar/display.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, noContent, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import { branchScope, partyConfigure, partyRead, partyWrite } from './party-meetings.policy.ts';
import * as s from './party-meetings.schema.ts';
import * as service from './party-meetings.service.ts';
import * as roster from './party-roster.service.ts';
import { meetingReminders } from './party-reminders.service.ts';

const tags = ['三会一课'];
const base = '/api/v1/towns/{townId}/party';

const view = (c: Context<AppEnv>, id: string) =>
  service.getMeeting(c.get('deps').db, c.get('actor')!, c.req.param('townId')!, id);

function registerBranches(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/branches`,
      tags,
      summary: '我能查看的党支部（及能否管理频次要求、星级评定）',
      request: { params: TownParams },
      responses: jsonResponse(
        z.object({ items: z.array(s.Branch), manage: z.boolean() }),
        '党支部',
      ),
    }),
    partyRead,
    async (c) => {
      const { townId } = c.req.valid('param');
      const db = c.get('deps').db;
      const actor = c.get('actor')!;
      const items = await service.branchesFor(db, actor, townId);
      const manage = (await branchScope(db, actor, townId, 'configure')).all;
      return c.json(
        { items: items.map((b) => ({ id: b.id, name: b.name, village: b.parentName })), manage },
        200,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/branches/{branchId}/roster`,
      tags,
      summary: '党支部党员名册',
      request: { params: s.BranchParams },
      responses: jsonResponse(s.Roster, '党员名册'),
    }),
    partyRead,
    async (c) => {
      const { townId, branchId } = c.req.valid('param');
      return c.json(await roster.roster(c.get('deps').db, c.get('actor')!, townId, branchId), 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'put',
      path: `${base}/branches/{branchId}/roster`,
      tags,
      summary: '保存党支部党员名册（未列出的党员移出名册，历次出勤记录保留）',
      request: { params: s.BranchParams, ...jsonBody(s.RosterInput) },
      responses: jsonResponse(s.Roster, '已保存'),
    }),
    partyWrite,
    async (c) => {
      const { townId, branchId } = c.req.valid('param');
      await inTransaction(c, (trx, ctx) =>
        roster.saveRoster(trx, ctx, branchId, c.req.valid('json').members),
      );
      return c.json(await roster.roster(c.get('deps').db, c.get('actor')!, townId, branchId), 200);
    },
  );
}

function registerFigures(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/meeting-requirements`,
      tags,
      summary: '各类会议的召开频次要求',
      request: { params: TownParams },
      responses: jsonResponse(s.Requirements, '频次要求'),
    }),
    partyRead,
    async (c) =>
      c.json(await roster.requirements(c.get('deps').db, c.req.valid('param').townId), 200),
  );
  defineRoute(
    app,
    createRoute({
      method: 'put',
      path: `${base}/meeting-requirements`,
      tags,
      summary: '修改召开频次要求（提交读取时的版本，他人已修改则答 409）',
      request: { params: TownParams, ...jsonBody(s.RequirementsInput) },
      responses: jsonResponse(s.Requirements, '已保存'),
    }),
    partyConfigure,
    async (c) => {
      const { version, items } = c.req.valid('json');
      await inTransaction(c, (trx, ctx) => roster.saveRequirements(trx, ctx, version, items));
      return c.json(await roster.requirements(c.get('deps').db, c.req.valid('param').townId), 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/quarter-overview`,
      tags,
      summary: '各党支部季度组织生活：应开、已开、缺开次数和出勤率',
      request: { params: TownParams, query: s.OverviewQuery },
      responses: jsonResponse(s.Overview, '季度概况'),
    }),
    partyRead,
    async (c) => {
      const { year, quarter } = c.req.valid('query');
      const overview = await roster.quarterOverview(
        c.get('deps').db,
        c.get('actor')!,
        c.req.valid('param').townId,
        year,
        quarter,
        todayKey(),
      );
      return c.json(overview, 200);
    },
  );
}

function registerReminders(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/meeting-reminders`,
      tags,
      summary: '会议提醒：本月（季度）将结束而仍未按要求召开的会议（本人负责登记的党支部）',
      request: { params: TownParams },
      responses: jsonResponse(s.MeetingReminders, '会议提醒'),
    }),
    partyRead,
    async (c) => {
      const { townId } = c.req.valid('param');
      const items = await meetingReminders(c.get('deps').db, c.get('actor')!, townId, todayKey());
      return c.json({ items }, 200);
    },
  );
}

function registerMeetings(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/meetings`,
      tags,
      summary: '会议列表（三会一课、主题党日）',
      request: { params: TownParams, query: s.MeetingListQuery },
      responses: jsonResponse(z.object({ items: z.array(s.MeetingSummary) }), '会议'),
    }),
    partyRead,
    async (c) => {
      const items = await service.listMeetings(
        c.get('deps').db,
        c.get('actor')!,
        c.req.valid('param').townId,
        c.req.valid('query'),
      );
      return c.json({ items }, 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: `${base}/meetings/{id}`,
      tags,
      summary: '会议详情与出勤情况',
      request: { params: s.MeetingParams },
      responses: jsonResponse(s.MeetingView, '会议'),
    }),
    partyRead,
    async (c) => c.json(await view(c, c.req.valid('param').id), 200),
  );
}

function registerMeetingWrites(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: `${base}/meetings`,
      tags,
      summary: '登记会议（含出勤）',
      request: { params: TownParams, ...jsonBody(s.MeetingInput) },
      responses: jsonResponse(s.MeetingView, '已登记', 201),
    }),
    partyWrite,
    async (c) => {
      const id = await inTransaction(c, (trx, ctx) =>
        service.createMeeting(trx, ctx, c.req.valid('json')),
      );
      return c.json(await view(c, id), 201);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'put',
      path: `${base}/meetings/{id}`,
      tags,
      summary: '修改会议',
      request: { params: s.MeetingParams, ...jsonBody(s.MeetingUpdate) },
      responses: jsonResponse(s.MeetingView, '已保存'),
    }),
    partyWrite,
    async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      await inTransaction(c, (trx, ctx) => service.updateMeeting(trx, ctx, id, version, input));
      return c.json(await view(c, id), 200);
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'delete',
      path: `${base}/meetings/{id}`,
      tags,
      summary: '删除会议',
      request: { params: s.MeetingParams, query: s.VersionQuery },
      responses: noContent('已删除'),
    }),
    partyWrite,
    async (c) => {
      const { id } = c.req.valid('param');
      await inTransaction(c, (trx, ctx) =>
        service.deleteMeeting(trx, ctx, id, c.req.valid('query').version),
      );
      return c.body(null, 204) as never;
    },
  );
}

export function registerPartyMeetingRoutes(app: OpenAPIHono<AppEnv>): void {
  registerBranches(app);
  registerFigures(app);
  registerReminders(app);
  registerMeetings(app);
  registerMeetingWrites(app);
}
