import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRUB_MARKERS } from '../../core/privacy/scrub.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../../testing/appeals.ts';

// The resident's loop on the public page (issue 11): prove the order is theirs (tracking code +
// the phone's last four digits), read the published reply, rate it — the rating is the 回访.
let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
let ipSeq = 0;
beforeAll(async () => {
  process.env.LVZHI_TRUST_PROXY = '1'; // each test speaks from its own address (x-forwarded-for)
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
});
afterAll(async () => {
  delete process.env.LVZHI_TRUST_PROXY;
  await t.close();
});

const pub = '/api/v1/public/appeals';
const from = (ip = `10.1.0.${++ipSeq}`) => ({ 'x-forwarded-for': ip });

async function submit(contactPhone: string | null = '138-1234-5678') {
  const res = await t.call('POST', '/api/v1/public/towns/testtown/appeals', {
    headers: from(),
    body: {
      categoryCode: 'urban.roads',
      villageId: cast.village,
      title: '村口路灯不亮',
      content: '我叫王小明，东村村口路灯坏了一周',
      contactName: '王小明',
      ...(contactPhone ? { contactPhone: contactPhone.replace(/-/g, '') } : {}),
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const row = await t.database.db
    .selectFrom('appeal')
    .select(['id', 'version'])
    .where('code', '=', res.body.code)
    .executeTakeFirstOrThrow();
  return { ...row, trackingCode: res.body.trackingCode as string };
}

/** Dispatch → claim → reply by the office, and the reply published to the resident (scrubbed). */
async function replied(order: { id: string; version: number }) {
  let a = await k.act(cast.users.dispatcher, order, 'dispatch', {
    unitId: cast.propagandaOffice,
  });
  a = await k.act(cast.users.staff, a, 'claim');
  a = await k.act(cast.users.staff, a, 'reply', { replyText: '路灯已更换', contacted: true });
  const pubRes = await t.call('PUT', `${k.base}/appeals/${order.id}/publication`, {
    cookie: cast.users.staff.cookie,
    body: {
      description: null,
      reply: '已联系王小明，村口路灯已更换，回电 0571-8888 1234',
      version: 0,
    },
  });
  expect(pubRes.status, JSON.stringify(pubRes.body)).toBe(200);
  return a as { id: string; version: number };
}

const prove = (code: string, phoneLast4: string, ip = from()) =>
  t.call('POST', `${pub}/${code}/proof`, { body: { phoneLast4 }, headers: ip });
const rate = (code: string, body: Record<string, unknown>) =>
  t.call('POST', `${pub}/${code}/rating`, { body, headers: from() });
const order = async (id: string) =>
  (await t.call('GET', `${k.base}/appeals/${id}`, { cookie: cast.users.dispatcher.cookie })).body;

describe("the resident's loop on the public page", () => {
  it('shows the published reply, scrubbed, only with the phone ending; a wrong one reveals nothing', async () => {
    const o = await submit();
    await replied(o);
    const byCode = await t.call('GET', `${pub}/${o.trackingCode}`, { headers: from() });
    expect(byCode.status).toBe(200);
    expect(byCode.body).toMatchObject({ proven: false, reply: null, canRate: false, rating: null });
    expect(byCode.body.stateLabel).toBe('已答复待回访');

    const wrong = await prove(o.trackingCode, '0000');
    // Another code: its last character changed (the random code may itself end in Z).
    const last = o.trackingCode.endsWith('Z') ? 'Y' : 'Z';
    const unknown = await prove(`${o.trackingCode.slice(0, -1)}${last}`, '5678');
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body.detail).toBe(unknown.body.detail); // a wrong ending answers like a wrong code
    expect(JSON.stringify(wrong.body)).not.toMatch(/答复|路灯/);

    const ok = await prove(o.trackingCode, '5678');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ proven: true, canRate: true });
    expect(ok.body.reply).toBe(
      `已联系${SCRUB_MARKERS.name}，村口路灯已更换，回电 ${SCRUB_MARKERS.number}`,
    );
  });

  it('takes the rating as the 回访: 满意 moves the order to 已回访 and staff see label, solved and comment', async () => {
    const o = await submit();
    await replied(o);
    const noProof = await rate(o.trackingCode, { satisfaction: '满意', solved: true });
    expect(noProof.status).toBe(404);
    const res = await rate(o.trackingCode, {
      phoneLast4: '5678',
      satisfaction: '满意',
      solved: true,
      comment: '修得快，谢谢',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      stateLabel: '已回访',
      canRate: false,
      rating: { satisfaction: '满意', solved: true, comment: '修得快，谢谢' },
    });
    const staff = await order(o.id);
    expect(staff).toMatchObject({
      state: 'followed_up',
      satisfaction: '满意',
      residentSatisfaction: '满意',
      residentComment: '修得快，谢谢',
    });
    const followUp = staff.timeline.find((e: any) => e.action === 'follow_up');
    expect(followUp).toMatchObject({ actorName: '群众（查询页评价）' });
    expect(followUp.payload).toMatchObject({ satisfaction: '满意', followUpNote: '修得快，谢谢' });
    // Rated once per reply: the desk's 回访 is done, a second rating is refused.
    const again = await rate(o.trackingCode, {
      phoneLast4: '5678',
      satisfaction: '不满意',
      solved: false,
    });
    expect(again.status).toBe(422);
  });

  it('reopens on 不满意 within the kind limit, then leaves the order 已回访 for the desk to close', async () => {
    const o = await submit('13900001111');
    let a = await replied(o);
    for (let round = 1; round <= 3; round++) {
      const res = await rate(o.trackingCode, {
        phoneLast4: '1111',
        satisfaction: '不满意',
        solved: false,
        comment: `第${round}次还是不亮`,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const staff = await order(o.id);
      expect(staff.residentComment).toBe(`第${round}次还是不亮`);
      expect(staff.residentSatisfaction).toBe('不满意');
      if (round <= 2) {
        // maxReopens 2: the first two 不满意 reopen the order (办理中) for the office again.
        expect(res.body.stateLabel).toBe('办理中');
        expect(staff.reopenCount).toBe(round);
        const reopen = staff.timeline.findLast((e: any) => e.action === 'reopen');
        expect(reopen.payload.reopenReason).toBe(`群众评价不满意：第${round}次还是不亮`);
        a = await k.act(cast.users.staff, staff, 'reply', { replyText: '再修', contacted: true });
      } else {
        expect(res.body.stateLabel).toBe('已回访');
        expect(staff.reopenCount).toBe(2);
        await k.act(cast.users.dispatcher, staff, 'close');
      }
    }
    expect(a).toBeTruthy();
  });

  it('lets an order filed without a phone be followed and rated by its code alone', async () => {
    const o = await submit(null);
    await replied(o);
    const byCode = await t.call('GET', `${pub}/${o.trackingCode}`, { headers: from() });
    expect(byCode.body).toMatchObject({ proven: true, canRate: true });
    expect(byCode.body.reply).toContain('村口路灯已更换');
    expect((await rate(o.trackingCode, { satisfaction: '基本满意', solved: true })).status).toBe(
      200,
    );
  });

  it('refuses proofs for an order after 10 wrong endings in an hour, from any address', async () => {
    const o = await submit('13700002222');
    for (let i = 0; i < 10; i++)
      expect((await prove(o.trackingCode, String(1000 + i))).status).toBe(404);
    const locked = await prove(o.trackingCode, '2222');
    expect(locked.status).toBe(429);
    expect(locked.body.detail).toMatch(/手机号后四位输错次数过多/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts wrong endings with wrong codes per address: past 20, the address is refused', async () => {
    const o = await submit('13600003333');
    const other = await submit('13600004444');
    const fresh = await submit('13600005555');
    const ip = from('10.2.2.2');
    for (let i = 0; i < 10; i++) await prove(o.trackingCode, String(2000 + i), ip);
    for (let i = 0; i < 10; i++) await prove(other.trackingCode, String(2000 + i), ip);
    const refused = await prove(fresh.trackingCode, '5555', ip);
    expect(refused.status).toBe(429);
    expect(refused.body.detail).toMatch(/查询码输错次数过多/);
    expect((await prove(fresh.trackingCode, '5555')).status).toBe(200);
  });
});
