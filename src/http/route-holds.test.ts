/**
 * A route policy with a database part (`holds`): the session's allowed policies, from which the
 * menu is built, agree with what the routes answer. 发展党员 is the case: a 班子成员 or 专干 passes
 * only with the organisation portfolio (their own, or their unit's). An empty town, four users.
 * The menu shows 发展党员 exactly to holders of `member_development.read` (web/src/layout/menu.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { townFixture } from '../testing/town.ts';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  const persona = async (name: string, portfolio: string) =>
    (await town.persona(name, 'portfolio_leader', { portfolios: [portfolio] })).cookie;
  cookies.zuzhi = await persona('zuzhi', 'organization');
  cookies.xuanchuan = await persona('xuanchuan', 'propaganda');
  const staff = async (name: string, office: string, portfolio: string) =>
    (await town.unitPersona(name, 'staff', await town.office(office, [portfolio]), `${office}专干`))
      .cookie;
  cookies.dangjian = await staff('dangjian', '党建工作办公室', 'party_building');
  cookies.wenhua = await staff('wenhua', '宣传文化站', 'propaganda');
});
afterAll(() => t.close());

async function seen(username: string) {
  const cookie = cookies[username]!;
  const me = await t.call('GET', '/api/v1/auth/me', { cookie });
  const allowed = me.body.allowedPolicies[t.townId] as string[];
  const base = `/api/v1/towns/${t.townId}/member-development`;
  const list = await t.call('GET', `${base}/candidates`, { cookie });
  const apply = await t.call('POST', `${base}/candidates`, { cookie, body: { payload: {} } });
  return { allowed, list: list.status, apply: apply.status, detail: list.body.detail };
}

describe('route policies with a database part (发展党员 and the organisation portfolio)', () => {
  it('lets a leader or staff member with the portfolio in, in the session and on the routes', async () => {
    for (const username of ['zuzhi', 'dangjian']) {
      const s = await seen(username);
      expect(s.allowed, username).toContain('member_development.read');
      expect(s.allowed, username).toContain('member_development.manage');
      expect(s.list, username).toBe(200);
      expect(s.apply, username).toBe(422); // let in, then the empty form is refused
    }
  });

  it('keeps one without it out of both, refusing in Chinese before validation', async () => {
    for (const username of ['xuanchuan', 'wenhua']) {
      const s = await seen(username);
      expect(s.allowed, username).not.toContain('member_development.read');
      expect(s.allowed, username).not.toContain('member_development.manage');
      // Other entries of a 班子成员 or 专干 stay (the check is the portfolio, not the role).
      expect(s.allowed, username).toContain('appeals.read');
      expect(s.list, username).toBe(403);
      expect(s.detail, username).toContain('组织（党建）');
      expect(s.apply, username).toBe(403);
    }
  });
});
