/**
 * 三会一课 must-shows (issue 14): attendance rates recomputed from the meetings (and recomputed
 * again when a roll changes), missing meetings against the configurable frequencies, an absence
 * without a reason refused naming the field, a stale version refused with 409, and a branch
 * secretary confined to their own branch. An empty town: a 组织委员, two villages with a branch
 * each, one branch secretary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterFigures, quarterOf } from '../../core/party/meetings.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { addRecords, branchMeeting } from '../../testing/ledgers.ts';
import { actorOf } from '../../testing/analysis.ts';
import { townFixture, type TestUser } from '../../testing/town.ts';
import { meetingReminders } from './party-reminders.service.ts';

let t: TestApp;
let zuzhi: string;
let secretary: string;
let users: Record<'zuzhi' | 'secretary', TestUser>;
let base: string;
let townBase: string;
let branchA: string;
let branchB: string;
let members: { id: string; name: string }[];

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  townBase = town.base;
  base = `${town.base}/party`;
  const zuzhiUser = await town.persona('zuzhi', 'portfolio_leader', {
    portfolios: ['organization'],
  });
  zuzhi = zuzhiUser.cookie;
  const villageA = await town.village('东山村');
  const villageB = await town.village('西河村');
  branchA = await town.unit('东山村党支部', { kind: 'branch', parentId: villageA });
  branchB = await town.unit('西河村党支部', { kind: 'branch', parentId: villageB });
  const secretaryUser = await town.unitPersona(
    'shuji_a',
    'village_cadre',
    villageA,
    '东山村党支部书记',
  );
  secretary = secretaryUser.cookie;
  users = { zuzhi: zuzhiUser, secretary: secretaryUser };
  const saved = await t.call('PUT', `${base}/branches/${branchA}/roster`, {
    cookie: secretary,
    body: {
      members: ['甲', '乙', '丙', '丁'].map((n, i) => ({ name: `党员${n}`, committee: i < 2 })),
    },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  members = saved.body.members;
});
afterAll(() => t.close());

/** A meeting of branch A where the first `present` members came and the rest were excused. */
const meeting = (meetingType: string, heldOn: string, present: number) => ({
  branchId: branchA,
  meetingType,
  heldOn,
  topic: '学习党章',
  attendance: members.map((m, i) =>
    i < present
      ? { memberId: m.id, present: true }
      : { memberId: m.id, present: false, reason: '外出务工' },
  ),
});

const overview = async (cookie = zuzhi) => {
  const res = await t.call('GET', `${base}/quarter-overview?year=2025&quarter=2`, { cookie });
  expect(res.status).toBe(200);
  return res.body.branches as {
    branchId: string;
    attendanceRate: number | null;
    missing: number;
  }[];
};

describe('三会一课', () => {
  it('recomputes the attendance rate from the meetings, and again when a roll changes', async () => {
    const a = await t.call('POST', `${base}/meetings`, {
      cookie: secretary,
      body: meeting('member_assembly', '2025-04-10', 3),
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body.attendance.find((x: { present: boolean }) => !x.present).reason).toBe('外出务工');
    const b = await t.call('POST', `${base}/meetings`, {
      cookie: zuzhi,
      body: meeting('committee', '2025-05-12', 4),
    });
    expect(b.status).toBe(201);
    // 3 + 4 present of 4 + 4 expected.
    expect((await overview()).find((x) => x.branchId === branchA)?.attendanceRate).toBe(87.5);
    const edited = await t.call('PUT', `${base}/meetings/${a.body.id}`, {
      cookie: secretary,
      body: { ...meeting('member_assembly', '2025-04-10', 1), version: a.body.version },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect((await overview()).find((x) => x.branchId === branchA)?.attendanceRate).toBe(62.5);
    // The ledger record behind the meeting carries the roll's counts (what reports cite).
    const record = await t.call(
      'GET',
      `${townBase}/ledger-types/branch_meeting/records/${a.body.id}`,
      {
        cookie: zuzhi,
      },
    );
    expect(record.body.data).toMatchObject({ expected: 4, attendees: 1 });
    const stale = await t.call('PUT', `${base}/meetings/${a.body.id}`, {
      cookie: zuzhi,
      body: { ...meeting('member_assembly', '2025-04-10', 2), version: a.body.version },
    });
    expect(stale.status).toBe(409);
  });

  it('counts missing meetings against the town’s frequencies, which it may change', async () => {
    // Q2 2025 is over: committee and party group monthly (3 + 3), assembly and lecture once,
    // theme days monthly (3); one assembly and one committee meeting (May) were held.
    expect((await overview()).find((x) => x.branchId === branchA)?.missing).toBe(2 + 3 + 1 + 3);
    const read = await t.call('GET', `${base}/meeting-requirements`, { cookie: zuzhi });
    const put = await t.call('PUT', `${base}/meeting-requirements`, {
      cookie: zuzhi,
      body: {
        version: read.body.version,
        items: [{ meetingType: 'group', period: 'quarter', times: 1 }],
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.version).not.toBe(read.body.version);
    // A second editor still holding the old version is refused, and nothing changes.
    const stale = await t.call('PUT', `${base}/meeting-requirements`, {
      cookie: zuzhi,
      body: {
        version: read.body.version,
        items: [{ meetingType: 'committee', period: 'quarter', times: 1 }],
      },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toBe('会议召开频次要求已被他人修改，请刷新后重新修改');
    const bad = await t.call('PUT', `${base}/meeting-requirements`, {
      cookie: zuzhi,
      body: {
        version: put.body.version,
        items: [{ meetingType: 'group', period: 'week', times: 1 }],
      },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.errors)).toMatch(/周期/);
    expect((await overview()).find((x) => x.branchId === branchA)?.missing).toBe(2 + 1 + 1 + 3);
    const refused = await t.call('PUT', `${base}/meeting-requirements`, {
      cookie: secretary,
      body: {
        version: put.body.version,
        items: [{ meetingType: 'group', period: 'quarter', times: 0 }],
      },
    });
    expect(refused.status).toBe(403);
  });

  it('refuses an absence without a reason, naming the field in Chinese', async () => {
    const body = meeting('party_lecture', '2025-06-01', 4);
    body.attendance[3] = { memberId: members[3]!.id, present: false };
    const res = await t.call('POST', `${base}/meetings`, { cookie: secretary, body });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'attendance.3.reason', label: '缺席原因' });
    expect(res.body.errors[0].message).toContain('党员丁');
  });

  it('keeps a branch secretary to their own branch', async () => {
    expect((await overview(secretary)).map((b) => b.branchId)).toEqual([branchA]);
    const other = await t.call('POST', `${base}/meetings`, {
      cookie: secretary,
      body: { ...meeting('committee', '2025-05-20', 4), branchId: branchB },
    });
    expect(other.status).toBe(422);
    expect(other.body.errors[0].label).toBe('党支部');
    const roster = await t.call('GET', `${base}/branches/${branchB}/roster`, { cookie: secretary });
    expect(roster.status).toBe(404);
  });

  it('offers attendance and missing meetings as citable metrics, each recounted from its rows', async () => {
    // Branch B keeps counts only (5 expected, 4 present): five seats, the first four present.
    await addRecords(t, zuzhi, 'branch_meeting', [
      { ...branchMeeting(branchB, '2025-05-05'), expected: 5, attendees: 4 },
    ]);
    const q2 = 'from=2025-04-01&to=2025-06-30';
    const metric = (id: string, cookie = zuzhi, extra = '') =>
      t.call('GET', `${townBase}/metrics/ledger.${id}?${q2}${extra}`, { cookie });
    const rows = async (id: string, cookie = zuzhi) =>
      (await t.call('GET', `${townBase}/metrics/ledger.${id}/records?${q2}&limit=500`, { cookie }))
        .body.items as { unitId: string; data: Record<string, any>; inNumerator: boolean }[];
    const rate = await metric('party_meeting_seat.attendance_rate');
    expect(rate.status, JSON.stringify(rate.body)).toBe(200);
    // Branch A: 1 of 4 (the edited assembly) and 4 of 4; branch B: 4 of 5.
    expect(rate.body).toMatchObject({ numerator: 9, denominator: 13, value: 69.23 });
    const seats = await rows('party_meeting_seat.attendance_rate');
    expect(seats).toHaveLength(13);
    expect(seats.filter((r) => r.inNumerator)).toHaveLength(9);
    const absent = seats.filter((r) => r.unitId === branchA && !r.data.present);
    expect(absent.map((r) => [r.data.member_name, r.data.absence_reason]).sort()).toEqual(
      ['乙', '丙', '丁'].map((n) => [`党员${n}`, '外出务工']).sort(),
    );
    // Per branch, the same present/expected as the quarter overview.
    const byBranch = await metric('party_meeting_seat.attendance_rate', zuzhi, '&groupBy=branch');
    const quarter = (
      await t.call('GET', `${base}/quarter-overview?year=2025&quarter=2`, {
        cookie: zuzhi,
      })
    ).body.branches as { branchId: string; present: number; expected: number; missing: number }[];
    for (const b of quarter) {
      const g = byBranch.body.groups.find((x: { key: string }) => x.key === b.branchId);
      expect([g.numerator, g.denominator]).toEqual([b.present, b.expected]);
    }
    // Missing meetings: the overview's 7 (A) + 8 (B), and the periods short of a meeting behind them.
    const missing = await metric('party_meeting_gap.missing');
    expect(missing.body.value).toBe(quarter.reduce((s, b) => s + b.missing, 0));
    expect(missing.body.value).toBe(15);
    const gaps = await rows('party_meeting_gap.missing');
    expect(gaps.reduce((s, r) => s + r.data.missing, 0)).toBe(15);
    expect(
      gaps.filter((r) => r.unitId === branchA).map((r) => [r.data.meeting_type, r.data.period_end]),
    ).toEqual(
      expect.arrayContaining([
        ['committee', '2025-04-30'],
        ['group', '2025-06-30'],
        ['party_lecture', '2025-06-30'],
      ]),
    );
    // The drill-down's columns: the source reads like a ledger type, for those who see it.
    const source = await t.call('GET', `${townBase}/ledger-types/party_meeting_gap`, {
      cookie: secretary,
    });
    expect(source.body.fields.map((f: { label: string }) => f.label)).toContain('缺开次数');
    // A branch secretary's figures cover their own branch only.
    expect((await metric('party_meeting_gap.missing', secretary)).body.value).toBe(7);
    const own = await metric('party_meeting_seat.attendance_rate', secretary);
    expect(own.body).toMatchObject({ numerator: 5, denominator: 8 });
    expect((await rows('party_meeting_seat.attendance_rate', secretary)).length).toBe(8);
  });

  it('reminds whoever records a branch of the meetings still short as the period ends', async () => {
    const db = t.database.db;
    const remind = async (who: 'zuzhi' | 'secretary', today: string) =>
      (await meetingReminders(db, await actorOf(t, users[who]), t.townId, today)).map(
        (r) => `${r.branchName} ${r.typeLabel} ${r.periodLabel} ${r.held}/${r.required}`,
      );
    // June 25th: June and the second quarter end within the reminder window. Branch A held its
    // assembly (April) and a committee meeting in May, not in June; groups meet quarterly now.
    const a = [
      '支部委员会 2025年6月',
      '党小组会 2025年第二季度',
      '党课 2025年第二季度',
      '主题党日 2025年6月',
    ];
    expect(await remind('secretary', '2025-06-25')).toEqual(a.map((x) => `东山村党支部 ${x} 0/1`));
    const all = await remind('zuzhi', '2025-06-25');
    expect(all).toHaveLength(8);
    expect(all.filter((x) => x.startsWith('西河村党支部'))).toHaveLength(4);
    // Early in the month nothing is falling due yet.
    expect(await remind('zuzhi', '2025-06-10')).toEqual([]);
    const http = await t.call('GET', `${base}/meeting-reminders`, { cookie: secretary });
    expect(http.status).toBe(200);
    expect(Array.isArray(http.body.items)).toBe(true);
  });

  it('judges each month alone: three meetings in one month do not cover the next two', () => {
    const q = quarterOf(2025, 2);
    const held = ['2025-04-02', '2025-04-09', '2025-04-16'].map((heldOn) => ({
      meetingType: 'committee' as const,
      heldOn,
      expected: 5,
      present: 5,
    }));
    const monthly = { meetingType: 'committee' as const, period: 'month' as const, times: 1 };
    const f = quarterFigures(held, [monthly], q, '2025-06-15');
    // June has not ended: only April and May are due.
    expect(f.types.find((x) => x.meetingType === 'committee')).toMatchObject({
      held: 3,
      required: 2,
      missing: 1,
    });
    expect(f.attendanceRate).toBe(100);
  });
});
