/**
 * OpenAPI description of a file upload: a multipart/form-data body with a `file` field (and any
 * plain fields beside it), optionally the file itself as the raw body. Documentation only — the
 * schemas are plain OpenAPI objects, not zod, so @hono/zod-openapi adds no validator or media-type
 * gate and the route reads the form itself; the fuzz test finds upload routes by this body.
 */
import type { Context } from 'hono';
import { Malformed } from '../core/errors.ts';

type PlainSchema = { type: 'string' | 'integer'; format?: string; description: string };

export function uploadBody(
  fileLabel: string,
  options: { fields?: Record<string, PlainSchema>; rawBody?: boolean } = {},
) {
  const file = { type: 'string' as const, format: 'binary', description: fileLabel };
  return {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object' as const,
            properties: { file, ...(options.fields ?? {}) },
            required: ['file'],
          },
        },
        ...(options.rawBody ? { 'application/octet-stream': { schema: file } } : {}),
      },
    },
  };
}

/**
 * The submitted form. A body that claims to be multipart (or urlencoded) but does not parse — a
 * cut-off upload, a wrong boundary — is the client's 400, not our 500.
 */
export async function readForm(
  c: Context,
): Promise<Awaited<ReturnType<Context['req']['parseBody']>>> {
  try {
    return await c.req.parseBody();
  } catch {
    throw new Malformed('上传的内容不是完整有效的表单（multipart/form-data），请重新选择文件上传', [
      { path: 'file', label: '文件', message: '表单无法解析' },
    ]);
  }
}
