import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';

// A village cadre who registers and mediates a dispute is its 经办人 (handler): they call the
// parties, so — like a hotline order's handling unit — they may see the parties' contact, audited
// (issue 10.13: they got 403). Another cadre's dispute in the same village stays masked for them.
let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp();
  k = appealKit(t);
});
afterAll(() => t.close());

const reveal = async (user: string, id: string) =>
  t.call('POST', `${k.base}/appeals/${id}/contact`, {
    cookie: await k.cookie(user),
    body: { reason: '约当事人调解' },
  });

const dispute = async (user: string) =>
  k.intake(user, {
    kind: 'dispute',
    channel: 'grid',
    categoryCode: 'security.neighbour',
    villageId: await k.village('石桥村'),
    title: '宅基地边界纠纷',
    content: '两户因宅基地边界发生争执',
    contactName: '赵大勇',
    contactPhone: '13712340099',
    payload: { disputeType: '邻里', parties: ['赵大勇', '钱小二'] },
  });

describe('a dispute handler’s access to the parties’ contact', () => {
  it('is granted to the village cadre who registered and mediates it, and audited', async () => {
    const d = await dispute('cunganbu');
    const detail = await t.call('GET', `${k.base}/appeals/${d.id}`, {
      cookie: await k.cookie('cunganbu'),
    });
    expect(detail.body.handlerPersonId).toBe(await k.personOf('cunganbu'));
    expect(detail.body.canRevealContact).toBe(true);
    const res = await reveal('cunganbu', d.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ contactName: '赵大勇', contactPhone: '13712340099' });
    const audited = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', d.id)
      .where('action', '=', 'reveal_contact')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('is refused to a village cadre on a dispute of their village that someone else handles', async () => {
    const d = await dispute('zhuangan');
    const detail = await t.call('GET', `${k.base}/appeals/${d.id}`, {
      cookie: await k.cookie('cunganbu'),
    });
    expect(detail.status).toBe(200);
    expect(detail.body.canRevealContact).toBe(false);
    const res = await reveal('cunganbu', d.id);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain('13712340099');
  });
});

describe('declared village and money fields of a dispute', () => {
  it('takes a village of the town as the mediation venue and an amount in 元 with two decimals', async () => {
    const d = await dispute('cunganbu');
    const mediation = {
      sessionDate: '2026-03-02',
      attendingParties: ['赵大勇', '钱小二'],
      sessionNote: '双方到场，初步达成意向',
    };
    const office = await k.unit('party');
    const refused = await k.act(
      'cunganbu',
      d,
      'mediate',
      { ...mediation, venueVillageId: office },
      422,
    );
    expect(JSON.stringify(refused)).toContain('调解地点（村、社区）不是本乡镇的村（社区）');
    const mediated = await k.act('cunganbu', d, 'mediate', {
      ...mediation,
      venueVillageId: await k.village('石桥村'),
    });
    const agreement = { agreementText: '以现有界桩为界', signedDate: '2026-03-03' };
    const cents = await k.act(
      'cunganbu',
      mediated,
      'agree',
      { ...agreement, settlementAmount: 12.345 },
      422,
    );
    expect(JSON.stringify(cents)).toContain('协议金额最多保留两位小数（元）');
    const agreed = await k.act('cunganbu', mediated, 'agree', {
      ...agreement,
      settlementAmount: 3000.5,
    });
    expect(agreed.state).toBe('agreed');
  });
});
