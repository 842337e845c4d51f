/**
 * 指标 explorer: choose a metric (grouped by its ledger), a period (default this year) and a scope
 * (town / unit subtree / person) → the value as the server computed it, a breakdown bar chart
 * (server groups, ECharts loaded on demand) and the paged records behind the value. Nothing shown
 * here is computed in the browser. The choice lives in the URL so a view can be shared.
 */
import { useMemo } from 'react';
import { Card, Col, Empty, Row, Space } from 'antd';
import { metricsApi } from '../../api/metrics.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { useRefData, valueText } from '../ledgers/fieldValues.tsx';
import { DrillTable } from './DrillTable.tsx';
import { MetricBreakdownCard } from './MetricBreakdownCard.tsx';
import { metricOptions } from './metricChoices.ts';
import { MetricControls } from './MetricControls.tsx';
import { MetricValueCard } from './MetricValueCard.tsx';
import { useMetricView } from './useMetricView.ts';

export default function MetricsPage() {
  const { townId } = useSession();
  const refData = useRefData();
  const metrics = useLoader((signal) => metricsApi.list(townId, signal), [townId]);
  const view = useMetricView(townId, metrics.data?.items);
  const { metric, groups, groupField } = view;
  const options = useMemo(() => metricOptions(metrics.data?.items ?? []), [metrics.data]);
  const bars = useMemo(
    () =>
      (groups ?? []).map((g) => ({
        label: valueText(groupField, g.key, refData),
        value: g.display,
      })),
    [groups, groupField, refData],
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="指标">
        <MetricControls
          {...view}
          metricOptions={options}
          loading={metrics.loading}
          metricId={metric?.id}
          refData={refData}
        />
      </Card>
      {!metric ? (
        <Card>
          <Empty description={metrics.loading ? '正在加载指标…' : '请选择一个指标'} />
        </Card>
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <MetricValueCard
                {...view}
                metric={metric}
                value={view.value.data}
                loading={view.value.loading}
                refData={refData}
              />
            </Col>
            <Col xs={24} lg={16}>
              <MetricBreakdownCard
                metric={metric}
                groupBy={view.groupBy}
                options={view.breakdownOptions}
                bars={bars}
                loading={view.groupsLoading}
                onGroupBy={(g) => view.update({ groupBy: g })}
              />
            </Col>
          </Row>
          <Card title="明细（构成该数值的记录）">
            <DrillTable
              key={JSON.stringify([metric.id, view.drillQuery])}
              metric={metric}
              query={view.drillQuery}
              type={view.type}
              refData={refData}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
