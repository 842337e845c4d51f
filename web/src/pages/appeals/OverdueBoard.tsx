/**
 * Pieces of 超期/督办: the order columns (with the 督办 tag and button), the rows grouped by
 * handling unit or by village in a collapse, and the toggle between the two groupings.
 */
import { Button, Collapse, Empty, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { AppealSummary } from '../../api/appeals.ts';
import { formatDateTimeShort } from '../../lib/time.ts';
import { DueTag } from './DueTag.tsx';
import type { AppealRefs } from './refs.ts';

export type GroupBy = 'unitId' | 'villageId';
/** The overdue list carries the time of the order's latest 督办. */
export type OverdueRow = AppealSummary & { supervisedAt?: string | null };

function groups(rows: OverdueRow[], by: GroupBy, refs: AppealRefs) {
  const map = new Map<string, OverdueRow[]>();
  for (const r of rows) {
    const k = r[by] ?? '';
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return [...map].map(([k, items]) => ({
    key: k || 'none',
    label: k ? refs.unitName(k) : by === 'villageId' ? '不涉及村（社区）' : '无承办单位',
    items,
  }));
}

/** The 督办 cell: where the order stands, and the button of a town leader. */
function SuperviseCell({
  r,
  leader,
  onSupervise,
}: {
  r: OverdueRow;
  leader: boolean;
  onSupervise: (r: OverdueRow) => void;
}) {
  return (
    <Space size={4}>
      {!r.overdue ? (
        <Tag color="orange">临期提醒</Tag>
      ) : r.supervisedAt ? (
        <Tag color="volcano">已督办 {formatDateTimeShort(r.supervisedAt)}</Tag>
      ) : (
        <Tag>待督办</Tag>
      )}
      {leader && (
        <Button size="small" onClick={() => onSupervise(r)} data-testid="supervise">
          督办
        </Button>
      )}
    </Space>
  );
}

export function overdueColumns(
  by: GroupBy,
  refs: AppealRefs,
  leader: boolean,
  onSupervise: (r: OverdueRow) => void,
): ColumnsType<OverdueRow> {
  return [
    {
      title: '编号',
      dataIndex: 'code',
      width: 110,
      render: (c: string, r) => <Link to={`/appeals/orders/${r.id}`}>{c}</Link>,
    },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '状态', dataIndex: 'stateLabel', width: 110 },
    {
      title: by === 'unitId' ? '村（社区）' : '承办单位',
      width: 150,
      render: (_, r) => refs.unitName(by === 'unitId' ? r.villageId : r.unitId),
    },
    {
      title: '期限',
      dataIndex: 'nextDueAt',
      width: 160,
      render: (d: string | null, r) => <DueTag dueAt={d} overdue={r.overdue} />,
    },
    {
      title: '督办',
      width: leader ? 230 : 170,
      render: (_, r) => <SuperviseCell r={r} leader={leader} onSupervise={onSupervise} />,
    },
  ];
}

/** Rows grouped by unit or village, every group open; an empty list says so. */
export function GroupedBoard({
  rows,
  empty,
  by,
  refs,
  columns,
}: {
  rows: OverdueRow[];
  empty: string;
  by: GroupBy;
  refs: AppealRefs;
  columns: ColumnsType<OverdueRow>;
}) {
  if (rows.length === 0) return <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Collapse
      defaultActiveKey={groups(rows, by, refs).map((g) => g.key)}
      items={groups(rows, by, refs).map((g) => ({
        key: g.key,
        label: <Typography.Text strong>{g.label}</Typography.Text>,
        children: (
          <Table
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={g.items}
            pagination={false}
          />
        ),
      }))}
    />
  );
}

export function GroupByToggle({ by, onChange }: { by: GroupBy; onChange: (by: GroupBy) => void }) {
  return (
    <Radio.Group
      value={by}
      onChange={(e) => onChange(e.target.value as GroupBy)}
      optionType="button"
      buttonStyle="solid"
      options={[
        { value: 'unitId', label: '按承办单位' },
        { value: 'villageId', label: '按村（社区）' },
      ]}
    />
  );
}
