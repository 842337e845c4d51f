import { describe, expect, it } from 'vitest';
import { fieldSpecSchema, validatePayload, type FieldSpec } from './fields.ts';

const specs: FieldSpec[] = [
  { name: 'reason', label: '退单理由', type: 'text', required: true },
  {
    name: 'result',
    label: '满意度',
    type: 'enum',
    required: true,
    options: ['满意', '基本满意', '不满意'],
  },
  { name: 'dueDate', label: '新期限', type: 'date', required: false },
  { name: 'parties', label: '当事人', type: 'string_list', required: false },
  { name: 'score', label: '评分', type: 'number', required: false, min: 0, max: 100 },
  { name: 'notified', label: '已告知', type: 'boolean', required: false },
  { name: 'at', label: '时间', type: 'datetime', required: false },
  { name: 'amount', label: '协议金额', type: 'money', required: false },
];

describe('validatePayload', () => {
  it('accepts a valid payload and drops undeclared keys', () => {
    const check = validatePayload(specs, {
      reason: ' 不属本单位职责 ',
      result: '满意',
      dueDate: '2025-10-09',
      extra: 1,
    });
    expect(check.issues).toEqual([]);
    expect(check.values).toEqual({
      reason: '不属本单位职责',
      result: '满意',
      dueDate: '2025-10-09',
    });
  });

  it('names every missing required field by its Chinese label and path', () => {
    expect(validatePayload(specs, { reason: '  ' }).issues).toEqual([
      { path: 'payload.reason', label: '退单理由', message: '请填写退单理由' },
      { path: 'payload.result', label: '满意度', message: '请填写满意度' },
    ]);
  });

  it('explains invalid values in Chinese', () => {
    const issues = validatePayload(specs, {
      reason: 'x',
      result: '很好',
      dueDate: '2025-13-01',
      parties: [],
      score: 101,
      notified: 'yes',
      at: 'tomorrow',
    }).issues;
    expect(issues.map((i) => i.message)).toEqual([
      '满意度应为以下之一：满意、基本满意、不满意',
      '新期限日期格式应为 YYYY-MM-DD',
      '当事人至少填写一项',
      '评分不能大于100',
      '已告知应为是或否',
      '时间时间格式应为 ISO 8601（含时区）',
    ]);
  });

  it('takes a money amount in 元 with at most two decimals, and says what is wrong in Chinese', () => {
    const amount = (v: unknown) =>
      validatePayload(specs, { reason: '理由', result: '满意', amount: v });
    expect(amount(1280.5).values.amount).toBe(1280.5);
    expect(amount(0.1 + 0.2).issues).toEqual([]);
    expect(amount(12.345).issues.map((i) => i.message)).toEqual(['协议金额最多保留两位小数（元）']);
    expect(amount(-1).issues.map((i) => i.message)).toEqual(['协议金额不能为负数']);
    expect(amount('一千').issues.map((i) => i.message)).toEqual(['协议金额应为金额（元）']);
  });

  it('takes a list of attachment ids for a file field, once each, and says what is wrong', () => {
    const scan: FieldSpec = { name: 'scan', label: '协议书', type: 'file', required: false };
    const file = (v: unknown) => validatePayload([scan], { scan: v });
    const a = '0b7f3c2e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
    expect(file([a, a]).values.scan).toEqual([a]);
    expect(file([]).issues.map((i) => i.message)).toEqual(['协议书至少上传一个文件']);
    expect(file(['报告.pdf']).issues.map((i) => i.message)).toEqual([
      '协议书应为本工单已上传附件的编号',
    ]);
    expect(file(Array.from({ length: 21 }, () => a)).issues.map((i) => i.message)).toEqual([
      '协议书最多20个文件',
    ]);
    expect(file(undefined).issues).toEqual([]);
  });

  it('requires options exactly for enum fields', () => {
    expect(fieldSpecSchema.safeParse({ name: 'x', label: 'X', type: 'enum' }).success).toBe(false);
    expect(
      fieldSpecSchema.safeParse({ name: 'x', label: 'X', type: 'text', options: ['a'] }).success,
    ).toBe(false);
    expect(fieldSpecSchema.parse({ name: 'x', label: 'X', type: 'text' }).required).toBe(true);
  });
});
