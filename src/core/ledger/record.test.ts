import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../errors.ts';
import { recordColumns, recordDataSchema, uniqueKeys, validateRecordData } from './record.ts';
import { FILE, PERSON, sampleType, UNIT } from '../../testing/ledger-type.ts';

function issuesOf(input: unknown): Record<string, string> {
  try {
    validateRecordData(sampleType, input);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInput);
    return Object.fromEntries(
      (e as InvalidInput).errors.map((x) => [x.path, `${x.label}|${x.message}`]),
    );
  }
  return {};
}

describe('record validation', () => {
  it('normalises a spreadsheet row of every field type', () => {
    const data = validateRecordData(sampleType, {
      title: ' 走访 ',
      notes: '情况良好',
      people: '1,2',
      hours: '2.5小时',
      amount: '1,200.5',
      visited_on: '2024年3月5日',
      kind: '电话',
      done: '是',
      visitor: PERSON.toUpperCase(),
      village: UNIT,
      files: `${FILE}`,
    });
    expect(data).toEqual({
      title: '走访',
      notes: '情况良好',
      people: 12,
      hours: 2.5,
      amount: 1200.5,
      visited_on: '2024-03-05',
      kind: 'phone',
      done: true,
      visitor: PERSON,
      village: UNIT,
      files: [FILE],
    });
    expect(recordColumns(sampleType, data)).toEqual({
      occurredOn: '2024-03-05',
      unitId: UNIT,
      personId: PERSON,
    });
    expect(uniqueKeys(sampleType, data)).toEqual([
      { key: 'title', label: '事项', value: '走访', fields: ['title'] },
    ]);
  });

  it('accepts enum codes as well as labels and drops blank optional cells', () => {
    expect(
      validateRecordData(sampleType, {
        title: 'a',
        visited_on: '2024/1/2',
        kind: 'home',
        notes: '  ',
        people: null,
      }),
    ).toEqual({
      title: 'a',
      visited_on: '2024-01-02',
      kind: 'home',
    });
  });

  it('reports each bad field with its Chinese label and a Chinese message', () => {
    const issues = issuesOf({
      title: '这是一个超过十个字的很长的事项名称',
      people: '1.5',
      hours: '两小时',
      amount: '-1',
      kind: '上门',
      done: '也许',
      visitor: 'abc',
      village: 42,
      files: [FILE, FILE, FILE],
      extra: 1,
    });
    expect(issues).toMatchObject({
      'data.title': '事项|事项不能超过 10 个字',
      'data.visited_on': '走访日期|请填写走访日期',
      'data.people': '人数|人数应为整数',
      'data.hours': '时长|时长应为数字',
      'data.amount': '金额|金额不能小于 0',
      'data.kind': '类别|类别应为以下之一：入户、电话',
      'data.done': '已办结|已办结应为“是”或“否”',
      'data.visitor': '走访人|走访人应为有效的人员编号',
      'data.village': '村|村应为有效的单位编号',
      'data.files': '附件|附件最多上传 2 个附件',
      'data.extra': 'extra|“走访记录”没有字段“extra”',
    });
  });

  it('enforces number and date limits when writing', () => {
    expect(issuesOf({ title: 'a', visited_on: '1999-12-31' })['data.visited_on']).toContain(
      '不能早于 2000-01-01',
    );
    expect(
      issuesOf({ title: 'a', visited_on: '2024-01-01', people: 1001 })['data.people'],
    ).toContain('不能大于 1000');
  });

  it('rejects a data value that is not an object', () => {
    expect(() => validateRecordData(sampleType, [1, 2])).toThrow(InvalidInput);
  });

  it('accepts any integer headcount in range however it is typed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.boolean(), (n, asText) => {
        const data = validateRecordData(sampleType, {
          title: 't',
          visited_on: '2024-01-01',
          people: asText ? n.toLocaleString('en-US') : n,
        });
        expect(data.people).toBe(n);
      }),
    );
  });

  it('is a zod schema whose read mode ignores required fields and limits', () => {
    const read = recordDataSchema(sampleType, 'read').parse({ people: 5000, extra: 'kept' });
    expect(read).toEqual({ people: 5000, extra: 'kept' });
  });
});
