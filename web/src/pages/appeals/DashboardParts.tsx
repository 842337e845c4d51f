/**
 * Parts of 诉求分析: the four KPI loads of a year (totals, by month, village and category), the
 * figure cards with the composite score, and the charts (ECharts, loaded lazily). Every figure and
 * chart point opens the orders behind it.
 */
import { Card, Col, Empty, Row, Spin, Statistic, Tooltip, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import {
  appealsApi,
  type KpiGrouping,
  type KpiMetric,
  type KpiQuery,
  type KpiReport,
} from '../../api/appeals.ts';
import { useLoader, type Loaded } from '../../api/useLoader.ts';
import type { AppealRefs } from './refs.ts';

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
export const metric = (r: KpiReport | undefined, id: string) => r?.metrics.find((m) => m.id === id);
const totalOf = (m: KpiMetric | undefined) => (m?.result.kind === 'total' ? m.result : undefined);

export type OpenKpi = (
  metricId: string,
  groupBy?: KpiGrouping,
  group?: string | null,
  groupLabel?: string,
) => void;

type Report = Loaded<KpiReport | undefined>;

export function useKpiReports(townId: string, q: KpiQuery | null) {
  const key = JSON.stringify(q);
  const load = (groupBy?: KpiGrouping) => (signal: AbortSignal) =>
    q ? appealsApi.kpis(townId, { ...q, groupBy }, signal) : Promise.resolve(undefined);
  const totals = useLoader(load(), [townId, key]);
  const byMonth = useLoader(load('month'), [townId, key]);
  const byVillage = useLoader(load('village'), [townId, key]);
  const byCategory = useLoader(load('category'), [townId, key]);
  return { totals, byMonth, byVillage, byCategory };
}

function FigureCard({ m, open }: { m: KpiMetric; open: OpenKpi }) {
  const t = totalOf(m);
  return (
    <Tooltip title={m.description}>
      <Card size="small" hoverable onClick={() => open(m.id)} data-testid={`kpi-${m.id}`}>
        <Statistic
          title={m.label}
          value={t?.value ?? '—'}
          suffix={t?.value === null ? undefined : m.unit}
          precision={m.unit === '%' ? 2 : 0}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t?.denominator !== undefined ? `${t.numerator} / ${t.denominator} 件` : '点击查看工单'}
        </Typography.Text>
      </Card>
    </Tooltip>
  );
}

/** The figure cards, a note when the year has no orders, and the weighted composite score. */
export function KpiFigures({
  totals,
  year,
  open,
}: {
  totals: Report;
  year: number;
  open: OpenKpi;
}) {
  const data = totals.data;
  return (
    <Spin spinning={totals.loading}>
      <Row gutter={[16, 16]}>
        {(data?.metrics ?? []).map((m) => (
          <Col key={m.id} xs={12} md={8} xl={4}>
            <FigureCard m={m} open={open} />
          </Col>
        ))}
      </Row>
      {totalOf(metric(data, 'appeals.received'))?.value === 0 && (
        <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>
          {year} 年暂无工单，可在右上角切换年份。
        </Typography.Paragraph>
      )}
      {data && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          综合得分{' '}
          <Typography.Text strong style={{ fontSize: 18, color: '#c8102e' }}>
            {data.composite.kind === 'total' ? (data.composite.value ?? '—') : '—'}
          </Typography.Text>
          （响应率 {data.weights.response}% + 解决率 {data.weights.resolution}% + 满意率{' '}
          {data.weights.satisfaction}% 加权）
        </Typography.Paragraph>
      )}
    </Spin>
  );
}

/** Bars of orders received and a line of one rate, by month, village or category. */
function AxisChart({
  r,
  groupBy,
  label,
  rateId,
  rotate = 0,
  height = 320,
  open,
}: {
  r: KpiReport | undefined;
  groupBy: KpiGrouping;
  label: (k: string | null) => string;
  rateId: string;
  rotate?: number;
  height?: number;
  open: OpenKpi;
}) {
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
}

export function KpiCharts({
  reports,
  refs,
  open,
}: {
  reports: ReturnType<typeof useKpiReports>;
  refs: AppealRefs;
  open: OpenKpi;
}) {
  const { totals, byMonth, byVillage, byCategory } = reports;
  const catName = (k: string | null) => (k ? refs.categoryName(k) : '未分类');
  const villageName = (k: string | null) => (k ? refs.unitName(k) : '镇区/不涉及村');
  const monthName = (k: string | null) => (k ? `${Number(k.slice(5))}月` : '—');
  const gauges = GAUGES.map((id) => ({ id, m: metric(totals.data, id) }));
  return (
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
            <AxisChart
              r={byMonth.data}
              groupBy="month"
              label={monthName}
              rateId="appeals.closure_rate"
              height={356}
              open={open}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="各村（社区）受理量与满意率" loading={byVillage.loading && !byVillage.data}>
            <AxisChart
              r={byVillage.data}
              groupBy="village"
              label={villageName}
              rateId="appeals.satisfaction_rate"
              rotate={40}
              open={open}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="各类别受理量与按时办结率" loading={byCategory.loading && !byCategory.data}>
            <AxisChart
              r={byCategory.data}
              groupBy="category"
              label={catName}
              rateId="appeals.on_time_closure_rate"
              rotate={40}
              open={open}
            />
          </Card>
        </Col>
      </Row>
    </Suspense>
  );
}
