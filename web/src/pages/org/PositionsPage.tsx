/**
 * 任职 — who holds which title in which unit, with the portfolios (分管领域) the title carries.
 * Portfolios decide what goes into each leader's annual duty report, so they are shown by name.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { orgApi, type Position } from '../../api/org.ts';
import { useConfirmedWrite } from '../../api/useConfirmedWrite.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { todayKey } from '../../lib/time.ts';
import { positionColumns } from './positionColumns.tsx';
import { PositionDrawer } from './PositionDrawer.tsx';
import { PositionFilters, type PositionFilter } from './PositionFilters.tsx';
import { usePeopleOptions, usePortfolios, useUnitOptions, useUnits } from './useOrgData.ts';

export default function PositionsPage() {
  const { townId, canWriteOrg } = useSession();
  const confirm = useConfirmedWrite();
  const [filter, setFilter] = useState<PositionFilter>({
    q: '',
    status: 'active',
    leadersOnly: false,
  });
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const { unitId, status, q, leadersOnly } = filter;
  const positions = useLoader(
    () =>
      orgApi.positions(townId, {
        unitId,
        activeOn: status === 'active' ? todayKey() : undefined,
      }),
    [townId, unitId, status],
  );
  const unitOptions = useUnitOptions(useUnits().data);
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
    confirm({
      title: `删除「${p.personName} · ${p.title}」这条任职记录？`,
      content: '如只是离任，请编辑并填写结束日期，保留历史记录。',
      run: () => orgApi.deletePosition(townId, p),
      reload: positions.reload,
    });
  const columns = positionColumns({
    portfolioName,
    actions: canWriteOrg ? { edit: setEditing, remove } : null,
  });

  return (
    <Card title="任职">
      <div className="page-toolbar">
        <PositionFilters value={filter} onChange={setFilter} unitOptions={unitOptions} />
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
