/**
 * Who may enter a year's holiday arrangement (DESIGN 2: national reference data): an admin of
 * any town at route level.
 */
import type { RoutePolicy } from '../../core/access/policy.ts';

export const calendarAdmin: RoutePolicy = {
  name: 'calendar.admin',
  allows: (a) => a.grants.some((g) => g.role === 'admin'),
};
