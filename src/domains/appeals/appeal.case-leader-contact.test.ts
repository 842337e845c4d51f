import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../../testing/appeals.ts';

// 包案领导 (DESIGN 5, petitions): the leader personally responsible for a petition replies to the
// petitioner (答复意见书), so — like the handling unit — they may see the petitioner's full contact,
// audited. The cast's 政法委员 (politics) holds the petitions portfolio.
let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
});
afterAll(() => t.close());

/** A petition accepted by 综治中心 whose 一案一策 names `caseLeader` (a person id). */
async function petitionLedBy(caseLeader: string, phone: string) {
  let a = await k.intake('dispatcher', {
    kind: 'petition',
    channel: 'visit',
    categoryCode: 'rural.land_contract',
    title: '承包地被占',
    content: '承包地被邻组占用',
    contactName: '李某',
    contactPhone: phone,
    payload: { channel: '来访' },
  });
  a = await k.act('dispatcher', a, 'accept', {
    noticeDate: '2025-03-01',
    unitId: cast.governanceOffice,
  });
  return k.act('leader', a, 'plan', { caseLeaderId: caseLeader, casePlan: '实地核查，组织协商' });
}

const reveal = async (user: string, id: string) =>
  t.call('POST', `${k.base}/appeals/${id}/contact`, {
    cookie: await k.cookie(user),
    body: { reason: '电话告知答复意见' },
  });

describe('a portfolio leader’s access to a resident’s contact', () => {
  it('is granted on a petition they lead as 包案领导, as the order detail promises, and audited', async () => {
    const led = await petitionLedBy(cast.users.politics.personId!, '13900001111');
    const detail = await t.call('GET', `${k.base}/appeals/${led.id}`, {
      cookie: await k.cookie('politics'),
    });
    expect(detail.status).toBe(200);
    expect(detail.body.canRevealContact).toBe(true);
    const res = await reveal('politics', led.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.contactPhone).toBe('13900001111');
    const audited = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('town_id', '=', t.townId)
      .where('entity_id', '=', led.id)
      .where('action', '=', 'reveal_contact')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('is refused on an order of their portfolio that they do not handle themselves', async () => {
    const other = await petitionLedBy(cast.users.leader.personId!, '13900002222');
    const detail = await t.call('GET', `${k.base}/appeals/${other.id}`, {
      cookie: await k.cookie('politics'),
    });
    expect(detail.status).toBe(200);
    expect(detail.body.canRevealContact).toBe(false);
    expect((await reveal('politics', other.id)).status).toBe(403);
  });
});
