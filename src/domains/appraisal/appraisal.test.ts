/**
 * 民主测评 must-shows (issue 14): a token votes once (also two submits at once), a ballot cannot be
 * tied to its voter (the tables' columns, ids, physical order and transaction ids; no audit entry
 * and no log line carries a token), tallies equal the ballots, the 优秀 cap at its boundary. An
 * empty town with a small cast: a 组织委员 who manages, a 宣传委员 who may not.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excellentCap } from '../../core/appraisal/ballot.ts';
import { createApp } from '../../server/app.ts';
import { WEB_DIST } from '../../server/config.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { townFixture } from '../../testing/town.ts';

let t: TestApp;
let zuzhi: string;
let xuanchuan: string;
let base: string;
let people: string[];
const logLines: string[] = [];
let logged: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  const town = townFixture(t);
  zuzhi = (await town.persona('zuzhi', 'portfolio_leader', { portfolios: ['organization'] }))
    .cookie;
  xuanchuan = (await town.persona('xuanchuan', 'portfolio_leader', { portfolios: ['propaganda'] }))
    .cookie;
  people = [];
  for (let i = 1; i <= 10; i++) people.push(await town.person(`测评对象${i}`));
  base = `/api/v1/towns/${t.townId}/appraisal/rounds`;
  // The same app over the same database, logging at info into memory: what the request log keeps.
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  logged = createApp({
    db: t.database.db,
    logger: pino({ level: 'info' }, sink),
    config: { secureCookies: false, sessionIdleHours: 12, sessionMaxDays: 7, webDir: WEB_DIST },
  });
});
afterAll(() => t.close());

async function openRound(ballots: number, scale = 'excellent4', count = 10) {
  const created = await t.call('POST', base, {
    cookie: zuzhi,
    body: {
      year: 2026,
      title: '2026年度班子成员民主测评',
      scale,
      withItems: false,
      capPercent: 20,
      people: people.slice(0, count),
      groups: [{ name: '村（社区）书记', ballots }],
    },
  });
  expect(created.status).toBe(201);
  const opened = await t.call('POST', `${base}/${created.body.id}/open`, {
    cookie: zuzhi,
    body: { version: created.body.version },
  });
  expect(opened.status).toBe(200);
  return { id: created.body.id as string, tokens: opened.body.sheets[0].tokens as string[] };
}

/** A ballot: the given grades for the first people, 称职 for the rest. */
const marks = (grades: string[], count = 10) =>
  people.slice(0, count).map((personId, i) => ({ personId, grade: grades[i] ?? 'competent' }));

const vote = (token: string, m: unknown, app = t.app) =>
  app.request('/api/v1/appraisal/ballots', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, marks: m }),
  });

const close = async (id: string) => {
  const round = await t.call('GET', `${base}/${id}`, { cookie: zuzhi });
  return t.call('POST', `${base}/${id}/close`, {
    cookie: zuzhi,
    body: { version: round.body.version },
  });
};

describe('who runs a round', () => {
  it('lets the 组织委员 in and refuses the 宣传委员 before looking at the request (403)', async () => {
    expect((await t.call('GET', base, { cookie: zuzhi })).status).toBe(200);
    const refused = await t.call('POST', base, { cookie: xuanchuan, body: {} });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('组织');
  });
});

describe('a token votes once', () => {
  it('accepts the first ballot and refuses the same token again (409, Chinese)', async () => {
    const { id, tokens } = await openRound(3);
    expect((await vote(tokens[0]!, marks(['excellent']))).status).toBe(201);
    const again = await vote(tokens[0]!, marks([]));
    expect(again.status).toBe(409);
    expect((await again.json()).detail).toBe('这个二维码已经投过票了，每个二维码只能投一次');
    const view = await t.call('GET', `${base}/${id}`, { cookie: zuzhi });
    expect(view.body.turnout).toMatchObject({ ballots: 3, voted: 1 });
  });

  it('counts exactly one of two submits of the same token sent at once', async () => {
    const { id, tokens } = await openRound(2);
    const results = await Promise.all([
      vote(tokens[1]!, marks(['excellent'])),
      vote(tokens[1]!, marks(['basic'])),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const stored = await t.database.db
      .selectFrom('appraisal_ballot')
      .select(sql<number>`count(*)`.as('n'))
      .where('round_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(1);
  });

  it('refuses an unknown token and every token once the round is closed (404)', async () => {
    const { id, tokens } = await openRound(2);
    expect((await vote('x'.repeat(32), marks([]))).status).toBe(404);
    expect((await close(id)).status).toBe(200);
    const late = await vote(tokens[0]!, marks([]));
    expect(late.status).toBe(404);
    expect((await late.json()).detail).toContain('已经结束');
  });
});

describe('the 优秀 cap', () => {
  it('is 20 % rounded half up, at least one', () => {
    expect([4, 7, 8, 10, 12, 13].map((n) => excellentCap(n, 20))).toEqual([1, 1, 2, 2, 2, 3]);
    expect(excellentCap(2, 20)).toBe(1);
  });

  it('takes a ballot at the cap (2 of 10) and refuses one above it (3), leaving the token unused', async () => {
    const { id, tokens } = await openRound(2);
    const over = await vote(tokens[0]!, marks(['excellent', 'excellent', 'excellent']));
    expect(over.status).toBe(422);
    expect((await over.json()).detail).toBe(
      '“优秀”最多只能评2人（测评对象10人的20%，四舍五入），您评了3人，请减少后再提交',
    );
    expect((await vote(tokens[0]!, marks(['excellent', 'excellent']))).status).toBe(201);
    const closed = await close(id);
    expect(closed.body.tally).toMatchObject({ ballots: 1, cap: 2, overCap: 0 });
    expect(closed.body.refusedOverCap).toBe(1);
  });
});

describe('tallies', () => {
  it('equal the ballots: per person and grade, with percentages, recounted from the table', async () => {
    const { id, tokens } = await openRound(5, 'good4', 4);
    const cast = [
      ['good', 'fair', 'average', 'poor'],
      ['good', 'good', 'fair', 'poor'],
      ['fair', 'good', 'fair', 'average'],
      ['poor', 'average', 'good', 'fair'],
    ];
    // good4 with 4 people: cap 1 (0.8 rounds to 1), so ballot 2 (two 好) must be refused.
    const statuses = [];
    for (const [i, grades] of cast.entries())
      statuses.push((await vote(tokens[i]!, marks(grades, 4))).status);
    expect(statuses).toEqual([201, 422, 201, 201]);
    const closed = await close(id);
    expect(closed.status).toBe(200);
    const valid = [cast[0]!, cast[2]!, cast[3]!];
    const tally = closed.body.tally;
    expect(tally.ballots).toBe(3);
    for (const [p, person] of tally.people.entries()) {
      for (const g of person.grades) {
        const expected = valid.filter((b) => b[p] === g.grade).length;
        expect(g.count).toBe(expected);
        expect(g.percent).toBe(Math.round((expected * 1000) / 3) / 10);
      }
    }
    expect(tally.people[0].grades.map((g: { label: string }) => g.label)).toEqual([
      '好',
      '较好',
      '一般',
      '差',
    ]);
    const raw = await t.database.db
      .selectFrom('appraisal_ballot')
      .select('marks')
      .where('round_id', '=', id)
      .execute();
    expect(raw.length).toBe(tally.ballots);
    const fromTable = raw.filter(
      (r) => (r.marks as { grade: string }[])[0]!.grade === 'good',
    ).length;
    expect(tally.people[0].grades[0].count).toBe(fromTable);
    expect(closed.body.groups[0]).toMatchObject({ ballots: 5, voted: 3, percent: 60 });

    // The Excel and Word files carry the same figures.
    const xlsx = await t.app.request(`${base}/${id}/results.xlsx`, { headers: { cookie: zuzhi } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('测评结果')!;
    const row = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(2).value === '测评对象1')!;
    const first = tally.people[0].grades;
    expect(row.getCell(3).value).toBe(first[0].count);
    expect(row.getCell(4).value).toBe(first[0].percent);
    const docx = await t.app.request(`${base}/${id}/results.docx`, { headers: { cookie: zuzhi } });
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) }))
      .value;
    expect(text).toContain('收回有效票3张，参评率60%');
    expect(text).toContain('测评对象4');

    // Each appraised person's own results; a colleague's are refused.
    const cookie = await personCookie(people[0]!);
    const own = await t.call(
      'GET',
      `/api/v1/towns/${t.townId}/appraisal/people/${people[0]}/results`,
      {
        cookie,
      },
    );
    expect(own.status).toBe(200);
    expect(own.body.items[0].grades[0]).toMatchObject({ label: '好', count: first[0].count });
    const other = await t.call(
      'GET',
      `/api/v1/towns/${t.townId}/appraisal/people/${people[1]}/results`,
      {
        cookie,
      },
    );
    expect(other.status).toBe(403);
  });
});

/** A staff account of the person (one per person). */
async function personCookie(personId: string): Promise<string> {
  const town = townFixture(t);
  return (await town.user(`p${personId.slice(-8)}`, 'staff', { personId })).cookie;
}

describe('a ballot cannot be tied to its voter', () => {
  it('keeps no link in columns, ids, order, transactions, the audit log or the request log', async () => {
    const { id, tokens } = await openRound(6);
    for (const [i, token] of tokens.entries())
      expect((await vote(token, marks(i % 2 ? ['excellent'] : ['basic']), logged)).status).toBe(
        201,
      );
    const db = t.database.db;
    const columns = async (table: string) =>
      (
        await sql<{ column_name: string }>`
          select column_name from information_schema.columns
           where table_name = ${table} order by column_name`.execute(db)
      ).rows.map((r) => r.column_name);
    expect(await columns('appraisal_ballot')).toEqual(['id', 'marks', 'round_id', 'town_id']);
    expect(await columns('appraisal_token')).toEqual([
      'group_id',
      'round_id',
      'token_hash',
      'town_id',
      'used',
    ]);
    // Tokens are stored as hashes only.
    const hashes = await db
      .selectFrom('appraisal_token')
      .select('token_hash')
      .where('round_id', '=', id)
      .execute();
    expect(hashes.some((h) => tokens.includes(h.token_hash))).toBe(false);
    expect((await close(id)).status).toBe(200);
    // Closed: tokens gone; ballots rewritten in one transaction, physically in the order of fresh
    // random (v4, not time-ordered v7) ids.
    expect(
      await db
        .selectFrom('appraisal_token')
        .select('token_hash')
        .where('round_id', '=', id)
        .execute(),
    ).toEqual([]);
    const rows = (
      await sql<{ id: string; xmin: string; ctid: string }>`
        select id, xmin::text as xmin, ctid::text as ctid from appraisal_ballot where round_id = ${id}`.execute(
        db,
      )
    ).rows;
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.id[14] === '4')).toBe(true);
    expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
    const physical = [...rows].sort((a, b) => ctidKey(a.ctid) - ctidKey(b.ctid)).map((r) => r.id);
    expect(physical).toEqual(rows.map((r) => r.id).sort());
    // The audit log has the round's create, open, close and tally: nothing per ballot.
    const audit = await db
      .selectFrom('audit_entry')
      .select(['action', 'after'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'open', 'close', 'tally']);
    expect(JSON.stringify(audit)).not.toContain(tokens[0]!);
    // The request log saw six votes and no token.
    const votes = logLines.filter((l) => l.includes('/api/v1/appraisal/ballots'));
    expect(votes).toHaveLength(6);
    expect(logLines.join('\n')).not.toMatch(new RegExp(tokens.join('|')));
  });
});

/** `(page,item)` as one sortable number. */
function ctidKey(ctid: string): number {
  const [page, item] = ctid.slice(1, -1).split(',').map(Number);
  return page! * 10_000 + item!;
}
