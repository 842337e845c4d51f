/**
 * HTTP routes of the work calendar: anyone signed in reads a year (with a loud warning when its
 * notice is missing); a system operator (系统运维) enters a year, after which what depends on working days is brought up
 * to date in the same transaction — the app assembly passes that step in (open orders' deadlines,
 * appeals domain), so the calendar does not depend on its users.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { WriteCtx } from '../../core/actor.ts';
import type { WorkCalendar } from '../../core/calendar/index.ts';
import type { DB } from '../../db/schema.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse } from '../../http/openapi.ts';
import { defineRoute, policies } from '../../http/route.ts';
import { calendarOperator } from './calendar.policy.ts';
import * as service from './calendar.service.ts';

/** Runs after a year is saved, in its transaction; returns how many records it changed. */
export type AfterCalendarChange = (
  trx: Kysely<DB>,
  ctx: WriteCtx,
  calendar: WorkCalendar,
) => Promise<number>;

const tags = ['工作日历'];
const YearParams = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .meta({ title: '年份' })
    .openapi({ param: { name: 'year', in: 'path' } }),
});
const Day = z.object({
  date: z.iso.date().meta({ title: '日期' }),
  kind: z.enum(['holiday', 'workday']).meta({ title: '类型' }),
  name: z.string().min(1).max(40).optional().meta({ title: '名称' }),
});
const YearView = z
  .object({
    year: z.number(),
    covered: z.boolean(),
    days: z.array(Day),
    warnings: z.array(z.string()),
    recomputed: z.number().optional(),
  })
  .openapi('WorkCalendarYear');

export function registerCalendarRoutes(
  app: OpenAPIHono<AppEnv>,
  afterChange: AfterCalendarChange,
): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/work-calendar/{year}',
      tags,
      summary: '某年的节假日与调休安排',
      request: { params: YearParams },
      responses: jsonResponse(YearView, '工作日历'),
    }),
    policies.signedIn,
    async (c) => c.json(await service.getYear(c.get('deps').db, c.req.valid('param').year), 200),
  );
  defineRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/work-calendar/{year}',
      tags,
      summary: '录入某年的节假日安排（仅系统运维；重算未到期工单的期限）',
      request: {
        params: YearParams,
        ...jsonBody(z.object({ days: z.array(Day).max(400).meta({ title: '特殊日期' }) })),
      },
      responses: jsonResponse(YearView, '已保存'),
    }),
    calendarOperator,
    async (c) => {
      const year = c.req.valid('param').year;
      const { days } = c.req.valid('json');
      const result = await inTransaction(c, async (trx, ctx) => {
        const view = await service.setYear(trx, ctx, year, days);
        const recomputed = await afterChange(trx, ctx, await service.loadWorkCalendar(trx));
        return { ...view, recomputed };
      });
      return c.json(result, 200);
    },
  );
}
