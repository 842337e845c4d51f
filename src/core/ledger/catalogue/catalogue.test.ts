import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../errors.ts';
import { portfolioCodes } from '../type.ts';
import {
  catalogueInputs,
  catalogueMetrics,
  findLedgerType,
  ledgerCatalogue,
  loadLedgerCatalogue,
} from './index.ts';

describe('ledger catalogue', () => {
  it('loads at least 26 valid ledger types', () => {
    expect(ledgerCatalogue.length).toBeGreaterThanOrEqual(26);
  });

  it('gives every ledger type a unique code and a known owner portfolio', () => {
    const codes = ledgerCatalogue.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of ledgerCatalogue) expect(portfolioCodes).toContain(t.portfolio);
  });

  it('offers metrics for every ledger type, with unique ids bound to that type', () => {
    for (const t of ledgerCatalogue) {
      expect(t.metrics.length, t.code).toBeGreaterThan(0);
      for (const m of t.metrics) {
        expect(m.id.startsWith(`ledger.${t.code}.`)).toBe(true);
        expect(m.source).toEqual({ kind: 'ledger', typeCode: t.code });
      }
    }
    const ids = catalogueMetrics().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names only existing, live fields in every metric', () => {
    for (const t of ledgerCatalogue) {
      const live = new Set(t.fields.filter((f) => !f.removed).map((f) => f.key));
      for (const m of t.metrics) {
        const named = [
          ...m.filters.map((f) => f.field),
          m.groupBy,
          m.periodField,
          'field' in m.aggregation ? m.aggregation.field : undefined,
          ...(m.aggregation.fn === 'rate'
            ? [...m.aggregation.numerator, ...m.aggregation.denominator].map((f) => f.field)
            : []),
        ].filter((k): k is string => k !== undefined);
        for (const key of named) expect(live.has(key), `${m.id} → ${key}`).toBe(true);
      }
    }
  });

  it('covers the records the reference reports count', () => {
    for (const code of [
      'propaganda_item',
      'theory_study',
      'branch_meeting',
      'theme_party_day',
      'branch_star_rating',
      'member_development',
      'safety_hazard',
      'relief_payment',
      'conscription',
      'petition_reception',
    ]) {
      expect(findLedgerType(code), code).toBeDefined();
    }
    const relief = findLedgerType('relief_payment')!;
    expect(relief.metrics.find((m) => m.id === 'ledger.relief_payment.amount')?.unit).toBe('万元');
  });

  it('rejects a catalogue with a duplicate code or a metric over an unknown field', () => {
    const first = catalogueInputs[0]!;
    expect(() => loadLedgerCatalogue([first, first])).toThrow(InvalidInput);
    const broken = {
      ...first,
      metrics: [
        { ...first.metrics![0]!, aggregation: { fn: 'sum' as const, field: 'no_such_field' } },
      ],
    };
    try {
      loadLedgerCatalogue([broken]);
      expect.fail('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInput);
      expect((e as InvalidInput).errors.some((x) => x.message.includes('no_such_field'))).toBe(
        true,
      );
    }
  });
});
