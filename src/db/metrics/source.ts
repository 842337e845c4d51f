/**
 * Metric sources: a descriptor per kind of source (table, date/unit/person columns, how a field
 * key becomes a typed SQL expression) and the registry that resolves a declaration's source.
 * Ledgers are one descriptor per ledger type; the appeals module registers its own later.
 */
import { sql, type AliasedRawBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { InvalidInput } from '../../core/errors.ts';
import type { LedgerType } from '../../core/ledger/type.ts';
import { fieldInfo } from '../../core/ledger/type.ts';
import type { FieldInfo, MetricSource } from '../../core/metrics/declaration.ts';

/** A field of a source as SQL: an expression of the field's type, plus what it holds. */
export interface SourceField extends FieldInfo {
  sql: RawBuilder<unknown>;
}

/** What a source computed on a date is given: the evaluation's period and its caller's day. */
export interface SourceDate {
  period: { from: string; to: string };
  asOf?: string;
}

export interface SourceDescriptor {
  /** Chinese name, for messages. */
  label: string;
  /** A table or view, or rows computed for the evaluation (e.g. missing meetings as of a day). */
  table: string | ((at: SourceDate) => AliasedRawBuilder<any, any>);
  /** Column placing a row in a period, and its SQL type (used for casts of cursor values). */
  dateColumn: string;
  dateSqlType: 'date' | 'timestamptz';
  /** Column scoping a row to a unit/village, and the one naming its owner person. */
  unitColumn: string | null;
  personColumn: string | null;
  /** Columns a drill-down page shows besides id and period date. */
  rowColumns: readonly string[];
  /** Predicates every query over this source carries (e.g. its ledger type, not deleted). */
  baseWhere: readonly RawBuilder<SqlBool>[];
  fieldSql(key: string): SourceField | undefined;
}

/** Field keys are validated snake_case, so they are inlined as literals: an expression index on
 *  `data->>'key'` only matches a literal key, and GROUP BY must repeat the select expression. */
function dataKey(key: string): RawBuilder<unknown> {
  if (!/^[a-z][a-z0-9_]*$/.test(key))
    throw new InvalidInput('字段标识不合法', [
      { path: 'field', label: key, message: '字段标识不合法' },
    ]);
  return sql.lit(key);
}

export function ledgerDataSql(key: string, info: FieldInfo): RawBuilder<unknown> {
  const k = dataKey(key);
  switch (info.valueType) {
    case 'number':
    case 'money':
      return sql`(data->>${k})::numeric`;
    case 'date':
      return sql`(data->>${k})::date`;
    case 'boolean':
      return sql`(data->>${k})::boolean`;
    case 'list':
      return sql`(data->${k})`;
    default:
      return sql`(data->>${k})`;
  }
}

/** The descriptor of one ledger type over `ledger_record`; role fields map to their columns. */
export function ledgerSource(type: LedgerType): SourceDescriptor {
  const columns: Record<string, string> = { [type.dateField]: 'occurred_on' };
  if (type.unitField) columns[type.unitField] = 'unit_id';
  if (type.personField) columns[type.personField] = 'person_id';
  return {
    label: type.name,
    table: 'ledger_record',
    dateColumn: 'occurred_on',
    dateSqlType: 'date',
    unitColumn: 'unit_id',
    personColumn: 'person_id',
    rowColumns: [
      'type_version',
      'unit_id',
      'person_id',
      'data',
      'created_by',
      'created_at',
      'updated_at',
      'version',
    ],
    baseWhere: [sql<SqlBool>`type_code = ${type.code}`, sql<SqlBool>`deleted_at is null`],
    fieldSql(key) {
      const field = type.fields.find((f) => f.key === key && !f.removed);
      if (!field) return undefined;
      const info = fieldInfo(field);
      const column = columns[key];
      return { ...info, sql: column ? sql.ref(column) : ledgerDataSql(key, info) };
    },
  };
}

type Resolver = (source: MetricSource) => SourceDescriptor | undefined;

/** Resolves a declaration's source to its descriptor; kinds register themselves. */
export interface SourceRegistry {
  register(kind: MetricSource['kind'], resolver: Resolver): void;
  resolve(source: MetricSource): SourceDescriptor;
}

export function createSourceRegistry(ledgerTypes: readonly LedgerType[]): SourceRegistry {
  const resolvers = new Map<string, Resolver>();
  const ledgers = new Map(ledgerTypes.map((t) => [t.code, ledgerSource(t)]));
  resolvers.set('ledger', (s) => (s.kind === 'ledger' ? ledgers.get(s.typeCode) : undefined));
  return {
    register(kind, resolver) {
      resolvers.set(kind, resolver);
    },
    resolve(source) {
      const found = resolvers.get(source.kind)?.(source);
      if (found) return found;
      const what = source.kind === 'ledger' ? `台账类型“${source.typeCode}”` : '诉求数据源';
      throw new InvalidInput(`${what}未注册，无法计算指标`, [
        { path: 'source', label: '数据源', message: `${what}未注册` },
      ]);
    },
  };
}

/** The FROM item of a source for one evaluation (for the untyped query builder of the compiler). */
export function sourceFrom(source: SourceDescriptor, at: SourceDate): any {
  return typeof source.table === 'string' ? source.table : source.table(at);
}
