/**
 * Staff keep their unit's types (DESIGN 2): every record of the types owned by a portfolio their
 * unit carries (本单位承担的业务), plus the records their unit subtree keeps; a unit that carries no
 * portfolio falls back to the unit-subtree rule. Metrics follow the same scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerCatalogue } from '../../core/ledger/catalogue/index.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/app.ts';
import { demoYear, type DemoYear } from '../../testing/demo.ts';

let t: TestApp;
let admin: string;
let staff: string;
let base: string;
let units: {
  id: string;
  name: string;
  parentId: string | null;
  portfolios: string[];
  version: number;
}[];

const unitNamed = (name: string) => units.find((u) => u.name === name)!;
let Y: DemoYear;

// The demo town's offices, villages and year of records; the year is read from its records.
beforeAll(async () => {
  t = await createTestApp();
  Y = await demoYear(t.database.db, t.townId);
  admin = await t.login('admin');
  staff = await t.login('zhuangan');
  base = `/api/v1/towns/${t.townId}`;
  units = (await t.call('GET', `${base}/units`, { cookie: admin })).body.items;
});
afterAll(() => t.close());

/** Every record of a type the caller can list (all pages). */
async function listAll(
  cookie: string,
  code: string,
  q = '',
): Promise<{ id: string; unitId: string | null }[]> {
  const out: { id: string; unitId: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: any } = await t.call(
      'GET',
      `${base}/ledger-types/${code}/records?limit=500${q ? `&${q}` : ''}${cursor ? `&cursor=${cursor}` : ''}`,
      { cookie },
    );
    expect(res.status, code).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

/** The metrics of a type that count every record of the period (no filter, grouping or other date). */
const plainCounts = (code: string) =>
  ledgerCatalogue
    .find((x) => x.code === code)!
    .metrics.filter(
      (m) => m.aggregation.fn === 'count' && !m.filters.length && !m.groupBy && !m.periodField,
    );

async function newStaffUser(username: string, unitId: string): Promise<string> {
  const res = await t.call('POST', `${base}/users`, {
    cookie: admin,
    body: {
      username,
      displayName: username,
      roles: [{ role: 'staff', unitId }],
      password: TEST_PASSWORD,
    },
  });
  expect(res.status).toBe(201);
  return t.login(username);
}

describe('staff of a unit with portfolios (宣传专干 in 宣传统战办公室)', () => {
  it('lists the types of the unit’s portfolios, plus the types the unit already keeps records of', async () => {
    const office = unitNamed('宣传统战办公室');
    expect(office.portfolios).toEqual(['ideology', 'propaganda']);
    const kept = await t.database.db
      .selectFrom('ledger_record')
      .select('type_code')
      .distinct()
      .where('town_id', '=', t.townId)
      .where('unit_id', '=', office.id)
      .where('deleted_at', 'is', null)
      .execute();
    const expected = new Set([
      ...ledgerCatalogue.filter((x) => office.portfolios.includes(x.portfolio)).map((x) => x.code),
      ...kept.map((k) => k.type_code),
    ]);
    const listed = (await t.call('GET', `${base}/ledger-types`, { cookie: staff })).body.items.map(
      (x: { code: string }) => x.code,
    );
    expect(new Set(listed)).toEqual(expected);
    expect(listed).toContain('propaganda_item');
    expect(listed).not.toContain('branch_meeting');
  });

  it('reads every record of those types town-wide, including other units’, and none of other types', async () => {
    // 新时代文明实践活动 are held at the villages' stations: other units' records of its types.
    const mine = await listAll(staff, 'civilization_activity');
    const all = await listAll(admin, 'civilization_activity');
    expect(mine.map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
    expect(mine.some((r) => r.unitId === unitNamed('石桥村').id)).toBe(true);
    const meeting = (await listAll(admin, 'branch_meeting'))[0]!;
    expect(
      (await t.call('GET', `${base}/ledger-types/branch_meeting/records`, { cookie: staff }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.call('GET', `${base}/ledger-types/branch_meeting/records/${meeting.id}`, {
          cookie: staff,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('GET', `${base}/metrics/ledger.branch_meeting.held?${Y.query}`, {
          cookie: staff,
        })
      ).status,
    ).toBe(404);
  });

  it('writes records of its types for any unit, and is refused (404) on other types', async () => {
    const village = unitNamed('青松村').id;
    const created = await t.call('POST', `${base}/ledger-types/publicity_site/records`, {
      cookie: staff,
      body: {
        data: {
          site_kind: 'slogan',
          action: 'added',
          village,
          location: '村委会门口',
          quantity: 2,
          acted_on: Y.on('06-01'),
        },
      },
    });
    expect(created.status).toBe(201);
    const patched = await t.call(
      'PATCH',
      `${base}/ledger-types/publicity_site/records/${created.body.id}`,
      { cookie: staff, body: { version: 1, data: { ...created.body.data, quantity: 3 } } },
    );
    expect(patched.status).toBe(200);
    const meeting = (await listAll(admin, 'branch_meeting'))[0]!;
    const full = (
      await t.call('GET', `${base}/ledger-types/branch_meeting/records/${meeting.id}`, {
        cookie: admin,
      })
    ).body;
    expect(
      (
        await t.call('PATCH', `${base}/ledger-types/branch_meeting/records/${meeting.id}`, {
          cookie: staff,
          body: { version: full.version, data: full.data },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call(
          'DELETE',
          `${base}/ledger-types/branch_meeting/records/${meeting.id}?version=${full.version}`,
          { cookie: staff },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('POST', `${base}/ledger-types/branch_meeting/records`, {
          cookie: staff,
          body: { data: full.data },
        })
      ).status,
    ).toBe(404);
  });

  it('counts in metrics exactly what it can list', async () => {
    const listed = (await t.call('GET', `${base}/metrics`, { cookie: staff })).body.items as {
      id: string;
      typeCode: string;
    }[];
    const types = (await t.call('GET', `${base}/ledger-types`, { cookie: staff })).body.items as {
      code: string;
    }[];
    expect(new Set(listed.map((m) => m.typeCode))).toEqual(
      new Set(
        types
          .map((x) => x.code)
          .filter((c) => ledgerCatalogue.some((x) => x.code === c && x.metrics.length)),
      ),
    );
    let checked = 0;
    for (const { code } of types) {
      for (const m of plainCounts(code)) {
        const value = await t.call('GET', `${base}/metrics/${m.id}?${Y.query}`, { cookie: staff });
        expect(value.body.value, m.id).toBe((await listAll(staff, code, Y.query)).length);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
    const item = await t.call('GET', `${base}/metrics/ledger.propaganda_item.count?${Y.query}`, {
      cookie: staff,
    });
    expect(item.body.value).toBe(
      (
        await t.call('GET', `${base}/metrics/ledger.propaganda_item.count?${Y.query}`, {
          cookie: admin,
        })
      ).body.value,
    );
  });
});

describe('staff of a unit without portfolios (退役军人服务站)', () => {
  let vet: string;
  let station: { id: string; version: number };
  beforeAll(async () => {
    station = unitNamed('退役军人服务站');
    vet = await newStaffUser('tuiyijunren', station.id);
  });

  it('falls back to the unit-subtree rule: every type, only its own unit’s records', async () => {
    const listed = (await t.call('GET', `${base}/ledger-types`, { cookie: vet })).body.items;
    expect(listed.length).toBeGreaterThanOrEqual(ledgerCatalogue.length);
    const own = await t.call('POST', `${base}/ledger-types/safety_hazard/records`, {
      cookie: vet,
      body: {
        data: {
          place: '服务站锅炉房',
          village: station.id,
          hazard_kind: 'fire',
          severity: 'general',
          found_on: Y.on('05-06'),
          description: '灭火器过期',
        },
      },
    });
    expect(own.status).toBe(201);
    const outside = await t.call('POST', `${base}/ledger-types/safety_hazard/records`, {
      cookie: vet,
      body: {
        data: {
          place: '村部',
          village: unitNamed('石桥村').id,
          hazard_kind: 'fire',
          severity: 'general',
          found_on: Y.on('05-06'),
          description: '越界',
        },
      },
    });
    expect(outside.status).toBe(422);
    const mine = await listAll(vet, 'safety_hazard');
    expect(mine.map((r) => r.id)).toEqual([own.body.id]);
    for (const m of plainCounts('safety_hazard'))
      expect(
        (await t.call('GET', `${base}/metrics/${m.id}?${Y.query}`, { cookie: vet })).body.value,
      ).toBe(1);
  });

  // ...and the types the unit already keeps.
  it('once the admin gives the unit a portfolio, keeps that portfolio’s types town-wide', async () => {
    const set = await t.call('PUT', `${base}/units/${station.id}/portfolios`, {
      cookie: admin,
      body: { version: station.version, portfolios: ['armed_forces'] },
    });
    expect(set.status).toBe(200);
    expect(set.body.portfolios).toEqual(['armed_forces']);
    const listed = (await t.call('GET', `${base}/ledger-types`, { cookie: vet })).body.items
      .map((x: { code: string }) => x.code)
      .sort();
    const armed = ledgerCatalogue.filter((x) => x.portfolio === 'armed_forces').map((x) => x.code);
    expect(armed).toContain('conscription');
    expect(listed).toEqual([...armed, 'safety_hazard'].sort());
    expect((await listAll(vet, 'conscription')).length).toBe(
      (await listAll(admin, 'conscription')).length,
    );
    expect((await listAll(vet, 'safety_hazard')).length).toBe(1);
    expect(
      (await t.call('GET', `${base}/ledger-types/branch_meeting/records`, { cookie: vet })).status,
    ).toBe(404);
    for (const code of ['conscription', 'safety_hazard']) {
      for (const m of plainCounts(code))
        expect(
          (await t.call('GET', `${base}/metrics/${m.id}?${Y.query}`, { cookie: vet })).body.value,
          m.id,
        ).toBe((await listAll(vet, code, Y.query)).length);
    }
  });
});

describe('a village cadre (石桥村)', () => {
  it('counts in metrics the records naming them outside their village, exactly as the list shows them', async () => {
    const cadre = await t.login('cunganbu');
    const me = (await t.call('GET', '/api/v1/auth/me', { cookie: cadre })).body as {
      personId: string;
    };
    const elsewhere = unitNamed('宣传统战办公室').id;
    const before = (await listAll(cadre, 'propaganda_item', Y.query)).length;
    const created = await t.call('POST', `${base}/ledger-types/propaganda_item/records`, {
      cookie: admin,
      body: {
        data: {
          title: '村干部撰写的稿件',
          outlet: '县融媒体中心',
          level: 'county',
          channel: 'media',
          published_on: Y.on('06-03'),
          author: me.personId,
          source_unit: elsewhere,
        },
      },
    });
    expect(created.status).toBe(201);
    const listed = await listAll(cadre, 'propaganda_item', Y.query);
    expect(listed.map((r) => r.id)).toContain(created.body.id);
    expect(listed.length).toBe(before + 1);
    for (const m of plainCounts('propaganda_item')) {
      const value = await t.call('GET', `${base}/metrics/${m.id}?${Y.query}`, { cookie: cadre });
      expect(value.body.value, m.id).toBe(listed.length);
      const drill = await t.call('GET', `${base}/metrics/${m.id}/records?${Y.query}&limit=500`, {
        cookie: cadre,
      });
      expect(drill.status).toBe(200);
      expect(drill.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    }
  });
});
