/**
 * 县级排名: the towns the county supervisor (or admin) holds grants in, ranked by 响应率, 解决率,
 * 满意率 or the composite for the same period as the bulletin. Figures come from each town's KPIs;
 * clicking one opens that town's orders behind it (the server checks the grant for that town).
 */
import { Card, Radio, Table, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useLoader } from '../../api/useLoader.ts';
import { analysisApi, type RankBy, type RankingCell, type RankingRow } from './analysisApi.ts';
import type { BulletinFigure } from './BulletinDrill.tsx';

type Open = (r: RankingRow, metricId: string, label: string) => void;

const SORTS = [
  { value: 'composite', label: '综合得分' },
  { value: 'response_rate', label: '响应率' },
  { value: 'resolution_rate', label: '解决率' },
  { value: 'satisfaction_rate', label: '满意率' },
];

/** A rate as a link to the orders behind it (numerator / denominator in the tooltip). */
function rateCell(open: Open, r: RankingRow, c: RankingCell, metric: string, label: string) {
  return c.value === null ? (
    '—'
  ) : (
    <Tooltip title={`${c.numerator} / ${c.denominator} 件，点击查看工单`}>
      <a data-testid={`rank-${metric}`} onClick={() => open(r, `appeals.${metric}`, label)}>
        {c.value.toFixed(2)}%
      </a>
    </Tooltip>
  );
}

function rankingColumns(open: Open): TableColumnsType<RankingRow> {
  const rate = (title: string, metric: string, of: (r: RankingRow) => RankingCell) => ({
    title,
    width: 100,
    align: 'right' as const,
    render: (_: unknown, r: RankingRow) => rateCell(open, r, of(r), metric, title),
  });
  return [
    { title: '名次', dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
    { title: '乡镇', dataIndex: 'townName' },
    {
      title: '受理量',
      dataIndex: 'received',
      width: 90,
      align: 'right',
      render: (n: number, r) => (
        <a data-testid="rank-received" onClick={() => open(r, 'appeals.received', '受理量')}>
          {n}
        </a>
      ),
    },
    rate('响应率', 'response_rate', (r) => r.responseRate),
    rate('解决率', 'resolution_rate', (r) => r.resolutionRate),
    rate('满意率', 'satisfaction_rate', (r) => r.satisfactionRate),
    {
      title: '综合得分',
      dataIndex: 'composite',
      width: 100,
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
  ];
}

export function RankingCard({
  from,
  to,
  onFigure,
}: {
  from: string;
  to: string;
  onFigure: (f: BulletinFigure) => void;
}) {
  const open: Open = (r, metricId, label) =>
    onFigure({
      townId: r.townId,
      metricId,
      params: { from, to },
      title: `${r.townName}${label}：工单明细（只读）`,
    });
  const [sort, setSort] = useState<RankBy>('composite');
  const ranking = useLoader(
    (signal) => analysisApi.ranking({ from, to, sort }, signal),
    [from, to, sort],
  );
  return (
    <Card
      title="县级排名（所辖乡镇）"
      data-testid="county-ranking"
      extra={
        <Radio.Group
          size="small"
          value={sort}
          onChange={(e) => setSort(e.target.value)}
          options={SORTS}
          optionType="button"
        />
      }
    >
      <Table<RankingRow>
        rowKey="townId"
        size="small"
        loading={ranking.loading}
        dataSource={ranking.data?.items ?? []}
        pagination={false}
        columns={rankingColumns(open)}
      />
    </Card>
  );
}
