/** 构成: the metric's server groups by a chosen field as a bar chart (ECharts, loaded on demand). */
import { lazy, Suspense } from 'react';
import { Card, Empty, Select, Spin } from 'antd';
import type { MetricInfo } from '../../api/metrics.ts';

const MetricChart = lazy(() => import('./MetricChart.tsx'));

interface Props {
  metric: MetricInfo;
  groupBy: string | undefined;
  options: { value: string; label: string }[];
  bars: { label: string; value: number | null }[];
  loading: boolean;
  onGroupBy: (field: string) => void;
}

export function MetricBreakdownCard({ metric, groupBy, options, bars, loading, onGroupBy }: Props) {
  return (
    <Card
      title="构成"
      style={{ height: '100%' }}
      extra={
        <Select
          style={{ width: 180 }}
          placeholder="分组字段"
          value={groupBy}
          options={options}
          onChange={onGroupBy}
        />
      }
    >
      {!groupBy ? (
        <Empty description="选择分组字段查看构成" />
      ) : bars.length === 0 ? (
        <Empty description={loading ? '正在计算…' : '该期间和范围内没有记录'} />
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
  );
}
