/**
 * Who may read metrics (DESIGN 2): the permissions table's `metrics.read` row (the ledgers'
 * readers). Which records a figure counts is the caller's ledger record scope (metric-context.ts).
 */
import { may } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';

export const metricsRead: RoutePolicy = {
  name: 'metrics.read',
  allows: (a, p) => may(a, p.townId ?? '', 'metrics', 'read'),
};
