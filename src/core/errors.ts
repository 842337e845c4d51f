/**
 * Domain errors: the closed set of failures a use case may report to a user. Each carries a
 * Chinese `detail` for the person at the screen; the HTTP layer maps `code` to a status in one
 * exhaustive table (http/problem.ts) and renders RFC 9457 problem+json.
 */

export type ErrorCode =
  | 'invalid_input' // 422: well-formed but breaks a rule
  | 'malformed' // 400: not parseable (bad JSON, wrong content type)
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: stale version, duplicate key
  | 'invalid_transition' // 409: workflow action not allowed in this state
  | 'too_many_requests' // 429
  | 'payload_too_large' // 413
  | 'unavailable'; // 503: a service the request needs (the town's model server) failed

/** One field-level problem: `path` is the JSON path, `label` the field's Chinese name. */
export interface FieldIssue {
  path: string;
  label: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Chinese, shown to the user. */
    readonly detail: string,
    readonly errors: FieldIssue[] = [],
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class InvalidInput extends DomainError {
  constructor(detail: string, errors: FieldIssue[] = []) {
    super('invalid_input', detail, errors);
  }
}

export class Malformed extends DomainError {
  constructor(detail: string, errors: FieldIssue[] = []) {
    super('malformed', detail, errors);
  }
}

export class Unauthenticated extends DomainError {
  constructor(detail = '请先登录') {
    super('unauthenticated', detail);
  }
}

export class Forbidden extends DomainError {
  constructor(detail = '您没有执行此操作的权限') {
    super('forbidden', detail);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super('not_found', `${what}不存在或您无权查看`);
  }
}

export class Conflict extends DomainError {
  constructor(detail = '该记录已被他人修改，请刷新后重试') {
    super('conflict', detail);
  }
}

export class InvalidTransition extends DomainError {
  constructor(detail: string, errors: FieldIssue[] = []) {
    super('invalid_transition', detail, errors);
  }
}

export class TooManyRequests extends DomainError {
  constructor(
    detail = '请求过于频繁，请稍后再试',
    readonly retryAfterSeconds = 60,
  ) {
    super('too_many_requests', detail);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(detail = '提交的内容过大') {
    super('payload_too_large', detail);
  }
}

/** A service outside the app (the town's model server) is off, timed out or answered badly. */
export class ServiceUnavailable extends DomainError {
  constructor(detail: string) {
    super('unavailable', detail);
  }
}
