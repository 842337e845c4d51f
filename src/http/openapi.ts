/**
 * Small builders for OpenAPI route declarations, so each route reads as its contract: body
 * schema, response schema, problem responses, paging.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(
        z.object({
          path: z.string(),
          label: z.string(),
          message: z.string(),
          // Where an Excel import found the problem (ledger and report imports).
          sheet: z.string().optional(),
          row: z.number().int().optional(),
          column: z.string().optional(),
          header: z.string().optional(),
        }),
      )
      .optional(),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: ProblemSchema } },
  description,
});

export const problemResponses = {
  400: problem('请求格式错误'),
  401: problem('未登录'),
  403: problem('无权操作'),
  404: problem('未找到'),
  409: problem('数据冲突（版本过期或状态不允许）'),
  422: problem('数据不符合要求'),
} as const;

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

export function jsonResponse<T extends z.ZodType>(
  schema: T,
  description: string,
  status: 200 | 201 = 200,
) {
  return {
    [status]: { content: { 'application/json': { schema } }, description },
    ...problemResponses,
  } as {
    [K in typeof status]: { content: { 'application/json': { schema: T } }; description: string };
  } & typeof problemResponses;
}

export function noContent(description: string) {
  return { 204: { description }, ...problemResponses };
}

export const TownParams = z.object({
  townId: z
    .uuid()
    .meta({ title: '乡镇' })
    .openapi({ param: { name: 'townId', in: 'path' } }),
});

export const TownEntityParams = TownParams.extend({
  id: z
    .uuid()
    .meta({ title: '记录' })
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const PageQuery = z.object({
  cursor: z.string().max(200).optional().meta({ title: '游标' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ title: '每页条数' }),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * The caller's address. Behind reverse proxies the operator sets LVZHI_TRUST_PROXY to the number
 * of proxies in front of us (1 for one nginx). Each proxy appends the address it saw to
 * X-Forwarded-For, so the client is the entry that many places from the right; entries further
 * left were written by the client itself and would let it dodge per-address throttles.
 */
export function clientIp(c: Context): string | null {
  const hops = Number(process.env.LVZHI_TRUST_PROXY ?? '0');
  if (Number.isInteger(hops) && hops > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const forwarded = chain[chain.length - hops] ?? chain[0];
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

/** Opaque keyset cursor over (sort key, id). */
export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parts) ? parts : null;
  } catch {
    return null;
  }
}
