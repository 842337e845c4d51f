/**
 * 任职 — who holds which title in which unit, with the portfolios (分管领域) the title carries.
 * Portfolios decide what goes into each leader's annual duty report, so they are shown by name.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { orgApi, type Position } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { PositionDrawer } from './PositionDrawer.tsx';
import { usePeopleOptions, usePortfolios, useUnitOptions, useUnits } from './useOrgData.ts';
import { useLoader } from '../../api/useLoader.ts';

type Status = 'active' | 'all';

export default function PositionsPage() {
  const { townId, canWriteOrg } = useSession();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const [status, setStatus] = useState<Status>('active');
  const [unitId, setUnitId] = useState<string>();
  const [leadersOnly, setLeadersOnly] = useState(false);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Position | 'new' | null>(null);

  const positions = useLoader(
    () =>
      orgApi.positions(townId, {
        unitId,
        activeOn: status === 'active' ? dayjs().format('YYYY-MM-DD') : undefined,
      }),
    [townId, unitId, status],
  );
  const units = useUnits();
  const unitOptions = useUnitOptions(units.data);
  const portfolios = usePortfolios();
  const people = usePeopleOptions();
  const portfolioName = useMemo(
    () => new Map((portfolios.data ?? []).map((p) => [p.code, p.name])),
    [portfolios.data],
  );

  const rows = (positions.data ?? []).filter(
    (p) =>
      (!leadersOnly || p.leadership) && (!q || p.personName.includes(q) || p.title.includes(q)),
  );

  const remove = (p: Position) =>
    modal.confirm({
      title: `删除「${p.personName} · ${p.title}」这条任职记录？`,
      content: '如只是离任，请编辑并填写结束日期，保留历史记录。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await orgApi.deletePosition(townId, p);
          void message.success('已删除');
          positions.reload();
        } catch (err) {
          onError(err, { onConflict: positions.reload });
        }
      },
    });

  const columns: TableColumnsType<Position> = [
    { title: '姓名', dataIndex: 'personName', width: 100 },
    { title: '职务', dataIndex: 'title', width: 200 },
    { title: '任职单位', dataIndex: 'unitName', width: 180 },
    {
      title: '分管领域',
      dataIndex: 'portfolios',
      render: (codes: string[]) =>
        codes.map((c) => (
          <Tag key={c} color="gold">
            {portfolioName.get(c) ?? c}
          </Tag>
        )),
    },
    {
      title: '班子成员',
      dataIndex: 'leadership',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="red">班子</Tag> : '—'),
    },
    { title: '开始日期', dataIndex: 'startsOn', width: 110 },
    {
      title: '结束日期',
      dataIndex: 'endsOn',
      width: 110,
      render: (v: string | null) => v ?? '至今',
    },
  ];
  if (canWriteOrg) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, p) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => setEditing(p)}>
            编辑
          </Button>
          <Button type="link" size="small" danger onClick={() => remove(p)}>
            删除
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Card title="任职">
      <div className="page-toolbar">
        <Input.Search
          placeholder="姓名或职务"
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => setQ(v.trim())}
          onChange={(e) => !e.target.value && setQ('')}
        />
        <Select<Status>
          value={status}
          style={{ width: 130 }}
          onChange={setStatus}
          options={[
            { value: 'active', label: '现任' },
            { value: 'all', label: '全部（含历史）' },
          ]}
        />
        <Select
          placeholder="按单位筛选"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 260 }}
          options={unitOptions}
          value={unitId}
          onChange={setUnitId}
        />
        <Select
          value={leadersOnly ? 'leaders' : 'all'}
          style={{ width: 130 }}
          onChange={(v) => setLeadersOnly(v === 'leaders')}
          options={[
            { value: 'all', label: '全部人员' },
            { value: 'leaders', label: '仅班子成员' },
          ]}
        />
        <div className="spacer" />
        {canWriteOrg && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增任职
          </Button>
        )}
      </div>
      <Table<Position>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={positions.loading}
        size="middle"
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条`, hideOnSinglePage: true }}
      />
      {editing && (
        <PositionDrawer
          position={editing === 'new' ? null : editing}
          unitOptions={unitOptions}
          people={people.data ?? []}
          portfolios={portfolios.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            positions.reload();
          }}
          onConflict={positions.reload}
        />
      )}
    </Card>
  );
}
