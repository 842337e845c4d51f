/**
 * 单位 — the town's unit tree (党委 → 办公室, 政府 → 站所 and 村/社区 → 党支部/网格). Pick a
 * node to edit it on the right; add a child under it or delete it. Deleting sends `version`
 * so an edit made meanwhile by someone else is not silently thrown away.
 */
import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { orgApi, type Unit } from '../../api/org.ts';
import { useConfirmedWrite } from '../../api/useConfirmedWrite.ts';
import { useSession } from '../../session/session.tsx';
import { UnitForm, type UnitFormMode } from './UnitForm.tsx';
import { UnitTreeCard } from './UnitTreeCard.tsx';
import { usePortfolios, useUnits } from './useOrgData.ts';

const cardTitle = (mode: UnitFormMode, selected: Unit | null) =>
  mode === 'edit'
    ? (selected?.name ?? '单位信息')
    : mode === 'create-child'
      ? `在「${selected?.name}」下新增单位`
      : '新增顶级单位';

function UnitActions({ onChild, onDelete }: { onChild: () => void; onDelete: () => void }) {
  return (
    <Space>
      <Button icon={<PlusOutlined />} onClick={onChild}>
        新增下级
      </Button>
      <Button danger onClick={onDelete}>
        删除
      </Button>
    </Space>
  );
}

export default function UnitsPage() {
  const { townId, canWriteOrg } = useSession();
  const confirm = useConfirmedWrite();
  const units = useUnits();
  const portfolios = usePortfolios();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<UnitFormMode>('edit');
  const list = units.data ?? [];
  const selected = list.find((u) => u.id === selectedId) ?? null;

  const confirmDelete = (unit: Unit) => {
    const childCount = list.filter((u) => u.parentId === unit.id).length;
    confirm({
      title: `删除「${unit.name}」？`,
      content: childCount
        ? `该单位下还有 ${childCount} 个下级单位，需先删除或移走下级单位。`
        : '删除后不可恢复。',
      run: async () => {
        await orgApi.deleteUnit(townId, unit);
        setSelectedId(unit.parentId);
      },
      reload: units.reload,
    });
  };

  const saved = (u: Unit) => {
    setSelectedId(u.id);
    setMode('edit');
    units.reload();
  };
  const select = (id: string | null, next: UnitFormMode) => {
    setSelectedId(id);
    setMode(next);
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={13}>
        <UnitTreeCard
          units={units.data}
          loading={units.loading}
          portfolios={portfolios.data}
          selectedId={selectedId}
          onSelect={(id) => select(id, 'edit')}
          onCreateRoot={canWriteOrg ? () => select(null, 'create-root') : null}
        />
      </Col>
      <Col xs={24} lg={11}>
        <Card
          title={cardTitle(mode, selected)}
          extra={
            canWriteOrg &&
            selected &&
            mode === 'edit' && (
              <UnitActions
                onChild={() => setMode('create-child')}
                onDelete={() => confirmDelete(selected)}
              />
            )
          }
        >
          {mode === 'edit' && !selected ? (
            <Empty description="在左侧选择一个单位查看或修改" />
          ) : (
            <UnitForm
              key={`${mode}-${selected?.id ?? 'root'}-${selected?.version ?? 0}`}
              mode={mode}
              unit={selected}
              units={list}
              portfolios={portfolios.data ?? []}
              readOnly={!canWriteOrg}
              onSaved={saved}
              onConflict={units.reload}
              onCancel={() => setMode('edit')}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
