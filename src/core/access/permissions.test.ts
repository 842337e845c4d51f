import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.ts';
import {
  may,
  mayAnywhere,
  PERMISSIONS,
  rolesWith,
  scopeOf,
  SCOPES,
  systemMay,
  TOWN_WIDE,
  townsWhere,
  type Resource,
} from './permissions.ts';
import { ROLES } from './roles.ts';

const actor = (grants: Actor['grants']): Actor => ({
  userId: 'u',
  homeTownId: 't1',
  username: 'u',
  displayName: 'u',
  personId: null,
  grants,
  sessionId: 's',
});

describe('the permissions table (DESIGN 2)', () => {
  it('gives every role a known scope for every resource and action', () => {
    for (const [resource, actions] of Object.entries(PERMISSIONS))
      for (const action of Object.keys(actions))
        for (const role of ROLES)
          expect(SCOPES, `${resource}.${action} ${role}`).toContain(
            scopeOf(role, resource as Resource, action as never),
          );
  });

  it('keeps county supervisors read-only and dispatchers out of ledgers and reports', () => {
    for (const [resource, actions] of Object.entries(PERMISSIONS))
      for (const action of Object.keys(actions)) {
        const scope = scopeOf('county_supervisor', resource as Resource, action as never);
        if (action.startsWith('read')) expect(['county', 'none']).toContain(scope);
        else expect(scope, `${resource}.${action}`).toBe('none');
      }
    expect(scopeOf('dispatcher', 'ledgers', 'read')).toBe('none');
    expect(scopeOf('dispatcher', 'reports', 'write')).toBe('none');
  });

  it("reads a village cadre's scope in one place: their village, their own report", () => {
    expect(scopeOf('village_cadre', 'appeals', 'read')).toBe('unit');
    expect(scopeOf('village_cadre', 'ledgers', 'write')).toBe('unit');
    expect(scopeOf('village_cadre', 'reports', 'read')).toBe('own');
    expect(rolesWith('appeals', 'read', TOWN_WIDE)).toEqual([
      'admin',
      'leader',
      'dispatcher',
      'county_supervisor',
    ]);
  });

  it('answers per town: a grant elsewhere gives nothing here', () => {
    const leader = actor([{ role: 'leader', townId: 't1', unitId: null }]);
    expect(may(leader, 't1', 'appeals', 'supervise')).toBe(true);
    expect(may(leader, 't2', 'appeals', 'supervise')).toBe(false);
    expect(may(leader, 't1', 'appeals', 'intake')).toBe(false);
    const cadre = actor([{ role: 'village_cadre', townId: 't1', unitId: 'v1' }]);
    expect(may(cadre, 't1', 'reports', 'read')).toBe(true);
    expect(may(cadre, 't1', 'reports', 'read', TOWN_WIDE)).toBe(false);
  });

  it('keeps the administrative resources to admins (and leaders where DESIGN 2 says so)', () => {
    const holders = (resource: Resource, action: string) =>
      rolesWith(resource, action as never).sort();
    expect(holders('users', 'manage')).toEqual(['admin']);
    expect(holders('town', 'configure')).toEqual(['admin']);
    expect(holders('open311', 'manage_keys')).toEqual(['admin']);
    expect(holders('audit', 'read')).toEqual(['admin', 'leader']);
    expect(holders('org', 'write')).toEqual(['admin', 'leader']);
    expect(holders('org', 'contacts')).toEqual(['admin', 'leader']);
    expect(holders('appeal_analysis', 'issue')).toEqual(['admin', 'leader']);
    // 对群众公开的内容: whoever acts on orders (per order, whoever answers for it).
    expect(holders('appeals', 'publish')).toEqual(holders('appeals', 'act'));
    expect(holders('org', 'read')).toEqual([...ROLES].sort());
    expect(holders('appeal_analysis', 'write')).not.toContain('county_supervisor');
    expect(PERMISSIONS.appeal_analysis.read).toEqual(PERMISSIONS.appeals.read);
  });

  it('gives a county ranking over exactly the towns of the ranking grants', () => {
    const sup = actor([
      { role: 'county_supervisor', townId: 't1', unitId: null },
      { role: 'county_supervisor', townId: 't2', unitId: null },
      { role: 'staff', townId: 't3', unitId: 'u' },
    ]);
    expect(mayAnywhere(sup, 'appeal_analysis', 'read_ranking')).toBe(true);
    expect(townsWhere(sup, 'appeal_analysis', 'read_ranking')).toEqual(['t1', 't2']);
    const staff = actor([{ role: 'staff', townId: 't3', unitId: 'u' }]);
    expect(mayAnywhere(staff, 'appeal_analysis', 'read_ranking')).toBe(false);
  });

  it('lets only a system role write the work calendar, never a town grant', () => {
    const admin = actor([{ role: 'admin', townId: 't1', unitId: null }]);
    expect(systemMay(admin, 'calendar', 'write')).toBe(false);
    expect(systemMay({ ...actor([]), systemRoles: ['system_operator'] }, 'calendar', 'write')).toBe(
      true,
    );
  });
});
