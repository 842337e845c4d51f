/**
 * What waits for the signed-in user: their queue, unacknowledged reminders, overdue orders in
 * their scope and their newest duty report. An API the user may not call is not asked (the
 * session's Session.allows), and one that answers 403/404 leaves its field undefined.
 */
import { useEffect, useState } from 'react';
import { appealsApi } from '../../api/appeals.ts';
import { reportsApi, type ReportSummary } from '../../api/reports.ts';
import { useSession } from '../../session/session.tsx';
import { operationsApi } from '../appeals/operations.api.ts';

export interface MyWork {
  queue?: { count: number; truncated: boolean };
  reminders?: number;
  overdue?: { count: number; truncated: boolean };
  /** null: the user has no report yet; undefined: not asked or not allowed. */
  report?: ReportSummary | null;
}

/** Resolves to `undefined` when the caller may not use that API (403/404), so the card is hidden. */
const optional = <T>(p: Promise<T>): Promise<T | undefined> => p.catch(() => undefined);

/** null while loading. */
export function useMyWork(): MyWork | null {
  const { townId, user, allows } = useSession();
  const readsReports = allows('reports.read');
  const readsAppeals = allows('appeals.read');
  const [work, setWork] = useState<MyWork | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    const personId = user?.personId ?? null;
    const none = Promise.resolve(undefined);
    Promise.all([
      readsAppeals ? optional(operationsApi.queue(townId, ctrl.signal)) : none,
      readsAppeals ? optional(operationsApi.reminderCount(townId, ctrl.signal)) : none,
      readsAppeals ? optional(appealsApi.overduePage(townId, ctrl.signal)) : none,
      personId && readsReports
        ? optional(reportsApi.list(townId, { personId, limit: 5 }, ctrl.signal))
        : none,
    ]).then(([queue, reminders, overdue, reports]) => {
      if (ctrl.signal.aborted) return;
      const newest = reports
        ? ([...reports.items].sort((a, b) => b.year - a.year)[0] ?? null)
        : undefined;
      setWork({
        queue: queue && { count: queue.items.length, truncated: queue.truncated },
        reminders,
        overdue: overdue && { count: overdue.items.length, truncated: overdue.truncated },
        report: newest,
      });
    });
    return () => ctrl.abort();
  }, [townId, user?.personId, readsReports, readsAppeals]);

  return work;
}
