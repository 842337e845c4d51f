/**
 * 指标 explorer: choose a metric (grouped by its ledger), a period (default this year) and a scope
 * (town / unit subtree / person) → the value as the server computed it, a breakdown bar chart
 * (server groups, ECharts loaded on demand) and the paged records behind the value. Nothing shown
 * here is computed in the browser. The choice lives in the URL so a view can be shared.
 */
import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ledgersApi } from '../../api/ledgers.ts';
import { metricsApi, type MetricQuery } from '../../api/metrics.ts';
import { useSession } from '../../session/session.tsx';
import { liveFields, useRefData, valueText } from '../ledgers/fieldValues.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { DrillTable } from './DrillTable.tsx';

const MetricChart = lazy(() => import('./MetricChart.tsx'));

type Scope = 'town' | 'unit' | 'person';
const AGG_LABELS: Record<string, string> = {
  count: '计数',
  sum: '求和',
  count_distinct: '去重计数',
  rate: '比率',
};
const PRESETS: { label: string; value: [Dayjs, Dayjs] }[] = [
  { label: '今年', value: [dayjs().startOf('year'), dayjs().endOf('year')] },
  {
    label: '去年',
    value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')],
  },
  {
    label: '本季度',
    value: [
      dayjs()
        .startOf('month')
        .subtract(dayjs().month() % 3, 'month'),
      dayjs()
        .startOf('month')
        .subtract(dayjs().month() % 3, 'month')
        .add(2, 'month')
        .endOf('month'),
    ],
  },
  { label: '本月', value: [dayjs().startOf('month'), dayjs().endOf('month')] },
  { label: '近 12 个月', value: [dayjs().subtract(12, 'month').add(1, 'day'), dayjs()] },
];

export default function MetricsPage() {
  const { townId } = useSession();
  const [params, setParams] = useSearchParams();
  const refData = useRefData();
  const metrics = useLoader((signal) => metricsApi.list(townId, signal), [townId]);

  const metricId = params.get('metric') ?? '';
  const from = params.get('from') ?? dayjs().startOf('year').format('YYYY-MM-DD');
  const to = params.get('to') ?? dayjs().endOf('year').format('YYYY-MM-DD');
  const scope = (params.get('scope') as Scope | null) ?? 'town';
  const unitId = scope === 'unit' ? (params.get('unitId') ?? undefined) : undefined;
  const personId = scope === 'person' ? (params.get('personId') ?? undefined) : undefined;
  const metric = metrics.data?.items.find((m) => m.id === metricId);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const type = useLoader(
    (signal) =>
      metric ? ledgersApi.type(townId, metric.typeCode, signal) : Promise.resolve(undefined),
    [townId, metric?.typeCode],
  );
  const fields = useMemo(() => liveFields(type.data), [type.data]);
  const breakdownOptions = fields
    .filter((f) => ['enum', 'unit', 'person', 'boolean'].includes(f.type))
    .map((f) => ({ value: f.key, label: f.label }));
  const groupBy = params.get('groupBy') ?? metric?.groupBy ?? type.data?.unitField ?? undefined;
  const groupField = fields.find((f) => f.key === groupBy);

  const base = useMemo<MetricQuery>(
    () => ({ from, to, unitId, personId }),
    [from, to, unitId, personId],
  );
  const drillQuery = useMemo<MetricQuery>(() => ({ ...base, groupBy }), [base, groupBy]);
  const value = useLoader(
    (signal) =>
      metric ? metricsApi.evaluate(townId, metric.id, base, signal) : Promise.resolve(undefined),
    [townId, metric, base],
  );
  const grouped = useLoader(
    (signal) =>
      metric && groupBy && groupBy !== metric.groupBy
        ? metricsApi.evaluate(townId, metric.id, drillQuery, signal)
        : Promise.resolve(undefined),
    [townId, metric, drillQuery],
  );
  const groups =
    (groupBy && groupBy !== metric?.groupBy ? grouped.data?.groups : value.data?.groups) ?? null;
  const bars = useMemo(
    () =>
      (groups ?? []).map((g) => ({
        label: valueText(groupField, g.key, refData),
        value: g.display,
      })),
    [groups, groupField, refData],
  );

  const metricOptions = useMemo(() => {
    const byType = new Map<
      string,
      { label: string; options: { value: string; label: string }[] }
    >();
    for (const m of metrics.data?.items ?? []) {
      const g = byType.get(m.typeCode) ?? { label: m.typeName, options: [] };
      g.options.push({ value: m.id, label: `${m.label}（${m.unit}）` });
      byType.set(m.typeCode, g);
    }
    return [...byType.values()];
  }, [metrics.data]);

  const v = value.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="指标">
        <Space wrap size={[12, 12]}>
          <Select
            data-testid="metric-select"
            style={{ width: 380 }}
            placeholder="选择指标（按台账分组，可输入查找）"
            showSearch={{ optionFilterProp: 'label' }}
            loading={metrics.loading}
            options={metricOptions}
            value={metric?.id}
            onChange={(id: string) => update({ metric: id, groupBy: undefined })}
          />
          <DatePicker.RangePicker
            data-testid="metric-period"
            allowClear={false}
            presets={PRESETS}
            value={[dayjs(from), dayjs(to)]}
            onChange={(r) =>
              r?.[0] &&
              r[1] &&
              update({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })
            }
          />
          <Segmented<Scope>
            value={scope}
            options={[
              { value: 'town', label: '全镇' },
              { value: 'unit', label: '单位及下级' },
              { value: 'person', label: '责任人' },
            ]}
            onChange={(s) => update({ scope: s === 'town' ? undefined : s })}
          />
          {scope === 'unit' && (
            <Select
              style={{ width: 220 }}
              placeholder="选择单位或村"
              showSearch={{ optionFilterProp: 'label' }}
              value={unitId}
              options={refData.units.map((u) => ({ value: u.id, label: u.name }))}
              onChange={(id: string) => update({ unitId: id })}
            />
          )}
          {scope === 'person' && (
            <Select
              style={{ width: 220 }}
              placeholder="选择人员"
              showSearch={{ optionFilterProp: 'label' }}
              value={personId}
              options={refData.people.map((p) => ({ value: p.id, label: p.name }))}
              onChange={(id: string) => update({ personId: id })}
            />
          )}
        </Space>
      </Card>
      {!metric ? (
        <Card>
          <Empty description={metrics.loading ? '正在加载指标…' : '请选择一个指标'} />
        </Card>
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <Card
                title={metric.label}
                loading={value.loading && !v}
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
                    {v?.groups
                      ? `本指标按“${fields.find((f) => f.key === metric.groupBy)?.label ?? metric.groupBy}”分组统计，各组数值见右侧图表。`
                      : '无数据'}
                  </Typography.Paragraph>
                )}
                {v && metric.aggregation === 'rate' && v.value !== null && (
                  <Typography.Paragraph type="secondary">
                    分子 {v.numerator ?? '—'} / 分母 {v.denominator ?? '—'}
                  </Typography.Paragraph>
                )}
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 13 }}>
                  {v ? `${v.period.from} 至 ${v.period.to}` : ''} ·{' '}
                  {scope === 'town'
                    ? '全镇'
                    : scope === 'unit'
                      ? `${refData.unitName.get(unitId ?? '') ?? '请选择单位'}（含下级）`
                      : `责任人：${refData.personName.get(personId ?? '') ?? '请选择人员'}`}
                  <br />
                  数据来源：{metric.typeName}台账 ·{' '}
                  {AGG_LABELS[metric.aggregation] ?? metric.aggregation}
                  {metric.description ? ` · ${metric.description}` : ''}
                </Typography.Paragraph>
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card
                title="构成"
                style={{ height: '100%' }}
                extra={
                  <Select
                    style={{ width: 180 }}
                    placeholder="分组字段"
                    value={groupBy}
                    options={breakdownOptions}
                    onChange={(g: string) => update({ groupBy: g })}
                  />
                }
              >
                {!groupBy ? (
                  <Empty description="选择分组字段查看构成" />
                ) : bars.length === 0 ? (
                  <Empty
                    description={
                      grouped.loading || value.loading ? '正在计算…' : '该期间和范围内没有记录'
                    }
                  />
                ) : (
                  <Suspense
                    fallback={
                      <div style={{ height: 300, display: 'grid', placeItems: 'center' }}>
                        <Spin />
                      </div>
                    }
                  >
                    <MetricChart bars={bars} unit={metric.unit} name={metric.label} />
                  </Suspense>
                )}
              </Card>
            </Col>
          </Row>
          <Card title="明细（构成该数值的记录）">
            <DrillTable
              key={JSON.stringify([metric.id, drillQuery])}
              metric={metric}
              query={drillQuery}
              type={type.data}
              refData={refData}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
