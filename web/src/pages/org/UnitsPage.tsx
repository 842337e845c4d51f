/**
 * 单位 — the town's unit tree (党委 → 办公室, 政府 → 站所 and 村/社区 → 党支部/网格). Pick a
 * node to edit it on the right; add a child under it or delete it. Deleting sends `version`
 * so an edit made meanwhile by someone else is not silently thrown away.
 */
import { useMemo, useState, type Key } from 'react';
import { App, Button, Card, Col, Empty, Input, Row, Space, Tag, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import { orgApi, type Portfolio, type Unit } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { UNIT_KINDS } from './labels.ts';
import { UnitForm, type UnitFormMode } from './UnitForm.tsx';
import { portfolioNames } from './unitPortfolios.ts';
import { usePortfolios, useUnits } from './useOrgData.ts';

function buildTree(units: Unit[], filter: string, catalogue: Portfolio[] | undefined): DataNode[] {
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const key = u.parentId && units.some((p) => p.id === u.parentId) ? u.parentId : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  const matches = (u: Unit): boolean =>
    !filter || u.name.includes(filter) || (children.get(u.id) ?? []).some(matches);
  const toNodes = (parent: string | null): DataNode[] =>
    (children.get(parent) ?? [])
      .filter(matches)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'))
      .map((u) => ({
        key: u.id,
        title: (
          <span data-testid="unit-node" data-kind={u.kind}>
            {u.name}{' '}
            <Tag color={UNIT_KINDS[u.kind].color} style={{ marginInlineStart: 4 }}>
              {UNIT_KINDS[u.kind].label}
            </Tag>
            {u.portfolios?.length ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                承担：{portfolioNames(u, catalogue).join('、')}
              </Typography.Text>
            ) : null}
          </span>
        ),
        children: toNodes(u.id),
      }));
  return toNodes(null);
}

export default function UnitsPage() {
  const { townId, canWriteOrg } = useSession();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const units = useUnits();
  const portfolios = usePortfolios();
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<UnitFormMode>('edit');
  const [expanded, setExpanded] = useState<Key[] | null>(null);

  const list: Unit[] = units.data ?? [];
  const tree = useMemo(
    () => buildTree(list, filter.trim(), portfolios.data),
    [list, filter, portfolios.data],
  );
  const selected = list.find((u) => u.id === selectedId) ?? null;
  // Top-level units start open so the villages under 政府 are visible at once.
  const expandedKeys = filter ? list.map((u) => u.id) : (expanded ?? tree.map((n) => n.key));

  const confirmDelete = (unit: Unit) => {
    const childCount = list.filter((u) => u.parentId === unit.id).length;
    modal.confirm({
      title: `删除「${unit.name}」？`,
      content: childCount
        ? `该单位下还有 ${childCount} 个下级单位，需先删除或移走下级单位。`
        : '删除后不可恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await orgApi.deleteUnit(townId, unit);
          void message.success('已删除');
          setSelectedId(unit.parentId);
          units.reload();
        } catch (err) {
          onError(err, { onConflict: units.reload });
        }
      },
    });
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={13}>
        <Card
          title={`单位（${list.length}）`}
          extra={
            canWriteOrg && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  setSelectedId(null);
                  setMode('create-root');
                }}
              >
                新增顶级单位
              </Button>
            )
          }
        >
          <Input.Search
            placeholder="按名称查找单位"
            allowClear
            onChange={(e) => setFilter(e.target.value)}
            style={{ marginBottom: 12 }}
          />
          {units.loading && !units.data ? (
            <Typography.Text type="secondary">加载中…</Typography.Text>
          ) : (
            <Tree
              treeData={tree}
              blockNode
              showLine
              expandedKeys={expandedKeys}
              onExpand={(keys) => setExpanded(keys)}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => {
                setSelectedId((keys[0] as string | undefined) ?? null);
                setMode('edit');
              }}
              style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        <Card
          title={
            mode === 'edit'
              ? selected
                ? selected.name
                : '单位信息'
              : mode === 'create-child'
                ? `在「${selected?.name}」下新增单位`
                : '新增顶级单位'
          }
          extra={
            canWriteOrg &&
            selected &&
            mode === 'edit' && (
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => setMode('create-child')}>
                  新增下级
                </Button>
                <Button danger onClick={() => confirmDelete(selected)}>
                  删除
                </Button>
              </Space>
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
              onSaved={(u) => {
                setSelectedId(u.id);
                setMode('edit');
                units.reload();
              }}
              onConflict={units.reload}
              onCancel={() => setMode('edit')}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
