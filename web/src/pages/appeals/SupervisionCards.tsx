/**
 * Two cards of the 超期督办 page: 领导督办 (督办 issued by hand that are not answered yet, with who
 * issued them, the reply-by time and whether the unit signed) and 我的提醒 (reminders and 督办
 * addressed to me or my unit, with 签收/确认/回复).
 */
import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { DueTag, formatTime } from './DueTag.tsx';
import { formatDateTimeShort } from '../../lib/time.ts';
import { operationsApi, type ReminderItem } from './operations.api.ts';
import { ReminderActions, ReminderStatus } from './ReminderActions.tsx';
import type { AppealRefs } from './refs.ts';

const orderLink = (r: ReminderItem) => (
  <Link to={`/appeals/orders/${r.appeal.id}`}>{r.appeal.code}</Link>
);

export function SupervisionBoard({ refs, tick }: { refs: AppealRefs; tick: number }) {
  const { townId } = useSession();
  const board = useLoader(
    (signal) => operationsApi.supervisions(townId, 'open', signal),
    [townId, tick],
  );
  const columns: ColumnsType<ReminderItem> = [
    { title: '编号', width: 110, render: (_, r) => orderLink(r) },
    { title: '标题', ellipsis: true, render: (_, r) => r.appeal.title },
    {
      title: '承办单位',
      width: 150,
      ellipsis: true,
      render: (_, r) => refs.unitName(r.targetUnitId ?? r.appeal.unitId),
    },
    { title: '督办意见', dataIndex: 'note', ellipsis: true },
    {
      title: '督办人',
      dataIndex: 'issuedByName',
      width: 150,
      ellipsis: true,
      render: (n: string | null, r) => `${n ?? ''} ${formatDateTimeShort(r.createdAt)}`,
    },
    {
      title: '答复期限',
      dataIndex: 'dueAt',
      width: 150,
      render: (d: string) => <DueTag dueAt={d} overdue={new Date(d) < new Date()} />,
    },
    { title: '状态', width: 90, render: (_, r) => <ReminderStatus r={r} /> },
  ];
  return (
    <Card
      title={
        <span>
          <Tag color="volcano">督办</Tag>领导督办（未回复）
        </span>
      }
      loading={board.loading && !board.data}
      data-testid="supervision-board"
    >
      {(board.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待回复的督办" />
      ) : (
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={board.data}
          pagination={false}
          scroll={{ x: 900 }}
        />
      )}
    </Card>
  );
}

export function MyReminders({
  tick,
  onChanged,
  status = 'open',
  extra,
}: {
  tick: number;
  onChanged: () => void;
  status?: 'open' | 'all';
  extra?: ReactNode;
}) {
  const { townId } = useSession();
  const mine = useLoader(
    (signal) => operationsApi.myReminders(townId, status, signal),
    [townId, tick, status],
  );
  const columns: ColumnsType<ReminderItem> = [
    {
      title: '类型',
      width: 80,
      render: (_, r) =>
        r.kind === 'supervision' ? (
          <Tag color="volcano">{r.source === 'manual' ? '领导督办' : '超期督办'}</Tag>
        ) : (
          <Tag color="orange">到期提醒</Tag>
        ),
    },
    { title: '编号', width: 110, render: (_, r) => orderLink(r) },
    {
      title: '内容',
      dataIndex: 'message',
      ellipsis: true,
      render: (m: string, r) => (r.note ? `${m}（${r.note}）` : m),
    },
    { title: '时间', dataIndex: 'createdAt', width: 150, render: formatTime },
    { title: '状态', width: 90, render: (_, r) => <ReminderStatus r={r} /> },
    {
      title: '操作',
      width: 140,
      render: (_, r) => <ReminderActions appealId={r.appeal.id} r={r} onDone={onChanged} />,
    },
  ];
  return (
    <Card
      title="我的提醒"
      loading={mine.loading && !mine.data}
      data-testid="my-reminders"
      extra={extra}
    >
      {(mine.data ?? []).length === 0 ? (
        <Typography.Text type="secondary">
          {status === 'open' ? '没有待处理的提醒' : '没有提醒'}
        </Typography.Text>
      ) : (
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={mine.data}
          pagination={false}
          scroll={{ x: 800 }}
        />
      )}
    </Card>
  );
}
