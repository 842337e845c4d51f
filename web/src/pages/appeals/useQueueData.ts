/**
 * Data of 我的工单: the queue of 待我办理 (newest 200) when that tab is open, otherwise the
 * filtered list of every order in scope by state, paged by cursor.
 */
import { useMemo, useState } from 'react';
import { appealsApi, type AppealFilter, type AppealSummary } from '../../api/appeals.ts';
import { useCursorPages } from '../../api/useCursorPages.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { operationsApi } from './operations.api.ts';

export const MINE = 'mine';
export const ALL = 'all';

export function useQueueData(tab: string) {
  const { townId } = useSession();
  const [kind, setKind] = useState<string>('hotline');
  const [filter, setFilter] = useState<AppealFilter>({});
  const [q, setQ] = useState('');
  const queue = useLoader(
    (signal) =>
      tab === MINE
        ? operationsApi.queue(townId, signal)
        : Promise.resolve({ items: [], truncated: false }),
    [townId, tab],
  );
  const listFilter = useMemo<AppealFilter>(
    () => ({ ...filter, kind, state: tab === ALL || tab === MINE ? undefined : tab }),
    [filter, kind, tab],
  );
  const list = useCursorPages<AppealSummary>(
    tab === MINE ? null : (after) => appealsApi.list(townId, listFilter, after, 50),
    [townId, tab, listFilter],
  );
  return { kind, setKind, filter, setFilter, q, setQ, queue, listFilter, list };
}

export type QueueData = ReturnType<typeof useQueueData>;
