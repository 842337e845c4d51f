/**
 * One ECharts chart for the appeals dashboard (bar, line or gauges). Only those chart types are
 * registered and this file is loaded lazily, so ECharts never reaches the login or home pages.
 * Clicking a bar, point or gauge reports the index so the page can drill down to the orders.
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GaugeChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

const RED = '#c8102e';
const COLORS = [RED, '#1677ff', '#52c41a', '#fa8c16'];

export interface Series {
  name: string;
  type: 'bar' | 'line';
  values: (number | null)[];
  /** Values in % go on a second axis 0–100. */
  percent?: boolean;
}

export type KpiChartProps =
  | {
      variant: 'axis';
      categories: string[];
      series: Series[];
      height?: number;
      rotate?: number;
      onPick: (seriesIndex: number, index: number) => void;
      label: string;
    }
  | {
      variant: 'gauges';
      gauges: { name: string; value: number | null }[];
      height?: number;
      onPick: (seriesIndex: number, index: number) => void;
      label: string;
    };

function option(p: KpiChartProps): echarts.EChartsCoreOption {
  if (p.variant === 'gauges') {
    // Two per row so four gauges stay readable in a half-width card.
    const cols = Math.min(2, p.gauges.length);
    const rows = Math.ceil(p.gauges.length / cols);
    return {
      tooltip: { formatter: '{b}：{c}%' },
      series: p.gauges.map((g, i) => ({
        type: 'gauge',
        name: g.name,
        center: [
          `${(((i % cols) + 0.5) / cols) * 100}%`,
          `${((Math.floor(i / cols) + 0.55) / rows) * 100}%`,
        ],
        radius: `${Math.min(90, 92 / rows)}%`,
        min: 0,
        max: 100,
        startAngle: 210,
        endAngle: -30,
        progress: { show: true, width: 12, itemStyle: { color: COLORS[i % COLORS.length] } },
        axisLine: { lineStyle: { width: 12 } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        pointer: { show: false },
        title: { offsetCenter: [0, '78%'], fontSize: 14, color: '#595959' },
        detail: {
          valueAnimation: true,
          offsetCenter: [0, '5%'],
          fontSize: 22,
          formatter: (v: number) => (g.value === null ? '—' : `${v}%`),
          color: '#262626',
        },
        data: [{ value: g.value ?? 0, name: g.name }],
      })),
    };
  }
  const hasPercent = p.series.some((s) => s.percent);
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: p.categories,
      axisLabel: { interval: 0, rotate: p.rotate ?? 0 },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      ...(hasPercent
        ? [{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }]
        : []),
    ],
    series: p.series.map((s) => ({
      type: s.type,
      name: s.name,
      data: s.values,
      yAxisIndex: s.percent ? 1 : 0,
      barMaxWidth: 28,
      smooth: true,
      cursor: 'pointer',
    })),
  };
}

export default function KpiChart(props: KpiChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const pick = useEffectEvent(props.onPick);

  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption(option(props));
    chart.on('click', (e) => pick(e.seriesIndex ?? 0, e.dataIndex));
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify({ ...props, onPick: undefined })]);

  return (
    <div
      ref={el}
      style={{ width: '100%', height: props.height ?? 300 }}
      role="img"
      aria-label={props.label}
    />
  );
}
