import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../../testing/appeals.ts';

// What the server offers is what it allows (issue 11): the kinds a caller may register, the
// transitions they may fire on an order now, and names instead of the ids an order records.
let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
});
afterAll(() => t.close());

const kinds = async (user: string) => {
  const res = await t.call('GET', `${k.base}/appeal-kinds`, { cookie: await k.cookie(user) });
  expect(res.status).toBe(200);
  const items = res.body.items as { kind: string; mayStart: boolean }[];
  return items.filter((i) => i.mayStart).map((i) => i.kind);
};

const petition = () =>
  k.intake('dispatcher', {
    kind: 'petition',
    channel: 'visit',
    categoryCode: 'rural.land_contract',
    title: '承包地被占',
    content: '承包地被邻组占用',
    contactName: '李某',
    payload: { channel: '来访' },
  });

describe('kinds a caller may register (mayStart)', () => {
  it('follows the intake permission and each kind’s opening roles', async () => {
    expect(await kinds('dispatcher')).toEqual(['hotline', 'petition']);
    expect(await kinds('cadre')).toEqual(['dispute', 'villager_matter']);
    expect(await kinds('supervisor')).toEqual([]);
    expect(await kinds('leader')).toEqual([]);
  });

  it('a kind not offered is refused by intake (dispatcher → 矛盾纠纷)', async () => {
    const res = await t.call('POST', `${k.base}/appeals`, {
      cookie: await k.cookie('dispatcher'),
      body: {
        kind: 'dispute',
        channel: 'visit',
        categoryCode: 'rural.land_contract',
        title: '边界纠纷',
        content: '两户因宅基地边界争执',
        payload: { disputeType: '邻里', parties: ['甲', '乙'] },
      },
    });
    expect(res.status).toBe(403);
  });
});

describe('the actions an order offers', () => {
  it('are the ones the transition route accepts, and none for the read-only county account', async () => {
    const a = await petition();
    const get = async (user: string) =>
      (await t.call('GET', `${k.base}/appeals/${a.id}`, { cookie: await k.cookie(user) })).body;
    const offered = (d: { actions: { id: string; enabled: boolean }[] }) =>
      d.actions.filter((x) => x.enabled).map((x) => x.id);
    expect(offered(await get('dispatcher'))).toEqual(['accept', 'decline']);
    expect(offered(await get('supervisor'))).toEqual([]);
    // Not offered to the county account, and refused when tried anyway.
    await k.act('supervisor', a, 'accept', { noticeDate: '2025-03-01' }, 403);
  });

  it('name the 包案领导 by name: the detail carries the names of the people it records', async () => {
    let a = await petition();
    a = await k.act('dispatcher', a, 'accept', {
      noticeDate: '2025-03-01',
      unitId: cast.governanceOffice,
    });
    const leaderPerson = cast.users.politics.personId!;
    a = await k.act('leader', a, 'plan', { caseLeaderId: leaderPerson, casePlan: '实地核查' });
    const d = (
      await t.call('GET', `${k.base}/appeals/${a.id}`, { cookie: await k.cookie('leader') })
    ).body;
    const plan = d.timeline.find((e: { action: string }) => e.action === 'plan');
    expect(plan.payload.caseLeaderId).toBe(leaderPerson);
    const name = await t.database.db
      .selectFrom('person')
      .select('name')
      .where('id', '=', leaderPerson)
      .executeTakeFirstOrThrow();
    expect(d.people[leaderPerson]).toBe(name.name);
    expect(d.people[d.caseLeaderPersonId]).toBe(name.name);
  });

  it('answer a step that hands the order on (退单) with the order and inScope false, not a 404', async () => {
    let a = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'hotline_12345',
      categoryCode: 'rural.land_contract',
      title: '承包地纠纷',
      content: '承包地边界不清',
    });
    a = await k.act('dispatcher', a, 'dispatch', { unitId: cast.propagandaOffice });
    const returned = await k.act('staff', a, 'return', {
      reason: '不属本单位职责',
      basis: '三定方案',
    });
    expect(returned.stateLabel).toBe('已退单');
    expect(returned.inScope).toBe(false);
    const res = await t.call('GET', `${k.base}/appeals/${a.id}`, {
      cookie: await k.cookie('staff'),
    });
    expect(res.status).toBe(404);
    const kept = await k.act('dispatcher', returned, 'reassign', {
      unitId: cast.propagandaOffice,
      reason: '经核实属宣传办职责',
    });
    expect(kept.inScope).toBe(true);
  });
});
