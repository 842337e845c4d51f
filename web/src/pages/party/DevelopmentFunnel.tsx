/**
 * 各支部发展情况: per branch, how many people entered each stage in the chosen year (the funnel,
 * from the pipeline's history, imported ledger records included), with the town's total.
 */
import { Select, Space, Table } from 'antd';
import { useState } from 'react';
import { developmentApi, type Funnel } from '../../api/memberDevelopment.ts';
import { useLoader } from '../../api/useLoader.ts';
import { currentYear } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';

type Row = Funnel['rows'][number];

export function FunnelTable() {
  const { townId } = useSession();
  const now = currentYear();
  const [year, setYear] = useState(now);
  const funnel = useLoader(() => developmentApi.funnel(townId, year), [townId, year]);
  const stages = funnel.data?.stages ?? [];
  const total: Row = {
    branchId: 'total',
    branchName: '全镇合计',
    counts: funnel.data?.total ?? {},
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span>年度</span>
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={[0, 1, 2, 3].map((d) => ({ value: now - d, label: `${now - d}年` }))}
        />
      </Space>
      <Table<Row>
        rowKey="branchId"
        size="middle"
        loading={funnel.loading}
        pagination={false}
        dataSource={funnel.data ? [...funnel.data.rows, total] : []}
        columns={[
          { title: '党支部', dataIndex: 'branchName' },
          ...stages.map((s) => ({
            title: s.id === 'stopped' ? s.label : `新增${s.label}`,
            key: s.id,
            align: 'right' as const,
            render: (_: unknown, r: Row) => `${r.counts[s.id] ?? 0}人`,
          })),
        ]}
      />
    </>
  );
}
