import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../../testing/appeals.ts';

// A person field's declared rule of who may be named: 包案领导 a current 班子成员 (a leadership
// position held on the day), 办事责任人 a current cadre of the order's village or of a town office.
// The server refuses anyone else with a 422 naming the field, the rule and the person, and changes
// nothing; the picker's list comes from the same rule.
let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
});
afterAll(() => t.close());

/** The town's local date `offset` days from today. */
const day = (offset: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offset * 86_400_000),
  );

/** A person of the town holding one position (in `unitId`, default the government). */
async function holder(
  name: string,
  spec: { unitId?: string; leadership?: boolean; startsOn?: string; endsOn?: string | null } = {},
) {
  const unitId = spec.unitId ?? (await cast.town.government());
  const id = await cast.town.person(name, unitId);
  await cast.town.position(id, { unitId, title: `${name}的职务`, ...spec });
  return id;
}

async function acceptedPetition() {
  const a = await k.intake(cast.users.dispatcher, {
    kind: 'petition',
    channel: 'visit',
    categoryCode: 'rural.land_contract',
    title: '承包地被占',
    content: '承包地被邻组占用',
    contactName: '李某',
    payload: { channel: '来访' },
  });
  return k.act(cast.users.dispatcher, a, 'accept', {
    noticeDate: day(0),
    unitId: cast.governanceOffice,
  });
}

const refusal = (body: { errors: { path: string; message: string }[] }) => body.errors[0]!;

describe('who a person field may name', () => {
  it('takes as 包案领导 only a 班子成员 holding the post today, at both ends of its dates', async () => {
    const order = await acceptedPetition();
    const leader = cast.users.leader;
    const plan = (id: string, status = 200) =>
      k.act(leader, order, 'plan', { caseLeaderId: id, casePlan: '实地核查' }, status);
    const staff = cast.users.staff.personId!;
    expect(refusal(await plan(staff, 422))).toEqual({
      path: 'payload.caseLeaderId',
      label: '包案领导',
      message: '包案领导须是现任班子成员（领导职务），「staff本人」不是',
    });
    const resident = await cast.town.person('普通党员');
    const ended = await holder('已离任领导', { leadership: true, endsOn: day(-1) });
    const future = await holder('尚未到任领导', { leadership: true, startsOn: day(1) });
    for (const id of [resident, ended, future]) await plan(id, 422);
    const unchanged = await t.call('GET', `${k.base}/appeals/${order.id}`, {
      cookie: await k.cookie(leader),
    });
    expect(unchanged.body.version).toBe(order.version);
    const lastDay = await holder('今天离任领导', { leadership: true, endsOn: day(0) });
    const firstDay = await holder('今天到任领导', { leadership: true, startsOn: day(0) });
    for (const id of [lastDay, firstDay, cast.users.politics.personId!]) {
      const planned = await plan(id);
      order.version = planned.version;
      expect(planned.caseLeaderPersonId).toBe(id);
    }
  });

  it('takes as 办事责任人 a cadre of the order’s village or a town office, not another village’s', async () => {
    const cadre = cast.users.cadre;
    let a = await k.intake(cadre, {
      kind: 'villager_matter',
      channel: 'session',
      categoryCode: 'rural.living_environment',
      villageId: cast.village,
      title: '修缮村道',
      content: '村道坑洼',
      payload: { sessionDate: day(0), raisedBy: '赵某' },
    });
    a = await k.act(cadre, a, 'deliberate', {
      meetingDate: day(0),
      attendees: ['村两委'],
      decision: '筹资修缮',
    });
    const act = (id: string, status = 200) =>
      k.act(cadre, a, 'act', { ownerId: id, steps: '采购、施工' }, status);
    const elsewhere = await holder('西村主任', { unitId: cast.otherVillage });
    expect(refusal(await act(elsewhere, 422)).message).toBe(
      '办事责任人须是本村（社区）、承办单位或乡镇机关的现任干部，「西村主任」不是',
    );
    await act(await cast.town.person('东村村民', cast.village), 422);
    const officeStaff = cast.users.staff.personId!;
    expect((await act(officeStaff)).fields.ownerId).toBe(officeStaff);
  });

  it('lists in the picker only the people the rule allows, searched by name', async () => {
    const order = await acceptedPetition();
    const choices = async (query: string, status = 200) => {
      const res = await t.call('GET', `${k.base}/appeals/${order.id}/people-choices?${query}`, {
        cookie: await k.cookie(cast.users.leader),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      return res.body;
    };
    const all = await choices('action=plan&field=caseLeaderId');
    expect(all.rule).toBe('现任班子成员（领导职务）');
    const names = all.items.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['leader本人', 'politics本人']));
    expect(names).not.toContain('staff本人');
    expect(names).not.toContain('已离任领导');
    const found = await choices(
      `action=plan&field=caseLeaderId&q=${encodeURIComponent('politics')}`,
    );
    expect(found.items).toEqual([
      expect.objectContaining({ name: 'politics本人', titles: ['党委委员、政法委员'] }),
    ]);
    await choices('action=plan&field=casePlan', 422);
  });
});
