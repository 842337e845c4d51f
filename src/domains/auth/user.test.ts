import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../../testing/app.ts';
import { townFixture } from '../../testing/town.ts';

let t: TestApp;
let admin: string;
let users: string;
let otherTownId: string;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  admin = (await town.user('admin', 'admin')).cookie;
  await town.unitPersona('zhuangan', 'staff', await town.office('宣传办'));
  users = `/api/v1/towns/${t.townId}/users`;
  const county = (await t.call('GET', '/api/v1/counties', { cookie: admin })).body[0];
  // The admin is the county admin (its only town); adding a town makes them admin of both.
  otherTownId = (
    await t.call('POST', `/api/v1/counties/${county.id}/towns`, {
      cookie: admin,
      body: { name: '东山镇', code: 'dongshan' },
    })
  ).body.id;
});
afterAll(() => t.close());

async function userByName(username: string) {
  return (
    (await t.call('GET', users, { cookie: admin })).body.items as {
      id: string;
      username: string;
      version: number;
      roles: { role: string; townId: string; unitId: string | null }[];
    }[]
  ).find((u) => u.username === username)!;
}

describe('account writes with bad references answer 4xx with a Chinese detail', () => {
  it('refuses a personId that is not a person of the town when editing a user (422 on 关联人员)', async () => {
    const u = await userByName('zhuangan');
    const res = await t.call('PATCH', `${users}/${u.id}`, {
      cookie: admin,
      body: { version: u.version, personId: '01900000-0000-7000-8000-00000000dead' },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'personId', label: '关联人员' });
    expect((await userByName('zhuangan')).version).toBe(u.version);
  });

  it('refuses a taken username (409, any letter case) and a unit scope outside the account’s town (422)', async () => {
    const taken = await t.call('POST', users, {
      cookie: admin,
      body: { username: 'ZhuanGan', displayName: '重名', roles: [{ role: 'staff' }] },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.detail).toBe('用户名“ZhuanGan”已被使用');
    const unit = (
      await t.call('POST', `/api/v1/towns/${otherTownId}/units`, {
        cookie: admin,
        body: { kind: 'government', name: '东山镇人民政府' },
      })
    ).body;
    const foreign = await t.call('POST', users, {
      cookie: admin,
      body: {
        username: 'scope_x',
        displayName: '越界',
        roles: [{ role: 'staff', townId: otherTownId, unitId: unit.id }],
      },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0]).toMatchObject({ path: 'roles.0.unitId', label: '范围单位' });
  });
});

describe('a county supervisor over several towns', () => {
  // An admin of one town may not grant another town, nor drop it, but keeps it when editing.
  it('is set up by an admin of every town in scope', async () => {
    const created = await t.call('POST', users, {
      cookie: admin,
      body: {
        username: 'xiandu',
        displayName: '县督查',
        roles: [{ role: 'county_supervisor' }, { role: 'county_supervisor', townId: otherTownId }],
        password: TEST_PASSWORD,
      },
    });
    expect(created.status).toBe(201);
    const supervisor = await t.login('xiandu');
    const towns = (await t.call('GET', '/api/v1/towns', { cookie: supervisor })).body
      .map((x: { code: string }) => x.code)
      .sort();
    expect(towns).toEqual(['dongshan', 'testtown']);

    // An admin of 测试镇 only.
    await t.call('POST', users, {
      cookie: admin,
      body: {
        username: 'qsadmin',
        displayName: '测试镇管理员',
        roles: [{ role: 'admin' }],
        password: TEST_PASSWORD,
      },
    });
    const townAdmin = await t.login('qsadmin');
    const grant = await t.call('POST', users, {
      cookie: townAdmin,
      body: {
        username: 'xiandu2',
        displayName: '县督查二',
        roles: [{ role: 'county_supervisor', townId: otherTownId }],
      },
    });
    expect(grant.status).toBe(403);
    expect(grant.body.detail).toBe('您不是“东山镇”的管理员，不能授予该乡镇的角色');

    const u = await userByName('xiandu');
    const kept = await t.call('PATCH', `${users}/${u.id}`, {
      cookie: townAdmin,
      body: { version: u.version, displayName: '县督查室', roles: u.roles },
    });
    expect(kept.status).toBe(200);
    expect(kept.body.roles).toHaveLength(2);
    const dropped = await t.call('PATCH', `${users}/${u.id}`, {
      cookie: townAdmin,
      body: { version: kept.body.version, roles: [{ role: 'county_supervisor' }] },
    });
    expect(dropped.status).toBe(403);
    const byCountyAdmin = await t.call('PATCH', `${users}/${u.id}`, {
      cookie: admin,
      body: { version: kept.body.version, roles: [{ role: 'county_supervisor' }] },
    });
    expect(byCountyAdmin.status).toBe(200);
    expect(byCountyAdmin.body.roles).toEqual([
      { role: 'county_supervisor', townId: t.townId, unitId: null },
    ]);
  });
});
