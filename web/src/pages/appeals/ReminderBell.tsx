/**
 * The header's 我的提醒 bell: how many reminders and 督办 addressed to me wait to be signed for,
 * from one count endpoint. Kept cheap: asked on navigation, when the tab comes back into view,
 * every two minutes while it is visible, and at once after I sign for one on any page.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
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

  const refresh = useCallback(
    async (force = false) => {
      if (
        !townId ||
        document.visibilityState === 'hidden' ||
        (!force && Date.now() - last.current < FRESH_MS)
      )
        return;
      last.current = Date.now();
      try {
        setCount(await operationsApi.reminderCount(townId));
      } catch {
        setCount(null); // no appeals access, or offline: show the bell without a number
      }
    },
    [townId],
  );

  useEffect(() => {
    void refresh();
  }, [refresh, pathname]);

  useEffect(() => {
    last.current = 0;
    const now = () => void refresh(true);
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    window.addEventListener(CHANGED, now);
    document.addEventListener('visibilitychange', now);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, now);
      document.removeEventListener('visibilitychange', now);
    };
  }, [refresh]);

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
