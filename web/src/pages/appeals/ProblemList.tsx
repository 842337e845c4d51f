/**
 * The first tab of 问题清单: the filters (status, village, name, only overdue), the list they load
 * and its columns. Clicking a row opens the problem's drawer.
 */
import { Checkbox, Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useLoader, type Loaded } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { analysisApi, type Problem, type ProblemStatus } from './analysisApi.ts';
import { StatusTag } from './analysisShared.tsx';
import type { AppealRefs } from './refs.ts';

const STATUS_OPTIONS = [
  { value: 'unclaimed', label: '待认领' },
  { value: 'rectifying', label: '整改中' },
  { value: 'rectified', label: '已整改' },
  { value: 'closed', label: '已销号' },
];

export interface ProblemFilters {
  status: ProblemStatus | undefined;
  setStatus: (s: ProblemStatus | undefined) => void;
  villageId: string | undefined;
  setVillageId: (id: string | undefined) => void;
  overdue: boolean;
  setOverdue: (on: boolean) => void;
  setQ: (q: string) => void;
}

/** The filter state and the problems it selects. */
export function useProblemList(): { filters: ProblemFilters; list: Loaded<Problem[]> } {
  const { townId } = useSession();
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
  return {
    filters: { status, setStatus, villageId, setVillageId, overdue, setOverdue, setQ },
    list,
  };
}

function problemColumns(refs: AppealRefs): ColumnsType<Problem> {
  const owner = (p: Problem) =>
    p.ownerPersonName ?? (p.ownerUnitId ? refs.unitName(p.ownerUnitId) : '待明确');
  return [
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
      render: (_, p) => <StatusTag status={p.status} label={p.statusLabel} overdue={p.overdue} />,
    },
  ];
}

function ProblemToolbar({ filters, refs }: { filters: ProblemFilters; refs: AppealRefs }) {
  return (
    <Space wrap>
      <Select
        allowClear
        placeholder="全部状态"
        style={{ width: 130 }}
        value={filters.status}
        onChange={filters.setStatus}
        options={STATUS_OPTIONS}
        aria-label="状态"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部村（社区）"
        style={{ width: 170 }}
        value={filters.villageId}
        onChange={filters.setVillageId}
        options={refs.villageOptions}
        aria-label="村（社区）"
      />
      <Input.Search
        allowClear
        placeholder="按问题名称搜索"
        style={{ width: 220 }}
        onSearch={filters.setQ}
      />
      <Checkbox checked={filters.overdue} onChange={(e) => filters.setOverdue(e.target.checked)}>
        只看超期
      </Checkbox>
    </Space>
  );
}

export function ProblemListTab({
  filters,
  list,
  refs,
  onOpen,
}: {
  filters: ProblemFilters;
  list: Loaded<Problem[]>;
  refs: AppealRefs;
  onOpen: (id: string) => void;
}) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ProblemToolbar filters={filters} refs={refs} />
      <Table<Problem>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="problem-list"
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={problemColumns(refs)}
      />
    </Space>
  );
}
