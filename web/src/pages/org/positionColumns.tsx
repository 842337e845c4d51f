/** The columns of the 任职 table: person, title, unit, portfolios by name, 班子, dates. */
import { Button, Space, Tag, type TableColumnsType } from 'antd';
import type { Position } from '../../api/org.ts';

interface Options {
  portfolioName: Map<string, string>;
  actions: { edit: (p: Position) => void; remove: (p: Position) => void } | null;
}

export function positionColumns({ portfolioName, actions }: Options): TableColumnsType<Position> {
  const columns: TableColumnsType<Position> = [
    { title: '姓名', dataIndex: 'personName', width: 100 },
    { title: '职务', dataIndex: 'title', width: 200 },
    { title: '任职单位', dataIndex: 'unitName', width: 180 },
    {
      title: '分管领域',
      dataIndex: 'portfolios',
      // By name only: a code never shows, even while the names are still loading.
      render: (codes: string[]) =>
        codes
          .filter((c) => portfolioName.has(c))
          .map((c) => (
            <Tag key={c} color="gold">
              {portfolioName.get(c)}
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
  if (!actions) return columns;
  return [
    ...columns,
    {
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, p) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => actions.edit(p)}>
            编辑
          </Button>
          <Button type="link" size="small" danger onClick={() => actions.remove(p)}>
            删除
          </Button>
        </Space>
      ),
    },
  ];
}
