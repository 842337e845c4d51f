import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleType } from '../../testing/ledger-type.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { addOtherTown } from '../../testing/scope/matrix.ts';
import { townFixture, type TestUser } from '../../testing/town.ts';
import { addRecords, branchMeeting, propagandaItem } from '../../testing/ledgers.ts';
import { ledgerCatalogue } from '../../core/ledger/catalogue/index.ts';

// A town with 宣传办 (propaganda), 东村 and 西村 each with a party branch, a 宣传委员, 东村's
// cadre, a town leader, a county supervisor and a dispatcher; twelve news items of 2024 (ten of
// them county or municipal, March to October) and branch meetings (three in 东村, two in 西村).
let t: TestApp;
let admin: string;
let base: string;
let units: { id: string; kind: string; name: string; parentId: string | null }[];
let people: { id: string; name: string }[];
let cast: Record<'leader' | 'propaganda' | 'cadre' | 'supervisor' | 'dispatcher', TestUser>;

const { version: _v, ...sampleBody } = sampleType;
const LEVELS = ['county', 'municipal', 'provincial'] as const;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  const office = await town.office('宣传办', ['propaganda']);
  const east = await town.village('东村');
  const west = await town.village('西村');
  const eastBranch = await town.unit('东村党支部', { kind: 'branch', parentId: east });
  const westBranch = await town.unit('西村党支部', { kind: 'branch', parentId: west });
  cast = {
    leader: await town.persona('leader', 'leader'),
    propaganda: await town.persona('propaganda', 'portfolio_leader', {
      title: '宣传委员',
      portfolios: ['propaganda'],
    }),
    cadre: await town.unitPersona('cadre', 'village_cadre', east),
    supervisor: await town.user('supervisor', 'county_supervisor'),
    dispatcher: await town.user('dispatcher', 'dispatcher'),
  };
  admin = (await town.user('admin', [{ role: 'admin' }, { role: 'leader' }])).cookie;
  base = `/api/v1/towns/${t.townId}`;
  const author = cast.propaganda.personId!;
  await addRecords(t, admin, 'propaganda_item', [
    propagandaItem('一月稿件', author, '2024-01-15', 'county', office),
    ...Array.from({ length: 11 }, (_, i) =>
      propagandaItem(
        `稿件${i}`,
        author,
        `2024-${String(3 + (i % 8)).padStart(2, '0')}-1${i % 10}`,
        LEVELS[i % 3 === 2 ? 2 : i % 2],
      ),
    ),
  ]);
  await addRecords(t, admin, 'branch_meeting', [
    branchMeeting(eastBranch, '2024-03-01'),
    branchMeeting(eastBranch, '2024-06-01'),
    branchMeeting(eastBranch, '2024-09-01'),
    branchMeeting(westBranch, '2024-03-02'),
    branchMeeting(westBranch, '2024-06-02'),
  ]);
  units = (await t.call('GET', `${base}/units`, { cookie: admin })).body.items;
  people = (await t.call('GET', `${base}/people?limit=200`, { cookie: admin })).body.items;
  const created = await t.call('POST', `${base}/ledger-types`, { cookie: admin, body: sampleBody });
  expect(created.status).toBe(201);
});
afterAll(() => t.close());

const village = () => units.find((u) => u.name === '东村')!;
const good = () => ({
  title: '走访一',
  visited_on: '2025-03-05',
  people: 3,
  amount: '1,200.50',
  kind: '入户',
  done: '是',
  visitor: people[0]!.id,
  village: village().id,
});

describe('ledger types', () => {
  it('installs the catalogue in the town and lists it, with the town’s own type, for a leader', async () => {
    const res = await t.call('GET', `${base}/ledger-types`, { cookie: cast.leader.cookie });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(ledgerCatalogue.length + 1);
    expect(
      res.body.items.find((x: { code: string }) => x.code === 'propaganda_item'),
    ).toMatchObject({ name: '宣传信息报送', version: 1 });
  });

  it('rejects a type definition that breaks the core schema, naming the problem in Chinese', async () => {
    const res = await t.call('POST', `${base}/ledger-types`, {
      cookie: admin,
      body: { ...sampleBody, code: 'broken_type', dateField: 'notes' },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('日期字段');
  });

  it('refuses type definitions from anyone but an admin', async () => {
    const res = await t.call('POST', `${base}/ledger-types`, {
      cookie: cast.leader.cookie,
      body: { ...sampleBody, code: 'leader_type' },
    });
    expect(res.status).toBe(403);
  });
});

describe('records', () => {
  it('validates each field type through the API and stores normalised values', async () => {
    const bad = await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
      cookie: admin,
      body: {
        data: {
          title: '这个标题显然超过了十个字的限制',
          people: 2.5,
          hours: 'abc',
          amount: '1.234',
          visited_on: '2025-02-30',
          kind: '上门',
          done: '也许',
          visitor: 'nobody',
          village: 'x',
          files: ['a'],
          notes: 5,
          bogus: 1,
        },
      },
    });
    expect(bad.status).toBe(422);
    const labels = bad.body.errors.map((e: { label: string }) => e.label);
    for (const l of [
      '事项',
      '人数',
      '时长',
      '金额',
      '走访日期',
      '类别',
      '已办结',
      '走访人',
      '村',
      '附件',
    ])
      expect(labels).toContain(l);
    expect(bad.body.errors.find((e: { label: string }) => e.label === 'bogus')).toBeTruthy();
    const missing = await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
      cookie: admin,
      body: { data: { notes: '缺必填' } },
    });
    expect(missing.body.errors.map((e: { message: string }) => e.message)).toContain('请填写事项');
    const ok = await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
      cookie: admin,
      body: { data: good() },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      occurredOn: '2025-03-05',
      unitId: village().id,
      personId: people[0]!.id,
      version: 1,
    });
    expect(ok.body.data).toMatchObject({ amount: 1200.5, kind: 'home', done: true, people: 3 });
  });

  it('rejects references to people or units outside the town and duplicate unique values', async () => {
    const foreign = await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
      cookie: admin,
      body: { data: { ...good(), title: '外镇', village: '01900000-0000-7000-8000-000000000099' } },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0]).toMatchObject({ path: 'data.village', label: '村' });
    const dup = await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
      cookie: admin,
      body: { data: good() },
    });
    expect(dup.status).toBe(422);
    expect(dup.body.detail).toContain('已存在');
  });

  it('updates with the version read and answers 409 to a stale one; deletes softly', async () => {
    const created = (
      await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
        cookie: admin,
        body: { data: { ...good(), title: '并发' } },
      })
    ).body;
    const url = `${base}/ledger-types/sample_visit/records/${created.id}`;
    const first = await t.call('PATCH', url, {
      cookie: admin,
      body: { version: 1, data: { ...good(), title: '并发甲' } },
    });
    expect(first.status).toBe(200);
    const second = await t.call('PATCH', url, {
      cookie: admin,
      body: { version: 1, data: { ...good(), title: '并发乙' } },
    });
    expect(second.status).toBe(409);
    expect((await t.call('GET', url, { cookie: admin })).body.data.title).toBe('并发甲');
    expect((await t.call('DELETE', `${url}?version=1`, { cookie: admin })).status).toBe(409);
    expect((await t.call('DELETE', `${url}?version=2`, { cookie: admin })).status).toBe(204);
    expect((await t.call('GET', url, { cookie: admin })).status).toBe(404);
    // The unique title is free again once its record is deleted.
    expect(
      (
        await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
          cookie: admin,
          body: { data: { ...good(), title: '并发甲' } },
        })
      ).status,
    ).toBe(201);
  });

  it('keeps records of an older type version readable after a change', async () => {
    const current = (await t.call('GET', `${base}/ledger-types/sample_visit`, { cookie: admin }))
      .body;
    const old = (
      await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
        cookie: admin,
        body: { data: { ...good(), title: '旧版记录', notes: '旧字段的内容' } },
      })
    ).body;
    const fields = sampleBody.fields
      .filter((f) => f.key !== 'notes')
      .concat([
        { key: 'result', label: '走访结果', type: 'text', required: true, unique: false },
      ] as never);
    const changed = await t.call('PUT', `${base}/ledger-types/sample_visit`, {
      cookie: admin,
      body: { ...sampleBody, fields, baseVersion: current.version },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(current.version + 1);
    expect(changed.body.fields.find((f: { key: string }) => f.key === 'notes')).toMatchObject({
      removed: true,
    });
    const stale = await t.call('PUT', `${base}/ledger-types/sample_visit`, {
      cookie: admin,
      body: { ...sampleBody, baseVersion: current.version },
    });
    expect(stale.status).toBe(409);
    const read = await t.call('GET', `${base}/ledger-types/sample_visit/records/${old.id}`, {
      cookie: admin,
    });
    expect(read.body).toMatchObject({
      typeVersion: current.version,
      data: { notes: '旧字段的内容', title: '旧版记录' },
    });
    const v1 = await t.call('GET', `${base}/ledger-types/sample_visit?version=1`, {
      cookie: admin,
    });
    expect(v1.body.fields.map((f: { key: string }) => f.key)).not.toContain('result');
    expect(v1.body.versions).toEqual([1, 2]);
    // New records need the new required field; a narrowing change is refused.
    const missing = await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
      cookie: admin,
      body: { data: { ...good(), title: '新版' } },
    });
    expect(missing.body.errors.map((e: { label: string }) => e.label)).toContain('走访结果');
    const narrowing = await t.call('PUT', `${base}/ledger-types/sample_visit`, {
      cookie: admin,
      body: {
        ...sampleBody,
        fields: sampleBody.fields.map((f) =>
          f.key === 'kind' ? { ...f, options: [{ code: 'home', label: '入户' }] } : f,
        ),
        baseVersion: current.version + 1,
      },
    });
    expect(narrowing.status).toBe(422);
  });

  it('pages a filtered, sorted list by cursor without repeats', async () => {
    const filters = [{ field: 'level', op: 'in', value: ['county', 'municipal'] }];
    const q = `filters=${encodeURIComponent(JSON.stringify(filters))}&from=2024-03-01&to=2024-10-31&limit=7`;
    const seen = new Set<string>();
    let cursor: string | null = null;
    let prev = '';
    do {
      const res: { status: number; body: any } = await t.call(
        'GET',
        `${base}/ledger-types/propaganda_item/records?${q}&sort=published_on&direction=asc` +
          (cursor ? `&cursor=${cursor}` : ''),
        { cookie: admin },
      );
      expect(res.status).toBe(200);
      for (const r of res.body.items) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
        expect(['county', 'municipal']).toContain(r.data.level);
        expect(
          r.occurredOn >= prev && r.occurredOn >= '2024-03-01' && r.occurredOn <= '2024-10-31',
        ).toBe(true);
        prev = r.occurredOn;
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    // The eleven March–October items less the provincial ones.
    expect(seen.size).toBe(8);
    const bad = await t.call(
      'GET',
      `${base}/ledger-types/propaganda_item/records?filters=` +
        encodeURIComponent('[{"field":"level","op":"eq","value":"galaxy"}]'),
      { cookie: admin },
    );
    expect(bad.status).toBe(422);
  });
});

describe('scope', () => {
  it('shows a village cadre only the records of their village', async () => {
    const cadre = cast.cadre.cookie;
    const subtree = new Set([
      village().id,
      ...units.filter((u) => u.parentId === village().id).map((u) => u.id),
    ]);
    const res = await t.call('GET', `${base}/ledger-types/branch_meeting/records?limit=500`, {
      cookie: cadre,
    });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBe(3);
    for (const r of res.body.items) expect(subtree.has(r.unitId)).toBe(true);
    const other = units.find((u) => u.name === '西村')!;
    const write = await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
      cookie: cadre,
      body: { data: { ...good(), title: '越界', village: other.id, visitor: undefined } },
    });
    expect(write.status).toBe(422);
  });

  it('shows a portfolio leader only the types of their portfolios', async () => {
    const leader = cast.propaganda.cookie;
    const types = (await t.call('GET', `${base}/ledger-types`, { cookie: leader })).body.items;
    expect(types.length).toBeGreaterThan(0);
    for (const x of types) expect(x.portfolio).toBe('propaganda');
    expect(
      (await t.call('GET', `${base}/ledger-types/branch_meeting/records`, { cookie: leader }))
        .status,
    ).toBe(404);
    expect(
      (await t.call('GET', `${base}/ledger-types/propaganda_item/records`, { cookie: leader })).body
        .items.length,
    ).toBeGreaterThan(0);
  });

  it('lets a supervisor read but not write, and a dispatcher nothing', async () => {
    const ducha = cast.supervisor.cookie;
    expect(
      (await t.call('GET', `${base}/ledger-types/propaganda_item/records`, { cookie: ducha }))
        .status,
    ).toBe(200);
    expect(
      (
        await t.call('POST', `${base}/ledger-types/sample_visit/records`, {
          cookie: ducha,
          body: { data: good() },
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.call('GET', `${base}/ledger-types`, { cookie: cast.dispatcher.cookie })).status,
    ).toBe(403);
  });

  it('gives another town’s admin nothing of this town', async () => {
    const otherTown = await addOtherTown(t.database.db);
    const other = await t.login('other_admin');
    expect(
      (await t.call('GET', `${base}/ledger-types/propaganda_item/records`, { cookie: other }))
        .status,
    ).toBe(403);
    expect(
      (await t.call('GET', `${base}/metrics/ledger.propaganda_item.count`, { cookie: other }))
        .status,
    ).toBe(403);
    const own = await t.call(
      'GET',
      `/api/v1/towns/${otherTown}/ledger-types/propaganda_item/records`,
      { cookie: other },
    );
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([]);
  });
});

describe('attachments', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

  it('stores a file typed by its bytes and serves it back to readers of a record using it', async () => {
    const form = new FormData();
    form.append('file', new File([png], '照片.png', { type: 'image/png' }));
    const up = await t.app.request(`${base}/attachments`, {
      method: 'POST',
      headers: { cookie: admin },
      body: form,
    });
    expect(up.status).toBe(201);
    const meta = (await up.json()) as { id: string; contentType: string };
    expect(meta.contentType).toBe('image/png');
    const down = await t.app.request(`${base}/attachments/${meta.id}`, {
      headers: { cookie: admin },
    });
    expect(down.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(png);
    // A village cadre may read it only once a record of their village refers to it.
    const cadre = cast.cadre.cookie;
    expect(
      (await t.app.request(`${base}/attachments/${meta.id}`, { headers: { cookie: cadre } }))
        .status,
    ).toBe(404);
    await t.call('POST', `${base}/ledger-types/publicity_site/records`, {
      cookie: admin,
      body: {
        data: {
          site_kind: 'slogan',
          action: 'added',
          village: village().id,
          location: '村口',
          quantity: 1,
          acted_on: '2025-05-01',
          photos: [meta.id],
        },
      },
    });
    expect(
      (await t.app.request(`${base}/attachments/${meta.id}`, { headers: { cookie: cadre } }))
        .status,
    ).toBe(200);
  });

  it('refuses a file whose bytes are not an allowed type', async () => {
    const up = await t.app.request(`${base}/attachments`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/pdf', 'x-filename': 'a.pdf' },
      body: new Uint8Array([0x4d, 0x5a, 0x90, 0]),
    });
    expect(up.status).toBe(422);
  });
});
