/**
 * 问题清单: recurring problems (clusters of similar appeals) with owner, 整改措施, status and due
 * date; each row's order count is the count of its linked orders, listed in the detail drawer.
 * The second tab runs detection over a period and confirms (or dismisses) proposals; the third
 * lists dismissed proposals and undoes a dismissal.
 */
import { Card, Checkbox, Input, Select, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { analysisApi, type Problem, type ProblemStatus } from './analysisApi.ts';
import { StatusTag } from './analysisShared.tsx';
import { DismissedList } from './DismissedList.tsx';
import { ProblemDrawer } from './ProblemDrawer.tsx';
import { ProposalsPanel } from './ProposalsPanel.tsx';
import { useAppealRefs } from './refs.ts';

const STATUS_OPTIONS = [
  { value: 'unclaimed', label: '待认领' },
  { value: 'rectifying', label: '整改中' },
  { value: 'rectified', label: '已整改' },
  { value: 'closed', label: '已销号' },
];

export default function ProblemsPage() {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'list';
  const openId = params.get('id');
  const [status, setStatus] = useState<ProblemStatus>();
  const [villageId, setVillageId] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const list = useLoader(
    (signal) =>
      analysisApi.problems(
        townId,
        { status, villageId, q: q || undefined, overdue: overdue ? 'true' : undefined },
        signal,
      ),
    [townId, status, villageId, overdue, q],
  );
  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v === null) p.delete(k);
      else p.set(k, v);
    setParams(p);
  };
  const owner = (p: Problem) =>
    p.ownerPersonName ?? (p.ownerUnitId ? refs.unitName(p.ownerUnitId) : '待明确');

  const listTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          placeholder="全部状态"
          style={{ width: 130 }}
          value={status}
          onChange={setStatus}
          options={STATUS_OPTIONS}
          aria-label="状态"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="全部村（社区）"
          style={{ width: 170 }}
          value={villageId}
          onChange={setVillageId}
          options={refs.villageOptions}
          aria-label="村（社区）"
        />
        <Input.Search
          allowClear
          placeholder="按问题名称搜索"
          style={{ width: 220 }}
          onSearch={setQ}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          只看超期
        </Checkbox>
      </Space>
      <Table<Problem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="problem-list"
        onRow={(r) => ({ onClick: () => set({ id: r.id }), style: { cursor: 'pointer' } })}
        columns={[
          { title: '问题名称', dataIndex: 'title', render: (t: string) => <a>{t}</a> },
          {
            title: '村（社区）',
            dataIndex: 'villageId',
            width: 110,
            render: (v: string | null) => refs.unitName(v),
          },
          {
            title: '关联工单',
            dataIndex: 'orderCount',
            width: 90,
            align: 'right',
            render: (n: number) => `${n} 件`,
          },
          { title: '责任单位（人）', width: 170, render: (_, p) => owner(p) },
          {
            title: '整改时限',
            dataIndex: 'dueOn',
            width: 110,
            render: (d: string | null) => d ?? '—',
          },
          {
            title: '状态',
            dataIndex: 'status',
            width: 150,
            render: (_, p) => (
              <StatusTag status={p.status} label={p.statusLabel} overdue={p.overdue} />
            ),
          },
        ]}
      />
    </Space>
  );

  return (
    <Card title="问题清单" data-testid="problems-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={[
          { key: 'list', label: '问题清单', children: listTab },
          {
            key: 'detect',
            label: '重复诉求识别',
            children: (
              <ProposalsPanel
                onConfirmed={(id) => {
                  list.reload();
                  set({ tab: 'list', id });
                }}
              />
            ),
          },
          { key: 'dismissed', label: '已忽略', children: <DismissedList />, destroyOnHidden: true },
        ]}
      />
      <ProblemDrawer id={openId} onClose={() => set({ id: null })} onChanged={list.reload} />
    </Card>
  );
}
