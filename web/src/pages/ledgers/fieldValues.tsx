/**
 * How ledger field values look and travel: display in tables (names for people and units, option
 * labels, 是/否, money with ¥), conversion to and from antd form values, and the reference data
 * (people, units) every ledger page needs. Shared by the ledger and metric pages.
 */
import { useMemo } from 'react';
import { Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  attachmentUrl,
  type FieldType,
  type LedgerField,
  type LedgerType,
} from '../../api/ledgers.ts';
import type { Person, Unit } from '../../api/org.ts';
import { usePeopleOptions, useUnits } from '../org/useOrgData.ts';

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: '文本',
  long_text: '长文本',
  number: '数字',
  money: '金额（元）',
  date: '日期',
  enum: '选项',
  boolean: '是/否',
  person: '人员',
  unit: '单位/村',
  attachment: '附件',
};

/** The portfolio codes a ledger type may belong to (server: core/ledger/type.ts). */
export const LEDGER_PORTFOLIOS = [
  'propaganda',
  'organization',
  'politics_law',
  'civil_affairs',
  'armed_forces',
  'transport',
  'discipline',
  'village_assistance',
  'economy',
  'safety',
  'environment',
  'petitions',
] as const;

export interface RefData {
  people: Person[];
  units: Unit[];
  personName: Map<string, string>;
  unitName: Map<string, string>;
  loading: boolean;
}

export function useRefData(): RefData {
  const people = usePeopleOptions();
  const units = useUnits();
  return useMemo(
    () => ({
      people: people.data ?? [],
      units: units.data ?? [],
      personName: new Map((people.data ?? []).map((p) => [p.id, p.name])),
      unitName: new Map((units.data ?? []).map((u) => [u.id, u.name])),
      loading: people.loading || units.loading,
    }),
    [people.data, people.loading, units.data, units.loading],
  );
}

export const liveFields = (t: LedgerType | undefined) =>
  (t?.fields ?? []).filter((f) => !f.removed);

const money = new Intl.NumberFormat('zh-CN', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Plain text of a value (charts, titles, group keys). */
export function valueText(field: LedgerField | undefined, value: unknown, ref: RefData): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!field) return String(value);
  switch (field.type) {
    case 'enum':
      return field.options?.find((o) => o.code === value)?.label ?? String(value);
    case 'boolean':
      return value === true || value === 'true' ? '是' : '否';
    case 'person':
      return ref.personName.get(String(value)) ?? '（已删除人员）';
    case 'unit':
      return ref.unitName.get(String(value)) ?? '（已删除单位）';
    case 'money':
      return `¥${money.format(Number(value))}`;
    case 'number':
      return `${value}${field.unit ? ` ${field.unit}` : ''}`;
    case 'attachment':
      return Array.isArray(value) ? `${value.length} 个附件` : '—';
    default:
      return String(value);
  }
}

/** A table cell for a value. */
export function renderValue(field: LedgerField, value: unknown, ref: RefData, townId: string) {
  if (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  ) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  if (field.type === 'enum') return <Tag>{valueText(field, value, ref)}</Tag>;
  if (field.type === 'attachment' && Array.isArray(value)) {
    return value.map((id, i) => (
      <a key={String(id)} href={attachmentUrl(townId, String(id))} style={{ marginRight: 8 }}>
        附件{i + 1}
      </a>
    ));
  }
  if (field.type === 'long_text')
    return (
      <Typography.Text ellipsis={{ tooltip: String(value) }} style={{ maxWidth: 260 }}>
        {String(value)}
      </Typography.Text>
    );
  if (field.type === 'text' && /^https?:\/\//.test(String(value)))
    return (
      <a href={String(value)} target="_blank" rel="noreferrer">
        {String(value)}
      </a>
    );
  return valueText(field, value, ref);
}

/** Record data → antd form values (dates become dayjs). */
export function toFormValues(
  type: LedgerType,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of liveFields(type)) {
    const v = data[f.key];
    if (v === undefined || v === null) continue;
    out[f.key] = f.type === 'date' ? dayjs(String(v)) : v;
  }
  return out;
}

/** antd form values → record data; empty inputs are left out so optional fields stay unset. */
export function fromFormValues(
  type: LedgerType,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of liveFields(type)) {
    const v = values[f.key];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    if (f.type === 'date') out[f.key] = (v as Dayjs).format('YYYY-MM-DD');
    else if (f.type === 'text' || f.type === 'long_text') out[f.key] = String(v).trim();
    else out[f.key] = v;
  }
  return out;
}
