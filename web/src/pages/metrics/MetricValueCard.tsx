/**
 * The metric's value as the server computed it (its display unit), the numerator and denominator
 * of a rate, the period and scope, and where it comes from; a grouped metric says it has no total.
 */
import { Card, Statistic, Typography } from 'antd';
import type { LedgerField } from '../../api/ledgers.ts';
import type { MetricInfo, MetricValue } from '../../api/metrics.ts';
import type { RefData } from '../ledgers/fieldFormat.ts';
import { AGG_LABELS, type MetricScope } from './metricChoices.ts';

interface Props {
  metric: MetricInfo;
  value: MetricValue | undefined;
  loading: boolean;
  fields: LedgerField[];
  scope: MetricScope;
  unitId: string | undefined;
  personId: string | undefined;
  refData: RefData;
}

function scopeText({ scope, unitId, personId, refData }: Props) {
  if (scope === 'town') return '全镇';
  if (scope === 'unit') return `${refData.unitName.get(unitId ?? '') ?? '请选择单位'}（含下级）`;
  return `责任人：${refData.personName.get(personId ?? '') ?? '请选择人员'}`;
}

export function MetricValueCard(props: Props) {
  const { metric, value: v, loading, fields } = props;
  const groupLabel = fields.find((f) => f.key === metric.groupBy)?.label ?? metric.groupBy;
  return (
    <Card
      title={metric.label}
      loading={loading && !v}
      style={{ height: '100%' }}
      data-testid="metric-value-card"
    >
      {v && v.value !== null ? (
        <Statistic
          data-testid="metric-value"
          value={v.display ?? v.value}
          suffix={metric.unit}
          styles={{ content: { fontSize: 44, color: '#c8102e', fontWeight: 600 } }}
        />
      ) : (
        <Typography.Paragraph type="secondary" data-testid="metric-value-grouped">
          {v?.groups ? `本指标按“${groupLabel}”分组统计，各组数值见右侧图表。` : '无数据'}
        </Typography.Paragraph>
      )}
      {v && metric.aggregation === 'rate' && v.value !== null && (
        <Typography.Paragraph type="secondary">
          分子 {v.numerator ?? '—'} / 分母 {v.denominator ?? '—'}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }}>
        {v ? `${v.period.from} 至 ${v.period.to}` : ''} · {scopeText(props)}
        <br />
        数据来源：{metric.typeName}台账 · {AGG_LABELS[metric.aggregation] ?? metric.aggregation}
        {metric.description ? ` · ${metric.description}` : ''}
      </Typography.Paragraph>
    </Card>
  );
}
