/**
 * Who may read and write duty reports (DESIGN 2): everyone writes only their own report (admins
 * any, for people without an account); town leaders, admins and county supervisors read every
 * report of the town; dispatchers have no reports. Templates are configured by admins.
 */
import type { Actor } from '../../core/actor.ts';
import { may, TOWN_WIDE } from '../../core/access/permissions.ts';
import { scopesEnforced } from '../../core/access/enforcement.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';

// From the permissions table (core/access): authors write their own report (述职 is for cadres,
// not call-centre seats), town-wide readers read every report, admins configure templates.
export const canUseReports = (a: Actor, townId: string) => may(a, townId, 'reports', 'read');
export const canWriteReports = (a: Actor, townId: string) => may(a, townId, 'reports', 'write');
export const canAdministerReports = (a: Actor, townId: string) =>
  may(a, townId, 'reports', 'configure');

/** Reads every report of the town (leaders supervise; supervisors read across towns in scope). */
export function canReadAllReports(a: Actor, townId: string): boolean {
  return !scopesEnforced() || may(a, townId, 'reports', 'read', TOWN_WIDE);
}

/** One report: its own person, or a town-wide reader. Town first, then role, then ownership. */
export function canReadReport(a: Actor, townId: string, personId: string): boolean {
  if (!canUseReports(a, townId)) return !scopesEnforced();
  return canReadAllReports(a, townId) || (a.personId !== null && a.personId === personId);
}

/** Drafting, editing and freezing: one's own report, or an admin for anyone. */
export function canWriteReport(a: Actor, townId: string, personId: string): boolean {
  if (!scopesEnforced()) return true;
  if (canAdministerReports(a, townId)) return true;
  return canWriteReports(a, townId) && a.personId !== null && a.personId === personId;
}

/**
 * An imported past report: a town-wide reader sees them all; anyone else the ones about
 * themselves or that they uploaded.
 */
export function canReadImport(
  a: Actor,
  townId: string,
  imp: { personId: string | null; createdBy: string | null },
): boolean {
  if (!canUseReports(a, townId)) return !scopesEnforced();
  if (canReadAllReports(a, townId)) return true;
  return (
    (a.personId !== null && imp.personId === a.personId) ||
    (imp.createdBy !== null && imp.createdBy === a.userId)
  );
}

/** Deleting an import: whoever uploaded it, or an admin. */
export function canDeleteImport(
  a: Actor,
  townId: string,
  imp: { createdBy: string | null },
): boolean {
  if (!scopesEnforced()) return true;
  if (canAdministerReports(a, townId)) return true;
  return canWriteReports(a, townId) && imp.createdBy !== null && imp.createdBy === a.userId;
}

export const reportsRead: RoutePolicy = {
  name: 'reports.read',
  allows: (a, p) => canUseReports(a, p.townId ?? ''),
};
export const reportsWrite: RoutePolicy = {
  name: 'reports.write',
  allows: (a, p) => canWriteReports(a, p.townId ?? ''),
};
export const reportsAdmin: RoutePolicy = {
  name: 'reports.admin',
  allows: (a, p) => canAdministerReports(a, p.townId ?? ''),
};
