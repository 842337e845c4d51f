/**
 * 县级排名: the towns the county supervisor (or admin) holds grants in, ranked by 响应率, 解决率,
 * 满意率 or the composite for the same period as the bulletin. Figures come from each town's KPIs.
 */
import { Card, Radio, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { useLoader } from '../org/useOrgData.ts';
import { analysisApi, type RankBy, type RankingCell, type RankingRow } from './analysisApi.ts';

const cell = (c: RankingCell) => (c.value === null ? '—' : <Tooltip title={`${c.numerator} / ${c.denominator} 件`}>{c.value.toFixed(2)}%</Tooltip>);

export function RankingCard({ from, to }: { from: string; to: string }) {
  const [sort, setSort] = useState<RankBy>('composite');
  const ranking = useLoader((signal) => analysisApi.ranking({ from, to, sort }, signal), [from, to, sort]);
  return (
    <Card title="县级排名（所辖乡镇）" data-testid="county-ranking" extra={
      <Radio.Group size="small" value={sort} onChange={(e) => setSort(e.target.value)} options={[
        { value: 'composite', label: '综合得分' }, { value: 'response_rate', label: '响应率' }, { value: 'resolution_rate', label: '解决率' }, { value: 'satisfaction_rate', label: '满意率' },
      ]} optionType="button" />
    }>
      <Table<RankingRow> rowKey="townId" size="small" loading={ranking.loading} dataSource={ranking.data?.items ?? []} pagination={false} columns={[
        { title: '名次', dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
        { title: '乡镇', dataIndex: 'townName' },
        { title: '受理量', dataIndex: 'received', width: 90, align: 'right' },
        { title: '响应率', width: 100, align: 'right', render: (_, r) => cell(r.responseRate) },
        { title: '解决率', width: 100, align: 'right', render: (_, r) => cell(r.resolutionRate) },
        { title: '满意率', width: 100, align: 'right', render: (_, r) => cell(r.satisfactionRate) },
        { title: '综合得分', dataIndex: 'composite', width: 100, align: 'right', render: (v: number | null) => v ?? '—' },
      ]} />
    </Card>
  );
}
