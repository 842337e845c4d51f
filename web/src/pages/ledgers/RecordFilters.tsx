/**
 * Filter bar of a record list, generated from the type: a date range on the type's date field,
 * the unit field as a subtree filter, and option / person / other unit / date / 是否 fields as
 * metric-style field filters. Emits the list query the server understands (also used by export).
 */
import { useMemo } from 'react';
import { Button, DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { FieldFilter, LedgerField, LedgerType, RecordQuery } from '../../api/ledgers.ts';
import { liveFields, type RefData } from './fieldValues.tsx';

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

interface Props {
  type: LedgerType;
  refData: RefData;
  values: FilterValues;
  onChange: (v: FilterValues) => void;
}

export function RecordFilters({ type, refData, values, onChange }: Props) {
  const fields = useMemo(() => filterableFields(type), [type]);
  const unitOptions = useMemo(
    () => refData.units.map((u) => ({ value: u.id, label: u.name })),
    [refData.units],
  );
  const personOptions = useMemo(
    () => refData.people.map((p) => ({ value: p.id, label: p.name })),
    [refData.people],
  );
  const set = (key: string, v: unknown) => onChange({ ...values, [key]: v });
  const active = Object.values(values).some(
    (v) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0),
  );

  return (
    <Space wrap size={[8, 8]} data-testid="record-filters">
      {fields.map((f) => {
        const common = { allowClear: true, value: values[f.key] as never, style: { width: 180 } };
        switch (f.type) {
          case 'date':
            return (
              <DatePicker.RangePicker
                key={f.key}
                value={(values[f.key] as [Dayjs, Dayjs]) ?? null}
                onChange={(v) => set(f.key, v ?? undefined)}
                placeholder={[`${f.label}起`, '止']}
                style={{ width: 250 }}
              />
            );
          case 'enum':
            return (
              <Select
                key={f.key}
                {...common}
                mode="multiple"
                maxTagCount="responsive"
                placeholder={f.label}
                options={(f.options ?? []).map((o) => ({ value: o.code, label: o.label }))}
                onChange={(v) => set(f.key, v)}
              />
            );
          case 'unit':
            return (
              <Select
                key={f.key}
                {...common}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={f.key === type.unitField ? `${f.label}（含下级）` : f.label}
                options={unitOptions}
                onChange={(v) => set(f.key, v)}
              />
            );
          case 'person':
            return (
              <Select
                key={f.key}
                {...common}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={f.label}
                options={personOptions}
                onChange={(v) => set(f.key, v)}
              />
            );
          default:
            return (
              <Select
                key={f.key}
                {...common}
                style={{ width: 130 }}
                placeholder={f.label}
                options={[
                  { value: 'true', label: '是' },
                  { value: 'false', label: '否' },
                ]}
                onChange={(v) => set(f.key, v)}
              />
            );
        }
      })}
      {active && <Button onClick={() => onChange({})}>清除筛选</Button>}
    </Space>
  );
}
