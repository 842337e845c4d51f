/**
 * Assembles the HTTP app: request id and logging, the acting user from the session cookie,
 * problem+json errors, every domain's routes, the OpenAPI document and its browsable page,
 * and the built web UI with SPA fallback. No sockets here: tests call `app.request()`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { z } from 'zod';
import type { MiddlewareHandler } from 'hono';
import { anyTownId } from '../db/probe.ts';
import { NotFound } from '../core/errors.ts';
import { registerAuthRoutes } from '../domains/auth/auth.routes.ts';
import { SESSION_COOKIE } from '../domains/auth/session.service.ts';
import { registerUserRoutes } from '../domains/auth/user.routes.ts';
import { registerAuditRoutes } from '../domains/audit/audit.routes.ts';
import { registerOrgRoutes } from '../domains/org/org.routes.ts';
import { registerReportRoutes } from '../domains/reports/reports.routes.ts';
import { registerAppealRoutes } from '../domains/appeals/appeal.routes.ts';
import { registerAppealAnalysisRoutes } from '../domains/appeal-analysis/analysis.routes.ts';
import { registerCalendarRoutes } from '../domains/calendar/calendar.routes.ts';
import { registerAppraisalRoutes } from '../domains/appraisal/appraisal.routes.ts';
import { registerMemberDevelopmentRoutes } from '../domains/party-development/development.routes.ts';
import { registerAppraisalVoteRoutes } from '../domains/appraisal/appraisal-vote.routes.ts';
import { registerPartyMeetingRoutes } from '../domains/party-meetings/party-meetings.routes.ts';
import { registerBranchRatingRoutes } from '../domains/branch-rating/branch-rating.routes.ts';
import { recomputeDeadlines } from '../domains/appeals/appeal.deadlines.ts';
import { registerLedgerFileRoutes } from '../domains/ledgers/ledger-files.routes.ts';
import { registerLedgerRoutes } from '../domains/ledgers/ledgers.routes.ts';
import { registerMetricRoutes } from '../domains/metrics/metrics.routes.ts';
import { registerOpen311Routes } from '../domains/open311/open311.routes.ts';
import { registerPublicIntakeRoutes } from '../domains/public-intake/public-intake.routes.ts';
import { createMetrics } from './metrics.ts';
import { registerMetricsRoute } from './metrics.routes.ts';
import { replicaRouting } from './replica-routing.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import { sameOriginWrites, securityHeaders } from './web-safety.ts';
import { problemOf, problemResponse, zodProblem } from '../http/problem.ts';
import { answerErrors, bodyLimits, requestContext } from './app-middleware.ts';

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const schema = (result as { target?: string }).target;
        return problemResponse(
          c,
          zodProblem(result.error as z.ZodError, undefined, schema ?? 'body'),
        );
      }
    },
  });

  app.use('*', securityHeaders());
  const metrics = createMetrics({ db: deps.db, pool: deps.pool, scheduler: deps.scheduler });
  app.use('*', metrics.middleware);
  app.use('*', requestContext(deps));
  app.use('/api/*', sameOriginWrites(deps.config.allowedOrigins ?? []));
  app.use('/api/*', replicaRouting(deps.config.secureCookies));
  app.use('/api/*', bodyLimits());
  app.onError(answerErrors(deps));

  app.get('/healthz', async (c) => {
    await anyTownId(deps.db);
    return c.json({ status: 'ok' });
  });

  registerDomainRoutes(app);
  registerMetricsRoute(app, metrics, deps.config.metricsToken);
  describeApi(app);
  mountApiDocs(app);

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return problemResponse(c, problemOf(new NotFound('接口地址')));
    return c.text('Not Found', 404);
  });
  mountWeb(app, deps.config.webDir);
  return app;
}

/** Every domain's routes, in the order their paths are matched. */
function registerDomainRoutes(app: OpenAPIHono<AppEnv>) {
  registerAuthRoutes(app);
  registerUserRoutes(app);
  registerOrgRoutes(app);
  registerAuditRoutes(app);
  registerAppealRoutes(app);
  registerAppealAnalysisRoutes(app);
  // A new holiday arrangement moves open orders' deadlines, in the same transaction.
  registerCalendarRoutes(app, (trx, ctx, calendar) =>
    recomputeDeadlines(trx, ctx, calendar, new Date()),
  );
  registerLedgerRoutes(app);
  registerLedgerFileRoutes(app);
  registerMetricRoutes(app);
  registerReportRoutes(app);
  registerPublicIntakeRoutes(app);
  registerOpen311Routes(app);
  registerAppraisalRoutes(app);
  registerMemberDevelopmentRoutes(app);
  registerAppraisalVoteRoutes(app);
  registerPartyMeetingRoutes(app);
  registerBranchRatingRoutes(app);
}

/** The OpenAPI document's header and its session security scheme. */
function describeApi(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      '登录（POST /api/v1/auth/login）后由服务器设置的 HttpOnly 会话 Cookie；连续登录失败会被限制（429）。',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '履职 lvzhi API',
      version: '1',
      description:
        '乡镇履职工作系统接口。错误均为 RFC 9457 problem+json，detail 为中文。除登录、群众诉求和 Open311 外，接口都需要登录会话。',
    },
    security: [{ session: [] }],
  });
}

/** The browsable API page: swagger-ui from node_modules, served by us (intranets have no CDN). */
function mountApiDocs(app: OpenAPIHono<AppEnv>) {
  const swaggerDir = path.relative(
    process.cwd(),
    path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')),
  );
  app.use(
    '/api/docs/assets/*',
    serveStatic({
      root: swaggerDir,
      rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, ''),
    }),
  );
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>履职 API 文档</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`),
  );
  app.get('/api/docs/init.js', (c) =>
    c.body(
      `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', deepLinking: true });`,
      200,
      { 'content-type': 'text/javascript; charset=utf-8' },
    ),
  );
}

/** Sets Cache-Control on what the next handlers found (not on a 404). */
const cacheFor =
  (value: string): MiddlewareHandler =>
  async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('Cache-Control', value);
  };

function mountWeb(app: OpenAPIHono<AppEnv>, webDir: string) {
  const root = path.relative(process.cwd(), webDir) || '.';
  if (existsSync(webDir)) {
    // Hashed file names change with their content: cache them for a year, sent as brotli or gzip
    // precompressed at build (web/vite.config.ts) when the browser accepts it.
    app.use('/assets/*', cacheFor('public, max-age=31536000, immutable'));
    app.use('/assets/*', serveStatic({ root, precompressed: true }));
    app.use('/favicon.svg', cacheFor('public, max-age=86400'));
    app.use('/favicon.svg', serveStatic({ root }));
  }
  // Client-side routes get index.html; API paths and missing assets get a real 404, never the
  // page (a browser asking for a stale bundle must not be handed HTML with status 200).
  app.get('*', async (c) => {
    if (/^\/(api|assets|open311)\//.test(c.req.path)) return c.notFound();
    try {
      const html = await readFile(path.join(webDir, 'index.html'), 'utf8');
      // Always revalidated: it names the current build's hashed assets.
      return c.html(html, 200, { 'Cache-Control': 'no-cache' });
    } catch {
      return c.text('网页界面尚未构建：请运行 npm start（会自动构建）或 npm run build:web', 503);
    }
  });
}
