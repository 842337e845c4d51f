/**
 * The scope matrix (src/testing/scope/matrix.ts) restricted to this domain's routes: every route
 * has a policy with an expectation, every caller gets exactly what DESIGN 2 allows, and nobody
 * gets a 500 for an empty request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../http/route.ts';
import { addOtherTown, CALLERS, EXPECTED, type Caller } from '../../testing/scope/matrix.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast } from '../../testing/appeals.ts';

/** A user of the appeal cast (testing/appeals.ts) per caller. */
const USERS: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: 'admin',
  leader: 'leader',
  portfolio_leader: 'propaganda',
  staff: 'staff',
  village_cadre: 'cadre',
  dispatcher: 'dispatcher',
  county_supervisor: 'supervisor',
  other_town_admin: 'other_admin',
  system_operator: 'operator',
};
const SAMPLE = '01900000-0000-7000-8000-000000000001';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  await appealCast(t);
  await addOtherTown(t.database.db);
});
afterAll(() => t.close());

describe('appeal analysis routes × callers', () => {
  it('allow exactly the callers their policy names, and never fail with a 500', async () => {
    const ours = registeredRoutes().filter((r) => r.policy.name.startsWith('appeal_analysis.'));
    expect(ours.length).toBeGreaterThanOrEqual(16);
    const cookies = new Map<Caller, string | undefined>();
    for (const caller of CALLERS)
      cookies.set(caller, caller === 'anonymous' ? undefined : await t.login(USERS[caller]));
    const wrong: string[] = [];
    for (const route of ours) {
      const allowed = EXPECTED[route.policy.name];
      expect(allowed, route.policy.name).toBeDefined();
      const path = route.path.replace('{townId}', t.townId).replace(/\{[A-Za-z]+\}/g, SAMPLE);
      for (const caller of CALLERS) {
        const res = await t.call(route.method, path, {
          cookie: cookies.get(caller),
          body: ['POST', 'PATCH'].includes(route.method) ? {} : undefined,
        });
        const denied = res.status === 401 || res.status === 403;
        if (denied === allowed!.includes(caller) || res.status >= 500)
          wrong.push(`${route.method} ${route.path} ${caller} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
