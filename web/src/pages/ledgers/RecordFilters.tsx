/**
 * Filter bar of a record list, generated from the type: a date range on the type's date field,
 * the unit field as a subtree filter, and option / person / other unit / date / 是否 fields as
 * metric-style field filters (recordQuery.ts turns the values into the list query).
 */
import { useMemo } from 'react';
import { Button, DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { LedgerField, LedgerType } from '../../api/ledgers.ts';
import type { RefData } from './fieldFormat.ts';
import { filterableFields, type FilterValues } from './recordQuery.ts';

export { toQuery, type FilterValues } from './recordQuery.ts';

interface Props {
  type: LedgerType;
  refData: RefData;
  values: FilterValues;
  onChange: (v: FilterValues) => void;
}

interface ControlProps {
  field: LedgerField;
  type: LedgerType;
  value: unknown;
  onChange: (v: unknown) => void;
  /** People for a person field, units for a unit field. */
  options: { value: string; label: string }[];
}

/** The control of one field: a date range, a multiple select of options, one person/unit, 是/否. */
function FilterControl({ field: f, type, value, onChange, options }: ControlProps) {
  const common = { allowClear: true, value: value as never, style: { width: 180 }, onChange };
  switch (f.type) {
    case 'date':
      return (
        <DatePicker.RangePicker
          value={(value as [Dayjs, Dayjs]) ?? null}
          onChange={(v) => onChange(v ?? undefined)}
          placeholder={[`${f.label}起`, '止']}
          style={{ width: 250 }}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          mode="multiple"
          maxTagCount="responsive"
          placeholder={f.label}
          options={f.options.map((o) => ({ value: o.code, label: o.label }))}
        />
      );
    case 'unit':
    case 'person':
      return (
        <Select
          {...common}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={f.key === type.unitField ? `${f.label}（含下级）` : f.label}
          options={options}
        />
      );
    default:
      return (
        <Select
          {...common}
          style={{ width: 130 }}
          placeholder={f.label}
          options={[
            { value: 'true', label: '是' },
            { value: 'false', label: '否' },
          ]}
        />
      );
  }
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
      {fields.map((f) => (
        <FilterControl
          key={f.key}
          field={f}
          type={type}
          value={values[f.key]}
          onChange={(v) => set(f.key, v)}
          options={f.type === 'person' ? personOptions : unitOptions}
        />
      ))}
      {active && <Button onClick={() => onChange({})}>清除筛选</Button>}
    </Space>
  );
}
