/**
 * Who may read a town's audit log and check its chain (DESIGN 2): the town's admins and leaders,
 * as the permissions table says (`audit.read` in src/core/access/permissions.ts).
 */
import { may } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';

export const auditRead: RoutePolicy = {
  name: 'audit.read',
  allows: (a, p) => may(a, p.townId ?? '', 'audit', 'read'),
};
