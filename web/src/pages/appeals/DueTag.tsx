/** Due time of an order: red when overdue, amber within 24 hours, plain otherwise. */
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';

const NEAR_HOURS = 24;

export function isNearDue(dueAt: string | null, overdue: boolean): boolean {
  return !!dueAt && !overdue && dayjs(dueAt).diff(dayjs(), 'hour', true) <= NEAR_HOURS;
}

export function DueTag({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  if (!dueAt) return <span style={{ color: '#999' }}>—</span>;
  const text = dayjs(dueAt).format('MM-DD HH:mm');
  if (overdue)
    return (
      <Tooltip title={`已于 ${dayjs(dueAt).format('YYYY-MM-DD HH:mm')} 到期`}>
        <Tag color="red">超期 {text}</Tag>
      </Tooltip>
    );
  if (isNearDue(dueAt, overdue)) return <Tag color="orange">临期 {text}</Tag>;
  return <Tag>{text}</Tag>;
}

export function formatTime(at: string | null | undefined): string {
  return at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—';
}
