/**
 * 诉求分析: the KPIs of DESIGN 5 for a year (cohort of orders received), as figures, gauges and
 * charts by month, village and category. Every number comes from the KPI endpoint and every
 * figure opens the orders behind it (drill-down endpoint); nothing is computed in the browser.
 */
import {
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  appealsApi,
  type KpiGrouping,
  type KpiMetric,
  type KpiQuery,
  type KpiReport,
} from '../../api/appeals.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { KpiOrdersDrawer, type Drill } from './KpiOrdersDrawer.tsx';
import { useAppealRefs } from './refs.ts';
import { currentYear } from '../../lib/time.ts';

const KpiChart = lazy(() => import('./KpiChart.tsx'));
const GAUGES = [
  'appeals.response_rate',
  'appeals.resolution_rate',
  'appeals.satisfaction_rate',
  'appeals.on_time_closure_rate',
];

type Grouped = { key: string | null; value: number | null }[];
function groupsOf(r: KpiReport | undefined, id: string): Grouped {
  const m = r?.metrics.find((x) => x.id === id);
  return m?.result.kind === 'grouped' ? m.result.groups : [];
}
const metric = (r: KpiReport | undefined, id: string) => r?.metrics.find((m) => m.id === id);
const totalOf = (m: KpiMetric | undefined) => (m?.result.kind === 'total' ? m.result : undefined);

export default function DashboardPage() {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const [params, setParams] = useSearchParams();
  const year = dayjs(`${params.get('year') ?? currentYear()}-01-01`);
  const setYear = (d: Dayjs) => setParams({ year: String(d.year()) });
  const [kind, setKind] = useState<KpiQuery['kind']>();
  const [drill, setDrill] = useState<Drill | null>(null);

  const q: KpiQuery | null = year.isValid()
    ? {
        from: year.startOf('year').format('YYYY-MM-DD'),
        to: year.endOf('year').format('YYYY-MM-DD'),
        kind,
      }
    : null;
  const key = JSON.stringify(q);
  const load = (groupBy?: KpiGrouping) => (signal: AbortSignal) =>
    q ? appealsApi.kpis(townId, { ...q, groupBy }, signal) : Promise.resolve(undefined);
  const totals = useLoader(load(), [townId, key]);
  const byMonth = useLoader(load('month'), [townId, key]);
  const byVillage = useLoader(load('village'), [townId, key]);
  const byCategory = useLoader(load('category'), [townId, key]);

  const open = (
    metricId: string,
    groupBy?: KpiGrouping,
    group?: string | null,
    groupLabel?: string,
  ) => {
    if (!q) return;
    const m = metric(totals.data, metricId);
    setDrill({
      metricId,
      query: { ...q, groupBy },
      group: groupBy ? (group ?? '') : undefined,
      title: `${m?.label ?? metricId}${groupLabel ? ` · ${groupLabel}` : ''}：工单明细`,
    });
  };

  const axisChart = (
    r: KpiReport | undefined,
    groupBy: KpiGrouping,
    label: (k: string | null) => string,
    rateId: string,
    rotate = 0,
    height = 320,
  ) => {
    const received = groupsOf(r, 'appeals.received');
    const rate = groupsOf(r, rateId);
    if (!received.length)
      return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该期间没有工单" />;
    const ids = ['appeals.received', rateId];
    return (
      <KpiChart
        variant="axis"
        label={`按${groupBy}统计`}
        rotate={rotate}
        height={height}
        categories={received.map((g) => label(g.key))}
        series={[
          { name: '受理量', type: 'bar', values: received.map((g) => g.value) },
          {
            name: metric(r, rateId)?.label ?? rateId,
            type: 'line',
            percent: true,
            values: received.map((g) => rate.find((x) => x.key === g.key)?.value ?? null),
          },
        ]}
        onPick={(s, i) => open(ids[s]!, groupBy, received[i]?.key, label(received[i]?.key ?? null))}
      />
    );
  };

  const catName = (k: string | null) => (k ? refs.categoryName(k) : '未分类');
  const villageName = (k: string | null) => (k ? refs.unitName(k) : '镇区/不涉及村');
  const gauges = GAUGES.map((id) => ({ id, m: metric(totals.data, id) }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="appeal-dashboard">
      <Card
        title="诉求分析"
        extra={
          <Space>
            <Select
              allowClear
              placeholder="全部类型"
              style={{ width: 160 }}
              value={kind}
              onChange={setKind}
              options={refs.kinds.map((k) => ({ value: k.kind, label: k.label }))}
            />
            <DatePicker
              picker="year"
              value={year}
              onChange={(d) => d && setYear(d)}
              allowClear={false}
            />
          </Space>
        }
      >
        <Spin spinning={totals.loading}>
          <Row gutter={[16, 16]}>
            {(totals.data?.metrics ?? []).map((m) => {
              const t = totalOf(m);
              return (
                <Col key={m.id} xs={12} md={8} xl={4}>
                  <Tooltip title={m.description}>
                    <Card
                      size="small"
                      hoverable
                      onClick={() => open(m.id)}
                      data-testid={`kpi-${m.id}`}
                    >
                      <Statistic
                        title={m.label}
                        value={t?.value ?? '—'}
                        suffix={t?.value === null ? undefined : m.unit}
                        precision={m.unit === '%' ? 2 : 0}
                      />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t?.denominator !== undefined
                          ? `${t.numerator} / ${t.denominator} 件`
                          : '点击查看工单'}
                      </Typography.Text>
                    </Card>
                  </Tooltip>
                </Col>
              );
            })}
          </Row>
          {totalOf(metric(totals.data, 'appeals.received'))?.value === 0 && (
            <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>
              {year.year()} 年暂无工单，可在右上角切换年份。
            </Typography.Paragraph>
          )}
          {totals.data && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              综合得分{' '}
              <Typography.Text strong style={{ fontSize: 18, color: '#c8102e' }}>
                {totals.data.composite.kind === 'total'
                  ? (totals.data.composite.value ?? '—')
                  : '—'}
              </Typography.Text>
              （响应率 {totals.data.weights.response}% + 解决率 {totals.data.weights.resolution}% +
              满意率 {totals.data.weights.satisfaction}% 加权）
            </Typography.Paragraph>
          )}
        </Spin>
      </Card>
      <Suspense fallback={<Spin style={{ display: 'block', margin: 40 }} />}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Card title="三率与按时办结率" loading={totals.loading && !totals.data}>
              <KpiChart
                variant="gauges"
                label="三率与按时办结率"
                height={356}
                gauges={gauges.map(({ m }) => ({
                  name: m?.label ?? '',
                  value: totalOf(m)?.value ?? null,
                }))}
                onPick={(s) => open(gauges[s]!.id)}
              />
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card title="月度趋势（受理量、办结率）" loading={byMonth.loading && !byMonth.data}>
              {axisChart(
                byMonth.data,
                'month',
                (k) => (k ? `${Number(k.slice(5))}月` : '—'),
                'appeals.closure_rate',
                0,
                356,
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="各村（社区）受理量与满意率" loading={byVillage.loading && !byVillage.data}>
              {axisChart(byVillage.data, 'village', villageName, 'appeals.satisfaction_rate', 40)}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="各类别受理量与按时办结率" loading={byCategory.loading && !byCategory.data}>
              {axisChart(byCategory.data, 'category', catName, 'appeals.on_time_closure_rate', 40)}
            </Card>
          </Col>
        </Row>
      </Suspense>
      <KpiOrdersDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
