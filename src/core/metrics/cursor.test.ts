import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Malformed } from '../errors.ts';
import { decodeCursor, encodeCursor, takePage } from './cursor.ts';

describe('drill-down cursors', () => {
  it('round-trip any date or timestamp key and id', () => {
    const key = fc.oneof(
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    );
    fc.assert(
      fc.property(key, fc.uuid(), (date, id) => {
        const token = encodeCursor({ date, id });
        expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(token)).toEqual({ date, id });
      }),
    );
  });

  it('rejects tampered or foreign tokens as malformed', () => {
    for (const bad of [
      '',
      'abc',
      Buffer.from('{"d":"x","i":"y"}').toString('base64url'),
      Buffer.from('[1]').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(Malformed);
    }
  });

  it('cuts a page and points the next cursor at its last row only when more rows exist', () => {
    const rows = [1, 2, 3].map((n) => ({
      id: `0190a000-0000-7000-8000-00000000000${n}`,
      period_key: `2024-01-0${n}`,
    }));
    const first = takePage(rows, 2);
    expect(first.rows).toHaveLength(2);
    expect(decodeCursor(first.nextCursor!)).toEqual({ date: '2024-01-02', id: rows[1]!.id });
    expect(takePage(rows, 3).nextCursor).toBeNull();
  });
});
