/**
 * Ledger field values without React: which fields are live, a value as plain text (names for
 * people and units, option labels, 是/否, ¥ money), and record data ⇄ antd form values.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { LedgerField, LedgerType } from '../../api/ledgers.ts';
import type { Person, Unit } from '../../api/org.ts';

export interface RefData {
  people: Person[];
  units: Unit[];
  personName: Map<string, string>;
  unitName: Map<string, string>;
  loading: boolean;
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
