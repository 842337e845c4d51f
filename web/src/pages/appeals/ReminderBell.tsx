/**
 * The header's 我的提醒 bell: how many reminders and 督办 addressed to me wait to be signed for,
 * from one count endpoint. Kept cheap: asked on navigation, when the tab comes back into view,
 * every two minutes while it is visible, and at once after I sign for one on any page.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { operationsApi } from './operations.api.ts';

const CHANGED = 'lvzhi:reminders-changed';
const POLL_MS = 120_000;
/** Navigation within this time reuses the last answer: clicking through pages costs nothing. */
const FRESH_MS = 15_000;

/** Tells the bell that a reminder was signed for or answered (ReminderActions calls it). */
export function notifyRemindersChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function ReminderBell() {
  const { townId } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  const last = useRef(0);

  // An effect event: always sees the current town. It answers the count to show (null: no appeals
  // access, or offline — the bell without a number), or nothing when the last answer is fresh.
  const ask = useEffectEvent((force: boolean): Promise<number | null> | undefined => {
    if (
      !townId ||
      document.visibilityState === 'hidden' ||
      (!force && Date.now() - last.current < FRESH_MS)
    )
      return undefined;
    last.current = Date.now();
    return operationsApi.reminderCount(townId).catch(() => null);
  });

  useEffect(() => {
    void ask(false)?.then(setCount);
  }, [pathname, townId]);

  useEffect(() => {
    last.current = 0;
    const refresh = (force: boolean) => void ask(force)?.then(setCount);
    const now = () => refresh(true);
    const timer = window.setInterval(() => refresh(false), POLL_MS);
    window.addEventListener(CHANGED, now);
    document.addEventListener('visibilitychange', now);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, now);
      document.removeEventListener('visibilitychange', now);
    };
  }, [townId]);

  const label = count ? `我的提醒：${count} 条待签收` : '我的提醒';
  return (
    <Tooltip title={label}>
      <Badge count={count ?? 0} size="small" offset={[-4, 6]} data-testid="reminder-badge">
        <Button
          type="text"
          aria-label={label}
          icon={<BellOutlined />}
          onClick={() => navigate('/appeals/reminders')}
          data-testid="reminder-bell"
        />
      </Badge>
    </Tooltip>
  );
}
