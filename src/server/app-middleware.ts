/**
 * The app-wide middleware of src/server/app.ts: the per-request context (deps, request id, acting
 * user, request log line), the body size limits and the error handler answering problem+json.
 */
import { randomUUID } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { ErrorHandler, MiddlewareHandler } from 'hono';
import { Malformed, PayloadTooLarge, TooManyRequests } from '../core/errors.ts';
import { actorFromCookie, SESSION_COOKIE } from '../domains/auth/session.service.ts';
import { mapDatabaseError } from '../http/database-errors.ts';
import type { AppDeps, AppEnv } from '../http/env.ts';
import {
  INTERNAL_PROBLEM,
  isDomainError,
  problemOf,
  problemResponse,
  zodProblem,
} from '../http/problem.ts';

const HTTP_DETAIL: Record<number, string> = {
  400: '请求格式错误：请求体不是有效的 JSON',
  404: '请求的地址不存在',
  405: '不支持该请求方法',
  413: '提交的内容过大',
  415: '不支持的内容类型，请以 application/json 提交',
};

/** Sets deps, the request id and the acting user; logs API requests once answered. */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    const requestId = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    const cookie = getCookie(c, SESSION_COOKIE);
    c.set(
      'actor',
      cookie ? await actorFromCookie(deps.db, cookie, deps.config.sessionIdleHours) : null,
    );
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/open311/')) {
      deps.logger.info(
        {
          requestId: c.get('requestId'),
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          ms: Math.round(performance.now() - started),
          user: c.get('actor')?.username,
        },
        'request',
      );
    }
  };
}

/** JSON bodies stay small; file uploads (ledger imports, attachments, old reports) may be larger. */
export function bodyLimits(): MiddlewareHandler<AppEnv> {
  const jsonLimit = bodyLimit({
    maxSize: 2 * 1024 * 1024,
    onError: () => {
      throw new PayloadTooLarge('提交的内容超过 2 MB 上限');
    },
  });
  const uploadLimit = bodyLimit({
    maxSize: 25 * 1024 * 1024,
    onError: () => {
      throw new PayloadTooLarge('上传的文件超过 25 MB 上限');
    },
  });
  return (c, next) =>
    c.req.header('content-type')?.startsWith('multipart/form-data')
      ? uploadLimit(c, next)
      : jsonLimit(c, next);
}

/** Every error as problem+json: domain errors, HTTP errors, zod errors, database constraints. */
export function answerErrors(deps: AppDeps): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (isDomainError(error)) {
      const headers: Record<string, string> =
        error instanceof TooManyRequests ? { 'retry-after': String(error.retryAfterSeconds) } : {};
      return problemResponse(c, problemOf(error), headers);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const detail = HTTP_DETAIL[error.status] ?? '请求无法处理';
      return problemResponse(c, { ...problemOf(new Malformed(detail)), status: error.status });
    }
    if (error instanceof z.ZodError)
      return problemResponse(c, zodProblem(error, undefined, 'body'));
    // A constraint the service did not check first (or a race past its check): a 409/422 with a
    // Chinese detail, never the SQL; the raw error goes to the log for whoever fixes the service.
    const database = mapDatabaseError(error);
    if (database) {
      deps.logger.warn(
        {
          requestId: c.get('requestId'),
          method: c.req.method,
          path: c.req.path,
          sqlstate: database.failure.code,
          constraint: database.failure.constraint,
          table: database.failure.table,
          column: database.failure.column,
          detail: database.failure.detail,
          message: database.failure.message,
        },
        'database error answered as a problem',
      );
      return problemResponse(c, problemOf(database.error));
    }
    deps.logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    return problemResponse(c, INTERNAL_PROBLEM);
  };
}

/** A caller's X-Request-Id if it is a plain token (it ends up in logs), else a new one. */
function requestIdOf(given: string | undefined): string {
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}
