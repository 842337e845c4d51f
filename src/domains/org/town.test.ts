import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, createTestApp, type TestApp } from '../../testing/app.ts';
import { townSettings } from './town-settings.service.ts';
import { createUser } from '../auth/user.service.ts';
import { DEFAULT_OFFICE_HOURS } from '../../core/calendar/index.ts';
import { townFixture } from '../../testing/town.ts';

// 测试镇 (code testtown) of 测试县 (testcounty), as `lvzhi town add` leaves it, with an admin, a
// leader and a staff member.
let t: TestApp;
let admin: string;
let leader: string;
let staff: string;
let countyId: string;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  admin = (await town.user('admin', 'admin')).cookie;
  leader = (await town.persona('leader', 'leader')).cookie;
  staff = (await town.unitPersona('staff', 'staff', await town.office('宣传办'))).cookie;
  countyId = (
    await t.database.db
      .selectFrom('town')
      .select('county_id')
      .where('id', '=', t.townId)
      .executeTakeFirstOrThrow()
  ).county_id;
});
afterAll(() => t.close());

const adminUserId = () =>
  t.database.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);

describe('towns and counties (乡镇信息)', () => {
  it('lists the caller’s county with its towns; the admin of the county’s only town is its county admin', async () => {
    const res = await t.call('GET', '/api/v1/counties', { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        id: countyId,
        name: '测试县',
        code: 'testcounty',
        version: 1,
        isCountyAdmin: true,
        towns: [expect.objectContaining({ id: t.townId, name: '测试镇' })],
      }),
    ]);
    const asStaff = await t.call('GET', '/api/v1/counties', { cookie: staff });
    expect(asStaff.body[0].isCountyAdmin).toBe(false);
  });

  // Only its admin changes them (version, 409, 422, audit, no stale cache).
  it('shows the town and its office hours to everyone in it', async () => {
    const url = `/api/v1/towns/${t.townId}`;
    const read = await t.call('GET', url, { cookie: staff });
    expect(read.body).toMatchObject({
      name: '测试镇',
      code: 'testtown',
      countyName: '测试县',
      version: 1,
      defaultOfficeHours: true,
      settings: { officeHours: DEFAULT_OFFICE_HOURS.periods },
    });
    expect(
      (
        await t.call('PATCH', url, {
          cookie: leader,
          body: { version: 1, name: '测试街道' },
        })
      ).status,
    ).toBe(403);
    await townSettings(t.database.db, t.townId); // warm the cache the edit must invalidate
    const hours = [
      { start: '08:00', end: '12:00' },
      { start: '13:30', end: '17:00' },
    ];
    const edited = await t.call('PATCH', url, {
      cookie: admin,
      body: { version: 1, name: '测试街道', settings: { officeHours: hours } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: '测试街道',
      version: 2,
      settings: { officeHours: hours },
    });
    expect((await townSettings(t.database.db, t.townId)).officeHours.periods).toEqual(hours);
    const stale = await t.call('PATCH', url, {
      cookie: admin,
      body: { version: 1, name: '测试镇' },
    });
    expect(stale.status).toBe(409);
    const overlapping = await t.call('PATCH', url, {
      cookie: admin,
      body: {
        version: 2,
        settings: {
          officeHours: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      },
    });
    expect(overlapping.status).toBe(422);
    expect(overlapping.body.errors[0]).toMatchObject({
      path: 'settings.officeHours.1',
      label: '办公时间',
    });
    const back = await t.call('PATCH', url, {
      cookie: admin,
      body: { version: 2, name: '测试镇' },
    });
    expect(back.body).toMatchObject({
      name: '测试镇',
      version: 3,
      settings: { officeHours: hours },
    });
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select(['action', 'town_id'])
      .where('entity_type', '=', 'town')
      .where('entity_id', '=', t.townId)
      .where('action', '=', 'update')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'update', town_id: t.townId },
      { action: 'update', town_id: t.townId },
    ]);
  });

  // An unused town can be removed, one with data cannot.
  it('lets a county admin add a town, granting them its admin role', async () => {
    const created = await t.call('POST', `/api/v1/counties/${countyId}/towns`, {
      cookie: admin,
      body: { name: '东山镇', code: 'dongshan' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: '东山镇',
      code: 'dongshan',
      countyId,
      version: 1,
      defaultOfficeHours: true,
    });
    const grants = await t.database.db
      .selectFrom('user_role')
      .select(['role', 'town_id'])
      .where('user_id', '=', await adminUserId())
      .where('scope_town_id', '=', created.body.id)
      .execute();
    expect(grants).toEqual([{ role: 'admin', town_id: t.townId }]);
    expect(
      (await t.call('GET', '/api/v1/towns', { cookie: admin })).body.map(
        (x: { code: string }) => x.code,
      ),
    ).toContain('dongshan');
    const createdAudit = await t.database.db
      .selectFrom('audit_entry')
      .select('town_id')
      .where('entity_type', '=', 'town')
      .where('entity_id', '=', created.body.id)
      .where('action', '=', 'create')
      .execute();
    expect(createdAudit).toEqual([{ town_id: t.townId }]);

    const dup = await t.call('POST', `/api/v1/counties/${countyId}/towns`, {
      cookie: admin,
      body: { name: '又一个镇', code: 'testtown' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toBe('乡镇编码“testtown”已被“测试镇”使用，请换一个编码');
    expect(
      (
        await t.call('POST', `/api/v1/counties/${countyId}/towns`, {
          cookie: admin,
          body: { name: '东山镇', code: 'dongshan2' },
        })
      ).status,
    ).toBe(409);

    const used = (
      await t.call('POST', `/api/v1/counties/${countyId}/towns`, {
        cookie: admin,
        body: { name: '西岭镇', code: 'xiling' },
      })
    ).body;
    expect(
      (
        await t.call('POST', `/api/v1/towns/${used.id}/units`, {
          cookie: admin,
          body: { kind: 'government', name: '西岭镇人民政府' },
        })
      ).status,
    ).toBe(201);
    const refused = await t.call('DELETE', `/api/v1/towns/${used.id}?version=1`, { cookie: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      '“西岭镇”已有 1 个单位、1 条审计记录，不能删除（只能删除尚未使用的乡镇）',
    );

    expect(
      (await t.call('DELETE', `/api/v1/towns/${created.body.id}?version=9`, { cookie: admin }))
        .status,
    ).toBe(409);
    expect(
      (await t.call('DELETE', `/api/v1/towns/${created.body.id}?version=1`, { cookie: admin }))
        .status,
    ).toBe(204);
    expect(
      await t.database.db
        .selectFrom('town')
        .select('id')
        .where('id', '=', created.body.id)
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await t.database.db
        .selectFrom('user_role')
        .select('id')
        .where('scope_town_id', '=', created.body.id)
        .execute(),
    ).toEqual([]);
  });

  it('renames the county with its version; a town code changes only by a county admin and stays unique', async () => {
    const renamed = await t.call('PATCH', `/api/v1/counties/${countyId}`, {
      cookie: admin,
      body: { version: 1, name: '测试区' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '测试区', version: 2 });
    expect(
      (
        await t.call('PATCH', `/api/v1/counties/${countyId}`, {
          cookie: admin,
          body: { version: 1, name: '测试县' },
        })
      ).status,
    ).toBe(409);
    const town = (await t.call('GET', `/api/v1/towns/${t.townId}`, { cookie: admin })).body;
    expect(
      (
        await t.call('PATCH', `/api/v1/towns/${t.townId}`, {
          cookie: admin,
          body: { version: town.version, code: 'xiling' },
        })
      ).status,
    ).toBe(409);
    const recoded = await t.call('PATCH', `/api/v1/towns/${t.townId}`, {
      cookie: admin,
      body: { version: town.version, code: 'testtown-zhen' },
    });
    expect(recoded.body.code).toBe('testtown-zhen');
    expect(
      (
        await t.call('PATCH', `/api/v1/towns/${t.townId}`, {
          cookie: admin,
          body: { version: recoded.body.version, code: 'testtown' },
        })
      ).status,
    ).toBe(200);
  });

  it('refuses county writes to an admin who does not administer every town of the county', async () => {
    const db = t.database.db;
    const baiyun = '01900000-0000-7000-8000-0000000000b1';
    await db
      .insertInto('town')
      .values({ id: baiyun, county_id: countyId, name: '白云镇', code: 'baiyun' })
      .execute();
    await db.transaction().execute((trx) =>
      createUser(
        trx,
        { actor: null, townId: baiyun, ip: null },
        {
          username: 'baiyun_admin',
          displayName: '白云镇管理员',
          roles: [{ role: 'admin' }],
          password: TEST_PASSWORD,
        },
      ),
    );
    const other = await t.login('baiyun_admin');
    const counties = (await t.call('GET', '/api/v1/counties', { cookie: other })).body;
    expect(counties).toEqual([
      expect.objectContaining({
        isCountyAdmin: false,
        towns: [expect.objectContaining({ code: 'baiyun' })],
      }),
    ]);
    const add = await t.call('POST', `/api/v1/counties/${countyId}/towns`, {
      cookie: other,
      body: { name: '南湖镇', code: 'nanhu' },
    });
    expect(add.status).toBe(403);
    expect(add.body.detail).toContain('县级管理员');
    expect(
      (
        await t.call('PATCH', `/api/v1/counties/${countyId}`, {
          cookie: other,
          body: { version: 2, name: '某县' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('PATCH', `/api/v1/towns/${baiyun}`, {
          cookie: other,
          body: { version: 1, code: 'baiyun2' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('PATCH', `/api/v1/towns/${baiyun}`, {
          cookie: other,
          body: { version: 1, name: '白云街道' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await t.call('DELETE', `/api/v1/towns/${baiyun}?version=2`, { cookie: other })).status,
    ).toBe(403);
    // The first town's admin no longer administers every town of the county either.
    expect(
      (
        await t.call('POST', `/api/v1/counties/${countyId}/towns`, {
          cookie: admin,
          body: { name: '南湖镇', code: 'nanhu' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call('POST', `/api/v1/counties/${countyId}/towns`, {
          cookie: staff,
          body: { name: '南湖镇', code: 'nanhu' },
        })
      ).status,
    ).toBe(403);
  });
});
