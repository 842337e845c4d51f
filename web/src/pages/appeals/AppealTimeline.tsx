/** 时间线: every transition of an order — who, when, what, the note and the fields filled in. */
import { Timeline, Typography } from 'antd';
import type { AppealDetail, AppealKind } from '../../api/appeals.ts';
import { formatTime } from './DueTag.tsx';
import type { AppealRefs } from './refs.ts';

function show(value: unknown, type: string | undefined, refs: AppealRefs): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (type === 'unit_id') return refs.unitName(String(value));
  if (type === 'unit_ids' && Array.isArray(value)) return value.map((v) => refs.unitName(String(v))).join('、');
  if (Array.isArray(value)) return value.join('、');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

export function AppealTimeline({ order, kind, refs }: { order: AppealDetail; kind?: AppealKind; refs: AppealRefs }) {
  const stateLabel = (id: string) => kind?.states.find((s) => s.id === id)?.label ?? id;
  const items = order.timeline.map((e) => {
    const fields = kind?.actions.find((a) => a.id === e.action)?.fields ?? [];
    const details = Object.entries(e.payload).filter(([k]) => k !== 'content');
    return {
      key: e.seq,
      color: e.action === 'return' || e.action === 'reopen' ? 'red' : e.to === e.from ? 'gray' : 'blue',
      content: (
        <div data-testid="timeline-event">
          <div>
            <Typography.Text strong>{e.label}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {e.actorName} · {formatTime(e.at)}
            </Typography.Text>
            {e.from && e.from !== e.to && (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {stateLabel(e.from)} → {stateLabel(e.to)}
              </Typography.Text>
            )}
          </div>
          {details.map(([k, v]) => {
            const f = fields.find((x) => x.name === k);
            return (
              <div key={k} style={{ color: '#595959' }}>
                {f?.label ?? k}：{show(v, f?.type, refs)}
              </div>
            );
          })}
          {e.note && <div style={{ color: '#595959' }}>备注：{e.note}</div>}
        </div>
      ),
    };
  });
  return <Timeline items={items} />;
}
