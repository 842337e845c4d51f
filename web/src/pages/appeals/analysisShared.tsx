/** Small pieces the 问题清单/承诺事项 pages share: status tags, write permission, linked-order table. */
import { Button, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import type { LinkedOrder, StatusOption } from './analysisApi.ts';
import { formatTime } from './DueTag.tsx';

const STATUS_COLOR: Record<string, string> = {
  unclaimed: 'orange',
  rectifying: 'blue',
  rectified: 'cyan',
  closed: 'default',
  pending: 'orange',
  in_progress: 'blue',
  fulfilled: 'green',
  cancelled: 'default',
};

export function StatusTag({
  status,
  label,
  overdue,
}: {
  status: string;
  label: string;
  overdue?: boolean;
}) {
  return (
    <>
      <Tag color={STATUS_COLOR[status] ?? 'default'}>{label}</Tag>
      {overdue && <Tag color="red">已超期</Tag>}
    </>
  );
}

/** The buttons that move a problem or a commitment to one of its next statuses. */
export function StatusMoves({
  options,
  onMove,
}: {
  options: StatusOption[];
  onMove: (s: StatusOption) => void;
}) {
  return (
    <Space>
      {options.map((s) => (
        <Button key={s.status} onClick={() => onMove(s)}>
          {s.label}
        </Button>
      ))}
    </Space>
  );
}

/** Everyone in the town reads; the county supervisor only reads (DESIGN 2). */
export function useCanWriteAnalysis(): boolean {
  const { grantsInTown } = useSession();
  return grantsInTown.some((g) =>
    ['admin', 'leader', 'portfolio_leader', 'staff', 'village_cadre', 'dispatcher'].includes(
      g.role,
    ),
  );
}

export function LinkedOrders({
  orders,
  unitName,
  selected,
  onSelect,
}: {
  orders: LinkedOrder[];
  unitName: (id: string | null) => string;
  selected?: string[];
  onSelect?: (ids: string[]) => void;
}) {
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={orders}
      pagination={false}
      data-testid="linked-orders"
      rowSelection={
        onSelect
          ? { selectedRowKeys: selected ?? [], onChange: (keys) => onSelect(keys as string[]) }
          : undefined
      }
      columns={[
        {
          title: '编号',
          dataIndex: 'code',
          width: 100,
          render: (c: string, r) => <Link to={`/appeals/orders/${r.id}`}>{c}</Link>,
        },
        { title: '标题', dataIndex: 'title', ellipsis: true },
        {
          title: '村（社区）',
          dataIndex: 'villageId',
          width: 100,
          render: (v: string | null) => unitName(v),
        },
        { title: '受理时间', dataIndex: 'receivedAt', width: 140, render: formatTime },
        { title: '状态', dataIndex: 'stateLabel', width: 100 },
        {
          title: '回访',
          dataIndex: 'satisfaction',
          width: 80,
          render: (s: string | null) => s ?? '—',
        },
      ]}
    />
  );
}
