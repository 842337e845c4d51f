/**
 * Parts of 工单详情: the title line with its tags, the action buttons (disabled ones show the
 * reason), the reminders and 督办 of the order, and the card of its deadlines.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import type { AppealDetail, AppealKind, AvailableAction } from '../../api/appeals.ts';
import { DueTag, formatTime } from './DueTag.tsx';
import { ReminderActions, ReminderStatus } from './ReminderActions.tsx';

export function OrderTitle({ order, onBack }: { order: AppealDetail; onBack: () => void }) {
  const supervised = order.reminders.some((r) => r.kind === 'supervision');
  return (
    <Space wrap>
      <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回" />
      <span data-testid="order-code">{order.code}</span>
      <span>{order.title}</span>
      <Tag color={order.closedAt ? 'default' : 'blue'} data-testid="order-state">
        {order.stateLabel}
      </Tag>
      {order.overdue && <Tag color="red">已超期</Tag>}
      {supervised && <Tag color="volcano">已督办</Tag>}
    </Space>
  );
}

export function OrderActionButtons({
  actions,
  onPick,
}: {
  actions: AvailableAction[];
  onPick: (a: AvailableAction) => void;
}) {
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="order-actions">
      {actions.length === 0 && (
        <Typography.Text type="secondary">当前没有您可执行的操作</Typography.Text>
      )}
      {actions.map((a) => (
        <Tooltip key={a.id} title={a.enabled ? undefined : a.reason}>
          <Button
            type={a.enabled ? 'primary' : 'default'}
            disabled={!a.enabled}
            onClick={() => onPick(a)}
          >
            {a.label}
          </Button>
        </Tooltip>
      ))}
    </Space>
  );
}

/** Every 督办 of the order, and reminders addressed to me not yet confirmed. */
export function OrderReminders({ order, onDone }: { order: AppealDetail; onDone: () => void }) {
  return order.reminders
    .filter((r) => r.kind === 'supervision' || (r.addressedToMe && !r.acknowledgedAt))
    .map((r) => (
      <Alert
        key={r.id}
        type={r.repliedAt ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 8 }}
        data-testid="order-reminder"
        message={
          <Space wrap>
            {r.message}
            <ReminderStatus r={r} />
          </Space>
        }
        description={[
          `${r.kind === 'supervision' ? '督办' : '提醒'}时间 ${formatTime(r.createdAt)}`,
          r.note && `督办意见：${r.note}`,
          r.reply && `回复（${r.repliedByName ?? ''} ${formatTime(r.repliedAt)}）：${r.reply}`,
        ]
          .filter(Boolean)
          .join('；')}
        action={r.addressedToMe && <ReminderActions appealId={order.id} r={r} onDone={onDone} />}
      />
    ));
}

/** 办理时限: each clock's due time and how it stands; the kind's rules below. */
export function DeadlinesCard({
  order,
  kind,
}: {
  order: AppealDetail;
  kind: AppealKind | undefined;
}) {
  return (
    <Card title="办理时限">
      <Descriptions size="small" column={1}>
        {order.deadlines.map((d) => (
          <Descriptions.Item key={d.clock} label={d.label}>
            <Space wrap size={4}>
              <span>{formatTime(d.dueAt)}</span>
              {d.stoppedAt ? (
                <Tag color={d.overdue ? 'red' : 'green'}>{d.overdue ? '超时完成' : '按时完成'}</Tag>
              ) : (
                <DueTag dueAt={d.dueAt} overdue={d.overdue} />
              )}
              {d.extensions > 0 && <Tag>延期 {d.extensions} 次</Tag>}
            </Space>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {order.deadlines.length === 0 && (
        <Typography.Text type="secondary">派单后开始计时</Typography.Text>
      )}
      {kind && (
        <ul style={{ paddingLeft: 18, color: '#8c8c8c', marginTop: 12, marginBottom: 0 }}>
          {kind.clocks.map((c) => (
            <li key={c.id}>{c.text}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
