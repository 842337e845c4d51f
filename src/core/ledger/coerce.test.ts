import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coerceBoolean,
  coerceDate,
  coerceMoney,
  coerceNumber,
  excelSerialToIso,
  isoToExcelSerial,
} from './coerce.ts';

const isoDay = fc
  .date({
    min: new Date(Date.UTC(1950, 0, 1)),
    max: new Date(Date.UTC(2150, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }): T | string =>
  r.ok ? r.value : `ERR:${r.message}`;

describe('coerceNumber', () => {
  it('reads any integer written with or without thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(value(coerceNumber(String(n)))).toBe(n);
        expect(value(coerceNumber(n.toLocaleString('en-US')))).toBe(n);
        expect(value(coerceNumber(n.toLocaleString('en-US').replace(/,/g, '，')))).toBe(n);
      }),
    );
  });

  it('reads decimals, full-width digits and the field unit', () => {
    expect(value(coerceNumber('1,200.5'))).toBe(1200.5);
    expect(value(coerceNumber('１２'))).toBe(12);
    expect(value(coerceNumber('12人', ['人']))).toBe(12);
    expect(value(coerceNumber(' 3.5 '))).toBe(3.5);
  });

  it('rejects words, empty units of other kinds and infinities', () => {
    for (const bad of ['十二', '12个', '1.2.3', '', Number.POSITIVE_INFINITY, {}, true]) {
      expect(coerceNumber(bad, ['人']).ok).toBe(false);
    }
  });
});

describe('coerceMoney', () => {
  it('keeps any amount in fen exactly and rejects a third decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), (fen) => {
        const yuan = fen / 100;
        expect(value(coerceMoney(yuan.toFixed(2)))).toBe(yuan);
        expect(value(coerceMoney(yuan))).toBe(yuan);
      }),
    );
    expect(value(coerceMoney('¥1,200.50元'))).toBe(1200.5);
    expect(value(coerceMoney(0.1 + 0.2))).toBe(0.3);
    expect(coerceMoney('12.345').ok).toBe(false);
  });
});

describe('coerceDate', () => {
  it('reads every calendar day in ISO, slash, dotted and Chinese forms', () => {
    fc.assert(
      fc.property(isoDay, (iso) => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(value(coerceDate(iso))).toBe(iso);
        expect(value(coerceDate(`${y}/${m}/${d}`))).toBe(iso);
        expect(value(coerceDate(`${y}.${m}.${d}`))).toBe(iso);
        expect(value(coerceDate(`${y}年${m}月${d}日`))).toBe(iso);
        expect(value(coerceDate(new Date(`${iso}T00:00:00Z`)))).toBe(iso);
      }),
    );
  });

  it('round-trips Excel serial numbers, as numbers and as text', () => {
    fc.assert(
      fc.property(isoDay, (iso) => {
        const serial = isoToExcelSerial(iso);
        expect(excelSerialToIso(serial)).toBe(iso);
        expect(value(coerceDate(serial))).toBe(iso);
        expect(value(coerceDate(serial + 0.75))).toBe(iso);
        expect(value(coerceDate(String(serial)))).toBe(iso);
      }),
    );
    expect(value(coerceDate(45292))).toBe('2024-01-01');
  });

  it('rejects days that do not exist and text that is not a date', () => {
    expect(value(coerceDate('2023-02-29'))).toMatch(/该日不存在/);
    expect(coerceDate('2024-13-01').ok).toBe(false);
    expect(coerceDate('下周一').ok).toBe(false);
    expect(coerceDate(12).ok).toBe(false);
    expect(value(coerceDate('2024-02-29 08:30'))).toBe('2024-02-29');
  });
});

describe('coerceBoolean', () => {
  it('reads 是/否, true/false and 1/0', () => {
    for (const t of ['是', 'true', 'TRUE', '1', 1, true, '√'])
      expect(value(coerceBoolean(t))).toBe(true);
    for (const f of ['否', 'false', '0', 0, false, '×'])
      expect(value(coerceBoolean(f))).toBe(false);
    expect(coerceBoolean('也许').ok).toBe(false);
  });
});
