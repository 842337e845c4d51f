/**
 * Bar chart of a metric's groups exactly as the server computed them (`display` of each group).
 * Lazily loaded with only the bar chart registered from echarts/core.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface ChartBar {
  label: string;
  value: number | null;
}

export default function MetricChart({
  bars,
  unit,
  name,
}: {
  bars: ChartBar[];
  unit: string;
  name: string;
}) {
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      animationDuration: 300,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) =>
          v === null || v === undefined ? '—' : `${v as number} ${unit}`,
      },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.label),
        axisLabel: { interval: 0, rotate: bars.length > 8 ? 30 : 0 },
      },
      yAxis: { type: 'value', name: unit, minInterval: unit === '%' ? undefined : 1 },
      series: [
        {
          type: 'bar',
          name,
          data: bars.map((b) => b.value),
          itemStyle: { color: '#c8102e' },
          barMaxWidth: 40,
          label: { show: bars.length <= 16, position: 'top' },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [bars, unit, name]);

  return (
    <div
      ref={el}
      style={{ width: '100%', height: 300 }}
      role="img"
      aria-label={`${name}分组统计图`}
      data-testid="metric-chart"
    />
  );
}
