/**
 * Generators for the input fuzz test, read off the live OpenAPI document so a new route is fuzzed
 * without anyone listing it: bodies and query values that break a schema, minimal bodies that pass
 * it with fresh UUIDv7s wherever an id goes, path parameters filled with real or absent records,
 * and the one assertion every answer must meet (a Chinese problem, never a 500).
 */
import fc from 'fast-check';
import { expect } from 'vitest';

export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: unknown;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  example?: unknown;
};
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export const CJK = /[\u4e00-\u9fff]/;
/** A fresh id no record has: UUIDv7 like the app's own. */
export const absentId = () => fc.sample(fc.uuid({ version: 7 }), 1)[0]!;

/**
 * The answer is problem+json whose `detail`, and every error's `message` and `label`, is Chinese,
 * with a status from `allowed` (never a 500).
 */
export function assertChineseProblem(res: Answer, allowed: number[], where: string) {
  const said = `${where} → ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
  expect(allowed, said).toContain(res.status);
  expect(res.headers.get('content-type'), said).toContain('application/problem+json');
  expect(res.body.detail, said).toMatch(CJK);
  for (const e of res.body.errors ?? []) {
    expect(e.message, `${said}: ${JSON.stringify(e)}`).toMatch(CJK);
    expect(e.label, `${said}: label of ${JSON.stringify(e)}`).toMatch(CJK);
  }
}

/** A success, or a Chinese problem with a status from `allowed`. */
export function assertSuccessOrProblem(res: Answer, allowed: number[], where: string) {
  if (res.status >= 200 && res.status < 300) return;
  assertChineseProblem(res, allowed, where);
}

/** Reading a schema of the document: references resolved, its type, its enum's values. */
interface SchemaKit {
  resolve(schema: Schema): Schema;
  typeOf(schema: Schema): string;
  enumValues(schema: Schema): unknown[];
}

/** Values and bodies a schema must reject. */
function invalidValues({ resolve, typeOf }: SchemaKit) {
  /** A value the property schema must reject. */
  function wrongValue(schema: Schema): fc.Arbitrary<unknown> | null {
    const s = resolve(schema);
    if (s.enum)
      return fc
        .string({ minLength: 1, maxLength: 8 })
        .filter((v) => !s.enum!.includes(v))
        .map((v) => `无效-${v}`);
    switch (typeOf(s)) {
      case 'string':
        return fc.oneof(
          fc.integer(),
          fc.boolean(),
          fc.array(fc.integer(), { maxLength: 2 }),
          ...(s.maxLength !== undefined ? [fc.constant('长'.repeat(s.maxLength + 1))] : []),
          ...(s.format === 'uuid' || s.format === 'date' ? [fc.constant('not-a-valid-value')] : []),
        );
      case 'number':
      case 'integer':
        return fc.oneof(
          fc.string({ maxLength: 5 }).map((v) => `x${v}`),
          fc.boolean(),
          fc.constant({}),
        );
      case 'boolean':
        return fc.oneof(fc.constant('是的'), fc.integer(), fc.constant([]));
      case 'array':
        return fc.oneof(fc.constant('不是数组'), fc.integer(), fc.constant({ a: 1 }));
      case 'object':
        return fc.oneof(fc.integer(), fc.constant('不是对象'));
      default:
        return null;
    }
  }

  /** Bodies that break the schema: one wrong field, a missing required field, not an object. */
  function invalidBodies(schema: Schema): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    const props = Object.entries(s.properties ?? {});
    const strategies: fc.Arbitrary<unknown>[] = [
      fc.oneof(
        fc.integer(),
        fc.string(),
        fc.constant(null),
        fc.array(fc.integer(), { maxLength: 3 }),
      ),
    ];
    const wrongOnes = props
      .map(([key, p]) => [key, wrongValue(p)] as const)
      .filter((x): x is readonly [string, fc.Arbitrary<unknown>] => x[1] !== null);
    if (wrongOnes.length)
      strategies.push(
        fc.constantFrom(...wrongOnes).chain(([key, arb]) => arb.map((v) => ({ [key]: v }))),
      );
    if (s.required?.length) strategies.push(fc.constant({}));
    return fc.oneof(...strategies);
  }

  return { wrongValue, invalidBodies };
}

/** Values and minimal bodies a schema accepts, with ids wherever the schema holds one. */
function validValues({ resolve, typeOf, enumValues }: SchemaKit) {
  /** Whether a value of this schema holds an id (so a minimal body fills it with an absent one). */
  function holdsId(schema: Schema, depth = 0): boolean {
    const s = resolve(schema);
    if (depth > 4) return false;
    if (s.format === 'uuid') return true;
    if (typeOf(s) === 'array' && s.items) return holdsId(s.items, depth + 1);
    return Object.values(s.properties ?? {}).some((p) => holdsId(p, depth + 1));
  }

  /** A value the schema accepts: its example, else the simplest value of its kind. */
  function validValue(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
    const s = resolve(schema);
    if (s.example !== undefined) return fc.constant(s.example);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...enumValues(s));
    switch (typeOf(s)) {
      case 'string': {
        if (s.format === 'uuid') return fc.uuid({ version: 7 });
        if (s.format === 'date')
          return fc
            .integer({ min: 0, max: 180 })
            .map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
        if (s.format === 'date-time')
          return fc
            .integer({ min: 0, max: 180 })
            .map((d) => new Date(Date.UTC(2025, 0, 1 + d, 9)).toISOString());
        if (s.format === 'email') return fc.constant('fuzz@example.cn');
        const min = s.minLength ?? 0;
        const max = s.maxLength ?? Math.max(min, 8);
        if (s.pattern) return matching(s.pattern, min, max);
        return fc
          .integer({ min: Math.max(min, 2), max: Math.max(min, Math.min(max, 6)) })
          .map((n) => '测试内容'.repeat(2).slice(0, n).padEnd(n, '字'));
      }
      case 'integer':
      case 'number': {
        const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
        const max =
          s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : min + 100);
        return fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) });
      }
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const min = s.minItems ?? 0;
        const n = s.items && holdsId(s.items) ? Math.max(min, Math.min(1, s.maxItems ?? 1)) : min;
        return s.items && n > 0 && depth < 4
          ? fc.array(validValue(s.items, depth + 1), { minLength: n, maxLength: n })
          : fc.constant([]);
      }
      case 'object':
        return depth < 4 ? minimalBody(s, depth + 1) : fc.constant({});
      default:
        return fc.constant(null);
    }
  }

  /** The required properties, plus every optional one that refers to a record by id. */
  function minimalBody(schema: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
    const s = resolve(schema);
    const keys = Object.entries(s.properties ?? {}).filter(
      ([key, p]) => s.required?.includes(key) || holdsId(p),
    );
    return fc.record(Object.fromEntries(keys.map(([key, p]) => [key, validValue(p, depth)])));
  }

  return { holdsId, validValue, minimalBody };
}

export function fuzzKit(doc: OpenApiDoc) {
  function resolve(schema: Schema): Schema {
    if (schema.$ref) return resolve(doc.components!.schemas![schema.$ref.split('/').pop()!]!);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives)
      return resolve(alternatives.find((s) => s.type !== 'null') ?? alternatives[0]!);
    if (schema.allOf?.length)
      return resolve(Object.assign({}, ...schema.allOf.map(resolve)) as Schema);
    return schema;
  }

  function typeOf(schema: Schema): string {
    const s = resolve(schema);
    const types = Array.isArray(s.type) ? s.type.filter((x) => x !== 'null') : [s.type];
    return types[0] ?? (s.enum ? 'enum' : 'unknown');
  }

  const enumValues = (s: Schema) => s.enum?.filter((v) => v !== null) ?? [];
  const schemas = { resolve, typeOf, enumValues };
  const { wrongValue, invalidBodies } = invalidValues(schemas);
  const { holdsId, validValue, minimalBody } = validValues(schemas);

  /** A path parameter's value for a record that does not exist. */
  function absentParam(param: Parameter | undefined): string {
    const s = param ? resolve(param.schema) : {};
    if (s.format === 'uuid' || !param) return absentId();
    if (typeOf(s) === 'integer' || typeOf(s) === 'number')
      return String(s.maximum ?? s.minimum ?? 2099);
    if (s.enum) return String(enumValues(s)[0]);
    if (s.pattern)
      return fc
        .sample(matching(s.pattern, s.minLength ?? 1, Math.min(s.maxLength ?? 40, 40)), {
          numRuns: 1,
          seed: 11,
        })[0]!
        .replace(/\//g, '-');
    return 'zz-fuzz-absent';
  }

  /** Every operation, as [METHOD, path template, operation]. */
  function operations(): [string, string, Operation][] {
    return Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(
        ([method, op]) => [method.toUpperCase(), path, op] as [string, string, Operation],
      ),
    );
  }

  return {
    resolve,
    typeOf,
    wrongValue,
    invalidBodies,
    validValue,
    minimalBody,
    holdsId,
    absentParam,
    operations,
    enumValues,
  };
}

/**
 * Strings matching a documented pattern within the length bounds. Not a `.filter()`, which spins
 * for ever on a pattern nothing satisfies: a string out of bounds is cut or padded from a sample.
 */
function matching(pattern: string, min: number, max: number): fc.Arbitrary<string> {
  const re = new RegExp(pattern);
  return fc
    .stringMatching(re, { size: 'xsmall' })
    .map((v) =>
      v.length > max ? v.slice(0, max) : v.length < min ? v.padEnd(min, v.slice(-1) || 'a') : v,
    );
}

export type FuzzKit = ReturnType<typeof fuzzKit>;
