/**
 * 发展党员 must-shows (issue 14) over HTTP: the stage periods and steps enforced with Chinese 4xx
 * problem+json naming the rule and the earliest date, optimistic locking, the branch scope (a
 * 村书记 reads their branch only, a 宣传委员 nothing), the kind refused by 三率, intake and analysis,
 * the ledger import (idempotent, with reasons for what it skips), the funnel and the reminders.
 * An empty town with two branches and a small cast.
 */
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../core/calendar/local-time.ts';
import { chineseDate } from '../../core/workflow/guards-dates.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { addRecords } from '../../testing/ledgers.ts';
import { townFixture } from '../../testing/town.ts';

let t: TestApp;
let base: string;
let zuzhi: string;
let xuanchuan: string;
let dongcun: string;
let dangjian: string;
let east: string;
let west: string;
const today = localDateOf(new Date());
const ago = (days: number) => dayjs(today).subtract(days, 'day').format('YYYY-MM-DD');

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  const eastVillage = await town.village('东村');
  east = await town.unit('东村党支部', { kind: 'branch', parentId: eastVillage });
  west = await town.unit('西村党支部', { kind: 'branch', parentId: await town.village('西村') });
  zuzhi = (await town.persona('zuzhi', 'portfolio_leader', { portfolios: ['organization'] }))
    .cookie;
  xuanchuan = (await town.persona('xuanchuan', 'portfolio_leader', { portfolios: ['propaganda'] }))
    .cookie;
  dongcun = (await town.unitPersona('dongcun', 'village_cadre', eastVillage, '东村党支部书记'))
    .cookie;
  const office = await town.office('党建工作办公室', ['party_building']);
  dangjian = (await town.unitPersona('dangjian', 'staff', office, '党建专干')).cookie;
  base = `/api/v1/towns/${t.townId}/member-development`;
});
afterAll(() => t.close());

const apply = (payload: Record<string, unknown>, cookie = zuzhi) =>
  t.call('POST', `${base}/candidates`, { cookie, body: { payload } });
const step = (id: string, version: number, action: string, payload: object, cookie = zuzhi) =>
  t.call('POST', `${base}/candidates/${id}/steps`, { cookie, body: { action, version, payload } });

function expectRefusal(res: { status: number; body: any; headers: Headers }, detail: string) {
  expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(res.body.detail).toBe(detail);
}

describe('发展党员 pipeline', () => {
  let a: { id: string; version: number };
  const activistOn = ago(200);

  it('refuses an application before 18 with the rule and the earliest date, then registers', async () => {
    const birth = dayjs(today).subtract(18, 'year').add(3, 'day').format('YYYY-MM-DD');
    const young = await apply({
      personName: '少年',
      birthDate: birth,
      branchId: east,
      appliedOn: today,
    });
    const earliest = dayjs(birth).add(18, 'year').format('YYYY-MM-DD');
    expectRefusal(
      young,
      `不符合“年满十八周岁方可申请入党”的规定，最早可于${chineseDate(earliest)}登记入党申请`,
    );
    const res = await apply({
      personName: '林晓',
      birthDate: '1995-04-02',
      branchId: east,
      appliedOn: ago(700),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'applicant',
      stateLabel: '入党申请人',
      nextStep: '谈话',
    });
    a = res.body;
  });

  it('requires 谈话 first, then holds 发展对象 until a year as 积极分子', async () => {
    expectRefusal(
      await step(a.id, a.version, 'make_activist', { activistOn }),
      '须先派人同入党申请人谈话',
    );
    let r = await step(a.id, a.version, 'talk', { talkedOn: ago(690), talkedBy: '王组织' });
    r = await step(a.id, r.body.version, 'make_activist', { activistOn });
    r = await step(a.id, r.body.version, 'assign_sponsor', {
      sponsorNames: ['李红', '陈刚'],
      sponsoredOn: ago(190),
    });
    expect(r.body).toMatchObject({ state: 'activist', nextStep: '确定为发展对象' });
    const earliest = dayjs(activistOn).add(1, 'year').format('YYYY-MM-DD');
    expect(r.body.due).toMatchObject({ label: '培养考察满一年', overdue: false, passive: true });
    const offered = r.body.actions.find((x: { id: string }) => x.id === 'make_candidate');
    expect(offered).toMatchObject({ enabled: false });
    expectRefusal(
      await step(a.id, r.body.version, 'make_candidate', { candidateOn: today }),
      '不符合“入党积极分子经过一年以上培养教育和考察方可列为发展对象”的规定，' +
        `最早可于${chineseDate(earliest)}确定为发展对象`,
    );
    expect((await step(a.id, r.body.version - 1, 'oath', {})).status).toBe(409);
    a = r.body;
  });

  it('scopes by branch: a 村书记 reads their branch only and cannot act; a 宣传委员 sees nothing', async () => {
    const b = await apply(
      { personName: '周宁', birthDate: '1990-01-09', branchId: west, appliedOn: ago(10) },
      dangjian,
    );
    expect(b.status).toBe(201);
    const seen = await t.call('GET', `${base}/candidates`, { cookie: dongcun });
    expect(seen.body.items.map((x: { personName: string }) => x.personName)).toEqual(['林晓']);
    expect(
      (await t.call('GET', `${base}/candidates/${b.body.id}`, { cookie: dongcun })).status,
    ).toBe(404);
    expect((await step(a.id, a.version, 'oath', {}, dongcun)).status).toBe(403);
    expect((await t.call('GET', `${base}/candidates`, { cookie: xuanchuan })).status).toBe(403);
    const branches = await t.call('GET', `${base}/branches`, { cookie: dongcun });
    expect(branches.body).toEqual({
      items: [{ id: east, name: '东村党支部' }],
      read: true,
      manage: false,
    });
    const none = await t.call('GET', `${base}/branches`, { cookie: xuanchuan });
    expect(none.body).toEqual({ items: [], read: false, manage: false });
    expect((await t.call('GET', `${base}/branches`, { cookie: zuzhi })).body.manage).toBe(true);
    const all = await t.call('GET', `${base}/candidates`, { cookie: dangjian });
    expect(all.body.items).toHaveLength(2);
    const reminders = await t.call('GET', `${base}/reminders`, { cookie: zuzhi });
    expect(reminders.body.items.map((x: { personName: string }) => x.personName)).toEqual(['周宁']);
    expect(reminders.body.items[0].due.label).toBe('谈话（收到申请后一个月内）');
    const funnel = await t.call('GET', `${base}/funnel?year=${activistOn.slice(0, 4)}`, {
      cookie: zuzhi,
    });
    const row = (id: string) =>
      funnel.body.rows.find((r: { branchId: string }) => r.branchId === id);
    expect(row(east).counts.activist).toBe(1);
    expect(funnel.body.total.activist).toBe(1);
  });

  it('counts stage entries as a citable metric whose records are exactly those entries', async () => {
    const metrics = `/api/v1/towns/${t.townId}/metrics/ledger.party_development_entry`;
    const period = `from=${ago(800)}&to=${today}`;
    const figure = async (cookie: string) => {
      const value = await t.call('GET', `${metrics}.by_stage?${period}`, { cookie });
      expect(value.status, JSON.stringify(value.body)).toBe(200);
      const drill = await t.call('GET', `${metrics}.by_stage/records?${period}`, { cookie });
      const rows = drill.body.items.map((r: { data: Record<string, string>; occurredOn: string }) =>
        [r.data.person_name, r.data.stage, r.occurredOn].join(' '),
      );
      const groups = value.body.groups.map((g: { key: string; value: number }) => [g.key, g.value]);
      return { groups: Object.fromEntries(groups), rows: rows.sort() };
    };
    const town = await figure(zuzhi);
    expect(town.groups).toEqual({ activist: 1, applicant: 2 });
    expect(town.rows).toEqual(
      [
        `林晓 applicant ${ago(700)}`,
        `林晓 activist ${activistOn}`,
        `周宁 applicant ${ago(10)}`,
      ].sort(),
    );
    // A 村书记 counts their own branch only; a 宣传委员 is not offered the metric at all.
    const own = await figure(dongcun);
    expect(own.groups).toEqual({ activist: 1, applicant: 1 });
    expect(own.rows.every((r: string) => r.startsWith('林晓'))).toBe(true);
    expect(
      (await t.call('GET', `${metrics}.by_stage?${period}`, { cookie: xuanchuan })).status,
    ).toBe(404);
    // The same figure as the page's funnel for the year.
    const year = activistOn.slice(0, 4);
    const activists = await t.call(
      'GET',
      `${metrics}.activists?from=${year}-01-01&to=${year}-12-31`,
      { cookie: zuzhi },
    );
    const funnel = await t.call('GET', `${base}/funnel?year=${year}`, { cookie: zuzhi });
    expect(activists.body.value).toBe(funnel.body.total.activist);
  });

  it('counts the people at each stage on a date, exactly the people its drill-down lists', async () => {
    const town = `/api/v1/towns/${t.townId}`;
    const metric = `${town}/metrics/ledger.party_development_stay`;
    const catalogue = await t.call('GET', `${town}/metrics`, { cookie: zuzhi });
    expect(catalogue.body.items.map((m: { id: string }) => m.id)).toContain(
      'ledger.party_development_stay.probationary_at_end',
    );
    // On `to` (the period's start plays no part in a stock), recounted from the drill-down.
    const atDate = async (to: string, cookie = zuzhi) => {
      const q = `from=${to.slice(0, 4)}-01-01&to=${to}`;
      const value = await t.call('GET', `${metric}.by_stage_at_end?${q}`, { cookie });
      expect(value.status, JSON.stringify(value.body)).toBe(200);
      const drill = await t.call('GET', `${metric}.by_stage_at_end/records?${q}`, { cookie });
      const rows = drill.body.items.map((r: { data: Record<string, string> }) => r.data);
      const recount: Record<string, number> = {};
      for (const r of rows) recount[r.stage!] = (recount[r.stage!] ?? 0) + 1;
      const groups = value.body.groups.map((g: { key: string; value: number }) => [g.key, g.value]);
      expect(Object.fromEntries(groups)).toEqual(recount);
      return rows.map((r: Record<string, string>) => `${r.person_name} ${r.stage}`).sort();
    };
    // 林晓 applied 700 days ago and became an 积极分子 200 days ago; 周宁 applied 10 days ago.
    expect(await atDate(ago(701))).toEqual([]);
    expect(await atDate(ago(201))).toEqual(['林晓 applicant']);
    expect(await atDate(ago(200))).toEqual(['林晓 activist']);
    expect(await atDate(today)).toEqual(['周宁 applicant', '林晓 activist']);
    expect(await atDate(today, dongcun)).toEqual(['林晓 activist']);
    const activists = await t.call(
      'GET',
      `${metric}.activists_at_end?from=${today.slice(0, 4)}-01-01&to=${today}`,
      { cookie: zuzhi },
    );
    expect(activists.body.value).toBe(1);
  });

  it('is no appeal: 受理登记, 三率 and 问题清单 analysis refuse the kind', async () => {
    const town = `/api/v1/towns/${t.townId}`;
    const kpis = await t.call(
      'GET',
      `${town}/appeals/kpis?from=${ago(30)}&to=${today}&kind=member_development`,
      { cookie: zuzhi },
    );
    expect(kpis.status).toBe(422);
    const detect = await t.call(
      'GET',
      `${town}/appeal-problems/proposals?kind=member_development`,
      {
        cookie: zuzhi,
      },
    );
    expect(detect.status).toBe(422);
    const appeals = await t.call('GET', `${town}/appeals`, { cookie: zuzhi });
    expect(appeals.body.items ?? []).toHaveLength(0);
  });
});

describe('发展党员 ledger import', () => {
  it('turns ledger records into pipeline history once, saying why it skips a record', async () => {
    const stageOn = ago(100);
    await addRecords(t, zuzhi, 'member_development', [
      {
        person_name: '吴静',
        branch: east,
        stage: 'probationary',
        stage_on: stageOn,
        birth_date: '1992-03-15',
        applied_on: ago(1000),
        activist_on: ago(900),
        candidate_on: ago(400),
      },
      { person_name: '郑伟', branch: west, stage: 'activist', stage_on: ago(300) },
    ]);
    const first = await t.call('POST', `${base}/import-ledger`, { cookie: zuzhi });
    expect(first.body.imported).toBe(1);
    expect(first.body.skipped).toMatchObject([
      { personName: '郑伟', reason: '台账记录缺少出生日期' },
    ]);
    const again = await t.call('POST', `${base}/import-ledger`, { cookie: zuzhi });
    expect(again.body.imported).toBe(0);
    const list = await t.call('GET', `${base}/candidates?state=probationary`, { cookie: zuzhi });
    const [wu] = list.body.items;
    expect(list.body.items).toHaveLength(1);
    expect(wu).toMatchObject({ personName: '吴静', stageOn, imported: true });
    const detail = await t.call('GET', `${base}/candidates/${wu.id}`, { cookie: zuzhi });
    expect(
      detail.body.events.map((e: { toLabel: string; onDate: string }) => [e.toLabel, e.onDate]),
    ).toEqual([
      ['入党申请人', ago(1000)],
      ['入党积极分子', ago(900)],
      ['发展对象', ago(400)],
      ['预备党员', stageOn],
    ]);
    const due = dayjs(stageOn).add(12, 'month').format('YYYY-MM-DD');
    expect(detail.body.due.label).toBe('预备期满，及时讨论转正');
    expect(localDateOf(new Date(detail.body.due.dueAt))).toBe(due);
  });
});

describe('延长预备期', () => {
  it('extends a 预备期 once at its end, moving the 转正 date and the reminder to the new end', async () => {
    // The new end falls about 20 days ahead: 18 months after the 支部大会 (half a year past the first).
    const meetingOn = dayjs(today).add(20, 'day').subtract(18, 'month').format('YYYY-MM-DD');
    const newEnd = dayjs(meetingOn).add(18, 'month').format('YYYY-MM-DD');
    await addRecords(t, zuzhi, 'member_development', [
      {
        person_name: '冯岚',
        branch: west,
        stage: 'probationary',
        stage_on: meetingOn,
        birth_date: '1993-05-06',
        applied_on: ago(1300),
        activist_on: ago(1200),
        candidate_on: ago(800),
      },
    ]);
    expect((await t.call('POST', `${base}/import-ledger`, { cookie: zuzhi })).body.imported).toBe(
      1,
    );
    const list = await t.call('GET', `${base}/candidates?branchId=${west}&state=probationary`, {
      cookie: zuzhi,
    });
    const id = list.body.items[0].id as string;
    const reminder = async () =>
      (await t.call('GET', `${base}/reminders`, { cookie: zuzhi })).body.items.find(
        (x: { id: string }) => x.id === id,
      );
    expect((await reminder()).due).toMatchObject({
      label: '预备期满，及时讨论转正',
      overdue: true,
    });
    let c = (await t.call('GET', `${base}/candidates/${id}`, { cookie: zuzhi })).body;
    expect(c.steps.map((s: { label: string }) => s.label)).toEqual(['入党宣誓']);
    expect(c.actions.find((x: { id: string }) => x.id === 'extend_probation')).toMatchObject({
      label: '延长预备期',
      enabled: true,
    });
    const extend = (version: number, probationEndsOn: string) =>
      step(id, version, 'extend_probation', {
        extendedOn: today,
        probationEndsOn,
        extensionReason: '群众反映的问题需要继续考察',
      });
    expectRefusal(
      await extend(c.version, dayjs(newEnd).subtract(1, 'day').format('YYYY-MM-DD')),
      '不符合“延长预备期不能少于半年，最长不超过一年”的规定，' +
        `延长后预备期满日期不能早于${chineseDate(newEnd)}`,
    );
    const r = await extend(c.version, newEnd);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    c = r.body;
    expect(c.steps).toContainEqual({ id: 'extend_probation', label: '延长预备期', done: true });
    expect(localDateOf(new Date(c.due.dueAt))).toBe(newEnd);
    const moved = await reminder();
    expect(moved.due.overdue).toBe(false);
    expect(localDateOf(new Date(moved.due.dueAt))).toBe(newEnd);
    expectRefusal(
      await extend(c.version, newEnd),
      '预备期只能延长一次，延长期满须讨论转正或终止发展',
    );
    const oath = await step(id, c.version, 'oath', { oathOn: meetingOn });
    expectRefusal(
      await step(id, oath.body.version, 'confirm', { confirmedOn: today }),
      '不符合“延长预备期的，延长期满方可讨论转为正式党员”的规定，' +
        `最早可于${chineseDate(newEnd)}转正讨论`,
    );
  });
});
