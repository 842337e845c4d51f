/**
 * 归入此问题 / 立为问题 from the intake hint 可能与…同类, through the API as the form does it: the
 * hint (GET …/appeals/similar) offers the recent repeats or the open problem, and the choice is
 * sent with the new order (POST …/appeals `problem`), linked in the intake's own transaction. A
 * refused link refuses the order with it: no order, no problem, no link, no audit entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, type AppealCast } from '../../testing/appeals.ts';

let t: TestApp;
let cast: AppealCast;
let base: string;

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  cast = await appealCast(t);
  base = `/api/v1/towns/${t.townId}`;
});
afterAll(() => t.close());

const DAY = 86_400_000;
const order = (title: string, content: string, daysAgo: number, phone: string) => ({
  kind: 'hotline',
  channel: 'hotline_12345',
  categoryCode: 'urban.roads',
  villageId: cast.otherVillage,
  title,
  content,
  contactPhone: phone,
  receivedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
});

async function intake(body: Record<string, unknown>, who = cast.users.dispatcher) {
  return t.call('POST', `${base}/appeals`, { cookie: who.cookie, body });
}

async function hints(text: string) {
  const qs = new URLSearchParams({
    text,
    villageId: cast.otherVillage,
    categoryCode: 'urban.roads',
  });
  const res = await t.call('GET', `${base}/appeals/similar?${qs}`, {
    cookie: cast.users.dispatcher.cookie,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.problems as any[];
}

/** What a refused save could have left behind. */
async function traces() {
  const db = t.database.db;
  const count = async (
    table: 'appeal' | 'appeal_problem' | 'appeal_problem_order' | 'audit_entry',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('town_id', '=', t.townId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    orders: await count('appeal'),
    problems: await count('appeal_problem'),
    links: await count('appeal_problem_order'),
    audit: await count('audit_entry'),
  };
}

describe('linking a new order from the intake hint', () => {
  let problemId: string;
  let repeats: string[];

  it('立为问题: confirms the recent repeats and the new order into one problem', async () => {
    repeats = [];
    for (const [i, [title, content]] of [
      ['西村三组排水沟堵了', '西村三组排水沟堵了，一下雨污水就漫到路上。'],
      ['三组排水沟堵塞', '西村三组排水沟堵塞，下雨后污水漫到路面上。'],
      ['西村排水沟又堵了', '西村三组的排水沟又堵了，污水漫到路上没人管。'],
    ].entries()) {
      const res = await intake(order(title!, content!, 30 - i * 10, `1390000100${i}`));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).not.toHaveProperty('problem');
      repeats.push(res.body.id);
    }
    const text = '西村三组排水沟堵住了，下雨污水漫到路上';
    const [hint] = await hints(text);
    expect(hint).toMatchObject({ kind: 'cluster', problemId: null, orderCount: 3 });
    expect(hint.orders.map((o: any) => o.id).sort()).toEqual([...repeats].sort());

    const res = await intake({
      ...order('排水沟堵了', text, 0, '13900002000'),
      problem: {
        kind: 'cluster',
        title: hint.title,
        appealIds: hint.orders.map((o: any) => o.id),
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.problem).toMatchObject({ title: hint.title, orderCount: 4 });
    problemId = res.body.problem.id;
    const detail = await t.call('GET', `${base}/appeal-problems/${problemId}`, {
      cookie: cast.users.dispatcher.cookie,
    });
    expect(detail.body).toMatchObject({ status: 'unclaimed', villageId: cast.otherVillage });
    expect(detail.body.orders.map((o: any) => o.id).sort()).toEqual(
      [...repeats, res.body.id].sort(),
    );
    // Now on the list, the same words name the problem instead of a cluster.
    expect((await hints(text)).map((h) => [h.kind, h.problemId])).toEqual([['problem', problemId]]);
  });

  it('归入此问题: links the new order to the open problem the hint named', async () => {
    const res = await intake({
      ...order('排水沟堵塞', '西村三组排水沟又堵塞了，污水漫到路上。', 0, '13900002001'),
      problem: { kind: 'problem', problemId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.problem).toMatchObject({ id: problemId, orderCount: 5 });
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', problemId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'appeal_problem.add_orders']);
  });

  it('a refused link saves nothing: no order, no problem, no link, no audit entry', async () => {
    const before = await traces();
    const refused = async (body: Record<string, unknown>, status: number, who?: any) => {
      const res = await intake(body, who);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.detail).toMatch(/[\u4e00-\u9fff]/);
      expect(await traces()).toEqual(before);
    };
    const fresh = order('排水沟', '西村三组排水沟堵了，污水漫到路上。', 0, '13900002002');
    // 立为问题 with an order another problem already holds.
    await refused(
      { ...fresh, problem: { kind: 'cluster', title: '重复', appealIds: repeats } },
      409,
    );
    // 归入 a problem outside the caller's scope (宣传办's staff see their unit's problems only).
    await refused({ ...fresh, problem: { kind: 'problem', problemId } }, 404, cast.users.staff);
    // 归入 a problem closed (销号) since the hint was shown.
    await t.database.db
      .updateTable('appeal_problem')
      .set({ status: 'closed' })
      .where('id', '=', problemId)
      .execute();
    await refused({ ...fresh, problem: { kind: 'problem', problemId } }, 409);
    // Without the choice the same order is taken.
    const res = await intake(fresh);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await traces()).orders).toBe(before.orders + 1);
  });
});
