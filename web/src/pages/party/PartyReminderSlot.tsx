/**
 * Where the header's 党建提醒 goes: the bell's script is fetched a few seconds after the page has
 * started, since nobody needs it to see the 工作台 (whose script budget is nearly spent).
 */
import { lazy, Suspense, useEffect, useState } from 'react';

const PartyReminderBell = lazy(() => import('./PartyReminderBell.tsx'));
const DELAY_MS = 3000;

export function PartyReminderSlot(props: { development: boolean; meetings: boolean }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const id = window.setTimeout(() => setReady(true), DELAY_MS);
    return () => window.clearTimeout(id);
  }, []);
  return ready ? (
    <Suspense fallback={null}>
      <PartyReminderBell {...props} />
    </Suspense>
  ) : null;
}
