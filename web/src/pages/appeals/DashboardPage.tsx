/**
 * 诉求分析: the KPIs of DESIGN 5 for a year (cohort of orders received), as figures, gauges and
 * charts by month, village and category. Every number comes from the KPI endpoint and every
 * figure opens the orders behind it (drill-down endpoint); nothing is computed in the browser.
 */
import { Card, DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { KpiQuery } from '../../api/appeals.ts';
import { useSession } from '../../session/session.tsx';
import { KpiCharts, KpiFigures, metric, useKpiReports, type OpenKpi } from './DashboardParts.tsx';
import { KpiOrdersDrawer, type Drill } from './KpiOrdersDrawer.tsx';
import { useAppealRefs } from './refs.ts';
import { currentYear } from '../../lib/time.ts';

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
  const reports = useKpiReports(townId, q);

  const open: OpenKpi = (metricId, groupBy, group, groupLabel) => {
    if (!q) return;
    const m = metric(reports.totals.data, metricId);
    setDrill({
      metricId,
      query: { ...q, groupBy },
      group: groupBy ? (group ?? '') : undefined,
      title: `${m?.label ?? metricId}${groupLabel ? ` · ${groupLabel}` : ''}：工单明细`,
    });
  };

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
        <KpiFigures totals={reports.totals} year={year.year()} open={open} />
      </Card>
      <KpiCharts reports={reports} refs={refs} open={open} />
      <KpiOrdersDrawer drill={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
