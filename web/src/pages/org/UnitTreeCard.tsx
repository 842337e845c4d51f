/**
 * The unit tree of the 单位 page: search by name (matching units keep their ancestors), the kind
 * as a tag and the portfolios a unit carries; top-level units start open.
 */
import { useMemo, useState, type Key } from 'react';
import { Button, Card, Input, Tag, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import type { Portfolio, Unit } from '../../api/org.ts';
import { UNIT_KINDS } from './labels.ts';
import { portfolioNames } from './unitPortfolios.ts';

function UnitTitle({ unit, catalogue }: { unit: Unit; catalogue: Portfolio[] | undefined }) {
  return (
    <span data-testid="unit-node" data-kind={unit.kind}>
      {unit.name}{' '}
      <Tag color={UNIT_KINDS[unit.kind].color} style={{ marginInlineStart: 4 }}>
        {UNIT_KINDS[unit.kind].label}
      </Tag>
      {unit.portfolios?.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          承担：{portfolioNames(unit, catalogue).join('、')}
        </Typography.Text>
      ) : null}
    </span>
  );
}

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
        title: <UnitTitle unit={u} catalogue={catalogue} />,
        children: toNodes(u.id),
      }));
  return toNodes(null);
}

interface Props {
  units: Unit[] | undefined;
  loading: boolean;
  portfolios: Portfolio[] | undefined;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** 新增顶级单位, for those who may change the organisation. */
  onCreateRoot: (() => void) | null;
}

export function UnitTreeCard({ units, loading, portfolios, selectedId, ...on }: Props) {
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const tree = useMemo(
    () => buildTree(units ?? [], filter.trim(), portfolios),
    [units, filter, portfolios],
  );
  const expandedKeys = filter
    ? (units ?? []).map((u) => u.id)
    : (expanded ?? tree.map((n) => n.key));
  return (
    <Card
      title={`单位（${units?.length ?? 0}）`}
      extra={
        on.onCreateRoot && (
          <Button icon={<PlusOutlined />} onClick={on.onCreateRoot}>
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
      {loading && !units ? (
        <Typography.Text type="secondary">加载中…</Typography.Text>
      ) : (
        <Tree
          treeData={tree}
          blockNode
          showLine
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys)}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => on.onSelect((keys[0] as string | undefined) ?? null)}
          style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}
        />
      )}
    </Card>
  );
}
