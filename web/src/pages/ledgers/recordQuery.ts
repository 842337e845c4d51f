/**
 * A record list's filters as the server takes them: the type's date field as the period, its
 * unit field as a subtree, other option / person / unit / date / 是否 fields as field filters.
 * Also the query of the Excel export.
 */
import type { Dayjs } from 'dayjs';
import type { FieldFilter, LedgerField, LedgerType, RecordQuery } from '../../api/ledgers.ts';
import { liveFields } from './fieldFormat.ts';

/** Filter values keyed by field key: string[] (enum), string (person/unit/boolean), [Dayjs, Dayjs] (date). */
export type FilterValues = Record<string, unknown>;

const FILTERABLE = new Set(['enum', 'date', 'unit', 'person', 'boolean']);

export function filterableFields(type: LedgerType): LedgerField[] {
  return liveFields(type).filter((f) => FILTERABLE.has(f.type));
}

export function toQuery(
  type: LedgerType,
  values: FilterValues,
): Pick<RecordQuery, 'from' | 'to' | 'unitId' | 'filters'> {
  const q: Pick<RecordQuery, 'from' | 'to' | 'unitId' | 'filters'> = { filters: [] };
  const filters: FieldFilter[] = [];
  for (const f of filterableFields(type)) {
    const v = values[f.key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (f.type === 'date') {
      const [a, b] = v as [Dayjs, Dayjs];
      const from = a.format('YYYY-MM-DD');
      const to = b.format('YYYY-MM-DD');
      if (f.key === type.dateField) Object.assign(q, { from, to });
      else filters.push({ field: f.key, op: 'between', value: [from, to] });
    } else if (f.type === 'unit' && f.key === type.unitField) {
      q.unitId = String(v);
    } else if (f.type === 'enum') {
      filters.push({ field: f.key, op: 'in', value: v as string[] }); // a multiple select
    } else if (f.type === 'boolean') {
      filters.push({ field: f.key, op: 'eq', value: v === 'true' });
    } else {
      filters.push({ field: f.key, op: 'eq', value: v as string | number });
    }
  }
  q.filters = filters;
  return q;
}
