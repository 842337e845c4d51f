import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { labelAt, zodProblem } from './problem.ts';

const date = (title: string) => z.iso.date().meta({ title });
const CJK = /[\u4e00-\u9fff]/;

describe('labelAt', () => {
  it('finds the title of a plain field', () => {
    expect(labelAt(z.object({ name: z.string().meta({ title: '姓名' }) }), ['name'])).toBe('姓名');
  });

  // Every zod 4 wrapper kind around a titled field: the title sits on the inner schema.
  const wrapped: Record<string, (inner: z.ZodType) => z.ZodType> = {
    optional: (s) => s.optional(),
    exactOptional: (s) => z.exactOptional(s),
    nullable: (s) => s.nullable(),
    nullish: (s) => s.nullish(),
    'nullable().optional()': (s) => s.nullable().optional(),
    default: (s) => (s as z.ZodString).default('2025-01-01'),
    prefault: (s) => (s as z.ZodString).prefault('2025-01-01'),
    nonoptional: (s) => s.optional().nonoptional(),
    catch: (s) => (s as z.ZodString).catch('2025-01-01'),
    readonly: (s) => s.readonly(),
    transform: (s) => s.transform((v) => String(v)),
    pipe: (s) => s.pipe(z.string()),
    preprocess: (s) => z.preprocess((v) => v, s),
    lazy: (s) => z.lazy(() => s),
    promise: (s) => z.promise(s),
    success: (s) => z.success(s),
    'partial()': (s) => z.object({ birthDate: s }).partial().shape.birthDate,
  };
  for (const [kind, wrap] of Object.entries(wrapped)) {
    it(`looks through ${kind} to the title inside`, () => {
      expect(labelAt(z.object({ birthDate: wrap(date('出生日期')) }), ['birthDate'])).toBe(
        '出生日期',
      );
    });
  }

  it('takes the title given on the wrapper itself', () => {
    expect(
      labelAt(z.object({ code: z.string().nullable().optional().meta({ title: '单位编码' }) }), [
        'code',
      ]),
    ).toBe('单位编码');
  });

  it('walks into objects inside wrappers, arrays, tuples, records, unions and intersections', () => {
    const person = z.object({ unitId: z.uuid().meta({ title: '所在单位' }).nullable().optional() });
    const schema = z.object({
      person: person.optional(),
      positions: z
        .array(z.object({ endsOn: date('任职结束日期').nullable().optional() }))
        .meta({ title: '职务' }),
      pair: z.tuple([z.string(), date('开始日期')]),
      extra: z.record(z.string(), date('某日')),
      either: z.union([
        z.object({ a: z.string().meta({ title: '甲' }) }),
        z.object({ b: z.string().meta({ title: '乙' }) }),
      ]),
      both: z.intersection(
        z.object({ c: z.string().meta({ title: '丙' }) }),
        z.object({ d: z.string().meta({ title: '丁' }) }),
      ),
      piped: z.object({ e: z.string().meta({ title: '戊' }) }).transform((v) => v),
    });
    expect(labelAt(schema, ['person', 'unitId'])).toBe('所在单位');
    expect(labelAt(schema, ['positions', 0, 'endsOn'])).toBe('任职结束日期');
    expect(labelAt(schema, ['positions', 0])).toBe('职务');
    expect(labelAt(schema, ['pair', 1])).toBe('开始日期');
    expect(labelAt(schema, ['extra', 'x'])).toBe('某日');
    expect(labelAt(schema, ['either', 'b'])).toBe('乙');
    expect(labelAt(schema, ['both', 'd'])).toBe('丁');
    expect(labelAt(schema, ['piped', 'e'])).toBe('戊');
  });

  it('falls back to the description, then to the key, then to 请求', () => {
    expect(labelAt(z.object({ q: z.string().describe('关键词').optional() }), ['q'])).toBe(
      '关键词',
    );
    expect(labelAt(z.object({ q: z.string() }), ['q'])).toBe('q');
    expect(labelAt(z.object({}), [])).toBe('请求');
  });

  it('does not loop on a lazy schema that refers to itself', () => {
    const tree: z.ZodType = z.lazy(() =>
      z.object({ name: z.string().meta({ title: '名称' }), children: z.array(tree).optional() }),
    );
    expect(labelAt(tree, ['children', 0, 'children', 1, 'name'])).toBe('名称');
  });
});

describe('zodProblem', () => {
  it('labels optional and nullable fields in Chinese (POST people with a bad birth date and unit)', () => {
    const schema = z.object({
      name: z.string().meta({ title: '姓名' }),
      birthDate: date('出生日期').nullable().optional(),
      unitId: z.uuid().meta({ title: '所在单位' }).nullable().optional(),
    });
    const result = schema.safeParse({ name: '张三', birthDate: 'x', unitId: 'y' });
    expect(result.success).toBe(false);
    const problem = zodProblem(result.error!, schema, 'json');
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => [e.path, e.label])).toEqual([
      ['birthDate', '出生日期'],
      ['unitId', '所在单位'],
    ]);
    for (const e of problem.errors ?? []) expect(e.message).toMatch(CJK);
    expect(problem.detail).toMatch(/^出生日期：.*（共2处问题）$/);
  });
});
