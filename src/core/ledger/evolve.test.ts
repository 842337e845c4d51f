import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../errors.ts';
import { evolveType } from './evolve.ts';
import { readRecordData, validateRecordData } from './record.ts';
import { sampleType } from '../../testing/ledger-type.ts';
import type { LedgerTypeInput } from './type.ts';

const v1Record = validateRecordData(sampleType, {
  title: '旧记录',
  notes: '旧版本写入',
  people: 3,
  visited_on: '2023-05-01',
  kind: 'home',
});

function nextVersion(
  change: (fields: LedgerTypeInput['fields']) => LedgerTypeInput['fields'],
): LedgerTypeInput {
  return { ...sampleType, version: 2, fields: change(sampleType.fields.map((f) => ({ ...f }))) };
}

function messages(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInput);
    return (e as InvalidInput).errors.map((x) => x.message);
  }
  return [];
}

describe('evolveType', () => {
  it('marks a dropped field removed, and old records still read it', () => {
    const v2 = evolveType(
      sampleType,
      nextVersion((fs) => fs.filter((f) => f.key !== 'notes')),
    );
    expect(v2.fields.find((f) => f.key === 'notes')).toMatchObject({
      removed: true,
      required: false,
    });
    expect(readRecordData(v2, v1Record)).toEqual(v1Record);
  });

  it('lets a new version add a required field without invalidating old records on read', () => {
    const v2 = evolveType(
      sampleType,
      nextVersion((fs) => [
        ...fs,
        { key: 'phone_checked', label: '已电话回访', type: 'boolean', required: true },
      ]),
    );
    expect(readRecordData(v2, v1Record)).toEqual(v1Record);
    expect(() => validateRecordData(v2, v1Record)).toThrow(/1 处/);
    expect(validateRecordData(v2, { ...v1Record, phone_checked: '否' }).phone_checked).toBe(false);
  });

  it('keeps an edit of an old record from losing the values of removed fields', () => {
    const v2 = evolveType(
      sampleType,
      nextVersion((fs) => fs.filter((f) => f.key !== 'notes')),
    );
    expect(validateRecordData(v2, v1Record).notes).toBe('旧版本写入');
  });

  it('allows widening changes: text to long text, new enum options, relabelled options', () => {
    const v2 = evolveType(
      sampleType,
      nextVersion((fs) =>
        fs.map((f) =>
          f.key === 'title'
            ? { ...f, type: 'long_text' as const }
            : f.type === 'enum'
              ? {
                  ...f,
                  options: [
                    { code: 'home', label: '上门走访' },
                    { code: 'phone', label: '电话' },
                    { code: 'video', label: '视频' },
                  ],
                }
              : f,
        ),
      ),
    );
    expect(readRecordData(v2, v1Record).kind).toBe('home');
  });

  it('rejects incompatible type changes and dropped enum codes', () => {
    const problems = messages(() =>
      evolveType(
        sampleType,
        nextVersion((fs) =>
          fs.map((f) =>
            f.key === 'people'
              ? { key: 'people', label: '人数', type: 'date' as const }
              : f.type === 'enum'
                ? { ...f, options: [{ code: 'home', label: '入户' }] }
                : f,
          ),
        ),
      ),
    );
    expect(problems.some((m) => m.includes('不能从 number 改为 date'))).toBe(true);
    expect(problems.some((m) => m.includes('选项不能删除：电话'))).toBe(true);
  });

  it('rejects a version that does not increase or a changed code', () => {
    expect(messages(() => evolveType(sampleType, { ...sampleType, version: 1 }))).toContain(
      '新版本号应大于 1',
    );
    expect(
      messages(() => evolveType(sampleType, { ...sampleType, code: 'other', version: 2 })),
    ).toContain('台账类型的标识不能修改');
  });
});
