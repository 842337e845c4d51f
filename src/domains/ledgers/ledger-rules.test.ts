import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { addRecords } from '../../testing/ledgers.ts';
import { townFixture } from '../../testing/town.ts';
import { XLSX_TYPE } from './excel-columns.ts';

// Five party branches; branches 1, 2 and 5 are already rated for 2025, and each branch held two
// 学习研讨 theme party days (on different days).
let t: TestApp;
let admin: string;
let base: string;
let branches: { id: string; name: string }[];

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  admin = (await town.user('admin', 'admin')).cookie;
  base = `/api/v1/towns/${t.townId}/ledger-types`;
  branches = [];
  for (const name of ['一', '二', '三', '四', '五'].map((n) => `第${n}党支部`))
    branches.push({ id: await town.unit(name, { kind: 'branch' }), name });
  await addRecords(t, admin, 'branch_star_rating', [
    rating(branches[0]!.id, 2025),
    rating(branches[1]!.id, 2025),
    rating(branches[4]!.id, 2025),
  ]);
  await addRecords(
    t,
    admin,
    'theme_party_day',
    branches.flatMap((b) =>
      ['2025-03-05', '2025-04-05'].map((heldOn) => ({
        branch: b.id,
        held_on: heldOn,
        theme: '学习党章',
        activity_form: 'study',
        expected: 20,
        attendees: 18,
      })),
    ),
  );
});
afterAll(() => t.close());

const liveCount = async (code: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('ledger_record')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('town_id', '=', t.townId)
        .where('type_code', '=', code)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );
const rating = (branch: string, year: number) => ({
  branch,
  year,
  stars: 4,
  rated_on: `${year}-12-01`,
});
const post = (code: string, data: unknown) =>
  t.call('POST', `${base}/${code}/records`, { cookie: admin, body: { data } });

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党支部星级评定');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The current definition as the form builder sends it back (optionally without its rules). */
async function typeBody(code: string, dropRules: boolean) {
  const {
    code: _c,
    version,
    versions: _v,
    rules,
    ...rest
  } = (await t.call('GET', `${base}/${code}`, { cookie: admin })).body;
  return {
    ...rest,
    fields: rest.fields.filter((f: { removed?: boolean }) => !f.removed),
    ...(dropRules ? {} : { rules }),
    baseVersion: version,
  };
}

describe('composite unique rules (党支部星级评定: one per branch and year)', () => {
  it('refuses a second rating of a branch for the same year on create, naming both fields', async () => {
    const before = await liveCount('branch_star_rating');
    const dup = await post('branch_star_rating', rating(branches[0]!.id, 2025));
    expect(dup.status).toBe(422);
    expect(dup.body.errors.map((e: { path: string; label: string }) => [e.path, e.label])).toEqual([
      ['data.branch', '党支部'],
      ['data.year', '评定年度'],
    ]);
    expect(dup.body.detail).toBe(
      `每个党支部每年只评定一次星级：党支部、评定年度为“${branches[0]!.name}、2025”的记录已存在，不能重复`,
    );
    expect(await liveCount('branch_star_rating')).toBe(before);
    expect((await post('branch_star_rating', rating(branches[0]!.id, 2024))).status).toBe(201);
  });

  it("refuses an edit onto another record's branch and year, leaving the record as it was", async () => {
    const created = await post('branch_star_rating', rating(branches[1]!.id, 2023));
    expect(created.status).toBe(201);
    const url = `${base}/branch_star_rating/records/${created.body.id}`;
    const clash = await t.call('PATCH', url, {
      cookie: admin,
      body: { version: 1, data: rating(branches[1]!.id, 2025) },
    });
    expect(clash.status).toBe(422);
    expect(clash.body.errors[0].message).toContain('已存在');
    expect((await t.call('GET', url, { cookie: admin })).body).toMatchObject({
      version: 1,
      data: { year: 2023 },
    });
    // Its own values stay its own: saving them again is no conflict.
    expect(
      (
        await t.call('PATCH', url, {
          cookie: admin,
          body: { version: 1, data: { ...rating(branches[1]!.id, 2023), stars: 5 } },
        })
      ).status,
    ).toBe(200);
  });

  // The duplicate may sit inside the file or match existing records.
  it('rejects an import with a duplicate, naming rows and columns, writing nothing', async () => {
    const before = await liveCount('branch_star_rating');
    const rows = [
      ['党支部', '评定年度', '星级', '评定日期'],
      [branches[2]!.name, 2022, 3, '2022-12-01'],
      [branches[3]!.name, 2022, 4, '2022-12-02'],
      [branches[2]!.name, 2022, 5, '2022-12-03'],
      [branches[4]!.name, 2025, 5, '2025-12-03'],
    ];
    const res = await t.app.request(`${base}/branch_star_rating/import`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': XLSX_TYPE },
      body: (await workbook(rows)) as unknown as BodyInit,
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      errors: { row: number; column: string; header: string; message: string }[];
    };
    expect(body.errors.map((e) => [e.row, e.column, e.header])).toEqual([
      [4, 'A', '党支部、评定年度'],
      [5, 'A', '党支部、评定年度'],
    ]);
    expect(body.errors[0]!.message).toContain(
      `党支部、评定年度为“${branches[2]!.name}、2022”的记录在本文件第 2 行已有`,
    );
    expect(body.errors[0]!.message).toContain('（A 列“党支部”、B 列“评定年度”）');
    expect(body.errors[1]!.message).toContain('已存在，不能重复');
    expect(await liveCount('branch_star_rating')).toBe(before);
  });

  it('keeps the rule in a new type version saved without restating it', async () => {
    const changed = await t.call('PUT', `${base}/branch_star_rating`, {
      cookie: admin,
      body: await typeBody('branch_star_rating', true),
    });
    expect(changed.status).toBe(200);
    expect(changed.body.rules).toEqual([
      { kind: 'unique', fields: ['branch', 'year'], message: '每个党支部每年只评定一次星级' },
    ]);
    expect((await post('branch_star_rating', rating(branches[0]!.id, 2025))).status).toBe(422);
  });

  it('claims existing records when a version adds a rule, and refuses it while they hold duplicates', async () => {
    // Theme party days: one per branch and month here — two a day are a duplicate.
    const body = await typeBody('theme_party_day', false);
    const byDay = { ...body, rules: [{ kind: 'unique', fields: ['branch', 'held_on'] }] };
    const ok = await t.call('PUT', `${base}/theme_party_day`, { cookie: admin, body: byDay });
    expect(ok.status).toBe(200);
    const one = (await t.call('GET', `${base}/theme_party_day/records?limit=1`, { cookie: admin }))
      .body.items[0];
    const again = await post('theme_party_day', { ...one.data, theme: '同日再办' });
    expect(again.status).toBe(422);
    const byTheme = {
      ...(await typeBody('theme_party_day', false)),
      rules: [{ kind: 'unique', fields: ['branch', 'activity_form'] }],
    };
    const refused = await t.call('PUT', `${base}/theme_party_day`, {
      cookie: admin,
      body: byTheme,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('请先处理重复记录');
    expect((await t.call('GET', `${base}/theme_party_day`, { cookie: admin })).body.version).toBe(
      ok.body.version,
    );
  });
});

describe('发展党员 waiting periods through the API', () => {
  const candidate = (stageOn: string) => ({
    person_name: '林小禾',
    branch: branches[0]!.id,
    stage: 'candidate',
    stage_on: stageOn,
    activist_on: '2024-05-10',
  });

  it('rejects a 发展对象 named before a year as 积极分子 with the field named, and accepts a valid one', async () => {
    const early = await post('member_development', candidate('2025-03-01'));
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([
      expect.objectContaining({ path: 'data.stage_on', label: '确定日期' }),
    ]);
    expect(early.body.errors[0].message).toContain('最早为 2025-05-10');
    expect((await post('member_development', candidate('2025-05-10'))).status).toBe(201);
  });
});
