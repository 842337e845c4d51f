import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.ts';
import {
  may,
  PERMISSIONS,
  rolesWith,
  scopeOf,
  SCOPES,
  TOWN_WIDE,
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
        if (action === 'read') expect(['county', 'none']).toContain(scope);
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
});
