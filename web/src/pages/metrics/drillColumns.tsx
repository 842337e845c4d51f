/**
 * The columns of a metric's drill-down: date, the group, what the record adds (the measure of a
 * sum or distinct count, 计入分子 of a rate), then the ledger's first plain fields.
 */
import { Tag, type TableColumnsType } from 'antd';
import type { LedgerType } from '../../api/ledgers.ts';
import type { DrillItem, MetricInfo } from '../../api/metrics.ts';
import { liveFields, renderValue, valueText, type RefData } from '../ledgers/fieldValues.tsx';

interface Options {
  metric: MetricInfo;
  groupBy: string | undefined;
  type: LedgerType | undefined;
  refData: RefData;
  townId: string;
}

function measureColumns(metric: MetricInfo): TableColumnsType<DrillItem> {
  if (metric.aggregation === 'sum' || metric.aggregation === 'count_distinct')
    return [
      {
        title: metric.aggregation === 'sum' ? '计入数值' : '计数对象',
        dataIndex: 'measure',
        width: 110,
        render: (m: unknown) => (m === null ? '—' : String(m)),
      },
    ];
  if (metric.aggregation === 'rate')
    return [
      {
        title: '符合条件',
        dataIndex: 'inNumerator',
        width: 90,
        render: (v: boolean | null) => (v ? <Tag color="green">是</Tag> : <Tag>否</Tag>),
      },
    ];
  return [];
}

export function drillColumns({ metric, groupBy, type, refData, townId }: Options) {
  const fields = liveFields(type);
  const groupField = fields.find((f) => f.key === groupBy);
  const group: TableColumnsType<DrillItem> = groupBy
    ? [
        {
          title: groupField?.label ?? '分组',
          dataIndex: 'groupKey',
          width: 130,
          render: (k: string | null) => valueText(groupField, k, refData),
        },
      ]
    : [];
  const shown = fields
    .filter(
      (f) =>
        f.type !== 'long_text' &&
        f.type !== 'attachment' &&
        f.key !== type?.dateField &&
        f.key !== groupBy,
    )
    .slice(0, 5);
  const columns: TableColumnsType<DrillItem> = [
    { title: '日期', dataIndex: 'occurredOn', width: 110 },
    ...group,
    ...measureColumns(metric),
    ...shown.map((f) => ({
      title: f.label,
      key: f.key,
      dataIndex: ['data', f.key],
      ellipsis: f.type === 'text',
      render: (v: unknown) => renderValue(f, v, refData, townId),
    })),
  ];
  return columns;
}
