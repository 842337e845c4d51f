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
    if (issue.code === 'too_small' && issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字符`;
    if (issue.code === 'too_big' && issue.origin === 'string') return `不能超过 ${issue.maximum} 个字符`;
    if (issue.code === 'too_small' && (issue.origin === 'number' || issue.origin === 'int')) return `不能小于 ${issue.minimum}`;
    if (issue.code === 'too_big' && (issue.origin === 'number' || issue.origin === 'int')) return `不能大于 ${issue.maximum}`;
    if (issue.code === 'invalid_format' && issue.format === 'uuid') return '不是有效的编号';
    if (issue.code === 'invalid_format' && issue.format === 'date') return '日期格式应为 YYYY-MM-DD';
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

export function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(problem), problem.status as 400, {
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

/** Finds the Chinese label (`.meta({ title })`) of the field at `path` inside `schema`. */
export function labelAt(schema: z.ZodType | undefined, path: PropertyKey[]): string {
  let current: z.ZodType | undefined = schema;
  let label = '';
  for (const key of path) {
    current = current && childSchema(current, key);
    const title = current && (z.globalRegistry.get(current)?.title as string | undefined);
    if (title) label = title;
  }
  return label || (path.length ? String(path[path.length - 1]) : '请求');
}

function childSchema(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'pipe':
      return childSchema((def.innerType ?? def.in) as z.ZodType, key);
    case 'object':
      return (def.shape as Record<string, z.ZodType>)[key as string];
    case 'array':
      return def.element as z.ZodType;
    default:
      return undefined;
  }
}

/** zod failure → 422 problem with one entry per issue, labelled in Chinese. */
export function zodProblem(error: z.ZodError, schema: z.ZodType | undefined, where: string): Problem {
  const errors = error.issues.map((issue) => {
    const label = labelAt(schema, issue.path);
    return { path: issue.path.join('.') || where, label, message: `${label}：${issue.message}` };
  });
  const first = errors[0];
  return {
    type: 'https://lvzhi.local/problems/invalid-input',
    title: TITLE.invalid_input,
    status: 422,
    detail: first ? `${first.message}${errors.length > 1 ? `（共${errors.length}处问题）` : ''}` : '提交的数据不符合要求',
    errors,
  };
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
