/**
 * Bar chart: how many current positions hold each portfolio. A portfolio with no holder is a
 * gap the town should fill before the annual duty reports. Only the bar chart is registered, so
 * this chunk carries a fraction of ECharts.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Portfolio, Position } from '../../api/org.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export default function PortfolioChart({
  positions,
  portfolios,
}: {
  positions: Position[];
  portfolios: Portfolio[];
}) {
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const counts = portfolios.map(
      (p) => positions.filter((pos) => pos.portfolios.includes(p.code)).length,
    );
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: portfolios.map((p) => p.name),
        axisLabel: { interval: 0, rotate: 30 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: '分管人数',
          data: counts,
          itemStyle: { color: '#c8102e' },
          barMaxWidth: 32,
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [positions, portfolios]);

  return (
    <div
      ref={el}
      style={{ width: '100%', height: 300 }}
      role="img"
      aria-label="班子成员分管领域统计图"
    />
  );
}
