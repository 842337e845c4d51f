/** GET /metrics (Prometheus text): see metrics.ts for what it holds and who may read it. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Forbidden } from '../core/errors.ts';
import type { AppEnv } from '../http/env.ts';
import { mayScrape, type AppMetrics } from './metrics.ts';
import { problemResponses } from '../http/openapi.ts';
import { defineRoute } from '../http/route.ts';
import type { RoutePolicy } from '../core/access/policy.ts';

/** No session: the caller is a scraper, let in by address or token (checked in the handler). */
export const scrapePolicy: RoutePolicy = { name: 'ops.metrics', public: true, allows: () => true };

export function registerMetricsRoute(
  app: OpenAPIHono<AppEnv>,
  metrics: AppMetrics,
  token: string | undefined,
) {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/metrics',
      tags: ['运维'],
      summary: '监控指标（Prometheus 文本格式；仅本机直连，或携带 LVZHI_METRICS_TOKEN）',
      description:
        '请求数与耗时（按路由）、进行中的请求、定时任务、各乡镇待办与超期工单、数据库连接池、进程内存。' +
        '经反向代理转发的请求（带 X-Forwarded-For 等）不算本机，须带令牌：Authorization: Bearer <令牌>。',
      security: [],
      responses: {
        200: {
          description: 'Prometheus 文本格式',
          content: { 'text/plain': { schema: z.string() } },
        },
        403: problemResponses[403],
      },
    }),
    scrapePolicy,
    async (c) => {
      if (!mayScrape(c, token))
        throw new Forbidden(
          '监控指标只允许本机直连读取，或携带 LVZHI_METRICS_TOKEN 令牌（Authorization: Bearer …）',
        );
      return c.body(await metrics.text(), 200, {
        'content-type': metrics.registry.contentType,
      }) as never;
    },
  );
}
