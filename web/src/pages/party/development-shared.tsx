/** Pieces the 发展党员 pages share: the stage tag, the due date with its state, the branch data. */
import { Tag, Tooltip } from 'antd';
import type { CandidateSummary } from '../../api/memberDevelopment.ts';
import { formatDate } from '../../lib/time.ts';

export const STAGES = [
  { value: 'applicant', label: '入党申请人', color: 'default' },
  { value: 'activist', label: '入党积极分子', color: 'blue' },
  { value: 'candidate', label: '发展对象', color: 'geekblue' },
  { value: 'probationary', label: '预备党员', color: 'orange' },
  { value: 'full', label: '正式党员', color: 'red' },
  { value: 'stopped', label: '终止发展', color: 'default' },
] as const;

export function StageTag({ state, label }: { state: string; label: string }) {
  const color = STAGES.find((s) => s.value === state)?.color ?? 'default';
  return <Tag color={color}>{label}</Tag>;
}

/** The nearest date of a candidate: a duty (谈话、审批、转正) or the day a period is complete. */
export function DueCell({ due }: { due: CandidateSummary['due'] }) {
  if (!due) return <>—</>;
  const date = formatDate(due.dueAt);
  return (
    <Tooltip title={due.label}>
      <span>
        {date}{' '}
        {due.overdue ? (
          <Tag color="red">已逾期</Tag>
        ) : due.passive ? (
          <Tag color="green">{new Date(due.dueAt) < new Date() ? '已满期' : '尚未期满'}</Tag>
        ) : (
          <Tag color="gold">待办</Tag>
        )}
      </span>
    </Tooltip>
  );
}
