/**
 * The header's 党建提醒 (issue 14): 发展党员 steps falling due within 30 days or overdue, and the
 * meetings a branch has still to hold as its month or quarter ends, for the people who keep them
 * (a branch secretary their own branch, the organisation work every branch). Each entry opens the
 * person or the meetings page. Asked on navigation at most once a minute; mounted late
 * (PartyReminderSlot).
 */
import { FlagOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { developmentApi } from '../../api/memberDevelopment.ts';
import { meetingRemindersOf } from '../../api/party.ts';
import { formatDate } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';

const FRESH_MS = 60_000;

interface Entry {
  key: string;
  to: string;
  text: string;
  when: string;
  overdue: boolean;
}

async function load(townId: string, development: boolean, meetings: boolean): Promise<Entry[]> {
  const [due, short] = await Promise.all([
    development ? developmentApi.reminders(townId).catch(() => null) : null,
    meetings ? meetingRemindersOf(townId).catch(() => null) : null,
  ]);
  return [
    ...(due?.items ?? []).map((c) => ({
      key: c.id,
      to: `/party/development/${c.id}`,
      text: `${c.personName}（${c.branchName}）：${c.due?.label ?? c.nextStep ?? ''}`,
      when: c.due ? formatDate(c.due.dueAt) : '',
      overdue: !!c.due?.overdue,
    })),
    ...(short?.items ?? []).map((m) => ({
      key: `${m.branchId}-${m.meetingType}`,
      to: '/party/meetings',
      text: `${m.branchName}${m.periodLabel}${m.typeLabel}应开${m.required}次，已开${m.held}次`,
      when: `${formatDate(m.periodEnd)}前`,
      overdue: false,
    })),
  ];
}

/**
 * `development`: the session allows `member_development.read`, whose rule includes the organisation
 * portfolio, so the reminders are asked only of those they answer.
 */
export default function PartyReminderBell(props: { development: boolean; meetings: boolean }) {
  const { townId } = useSession();
  const { pathname } = useLocation();
  const [entries, setEntries] = useState<Entry[]>([]);
  // When and for which town the list was last asked; `shown` is the town the header shows now.
  const last = useRef({ at: 0, townId: '' });
  const shown = useRef(townId);
  const { development, meetings } = props;

  useEffect(() => {
    shown.current = townId;
    if (!townId) return;
    if (last.current.townId === townId && Date.now() - last.current.at < FRESH_MS) return;
    last.current = { at: Date.now(), townId };
    // A navigation while the list loads keeps its answer (the next ask waits a minute); an answer
    // for a town no longer shown is dropped.
    void load(townId, development, meetings).then((e) => {
      if (shown.current === townId) setEntries(e);
    });
  }, [townId, pathname, development, meetings]);

  const label = entries.length ? `党建提醒：${entries.length} 条` : '党建提醒';
  const content = (
    <div style={{ width: 380, maxHeight: 420, overflow: 'auto' }} data-testid="party-reminders">
      {entries.length === 0 && (
        <Typography.Text type="secondary">暂无到期的党建工作</Typography.Text>
      )}
      {entries.map((e) => (
        <div key={e.key} className="party-reminder" style={{ padding: '6px 0' }}>
          <Link to={e.to}>{e.text}</Link>
          <div>
            <Typography.Text type="secondary">{e.when}</Typography.Text>{' '}
            {e.overdue && <Tag color="red">已逾期</Tag>}
          </div>
        </div>
      ))}
    </div>
  );
  return (
    <Popover title="党建提醒" content={content} trigger="click" placement="bottomRight">
      <Badge count={entries.length} size="small" offset={[-4, 6]} data-testid="party-badge">
        <Button type="text" aria-label={label} icon={<FlagOutlined />} data-testid="party-bell" />
      </Badge>
    </Popover>
  );
}
