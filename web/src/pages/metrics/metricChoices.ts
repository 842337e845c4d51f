/** The choices of the 指标 page: period presets, aggregation names, metrics grouped by ledger. */
import type { Dayjs } from 'dayjs';
import type { MetricInfo } from '../../api/metrics.ts';
import { townToday } from '../../lib/time.ts';

export type MetricScope = 'town' | 'unit' | 'person';

export const AGG_LABELS: Record<string, string> = {
  count: '计数',
  sum: '求和',
  count_distinct: '去重计数',
  rate: '比率',
};

/** 今年, 去年, 本季度, 本月, 近 12 个月, as of `today`. */
export function periodPresets(
  today: Dayjs = townToday(),
): { label: string; value: [Dayjs, Dayjs] }[] {
  const lastYear = today.subtract(1, 'year');
  const quarter = today.startOf('month').subtract(today.month() % 3, 'month');
  return [
    { label: '今年', value: [today.startOf('year'), today.endOf('year')] },
    { label: '去年', value: [lastYear.startOf('year'), lastYear.endOf('year')] },
    { label: '本季度', value: [quarter, quarter.add(2, 'month').endOf('month')] },
    { label: '本月', value: [today.startOf('month'), today.endOf('month')] },
    { label: '近 12 个月', value: [today.subtract(12, 'month').add(1, 'day'), today] },
  ];
}

/** Select options: metrics grouped under the ledger they count, with their unit. */
export function metricOptions(metrics: readonly MetricInfo[]) {
  const byType = new Map<string, { label: string; options: { value: string; label: string }[] }>();
  for (const m of metrics) {
    const g = byType.get(m.typeCode) ?? { label: m.typeName, options: [] };
    g.options.push({ value: m.id, label: `${m.label}（${m.unit}）` });
    byType.set(m.typeCode, g);
  }
  return [...byType.values()];
}
