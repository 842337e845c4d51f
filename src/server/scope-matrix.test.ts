import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOtherTown, runScopeMatrix } from './scope-matrix.ts';
import { setScopeEnforcementForTests } from './scope-switch.ts';
import { createTestApp, type TestApp } from './testing.ts';

let t: TestApp;
let otherTownId: string;
beforeAll(async () => {
  t = await createTestApp();
  otherTownId = await addOtherTown(t.database.db);
});
afterAll(() => t.close());

describe('scope matrix over every registered route', () => {
  it('has an expectation for every route policy, and every caller gets exactly what DESIGN 2 allows', async () => {
    const result = await runScopeMatrix(t);
    expect(result.missingPolicies).toEqual([]);
    expect(result.violations).toEqual([]);
    expect(result.checked).toBeGreaterThan(100);
  });

  it('goes red when scope enforcement is switched off (the matrix notices a missing filter)', async () => {
    setScopeEnforcementForTests(false);
    try {
      const result = await runScopeMatrix(t);
      const leaks = result.violations.filter((v) => v.expected === 'deny');
      expect(leaks.length).toBeGreaterThan(0);
      expect(leaks.some((v) => v.caller === 'other_town_admin' && v.policy === 'org.read')).toBe(true);
    } finally {
      setScopeEnforcementForTests(true);
    }
  });

  it('does not let another town’s admin read this town’s people, even with a valid session', async () => {
    const cookie = await t.login('other_admin');
    const res = await t.call('GET', `/api/v1/towns/${t.townId}/people`, { cookie });
    expect(res.status).toBe(403);
    const own = await t.call('GET', `/api/v1/towns/${otherTownId}/people`, { cookie });
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([]);
  });
});
