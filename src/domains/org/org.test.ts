import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { townFixture, type TestUser } from '../../testing/town.ts';

// A small town: 党政综合办公室 (two people with positions), 党建工作办公室 and 社会治理综合服务中心
// carrying portfolios, 东村 with its party branch and a 包联 leader, thirty more people with
// phones, an admin, a 宣传委员, a staff member of 党建工作办公室 and 东村's cadre.
let t: TestApp;
let admin: string;
let staff: TestUser;
let cadre: TestUser;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  const general = await town.unit('党政综合办公室', { code: 'office_general' });
  const party = await town.unit('党建工作办公室', {
    code: 'office_party',
    portfolios: ['party_building', 'organization'],
  });
  await town.unit('社会治理综合服务中心', { portfolios: ['politics_law', 'petitions'] });
  const village = await town.village('东村');
  await town.unit('东村党支部', { kind: 'branch', parentId: village });
  for (const name of ['党政办主任', '党政办干事']) {
    const person = await town.person(name, general, '13700000001');
    await town.position(person, { unitId: general, title: name });
  }
  for (let i = 0; i < 30; i++)
    await town.person(`群众代表${i}`, null, `1380000${String(i).padStart(4, '0')}`);
  const propaganda = await town.persona('propaganda', 'portfolio_leader', {
    title: '党委委员、宣传委员',
    portfolios: ['propaganda', 'ideology'],
    liaisonVillages: [village],
  });
  expect(propaganda.personId).toBeTruthy();
  staff = await town.unitPersona('staff', 'staff', party, '党建专干');
  cadre = await town.unitPersona('cadre', 'village_cadre', village, '东村党支部书记');
  admin = (await town.user('admin', [{ role: 'admin' }, { role: 'leader' }])).cookie;
  base = `/api/v1/towns/${t.townId}`;
});
afterAll(() => t.close());

describe('organisation of a town', () => {
  it('lists every person, paged by cursor without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = await t.call('GET', `${base}/people?limit=25${q}`, { cookie: admin });
      for (const p of res.body.items) {
        expect(seen.has(p.id)).toBe(false);
        seen.add(p.id);
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    const stored = await t.database.db
      .selectFrom('person')
      .select('id')
      .where('town_id', '=', t.townId)
      .execute();
    expect(stored.length).toBeGreaterThan(25);
    expect([...seen].sort()).toEqual(stored.map((p) => p.id).sort());
  });

  it('gives the leadership positions with portfolios from the catalogue', async () => {
    const positions = (await t.call('GET', `${base}/positions`, { cookie: admin })).body.items as {
      title: string;
      portfolios: string[];
      leadership: boolean;
    }[];
    const propaganda = positions.find((p) => p.title.includes('宣传委员'))!;
    expect(propaganda.portfolios.sort()).toEqual(['ideology', 'propaganda']);
    expect(propaganda.leadership).toBe(true);
    expect(positions.filter((p) => p.leadership)).toHaveLength(1);
  });

  it('masks cadres’ phone numbers for readers who are not leaders', async () => {
    const res = await t.call('GET', `${base}/people?limit=5`, { cookie: cadre.cookie });
    const phones = res.body.items.map((p: { phone: string | null }) => p.phone).filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const full = await t.call('GET', `${base}/people?limit=5`, { cookie: admin });
    const shown = full.body.items.map((p: { phone: string | null }) => p.phone).filter(Boolean);
    expect(shown.length).toBeGreaterThan(0);
    for (const phone of shown) expect(phone).toMatch(/^1\d{10}$/);
  });
});

describe('writes', () => {
  it('creates, renames and deletes a unit, with every step in the audit log', async () => {
    const created = await t.call('POST', `${base}/units`, {
      cookie: admin,
      body: { kind: 'office', name: '测试办公室' },
    });
    expect(created.status).toBe(201);
    const renamed = await t.call('PATCH', `${base}/units/${created.body.id}`, {
      cookie: admin,
      body: { version: 1, name: '测试办公室（新）' },
    });
    expect(renamed.body).toMatchObject({ name: '测试办公室（新）', version: 2 });
    expect(
      (await t.call('DELETE', `${base}/units/${created.body.id}?version=2`, { cookie: admin }))
        .status,
    ).toBe(204);
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', created.body.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('detects a concurrent edit: the stale version gets 409 and changes nothing', async () => {
    const created = await t.call('POST', `${base}/people`, {
      cookie: admin,
      body: { name: '并发测试' },
    });
    const first = await t.call('PATCH', `${base}/people/${created.body.id}`, {
      cookie: admin,
      body: { version: 1, note: '甲的修改' },
    });
    expect(first.status).toBe(200);
    const second = await t.call('PATCH', `${base}/people/${created.body.id}`, {
      cookie: admin,
      body: { version: 1, note: '乙的修改' },
    });
    expect(second.status).toBe(409);
    expect(second.body.detail).toMatch(/已被他人修改/);
    const now = await t.call('GET', `${base}/people/${created.body.id}`, { cookie: admin });
    expect(now.body.note).toBe('甲的修改');
  });

  it('refuses to move a unit under its own descendant', async () => {
    const units = (await t.call('GET', `${base}/units`, { cookie: admin })).body.items as {
      id: string;
      kind: string;
      parentId: string;
      version: number;
    }[];
    const village = units.find((u) => u.kind === 'village')!;
    const branch = units.find((u) => u.parentId === village.id)!;
    const res = await t.call('PATCH', `${base}/units/${village.id}`, {
      cookie: admin,
      body: { version: village.version, parentId: branch.id },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'parentId', label: '上级单位' });
  });

  it('rejects an unknown portfolio code and a unit from another town', async () => {
    const people = (await t.call('GET', `${base}/people?limit=1`, { cookie: admin })).body.items;
    const units = (await t.call('GET', `${base}/units`, { cookie: admin })).body.items;
    const bad = await t.call('POST', `${base}/positions`, {
      cookie: admin,
      body: {
        personId: people[0].id,
        unitId: units[0].id,
        title: '试用',
        portfolios: ['no_such_thing'],
        startsOn: '2025-01-01',
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toContain('未知的分管领域编码');
    const foreign = await t.call('POST', `${base}/positions`, {
      cookie: admin,
      body: {
        personId: people[0].id,
        unitId: '01900000-0000-7000-8000-000000000000',
        title: '试用',
        startsOn: '2025-01-01',
      },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].label).toBe('任职单位');
  });

  it('refuses to delete a person who still holds positions', async () => {
    const positions = (await t.call('GET', `${base}/positions`, { cookie: admin })).body.items;
    const person = (
      await t.call('GET', `${base}/people/${positions[0].personId}`, { cookie: admin })
    ).body;
    const res = await t.call('DELETE', `${base}/people/${person.id}?version=${person.version}`, {
      cookie: admin,
    });
    expect(res.status).toBe(409);
  });
});

describe('what a unit carries (本单位承担的业务)', () => {
  it('lists each unit with its portfolios', async () => {
    const units = (await t.call('GET', `${base}/units`, { cookie: staff.cookie })).body.items as {
      name: string;
      portfolios: string[];
    }[];
    expect(units.find((u) => u.name === '党建工作办公室')!.portfolios).toEqual([
      'organization',
      'party_building',
    ]);
    expect(units.find((u) => u.name === '社会治理综合服务中心')!.portfolios).toEqual([
      'petitions',
      'politics_law',
    ]);
    expect(units.find((u) => u.name === '东村')!.portfolios).toEqual([]);
  });

  it('sets them with the unit’s version, audited, refusing unknown codes, stale versions and non-admins', async () => {
    const created = (
      await t.call('POST', `${base}/units`, {
        cookie: admin,
        body: { kind: 'office', name: '综合执法队', portfolios: ['safety'] },
      })
    ).body;
    expect(created.portfolios).toEqual(['safety']);
    const url = `${base}/units/${created.id}/portfolios`;
    const set = await t.call('PUT', url, {
      cookie: admin,
      body: { version: 1, portfolios: ['urban_construction', 'environment', 'environment'] },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      portfolios: ['environment', 'urban_construction'],
      version: 2,
    });
    expect(
      (await t.call('GET', `${base}/units/${created.id}`, { cookie: admin })).body.portfolios,
    ).toEqual(['environment', 'urban_construction']);
    const stale = await t.call('PUT', url, { cookie: admin, body: { version: 1, portfolios: [] } });
    expect(stale.status).toBe(409);
    const bad = await t.call('PUT', url, {
      cookie: admin,
      body: { version: 2, portfolios: ['no_such_thing'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ path: 'portfolios', label: '承担业务' });
    expect(
      (
        await t.call('PUT', url, {
          cookie: staff.cookie,
          body: { version: 2, portfolios: [] },
        })
      ).status,
    ).toBe(403);
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select(['action', 'after'])
      .where('entity_id', '=', created.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect((audit[1]!.after as { portfolios: string[] }).portfolios).toEqual([
      'environment',
      'urban_construction',
    ]);
    const cleared = await t.call('PATCH', `${base}/units/${created.id}`, {
      cookie: admin,
      body: { version: 2, portfolios: [] },
    });
    expect(cleared.body).toMatchObject({ portfolios: [], version: 3 });
    expect(
      (await t.call('DELETE', `${base}/units/${created.id}?version=3`, { cookie: admin })).status,
    ).toBe(204);
  });
});

describe('writes that would break a reference answer 409/422 with what blocks them, never 500', () => {
  type U = { id: string; name: string; code: string | null; version: number; kind: string };
  const units = async () =>
    (await t.call('GET', `${base}/units`, { cookie: admin })).body.items as U[];

  it('refuses to delete 党政综合办公室 while people and positions are in it, naming how many of each', async () => {
    const office = (await units()).find((u) => u.name === '党政综合办公室')!;
    const db = t.database.db;
    const people = await db
      .selectFrom('person')
      .select('id')
      .where('town_id', '=', t.townId)
      .where('unit_id', '=', office.id)
      .execute();
    const positions = await db
      .selectFrom('position')
      .select('id')
      .where('town_id', '=', t.townId)
      .where('unit_id', '=', office.id)
      .execute();
    expect(people.length).toBeGreaterThan(0);
    const res = await t.call('DELETE', `${base}/units/${office.id}?version=${office.version}`, {
      cookie: admin,
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain(`${people.length} 名人员`);
    expect(res.body.detail).toContain(`${positions.length} 个职务`);
    expect(res.body.detail).toMatch(/^该单位下还有 .*，请先调整后再删除$/);
    expect((await units()).some((u) => u.id === office.id)).toBe(true);
  });

  // A stale version still answers 409 first.
  it('names sub-units and account scopes that block a unit delete', async () => {
    const village = (await units()).find((u) => u.name === '东村')!;
    const blocked = await t.call(
      'DELETE',
      `${base}/units/${village.id}?version=${village.version}`,
      { cookie: admin },
    );
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toMatch(/个下级单位/);
    expect(blocked.body.detail).toMatch(/条包联记录/);
    const stale = await t.call(
      'DELETE',
      `${base}/units/${village.id}?version=${village.version + 7}`,
      { cookie: admin },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/已被他人修改/);
  });

  it('refuses to delete a person linked to a login account, and one holding a 包联', async () => {
    const linked = (await t.call('GET', `${base}/people/${cadre.personId}`, { cookie: admin }))
      .body;
    const res = await t.call('DELETE', `${base}/people/${linked.id}?version=${linked.version}`, {
      cookie: admin,
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('1 个登录账号');

    const person = (
      await t.call('POST', `${base}/people`, { cookie: admin, body: { name: '包联测试' } })
    ).body;
    const village = (await units()).find((u) => u.kind === 'village')!;
    const liaison = await t.call('POST', `${base}/village-liaisons`, {
      cookie: admin,
      body: { villageId: village.id, personId: person.id, startsOn: '2025-01-01' },
    });
    expect(liaison.status).toBe(201);
    const held = await t.call('DELETE', `${base}/people/${person.id}?version=${person.version}`, {
      cookie: admin,
    });
    expect(held.status).toBe(409);
    expect(held.body.detail).toBe('该人员还关联 1 条包联记录，请先调整后再删除');
    await t.call('DELETE', `${base}/village-liaisons/${liaison.body.id}?version=1`, {
      cookie: admin,
    });
    expect(
      (
        await t.call('DELETE', `${base}/people/${person.id}?version=${person.version}`, {
          cookie: admin,
        })
      ).status,
    ).toBe(204);
  });

  it('refuses a second unit with the same code, on create and on rename, naming the unit that has it', async () => {
    const dup = await t.call('POST', `${base}/units`, {
      cookie: admin,
      body: { kind: 'office', name: '重复编码办', code: 'office_general' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toBe('单位编码“office_general”已被“党政综合办公室”使用，请换一个编码');
    const created = (
      await t.call('POST', `${base}/units`, {
        cookie: admin,
        body: { kind: 'office', name: '编码测试办', code: 'code_test' },
      })
    ).body;
    const patched = await t.call('PATCH', `${base}/units/${created.id}`, {
      cookie: admin,
      body: { version: 1, code: 'office_general' },
    });
    expect(patched.status).toBe(409);
    const same = await t.call('PATCH', `${base}/units/${created.id}`, {
      cookie: admin,
      body: { version: 1, code: 'code_test', name: '编码测试办（改）' },
    });
    expect(same.status).toBe(200);
  });

  it('refuses a parent unit from another town (422 on 上级单位)', async () => {
    const county = await t.database.db.selectFrom('county').select('id').executeTakeFirstOrThrow();
    const otherTown = '01900000-0000-7000-8000-0000000000aa';
    const otherUnit = '01900000-0000-7000-8000-0000000000ab';
    await t.database.db
      .insertInto('town')
      .values({ id: otherTown, county_id: county.id, name: '外镇', code: 'waizhen_org' })
      .execute();
    await t.database.db
      .insertInto('unit')
      .values({
        town_id: otherTown,
        id: otherUnit,
        parent_id: null,
        kind: 'government',
        name: '外镇人民政府',
      })
      .execute();
    const res = await t.call('POST', `${base}/units`, {
      cookie: admin,
      body: { kind: 'office', name: '越界办', parentId: otherUnit },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'parentId', label: '上级单位' });
    const office = (await units()).find((u) => u.name === '党政综合办公室')!;
    const moved = await t.call('PATCH', `${base}/units/${office.id}`, {
      cookie: admin,
      body: { version: office.version, parentId: otherUnit },
    });
    expect(moved.status).toBe(422);
  });
});

describe('ending a 包联 with a date (PATCH, version-checked, audited)', () => {
  it('sets the end date, refuses an end before the start and a stale version, and records the change', async () => {
    const liaison = (
      await t.call('GET', `${base}/village-liaisons`, { cookie: admin })
    ).body.items.find((l: { endsOn: string | null }) => !l.endsOn);
    const url = `${base}/village-liaisons/${liaison.id}`;
    const early = await t.call('PATCH', url, {
      cookie: admin,
      body: { version: liaison.version, endsOn: '1999-12-31' },
    });
    expect(early.status).toBe(422);
    expect(early.body.errors[0]).toMatchObject({ path: 'endsOn', label: '结束日期' });
    const ended = await t.call('PATCH', url, {
      cookie: admin,
      body: { version: liaison.version, endsOn: '2025-06-30' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      id: liaison.id,
      endsOn: '2025-06-30',
      startsOn: liaison.startsOn,
      version: liaison.version + 1,
    });
    const stale = await t.call('PATCH', url, {
      cookie: admin,
      body: { version: liaison.version, endsOn: null },
    });
    expect(stale.status).toBe(409);
    expect(
      (
        await t.call('PATCH', url, {
          cookie: staff.cookie,
          body: { version: liaison.version + 1, endsOn: null },
        })
      ).status,
    ).toBe(403);
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select(['action', 'after'])
      .where('entity_id', '=', liaison.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['update']);
    expect((audit[0]!.after as { endsOn: string }).endsOn).toBe('2025-06-30');
    const reopened = await t.call('PATCH', url, {
      cookie: admin,
      body: { version: liaison.version + 1, endsOn: null },
    });
    expect(reopened.body.endsOn).toBeNull();
  });
});
