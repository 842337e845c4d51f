/**
 * What the signed-in user may do with appeals in the current town, from the same permissions
 * table the server's route policies ask (src/core/access/permissions.ts), so a page never offers
 * what the server would answer with 403. Per-order actions come from the server (`order.actions`).
 */
import { rolesWith } from '../../../../src/core/access/permissions.ts';
import { useSession } from '../../session/session.tsx';

export interface AppealPermits {
  intake: boolean;
  act: boolean;
  supervise: boolean;
}

export function useAppealPermits(): AppealPermits {
  const { grantsInTown } = useSession();
  const has = (action: 'intake' | 'act' | 'supervise') => {
    const roles: string[] = rolesWith('appeals', action);
    return grantsInTown.some((g) => roles.includes(g.role));
  };
  return { intake: has('intake'), act: has('act'), supervise: has('supervise') };
}
