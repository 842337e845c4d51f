/**
 * How ledger field values look in tables (option tags, attachment links, long texts cut with a
 * tooltip, web links), the type and portfolio names, and the reference data (people, units) every
 * ledger page needs. Shared by the ledger and metric pages; the React-free parts (plain text,
 * form values) are in fieldFormat.ts.
 */
import { useMemo } from 'react';
import { Tag, Typography } from 'antd';
import { attachmentUrl, type FieldType, type LedgerField } from '../../api/ledgers.ts';
import { usePeopleOptions, useUnits } from '../org/useOrgData.ts';
import { valueText, type RefData } from './fieldFormat.ts';

export {
  fromFormValues,
  liveFields,
  toFormValues,
  valueText,
  type RefData,
} from './fieldFormat.ts';

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
  'agriculture',
  'urban_construction',
  'education_health',
  'social_security',
] as const;

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
