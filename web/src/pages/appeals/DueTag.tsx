/** Due time of an order: red when overdue, amber within 24 hours, plain otherwise. */
import { Tag, Tooltip } from 'antd';
import { formatDateTime, formatDue } from '../../lib/time.ts';

const NEAR_HOURS = 24;

export function isNearDue(dueAt: string | null, overdue: boolean): boolean {
  return !!dueAt && !overdue && new Date(dueAt).getTime() - Date.now() <= NEAR_HOURS * 3600_000;
}

export function DueTag({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  if (!dueAt) return <span style={{ color: '#999' }}>—</span>;
  const text = formatDue(dueAt);
  if (overdue)
    return (
      <Tooltip title={`已于 ${formatDateTime(dueAt)} 到期`}>
        <Tag color="red">超期 {text}</Tag>
      </Tooltip>
    );
  if (isNearDue(dueAt, overdue)) return <Tag color="orange">临期 {text}</Tag>;
  return <Tag>{text}</Tag>;
}

/** The one time format (town's clock), under the name the appeal pages import it by. */
export const formatTime = (at: string | null | undefined): string => formatDateTime(at);
