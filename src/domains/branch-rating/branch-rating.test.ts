/**
 * 党支部星级评定 must-shows (issue 14) through the API: stars from the thresholds at the
 * threshold exactly, the rating written as the branch's 星级评定 ledger record (what reports
 * cite) with 较上年晋级, evidence that must be real records, 组织生活 prefilled from the
 * meetings, a configurable indicator set per year, 409 on a stale version, and a branch secretary
 * who sees their branch's rating but cannot rate. An empty town with one branch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { townFixture } from '../../testing/town.ts';

let t: TestApp;
let zuzhi: string;
let secretary: string;
let base: string;
let ledgers: string;
let branch: string;
let meetingId: string;

const all = (score: number, evidence: string[] = []) =>
  ['leadership', 'members', 'org_life', 'impact', 'satisfaction'].map((indicator) => ({
    indicator,
    score,
    evidence: indicator === 'org_life' ? evidence : [],
  }));

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  base = `${town.base}/party`;
  ledgers = `${town.base}/ledger-types`;
  zuzhi = (await town.persona('zuzhi', 'portfolio_leader', { portfolios: ['organization'] }))
    .cookie;
  const village = await town.village('东山村');
  branch = await town.unit('东山村党支部', { kind: 'branch', parentId: village });
  secretary = (await town.unitPersona('shuji_a', 'village_cadre', village, '东山村党支部书记'))
    .cookie;
  const roster = await t.call('PUT', `${base}/branches/${branch}/roster`, {
    cookie: zuzhi,
    body: { members: [{ name: '党员甲' }, { name: '党员乙' }] },
  });
  const [a, b] = roster.body.members;
  const meeting = await t.call('POST', `${base}/meetings`, {
    cookie: zuzhi,
    body: {
      branchId: branch,
      meetingType: 'member_assembly',
      heldOn: '2025-03-10',
      topic: '学习党章',
      attendance: [
        { memberId: a.id, present: true },
        { memberId: b.id, present: false, reason: '生病住院' },
      ],
    },
  });
  expect(meeting.status).toBe(201);
  meetingId = meeting.body.id;
});
afterAll(() => t.close());

const rate = (year: number, body: unknown, cookie = zuzhi) =>
  t.call('PUT', `${base}/rating/${year}/branches/${branch}`, { cookie, body });

describe('党支部星级评定', () => {
  it('rates at the threshold exactly, writes the ledger record and says 晋位 against last year', async () => {
    const last = await rate(2024, { scores: all(79.99) });
    expect(last.body).toMatchObject({ total: 79.99, stars: 3 });
    const now = await rate(2025, { scores: all(80, [meetingId]) });
    expect(now.status, JSON.stringify(now.body)).toBe(200);
    expect(now.body).toMatchObject({ total: 80, stars: 4 });
    const record = await t.call(
      'GET',
      `${ledgers}/branch_star_rating/records/${now.body.recordId}`,
      {
        cookie: zuzhi,
      },
    );
    expect(record.body.data).toMatchObject({ year: 2025, stars: 4, score: 80, promoted: true });
    const list = await t.call('GET', `${base}/rating/2025/branches`, { cookie: secretary });
    const mine = list.body.branches[0];
    expect(mine.rating).toMatchObject({ stars: 4, movement: 'up', total: 80 });
    expect(mine.history.slice(-2)).toEqual([
      { year: 2024, stars: 3 },
      { year: 2025, stars: 4 },
    ]);
    const orgLife = mine.rating.scores.find(
      (s: { indicator: string }) => s.indicator === 'org_life',
    );
    expect(orgLife.evidence).toEqual([
      { id: meetingId, label: expect.stringContaining('学习党章') },
    ]);
    // A second rating of the year needs the record's version; a stale one is refused.
    const stale = await rate(2025, { version: 99, scores: all(90) });
    expect(stale.status).toBe(409);
    const again = await rate(2025, { version: mine.rating.version, scores: all(90) });
    expect(again.body).toMatchObject({ total: 90, stars: 5 });
  });

  it('refuses evidence that is no record, and a branch secretary’s rating', async () => {
    const bad = await rate(2023, { scores: all(70, ['01900000-0000-7000-8000-000000000009']) });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ path: 'scores.2.evidence', label: '佐证材料' });
    expect((await rate(2023, { scores: all(70) }, secretary)).status).toBe(403);
  });

  it('prefills 组织生活 from the year’s meetings', async () => {
    const s = await t.call('GET', `${base}/rating/2025/branches/${branch}/org-life`, {
      cookie: zuzhi,
    });
    expect(s.status).toBe(200);
    // 2025 is over: 4 assemblies, 4 lectures, 12 committee, 12 group and 12 theme days due; one held.
    expect(s.body).toMatchObject({ required: 44, missing: 43, attendanceRate: 50 });
    expect(s.body.score).toBe(Math.round((60 * (1 / 44) + 0.4 * 50) * 10) / 10);
    expect(s.body.evidence.map((e: { id: string }) => e.id)).toEqual([meetingId]);
  });

  it('takes a year’s own indicator set, whose weights must add up to 100', async () => {
    const scheme = await t.call('GET', `${base}/rating/2026/scheme`, { cookie: zuzhi });
    expect(scheme.body).toMatchObject({ custom: false, version: 0 });
    const two = [
      { code: 'org_life', name: '组织生活', weight: 60, hint: '' },
      { code: 'impact', name: '作用发挥', weight: 30, hint: '' },
    ];
    const bad = await t.call('PUT', `${base}/rating/2026/scheme`, {
      cookie: zuzhi,
      body: { version: 0, indicators: two, thresholds: scheme.body.thresholds },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail).toContain('权重之和应为100');
    two[1]!.weight = 40;
    const ok = await t.call('PUT', `${base}/rating/2026/scheme`, {
      cookie: zuzhi,
      body: {
        version: 0,
        indicators: two,
        thresholds: [
          { stars: 5, minScore: 95 },
          { stars: 1, minScore: 0 },
        ],
      },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const r = await rate(2026, {
      scores: [
        { indicator: 'org_life', score: 95, evidence: [] },
        { indicator: 'impact', score: 95, evidence: [] },
      ],
    });
    expect(r.body).toMatchObject({ total: 95, stars: 5 });
  });
});
