/**
 * Demo petitions (信访, with 包案 leaders), disputes (矛盾纠纷) and 四事 (villager matters), each
 * drawn from the seeded stream and walked through the real workflow engine.
 */
import { localDateOf } from '../core/calendar/index.ts';
import { PETITION_TITLES } from './demo-appeals-text.ts';
import { build, DAY, pickVillage, walk, type Built, type Ctx } from './demo-appeal-walk.ts';

export function petition(ctx: Ctx, seq: number, start: Date, end: Date): Built {
  const { rng } = ctx;
  const category = rng.pick([
    'rural.land_contract',
    'labour.wage_arrears',
    'urban.illegal_building',
    'civil.assistance',
  ]);
  const leader = rng.pick(ctx.caseLeaders);
  const steps: [string, string[], number, Record<string, unknown>?][] = [
    [
      'accept',
      ['staff'],
      rng.int(2, 10) * DAY,
      {
        noticeDate: localDateOf(new Date(start.getTime() + 2 * DAY)),
        unitId: rng.pick(ctx.offices),
      },
    ],
    [
      'plan',
      ['leader'],
      2 * DAY,
      { caseLeaderId: leader, casePlan: '包案领导牵头，实地核查，依法依规答复' },
    ],
    ['handle', ['case_leader'], 10 * DAY, { progress: '组织双方座谈' }],
    [
      'reply',
      ['case_leader'],
      rng.int(15, 45) * DAY,
      {
        replyText: '答复意见书已送达',
        replyDate: localDateOf(new Date(start.getTime() + 40 * DAY)),
      },
    ],
  ];
  steps.push(
    rng.chance(0.7)
      ? ['resolve', ['case_leader'], 5 * DAY, { resolution: '问题已化解' }]
      : ['withdraw', ['case_leader'], 10 * DAY, { statement: '信访人承诺息诉罢访' }],
  );
  const titles = PETITION_TITLES[category]!;
  const title = titles[seq % titles.length]!;
  const w = walk(
    ctx,
    'petition',
    start,
    {
      payload: {
        petitionerName: '信访人',
        channel: rng.pick(['来信', '来访', '网上信访']),
        content: title,
      },
      category,
      roles: ['staff'],
    },
    steps,
    end,
  );
  return build(ctx, seq, 'petition', start, category, title, null, w, { channel: 'visit' });
}

export function dispute(ctx: Ctx, seq: number, start: Date, end: Date): Built {
  const { rng } = ctx;
  const village = pickVillage(ctx);
  const type = rng.pick(['婚姻家庭', '邻里', '土地山林', '劳资', '物业']);
  const steps: [string, string[], number, Record<string, unknown>?][] = [
    [
      'mediate',
      ['village_cadre'],
      rng.int(1, 5) * DAY,
      {
        sessionDate: localDateOf(start),
        attendingParties: ['当事人甲', '当事人乙'],
        sessionNote: '调解',
      },
    ],
  ];
  steps.push(
    rng.chance(0.85)
      ? [
          'agree',
          ['village_cadre'],
          rng.int(1, 20) * DAY,
          { agreementText: '双方达成一致', signedDate: localDateOf(start) },
        ]
      : [
          'refer',
          ['village_cadre'],
          10 * DAY,
          { referralReason: '调解不成', referredTo: '司法所' },
        ],
  );
  steps.push(
    [
      'follow_up',
      ['village_cadre'],
      rng.int(3, 12) * DAY,
      { followUpResult: '回访了解履行情况', fulfilled: rng.chance(0.9) },
    ],
    ['close', ['village_cadre'], DAY],
  );
  const w = walk(
    ctx,
    'dispute',
    start,
    {
      payload: { disputeType: type, parties: ['当事人甲', '当事人乙'], content: `${type}纠纷` },
      category: 'security.neighbour',
      roles: ['village_cadre'],
    },
    steps,
    end,
  );
  return build(ctx, seq, 'dispute', start, 'security.neighbour', `${type}纠纷调解`, village.id, w, {
    channel: 'grid',
    handler: village.secretary,
  });
}

export function villagerMatter(ctx: Ctx, seq: number, start: Date, end: Date): Built {
  const { rng } = ctx;
  const village = pickVillage(ctx);
  const topic = rng.pick(['修缮村道', '安装路灯', '整治沟渠', '建设文化广场', '垃圾分类点']);
  const steps: [string, string[], number, Record<string, unknown>?][] = [
    [
      'deliberate',
      ['village_cadre'],
      rng.int(3, 20) * DAY,
      {
        meetingDate: localDateOf(start),
        attendees: ['村两委', '村民代表'],
        decision: `议定${topic}`,
      },
    ],
  ];
  if (rng.chance(0.1))
    steps.push(['shelve', ['village_cadre'], DAY, { shelveReason: '资金不足，暂缓' }]);
  else
    steps.push(
      [
        'act',
        ['village_cadre'],
        2 * DAY,
        { ownerId: village.secretary, steps: '筹资、施工、验收' },
      ],
      ['finish', ['owner'], rng.int(5, 30) * DAY, { result: `${topic}已完成` }],
      [
        'evaluate',
        ['village_cadre'],
        5 * DAY,
        { rating: rng.chance(0.85) ? '满意' : rng.chance(0.6) ? '基本满意' : '不满意' },
      ],
    );
  const w = walk(
    ctx,
    'villager_matter',
    start,
    {
      payload: { sessionDate: localDateOf(start), raisedBy: '村民', content: topic },
      category: 'rural.living_environment',
      roles: ['village_cadre'],
    },
    steps,
    end,
  );
  return build(
    ctx,
    seq,
    'villager_matter',
    start,
    'rural.living_environment',
    topic,
    village.id,
    w,
    { channel: 'session' },
  );
}
