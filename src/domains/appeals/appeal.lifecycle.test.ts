import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealKit } from '../../testing/appeals.ts';

let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  await appealCast(t);
});
afterAll(() => t.close());

const CJK = /[\u4e00-\u9fff]/;

describe('a hotline order through its whole life', () => {
  // intake → dispatch → claim → reply → follow-up (unsatisfied) → reopen → reply → follow-up →
  // close → archive
  it('goes through every step, reopened once', async () => {
    const propaganda = await k.unit('office_propaganda');
    let a = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'hotline_12345',
      categoryCode: 'publicity.signage',
      title: '宣传栏破损',
      content: '村口宣传栏玻璃破损多日无人修理',
      contactName: '王某某',
      contactPhone: '13812345678',
      payload: { hotlineNo: 'RX2025001' },
    });
    expect(a).toMatchObject({
      state: 'registered',
      version: 1,
      contactPhone: '138****5678',
      contactName: '王**',
    });
    expect(a.code).toMatch(/^\d{2}-\d{5}$/);
    a = await k.act('dispatcher', a, 'dispatch', { unitId: propaganda });
    expect(a.state).toBe('dispatched');
    expect(a.deadlines.find((d: any) => d.clock === 'claim')).toBeTruthy();
    a = await k.act('staff', a, 'claim');
    a = await k.act('staff', a, 'reply', { replyText: '已更换玻璃', contacted: true });
    a = await k.act('dispatcher', a, 'follow_up', { satisfaction: '不满意', solved: false });
    a = await k.act('dispatcher', a, 'reopen', { reopenReason: '群众反映仍有松动' });
    expect(a.reopenCount).toBe(1);
    a = await k.act('staff', a, 'reply', { replyText: '已加固', contacted: true });
    a = await k.act('dispatcher', a, 'follow_up', { satisfaction: '满意', solved: true });
    a = await k.act('dispatcher', a, 'close');
    a = await k.act('dispatcher', a, 'archive');
    expect(a.state).toBe('archived');
    expect(a.timeline.map((e: any) => e.action)).toEqual([
      'intake',
      'dispatch',
      'claim',
      'reply',
      'follow_up',
      'reopen',
      'reply',
      'follow_up',
      'close',
      'archive',
    ]);
    const row = await t.database.db
      .selectFrom('appeal')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      responded_on_time: true,
      closed_on_time: true,
      satisfaction: '满意',
      solved: true,
      reopen_count: 1,
    });
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', a.id)
      .orderBy('seq')
      .execute();
    expect(audit).toHaveLength(10);
  });

  it('refuses the wrong role, a missing field and the wrong state with a clear Chinese 4xx', async () => {
    const propaganda = await k.unit('office_propaganda');
    let a = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      title: '路灯不亮',
      content: '新街路灯不亮',
    });
    const wrongRole = await k.act('leader', a, 'dispatch', { unitId: propaganda }, 403);
    expect(wrongRole.detail).toMatch(/派单员/);
    const missing = await k.act('dispatcher', a, 'dispatch', {}, 422);
    expect(missing.errors[0]).toMatchObject({ path: 'payload.unitId', label: '承办单位' });
    const wrongState = await k.act('dispatcher', a, 'close', {}, 409);
    expect(wrongState.detail).toMatch(/当前状态为「待派单」/);
    const foreignUnit = await k.act(
      'dispatcher',
      a,
      'dispatch',
      { unitId: '01900000-0000-7000-8000-000000000000' },
      422,
    );
    expect(foreignUnit.detail).toMatch(CJK);
    a = await k.act('dispatcher', a, 'dispatch', { unitId: propaganda });
    const notAssignee = await k.act('cadre', a, 'claim', {}, 404); // outside the village cadre's scope
    expect(notAssignee.detail).toMatch(/不存在或您无权查看/);
    const stale = await k.act('staff', { id: a.id, version: 1 }, 'claim', {}, 409);
    expect(stale.detail).toMatch(/已被他人处理/);
  });
});

describe('the intake receipt', () => {
  it('is the same AppealDetail a GET returns right after, though built without reading the order back', async () => {
    for (const [user, body] of [
      [
        'dispatcher',
        {
          kind: 'hotline',
          channel: 'hotline_12345',
          categoryCode: 'utilities.water_supply',
          title: '停水',
          content: '小区停水',
          contactName: '王某某',
          contactPhone: '13812345678',
          payload: { hotlineNo: 'RX1' },
        },
      ],
      [
        'cadre',
        {
          kind: 'dispute',
          channel: 'grid',
          categoryCode: 'security.neighbour',
          villageId: await k.village('东村'),
          title: '邻里纠纷',
          content: '两户争执',
          payload: { disputeType: '邻里', parties: ['甲', '乙'] },
        },
      ],
    ] as const) {
      const created = await k.intake(user, body);
      const read = await t.call('GET', `${k.base}/appeals/${created.id}`, {
        cookie: await k.cookie(user),
      });
      expect(created).toEqual(read.body);
    }
  });
});

describe('a petition through its whole life', () => {
  it('registers, accepts, gets a case leader and plan, replies, is reviewed and resolved', async () => {
    const governance = await k.unit('office_governance');
    const leader = await k.personOf('politics');
    let a = await k.intake('dispatcher', {
      kind: 'petition',
      channel: 'visit',
      categoryCode: 'rural.land_contract',
      title: '土地承包纠纷',
      content: '承包地被占用',
      contactName: '李某',
      contactPhone: '13900001111',
      payload: { channel: '来访' },
    });
    a = await k.act('dispatcher', a, 'accept', { noticeDate: '2025-03-01', unitId: governance });
    const early = await k.act(
      'leader',
      a,
      'reply',
      { replyText: '答复', replyDate: '2025-03-10' },
      409,
    );
    expect(early.detail).toMatch(/一案一策/);
    a = await k.act('leader', a, 'plan', { caseLeaderId: leader, casePlan: '实地核查，组织协商' });
    expect(a.caseLeaderPersonId).toBe(leader);
    a = await k.act('politics', a, 'handle', { progress: '已实地核查' });
    a = await k.act('politics', a, 'reply', { replyText: '经核查……', replyDate: '2025-03-20' });
    a = await k.act('dispatcher', a, 'request_review', { reviewRequest: '对答复不服' });
    a = await k.act('leader', a, 'decide_review', { reviewOpinion: '维持原答复' });
    a = await k.act('politics', a, 'resolve', { resolution: '双方达成一致' });
    expect(a.state).toBe('resolved');
    expect(a.fields.petitionerName).toBe('李*');
  });
});

describe('a dispute and a villager matter through their lives', () => {
  it('registers a dispute in the village, mediates, agrees, follows up and closes', async () => {
    const village = await k.village('东村');
    let a = await k.intake('cadre', {
      kind: 'dispute',
      channel: 'grid',
      categoryCode: 'security.neighbour',
      villageId: village,
      title: '宅基地边界纠纷',
      content: '两户因院墙边界争执',
      payload: { disputeType: '邻里', parties: ['张甲', '张乙'] },
    });
    a = await k.act('cadre', a, 'mediate', {
      sessionDate: '2025-04-02',
      attendingParties: ['张甲', '张乙'],
      sessionNote: '第一次调解',
    });
    a = await k.act('cadre', a, 'agree', {
      agreementText: '以旧界桩为准',
      signedDate: '2025-04-05',
    });
    a = await k.act('cadre', a, 'follow_up', { followUpResult: '已履行', fulfilled: true });
    a = await k.act('cadre', a, 'close');
    expect(a.state).toBe('closed');
    expect(a.solved).toBe(true);
  });

  it('raises a villager matter, deliberates, acts through an owner and is evaluated', async () => {
    const village = await k.village('东村');
    const owner = await k.personOf('cadre');
    let a = await k.intake('cadre', {
      kind: 'villager_matter',
      channel: 'session',
      categoryCode: 'rural.living_environment',
      villageId: village,
      title: '修缮村道',
      content: '村道坑洼',
      payload: { sessionDate: '2025-05-06', raisedBy: '赵某' },
    });
    const missing = await k.act('cadre', a, 'deliberate', { meetingDate: '2025-05-10' }, 422);
    expect(missing.errors.map((e: any) => e.label)).toEqual(['参会人员', '议定事项']);
    a = await k.act('cadre', a, 'deliberate', {
      meetingDate: '2025-05-10',
      attendees: ['村两委', '村民代表'],
      decision: '筹资修缮',
    });
    a = await k.act('cadre', a, 'act', { ownerId: owner, steps: '采购、施工、验收' });
    a = await k.act('cadre', a, 'finish', { result: '已修缮' });
    a = await k.act('cadre', a, 'evaluate', { rating: '满意' });
    expect(a).toMatchObject({ state: 'closed', satisfaction: '满意' });
  });
});
