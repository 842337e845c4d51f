import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../core/errors.ts';
import { ledgerCatalogue, catalogueMetrics } from '../../core/ledger/catalogue/index.ts';
import { PERSON, sampleType, UNIT } from '../../testing/ledger-type.ts';
import { compileMetric, compileMetricDrillDown, compileMetricValue } from './compile.ts';
import { encodeCursor } from '../../core/metrics/cursor.ts';
import {
  metricDeclarationSchema,
  type MetricDeclarationInput,
} from '../../core/metrics/declaration.ts';
import { createSourceRegistry, type SourceDescriptor } from './source.ts';

const TOWN = '0190a000-0000-7000-8000-000000000001';
const registry = createSourceRegistry([sampleType, ...ledgerCatalogue]);
const params = { townIds: [TOWN], period: { from: '2024-01-01', to: '2024-12-31' } };

function metric(partial: Partial<MetricDeclarationInput>) {
  return metricDeclarationSchema.parse({
    id: 'ledger.sample_visit.test',
    label: '测试指标',
    unit: '次',
    source: { kind: 'ledger', typeCode: 'sample_visit' },
    aggregation: { fn: 'count' },
    ...partial,
  });
}

describe('compileMetricValue', () => {
  it('counts records of the type in the towns and the inclusive period, excluding deleted ones', () => {
    const q = compileMetricValue(metric({}), params, registry);
    expect(q.sql).toContain('select cast(count(*) as integer) as "value" from "ledger_record"');
    expect(q.sql).toContain('type_code = $1 and deleted_at is null and town_id in ($2)');
    expect(q.sql).toContain(
      '"occurred_on" >= cast($3 as date) and "occurred_on" < cast($4 as date)',
    );
    expect(q.parameters).toEqual(['sample_visit', TOWN, '2024-01-01', '2025-01-01']);
  });

  it('sums a numeric field with its filters as parameters', () => {
    const m = metric({
      unit: '元',
      aggregation: { fn: 'sum', field: 'amount' },
      filters: [{ field: 'kind', op: 'in', value: ['home', 'phone'] }],
    });
    const q = compileMetricValue(m, params, registry);
    expect(q.sql).toContain(`coalesce(sum((data->>'amount')::numeric), 0) as "value"`);
    expect(q.sql).toContain(`(data->>'kind') in ($5, $6)`);
    expect(q.parameters.slice(4)).toEqual(['home', 'phone']);
  });

  it('counts distinct values and maps role fields to their columns', () => {
    const q = compileMetricValue(
      metric({ unit: '个', aggregation: { fn: 'count_distinct', field: 'village' } }),
      params,
      registry,
    );
    expect(q.sql).toContain('count(distinct cast("unit_id" as text))');
  });

  it('computes a rate as numerator among denominator rows, with the counts beside it', () => {
    const m = metric({
      unit: '%',
      aggregation: {
        fn: 'rate',
        numerator: [{ field: 'done', op: 'eq', value: true }],
        denominator: [{ field: 'people', op: 'gte', value: 1 }],
      },
    });
    const q = compileMetricValue(m, params, registry);
    expect(q.sql).toContain(
      `round(100.0 * count(*) filter (where ((data->>'done')::boolean = $1)) / count(*), 2)`,
    );
    expect(q.sql).toContain(`as "numerator"`);
    expect(q.sql).toContain(`(data->>'people')::numeric >= $`);
    expect(q.parameters).toContain(true);
    expect(q.parameters).toContain(1);
  });

  it('groups by a field, from the declaration or overridden by the caller', () => {
    const q = compileMetricValue(metric({ groupBy: 'kind' }), params, registry);
    expect(q.sql).toContain(`select cast((data->>'kind') as text) as "group_key"`);
    expect(q.sql).toContain(
      `group by cast((data->>'kind') as text) order by cast((data->>'kind') as text)`,
    );
    const overridden = compileMetricValue(metric({}), { ...params, groupBy: 'village' }, registry);
    expect(overridden.sql).toContain('group by cast("unit_id" as text)');
  });

  it('filters by a declared period field and by between/null predicates', () => {
    const m = metric({
      periodField: 'visited_on',
      filters: [
        { field: 'people', op: 'between', value: [1, 10] },
        { field: 'notes', op: 'not_null' },
        { field: 'files', op: 'is_null' },
      ],
    });
    const q = compileMetricValue(m, params, registry);
    expect(q.sql).toContain(`(data->>'people')::numeric between $5 and $6`);
    expect(q.sql).toContain(`(data->>'notes') is not null and (data->'files') is null`);
  });

  it('applies the unit subtree and person scope, and an empty subtree sees nothing', () => {
    const q = compileMetricValue(
      metric({}),
      { ...params, scope: { unitIds: [UNIT], personId: PERSON } },
      registry,
    );
    expect(q.sql).toContain('"unit_id" in ($3) and "person_id" = $4');
    expect(q.parameters).toContain(UNIT);
    expect(
      compileMetricValue(metric({}), { ...params, scope: { unitIds: [] } }, registry).sql,
    ).toContain('and false');
  });

  it('rejects unknown fields, removed fields and bad parameters with InvalidInput', () => {
    expect(() =>
      compileMetricValue(metric({ aggregation: { fn: 'sum', field: 'nope' } }), params, registry),
    ).toThrow(InvalidInput);
    expect(() => compileMetricValue(metric({}), { ...params, groupBy: 'nope' }, registry)).toThrow(
      InvalidInput,
    );
    expect(() =>
      compileMetricValue(
        metric({ filters: [{ field: 'kind', op: 'eq', value: 'visit' }] }),
        params,
        registry,
      ),
    ).toThrow(/选项代码/);
    expect(() =>
      compileMetricValue(
        metric({}),
        { ...params, period: { from: '2024-12-31', to: '2024-01-01' } },
        registry,
      ),
    ).toThrow(InvalidInput);
    expect(() => compileMetricValue(metric({}), { ...params, townIds: [] }, registry)).toThrow(
      InvalidInput,
    );
    expect(() =>
      compileMetricValue(
        metric({ source: { kind: 'ledger', typeCode: 'ghost' } }),
        params,
        registry,
      ),
    ).toThrow(/未注册/);
  });

  it('compiles every metric of the catalogue', () => {
    for (const m of catalogueMetrics()) {
      const { value, drillDown } = compileMetric(m, params, registry);
      expect(value.sql).toContain('town_id in ($');
      expect(drillDown.sql).toContain('order by');
    }
  });
});

describe('compileMetricDrillDown', () => {
  it('pages the same rows by (date, id) after the cursor, fetching one extra row', () => {
    const m = metric({ unit: '元', aggregation: { fn: 'sum', field: 'amount' }, groupBy: 'kind' });
    const cursor = encodeCursor({ date: '2024-03-05', id: '0190a000-0000-7000-8000-0000000000ff' });
    const q = compileMetricDrillDown(m, { ...params, cursor, limit: 20 }, registry);
    expect(q.sql).toContain('select "id" as "id", cast("occurred_on" as text) as "period_key"');
    expect(q.sql).toContain(
      `cast((data->>'kind') as text) as "group_key", (data->>'amount')::numeric as "measure"`,
    );
    expect(q.sql).toContain('("occurred_on", id) > (cast($5 as date), cast($6 as uuid))');
    expect(q.sql).toMatch(/order by "occurred_on", "id" limit \$7$/);
    expect(q.parameters.slice(4)).toEqual([
      '2024-03-05',
      '0190a000-0000-7000-8000-0000000000ff',
      21,
    ]);
  });

  it('flags numerator rows of a rate and rejects a forged cursor', () => {
    const m = metric({
      unit: '%',
      aggregation: { fn: 'rate', numerator: [{ field: 'done', op: 'eq', value: true }] },
    });
    expect(compileMetricDrillDown(m, params, registry).sql).toContain(
      `coalesce(((data->>'done')::boolean = $1), false) as "in_numerator"`,
    );
    expect(() =>
      compileMetricDrillDown(m, { ...params, cursor: 'not-a-cursor' }, registry),
    ).toThrow(/游标/);
  });
});

describe('pluggable sources', () => {
  it('compiles an appeals metric once the appeals module registers its descriptor', () => {
    const appeals: SourceDescriptor = {
      label: '诉求',
      table: 'appeal',
      dateColumn: 'received_at',
      dateSqlType: 'timestamptz',
      unitColumn: 'unit_id',
      personColumn: null,
      rowColumns: ['kind', 'state'],
      baseWhere: [],
      fieldSql: (key) =>
        key === 'state' || key === 'kind' ? { valueType: 'text', sql: sql.ref(key) } : undefined,
    };
    const m = metricDeclarationSchema.parse({
      id: 'appeals.closure_rate',
      label: '办结率',
      unit: '%',
      source: { kind: 'appeals' },
      aggregation: {
        fn: 'rate',
        numerator: [{ field: 'state', op: 'in', value: ['closed', 'archived'] }],
      },
      filters: [{ field: 'kind', op: 'eq', value: 'hotline' }],
    });
    expect(() => compileMetricValue(m, params, registry)).toThrow(/未注册/);
    const withAppeals = createSourceRegistry([]);
    withAppeals.register('appeals', (s) => (s.kind === 'appeals' ? appeals : undefined));
    const q = compileMetricValue(m, { ...params, scope: { personId: PERSON } }, withAppeals);
    expect(q.sql).toContain('from "appeal"');
    expect(q.sql).toContain('"received_at" >= cast($');
    expect(q.sql).toContain('and false'); // no person column: a person scope sees nothing
    const d = compileMetricDrillDown(
      m,
      { ...params, cursor: encodeCursor({ date: '2024-03-05 08:00:00+08', id: PERSON }) },
      withAppeals,
    );
    expect(d.sql).toMatch(
      /\("received_at", id\) > \(cast\(\$\d+ as timestamptz\), cast\(\$\d+ as uuid\)\)/,
    );
  });
});
