/**
 * Who may enter a year's holiday arrangement (DESIGN 2): the statutory work calendar is national
 * reference data shared by every town, so only a system operator (系统运维, granted from the
 * command line) changes it; town admins read it like everyone signed in (issue 10 item 7). The
 * rule is `SYSTEM_PERMISSIONS.calendar` in src/core/access/permissions.ts.
 */
import { systemMay } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';

export const calendarOperator: RoutePolicy = {
  name: 'calendar.operator',
  allows: (a) => systemMay(a, 'calendar', 'write'),
};
