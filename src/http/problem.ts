/**
 * RFC 9457 problem+json: the one place where domain errors, zod failures and unknown errors
 * become HTTP responses. Every `detail` and field `message` is Chinese.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { DomainError, type ErrorCode, type FieldIssue } from '../core/errors.ts';

z.config(z.locales.zhCN());
// Plainer wording than the stock zh-CN locale for the messages office workers meet most often.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return '必填';
    if (issue.code === 'too_small' && issue.origin === 'string')
      return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`;
    if (issue.code === 'too_big' && issue.origin === 'string')
      return `不能超过 ${issue.maximum} 个字符`;
    if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int'))
      return `不能小于 ${issue.minimum}`;
    if (issue.code === 'too_big' && (issue.origin === 'number' || issue.origin === 'int'))
      return `不能大于 ${issue.maximum}`;
    if (issue.code === 'invalid_format' && issue.format === 'uuid') return '不是有效的编号';
    if (issue.code === 'invalid_format' && issue.format === 'date')
      return '日期格式应为 YYYY-MM-DD';
    return undefined;
  },
});

/** Exhaustive: adding an ErrorCode without a status fails to compile. */
const STATUS: Record<ErrorCode, number> = {
  invalid_input: 422,
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  too_many_requests: 429,
  payload_too_large: 413,
  unavailable: 503,
};

const TITLE: Record<ErrorCode, string> = {
  invalid_input: '提交的数据不符合要求',
  malformed: '请求格式错误',
  unauthenticated: '未登录',
  forbidden: '无权操作',
  not_found: '未找到',
  conflict: '数据冲突',
  invalid_transition: '当前状态不允许此操作',
  too_many_requests: '请求过于频繁',
  payload_too_large: '内容过大',
  unavailable: '服务暂不可用',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldIssue[];
}

export function problemOf(error: DomainError): Problem {
  return {
    type: `https://lvzhi.local/problems/${error.code.replace(/_/g, '-')}`,
    title: TITLE[error.code],
    status: STATUS[error.code],
    detail: error.detail,
    ...(error.errors.length ? { errors: error.errors } : {}),
  };
}

/** The problem as sent, with the request id (an RFC 9457 extension member) to quote to support. */
export function problemResponse(
  c: Context,
  problem: Problem,
  headers: Record<string, string> = {},
) {
  const requestId = c.get('requestId') as string | undefined;
  const body = requestId ? { ...problem, requestId } : problem;
  return c.body(JSON.stringify(body), problem.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...headers,
  });
}

export const INTERNAL_PROBLEM: Problem = {
  type: 'https://lvzhi.local/problems/internal',
  title: '服务器内部错误',
  status: 500,
  detail: '服务器内部错误，请稍后重试；如持续出现请联系管理员',
};

/**
 * Finds the Chinese label of the field at `path` inside `schema`: the title (or, failing that,
 * the description) given with `.meta()`. The title may sit on the field itself or on any schema
 * it wraps — `date('出生日期').nullable().optional()` registers the title on the innermost string,
 * not on the optional around it — so every wrapper is looked through. The deepest titled field on
 * the path wins (an array item without its own title keeps the array's label).
 */
export function labelAt(schema: z.ZodType | undefined, path: PropertyKey[]): string {
  let current: z.ZodType | undefined = schema;
  let label = '';
  for (const key of path) {
    current = current && childSchema(current, key);
    const title = current && titleOf(current);
    if (title) label = title;
  }
  return label || (path.length ? String(path[path.length - 1]) : '请求');
}

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The schemas a wrapper stands for, in the order to look for a title or a child: every zod 4
 * kind that adds behaviour around one inner schema (optional, exactOptional, nullable, default,
 * prefault, nonoptional, catch, readonly, success, promise, lazy), and both ends of a pipe
 * (`.transform()` and `z.preprocess()` build pipes; the title may be on either end).
 */
function unwrap(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'catch':
    case 'readonly':
    case 'success':
    case 'promise':
      return [def.innerType as z.ZodType];
    case 'lazy':
      return [(def.getter as () => z.ZodType)()];
    case 'pipe':
      return [def.in as z.ZodType, def.out as z.ZodType];
    default:
      return [];
  }
}

/** A wrapper chain is short; the bound only stops a lazy schema that returns itself. */
const MAX_WRAPPERS = 16;

function titleOf(schema: z.ZodType, depth = 0): string | undefined {
  const meta = z.globalRegistry.get(schema);
  const title = (meta?.title ?? meta?.description) as string | undefined;
  if (title || depth >= MAX_WRAPPERS) return title || undefined;
  for (const inner of unwrap(schema)) {
    const found = titleOf(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function childSchema(schema: z.ZodType, key: PropertyKey, depth = 0): z.ZodType | undefined {
  if (depth >= MAX_WRAPPERS) return undefined;
  const def = defOf(schema);
  const firstOf = (candidates: z.ZodType[]) => {
    for (const candidate of candidates) {
      const child = childSchema(candidate, key, depth + 1);
      if (child) return child;
    }
    return undefined;
  };
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      if (typeof key === 'string' && Object.hasOwn(shape, key)) return shape[key];
      const catchall = def.catchall as z.ZodType | undefined;
      return catchall && defOf(catchall).type !== 'never' ? catchall : undefined;
    }
    case 'array':
      return def.element as z.ZodType;
    case 'set':
      return def.valueType as z.ZodType;
    case 'tuple':
      return (
        (typeof key === 'number' ? (def.items as z.ZodType[])[key] : undefined) ??
        (def.rest as z.ZodType | null | undefined) ??
        undefined
      );
    case 'record':
    case 'map':
      return def.valueType as z.ZodType;
    case 'union':
      return firstOf(def.options as z.ZodType[]);
    case 'intersection':
      return firstOf([def.left as z.ZodType, def.right as z.ZodType]);
    default:
      return firstOf(unwrap(schema));
  }
}

/** zod failure → 422 problem with one entry per issue, labelled in Chinese. */
export function zodProblem(
  error: z.ZodError,
  schema: z.ZodType | undefined,
  where: string,
): Problem {
  const errors = error.issues.map((issue) => {
    const label = labelAt(schema, issue.path);
    return { path: issue.path.join('.') || where, label, message: `${label}：${issue.message}` };
  });
  const first = errors[0];
  return {
    type: 'https://lvzhi.local/problems/invalid-input',
    title: TITLE.invalid_input,
    status: 422,
    detail: first
      ? `${first.message}${errors.length > 1 ? `（共${errors.length}处问题）` : ''}`
      : '提交的数据不符合要求',
    errors,
  };
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
