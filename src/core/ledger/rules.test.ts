import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../errors.ts';
import { findLedgerType } from './catalogue/index.ts';
import { evolveType } from './evolve.ts';
import { uniqueKeys, validateRecordData } from './record.ts';
import { addDuration, matchesFilter } from './rules.ts';
import { sampleType, UNIT } from '../../testing/ledger-type.ts';
import { ledgerTypeSchema, type LedgerTypeInput } from './type.ts';

const development = findLedgerType('member_development')!;
const starRating = findLedgerType('branch_star_rating')!;
const base = { person_name: '林小禾', branch: UNIT };

function problems(fn: () => unknown): { path: string; label: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInput);
    return (e as InvalidInput).errors;
  }
  return [];
}

describe('date gap rules (发展党员 waiting periods)', () => {
  it('rejects a 发展对象 named less than a year after becoming 积极分子, naming the field', () => {
    const errors = problems(() =>
      validateRecordData(development, {
        ...base,
        stage: 'candidate',
        stage_on: '2025-03-01',
        activist_on: '2024-06-01',
      }),
    );
    expect(errors).toEqual([
      {
        path: 'data.stage_on',
        label: '确定日期',
        message:
          '入党积极分子经过一年以上培养考察方可列为发展对象：确定日期应在确定为入党积极分子日期（2024-06-01）满 1 年之后，最早为 2025-06-01，现为 2025-03-01',
      },
    ]);
  });

  it('accepts a 发展对象 named a full year later, and demands the 积极分子 date', () => {
    expect(
      validateRecordData(development, {
        ...base,
        stage: 'candidate',
        stage_on: '2025-06-01',
        activist_on: '2024-06-01',
      }),
    ).toMatchObject({ stage: 'candidate' });
    expect(
      problems(() =>
        validateRecordData(development, { ...base, stage: 'candidate', stage_on: '2025-06-01' }),
      ),
    ).toEqual([
      {
        path: 'data.activist_on',
        label: '确定为入党积极分子日期',
        message: '入党积极分子经过一年以上培养考察方可列为发展对象：请填写确定为入党积极分子日期',
      },
    ]);
  });

  it('holds a 预备期 of one year before 转正 and age 18 at application', () => {
    expect(
      problems(() =>
        validateRecordData(development, {
          ...base,
          stage: 'full',
          stage_on: '2025-05-01',
          probationary_on: '2024-06-01',
        }),
      )[0]?.message,
    ).toMatch(/^预备期为一年/);
    expect(
      validateRecordData(development, {
        ...base,
        stage: 'full',
        stage_on: '2025-06-01',
        probationary_on: '2024-06-01',
      }),
    ).toMatchObject({ stage: 'full' });
    const young = problems(() =>
      validateRecordData(development, {
        ...base,
        stage: 'applicant',
        stage_on: '2025-03-01',
        birth_date: '2007-03-02',
      }),
    );
    expect(young.map((e) => e.path)).toEqual(['data.stage_on']);
    expect(young[0]!.message).toMatch(/^年满十八岁方可申请入党/);
    expect(
      validateRecordData(development, {
        ...base,
        stage: 'applicant',
        stage_on: '2025-03-01',
        birth_date: '2007-03-01',
      }),
    ).toBeTruthy();
  });

  it('applies only when its condition holds, and never to stored records read back', () => {
    expect(
      validateRecordData(development, { ...base, stage: 'activist', stage_on: '2025-03-01' }),
    ).toBeTruthy();
    expect(
      validateRecordData(
        development,
        { ...base, stage: 'candidate', stage_on: '2025-03-01', activist_on: '2025-01-01' },
        'read',
      ),
    ).toBeTruthy();
  });

  it('adds calendar years and months, clamping to the month end', () => {
    expect(addDuration('2024-02-29', { years: 1 })).toBe('2025-02-28');
    expect(addDuration('2025-01-31', { months: 1, days: 1 })).toBe('2025-03-01');
    expect(
      matchesFilter({ stage: 'full' }, { field: 'stage', op: 'in', value: ['full', 'candidate'] }),
    ).toBe(true);
    expect(matchesFilter({}, { field: 'stage', op: 'is_null' })).toBe(true);
  });
});

describe('rules as type data', () => {
  const withRules = (rules: unknown[]): LedgerTypeInput =>
    ({ ...sampleType, rules }) as LedgerTypeInput;

  it('rejects rules over unknown, removed or unsuitable fields', () => {
    const r = ledgerTypeSchema.safeParse(
      withRules([
        { kind: 'unique', fields: ['title', 'nope'] },
        { kind: 'unique', fields: ['files', 'title'] },
        { kind: 'date_gap', from: 'title', to: 'visited_on', min: { days: 1 } },
        { kind: 'date_gap', from: 'visited_on', to: 'visited_on', min: { days: 0 } },
      ]),
    );
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'rules.0 规则引用了不存在或已停用的字段“nope”',
        'rules.1 字段“附件”不能用于唯一规则',
        'rules.2 日期间隔规则的字段“事项”应为日期字段',
        'rules.3 日期间隔规则的起止字段不能相同',
      ]),
    );
  });

  it('derives a composite unique key only when every member has a value', () => {
    const data = validateRecordData(starRating, {
      branch: UNIT,
      year: 2025,
      stars: 4,
      rated_on: '2025-12-01',
    });
    expect(uniqueKeys(starRating, data)).toEqual([
      {
        key: 'branch+year',
        label: '党支部、评定年度',
        value: `${UNIT}\u001f2025`,
        fields: ['branch', 'year'],
      },
    ]);
    const type = ledgerTypeSchema.parse(
      withRules([{ kind: 'unique', fields: ['village', 'kind'] }]),
    );
    expect(uniqueKeys(type, { title: 'x', visited_on: '2025-01-01', village: UNIT })).toEqual([
      { key: 'title', label: '事项', value: 'x', fields: ['title'] },
    ]);
  });

  it('keeps rules across versions unless the new version states its own', () => {
    const v1 = ledgerTypeSchema.parse(withRules([{ kind: 'unique', fields: ['village', 'kind'] }]));
    const { rules: _r, ...withoutRules } = v1;
    expect(evolveType(v1, { ...withoutRules, version: 2 }).rules).toEqual(v1.rules);
    expect(evolveType(v1, { ...v1, version: 2, rules: [] }).rules).toEqual([]);
    // Retiring a field a rule needs is refused until the rule goes too.
    const retire = {
      ...withoutRules,
      version: 2,
      fields: v1.fields.filter((f) => f.key !== 'kind'),
    };
    expect(() => evolveType(v1, retire)).toThrow(InvalidInput);
    expect(
      evolveType(v1, { ...retire, rules: [] }).fields.find((f) => f.key === 'kind')?.removed,
    ).toBe(true);
  });
});
