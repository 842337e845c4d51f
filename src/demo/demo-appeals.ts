/**
 * A year (2025) of appeals for the demo town (DESIGN 10): hotline orders with a seasonal mix,
 * petitions with 包案 leaders, disputes and 四事 in the villages, each walked through the real
 * workflow engine on the shipped calendar (so events, deadlines and KPI columns are consistent),
 * then bulk-inserted. A few are left overdue, unsatisfied or reopened. Fixed seed: reproducible.
 */
import type { Kysely } from 'kysely';
import { defaultWorkCalendar, localDateOf } from '../core/calendar/index.ts';
import {
  fireTransition,
  openAppeal,
  unwrap,
  type AppealSnapshot,
  type TransitionOutcome,
} from '../core/workflow/index.ts';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import { kindFor } from '../domains/appeals/appeal.kinds.ts';
import { deriveColumns, snapshotToJson } from '../domains/appeals/appeal.snapshot.ts';
import { mobile, personName, SeededRandom } from './random.ts';

const SEED = 20250315;
/** Relative intake volume per month (more in summer: water, noise, farming; less at Spring Festival). */
const MONTH_WEIGHT = [0.6, 0.5, 0.8, 0.9, 1.0, 1.3, 1.5, 1.4, 1.0, 0.8, 0.9, 0.7];
const HOTLINE_TOPICS: [string, string][] = [
  ['utilities.water_supply', '停水未通知'],
  ['utilities.power', '频繁停电'],
  ['environment.noise', '夜间施工噪音扰民'],
  ['environment.waste', '垃圾清运不及时'],
  ['urban.roads', '道路破损坑洼'],
  ['urban.illegal_building', '疑似违法搭建'],
  ['transport.public_transport', '公交班次太少'],
  ['labour.wage_arrears', '工地拖欠工资'],
  ['rural.subsidy', '惠农补贴未到账'],
  ['market.food_safety', '小餐馆卫生差'],
  ['civil.assistance', '低保申请咨询'],
  ['property.service', '小区物业不作为'],
  ['health.medical', '卫生室缺药'],
  ['education.enrolment', '子女入学咨询'],
  ['security.public_order', '夜间聚众喧哗'],
  ['publicity.culture', '文化广场设施损坏'],
];
/**
 * How residents word each hotline topic (our own sentences): several phrasings and places, picked
 * by sequence number, not by the RNG, so the demo's shape stays the same while two ordinary orders
 * of one topic read like two different calls rather than one text pasted twice.
 */
const HOTLINE_WORDING: Record<string, string[]> = {
  停水未通知: [
    '{p}突然停水，事先没看到任何通知',
    '{p}一早就没水了，也没人说什么时候来水',
    '{p}自来水停了大半天，家里做不了饭',
    '{p}又停水，希望以后停水前贴个告示',
    '{p}整栋楼没水，物业说是供水公司检修',
  ],
  频繁停电: [
    '{p}这个月停了好几次电，冰箱里的东西都坏了',
    '{p}晚上经常跳闸断电，电压也不稳',
    '{p}一打雷就停电，线路太老',
    '{p}停电没有提前通知，养殖场的增氧机停了',
    '{p}白天停电影响小作坊开工',
  ],
  夜间施工噪音扰民: [
    '{p}有工地晚上十点后还在切割钢筋',
    '{p}装修队夜里还在电钻打孔',
    '{p}晚上有挖掘机作业，孩子睡不着',
    '{p}附近厂房连夜赶工，机器声很大',
    '{p}夜里还有渣土车进出，轰隆隆的',
  ],
  垃圾清运不及时: [
    '{p}的垃圾桶满了好几天没人拉走',
    '{p}路边堆着建筑垃圾没人清理',
    '{p}垃圾收集点臭气熏天，苍蝇蚊子多',
    '{p}的垃圾车好久没来了',
    '{p}河沟里漂着生活垃圾',
  ],
  道路破损坑洼: [
    '{p}的水泥路裂开了好几道口子',
    '{p}路面塌了一个大坑，晚上骑车危险',
    '{p}的砂石路一下雨全是泥',
    '{p}路边的护栏撞坏了没人修',
    '{p}下水道井盖缺了一块',
  ],
  疑似违法搭建: [
    '{p}有人在屋顶加盖了一层彩钢房',
    '{p}有户人家占了公共通道砌围墙',
    '{p}空地上新搭了几间铁皮棚',
    '{p}有人在河堤边上建房子',
    '{p}楼下院子被圈起来盖了车库',
  ],
  公交班次太少: [
    '{p}去县城的公交一天只有三班',
    '{p}早上第一班车太晚，上班赶不上',
    '{p}的站点车经常不停',
    '{p}公交末班车太早，晚上回不来',
    '{p}学生放学时段车太挤',
  ],
  工地拖欠工资: [
    '在{p}工地干了三个月，包工头一直不结工钱',
    '{p}的装修活做完了，老板拖着不给钱',
    '{p}厂里两个月没发工资',
    '{p}工程款没结，工人工资被压着',
    '给{p}的项目干了零工，工钱要不到',
  ],
  惠农补贴未到账: [
    '{p}今年的耕地地力补贴还没到卡上',
    '{p}农机购置补贴申请半年没消息',
    '{p}的种粮补贴比去年少了一半',
    '{p}退耕还林补助没有发',
    '{p}的生猪养殖补贴迟迟没有兑现',
  ],
  小餐馆卫生差: [
    '{p}一家小吃店后厨很脏',
    '{p}的早餐摊用的油颜色发黑',
    '{p}有家饭店吃完拉肚子',
    '{p}烧烤店把污水直接倒在路边',
    '{p}的快餐店没有健康证',
  ],
  低保申请咨询: [
    '想问{p}的老人怎么申请低保',
    '{p}家里有病人，能不能办低保',
    '{p}低保年审需要准备什么材料',
    '{p}的低保为什么被取消了',
    '{p}残疾人能不能单独申请低保',
  ],
  小区物业不作为: [
    '{p}的电梯坏了一个月物业不修',
    '{p}物业不管楼道里堆放杂物',
    '{p}的绿化带没人打理，杂草丛生',
    '{p}物业费涨了服务却没变好',
    '{p}的门禁坏了，外人随便进',
  ],
  卫生室缺药: [
    '{p}卫生室没有降压药了',
    '{p}的村医说常用药断货一周了',
    '{p}卫生室开不了慢病处方',
    '{p}卫生室没有儿童退烧药',
    '{p}卫生室下午经常不开门',
  ],
  子女入学咨询: [
    '孩子户口在{p}，想问上哪所小学',
    '{p}随迁子女入学要什么证明',
    '{p}今年幼儿园怎么报名',
    '孩子从外地转学回{p}怎么办手续',
    '{p}学区划分是怎么定的',
  ],
  夜间聚众喧哗: [
    '{p}每天半夜有人喝酒划拳',
    '{p}夜市收摊后有人大声吵闹',
    '{p}晚上有人聚在一起打牌到凌晨',
    '{p}有年轻人深夜飙车',
    '{p}的烧烤摊客人吵到很晚',
  ],
  文化广场设施损坏: [
    '{p}文化广场的健身器材断了一根',
    '{p}广场的路灯有两盏不亮',
    '{p}广场上的座椅被损坏',
    '{p}文化活动室的门锁坏了',
    '{p}广场地砖翘起来，老人容易绊倒',
  ],
};
/** A second sentence per topic, chosen independently of the first, so two calls rarely read alike. */
const HOTLINE_DETAILS: Record<string, string[]> = {
  停水未通知: [
    '老人孩子洗漱都成问题',
    '打供水公司电话一直占线',
    '上周也停过一次',
    '水龙头放出来的是黄泥水',
    '开店的没法营业',
  ],
  频繁停电: [
    '电器烧坏了两台',
    '供电所说是变压器负荷不够',
    '夏天开不了空调',
    '门口电线杆歪了',
    '邻居家也一样',
  ],
  夜间施工噪音扰民: [
    '跟工地说过没人理',
    '第二天还要上早班',
    '家里有高考的孩子',
    '已经持续一个多星期',
    '灰尘也大',
  ],
  垃圾清运不及时: [
    '天一热味道更大',
    '野狗把袋子都扯破了',
    '保洁员说车坏了',
    '有人干脆往河里倒',
    '下雨后污水流到路上',
  ],
  道路破损坑洼: [
    '已经有人摔伤',
    '校车绕道走',
    '修了没多久又坏了',
    '货车一过尘土飞扬',
    '积水好几天不退',
  ],
  疑似违法搭建: [
    '挡住了邻居的采光',
    '消防车进不来',
    '村里劝过没用',
    '看着像要出租',
    '施工到了半夜',
  ],
  公交班次太少: [
    '老人去医院很不方便',
    '等车要一个多小时',
    '站牌上的时刻表不准',
    '车上经常超载',
    '只能坐黑车',
  ],
  工地拖欠工资: [
    '一共欠了八千多',
    '好几个老乡都没拿到',
    '老板电话打不通',
    '家里等着钱交学费',
    '合同也没签',
  ],
  惠农补贴未到账: [
    '别的组都发了',
    '去镇上问说还在审核',
    '存折上查不到',
    '面积登记可能有误',
    '不知道找哪个部门',
  ],
  小餐馆卫生差: [
    '后门堆满泔水桶',
    '碗筷没有消毒',
    '老鼠到处跑',
    '顾客投诉了几次',
    '营业执照也没挂',
  ],
  低保申请咨询: [
    '家里只有一个劳动力',
    '去年生了一场大病',
    '不清楚收入怎么算',
    '村里说名额满了',
    '材料交了没回音',
  ],
  小区物业不作为: [
    '业主群里吵了好几天',
    '打物业电话没人接',
    '老人上下楼很吃力',
    '垃圾也不及时清理',
    '停车位被外来车占了',
  ],
  卫生室缺药: [
    '只能跑镇卫生院',
    '老人腿脚不便',
    '村医说上面没配送',
    '买药报销不了',
    '慢病患者断药危险',
  ],
  子女入学咨询: ['房子是租的', '父母在外地打工', '户口刚迁过来', '听说要积分', '孩子有残疾证'],
  夜间聚众喧哗: ['报过警来了又走', '玻璃瓶摔了一地', '老人心脏不好', '小孩被吓哭了', '周末更严重'],
  文化广场设施损坏: [
    '有孩子在上面玩差点受伤',
    '坏了快一个月',
    '晚上跳舞的人多',
    '村里说没有维修经费',
    '螺丝都松了',
  ],
};
const PLACES = [
  '东头',
  '老街',
  '学校旁',
  '村委会对面',
  '新村安置点',
  '桥边',
  '二组',
  '五组',
  '菜市场后面',
  '老粮站附近',
  '卫生院门口',
  '加油站旁',
  '幸福路',
  '光明巷',
  '水库下面',
  '三组',
  '七组',
  '河堤边',
  '砖厂旧址',
  '农贸市场',
  '敬老院旁',
  '汽车站',
  '工业园',
  '老供销社',
];

/** The title and text of the seq-th order on a topic: phrasing and place by sequence, never by RNG. */
function hotlineWording(topic: string, seq: number): { title: string; content: string } {
  const phrasings = HOTLINE_WORDING[topic] ?? [topic];
  const place = PLACES[(seq * 7 + 3) % PLACES.length]!;
  const details = HOTLINE_DETAILS[topic] ?? [];
  const first = phrasings[seq % phrasings.length]!.replace('{p}', place);
  const second = details.length
    ? `，${details[Math.floor(seq / phrasings.length) % details.length]}`
    : '';
  return { title: topic, content: `${first}${second}。` };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface Ctx {
  rng: SeededRandom;
  townId: string;
  offices: string[];
  villages: { id: string; secretary: string }[];
  dispatcher: { userId: string; personId: string; name: string };
  caseLeaders: string[];
  staffPerson: string;
}

interface Built {
  row: Record<string, unknown>;
  events: Record<string, unknown>[];
}

function walk(
  ctx: Ctx,
  kind: string,
  start: Date,
  open: { payload: Record<string, unknown>; urgency?: string; category: string; roles: string[] },
  steps: [string, string[], number, Record<string, unknown>?][],
  stopAt: Date,
) {
  const { def, kpi } = kindFor(kind);
  const calendar = defaultWorkCalendar();
  const outcomes: { o: TransitionOutcome; action: string }[] = [];
  const first = unwrap(
    openAppeal(def, { userId: ctx.dispatcher.userId, roles: open.roles }, open.payload, {
      at: start,
      calendar,
      category: open.category,
      ...(open.urgency ? { urgency: open.urgency } : {}),
    }),
  );
  outcomes.push({ o: first, action: def.initial.id });
  let snapshot: AppealSnapshot = first.next;
  let at = start;
  for (const [action, roles, delayMs, payload] of steps) {
    at = new Date(at.getTime() + delayMs);
    if (at > stopAt) break;
    const o = unwrap(
      fireTransition(
        def,
        snapshot,
        { userId: ctx.dispatcher.userId, roles },
        action,
        payload ?? {},
        { at, calendar },
      ),
    );
    outcomes.push({ o, action });
    snapshot = o.next;
  }
  let derived = deriveColumns(first.next, kpi, start, def.initial.id, null, null);
  for (const { o, action } of outcomes.slice(1))
    derived = deriveColumns(o.next, kpi, o.event.at, action, null, {
      ...derived,
      handler_person_id: derived.handler_person_id,
    } as never);
  return { snapshot, outcomes, derived };
}

function build(
  ctx: Ctx,
  seq: number,
  kind: string,
  start: Date,
  category: string,
  title: string,
  village: string | null,
  w: ReturnType<typeof walk>,
  extra: Record<string, unknown>,
): Built {
  const id = newId();
  const { rng } = ctx;
  const contact = personName(rng, new Set());
  const row = {
    town_id: ctx.townId,
    id,
    code: `25-${String(seq).padStart(5, '0')}`,
    kind,
    channel: extra.channel ?? 'hotline_12345',
    category_code: category,
    category_root: category.split('.')[0],
    urgency: w.snapshot.urgency ?? null,
    village_id: village,
    title,
    content:
      (extra.content as string | undefined) ?? `${title}。群众反映：${title}，希望尽快处理。`,
    contact_name: contact.name,
    contact_phone: mobile(rng),
    address: null,
    lat: null,
    lng: null,
    received_at: start,
    received_on: localDateOf(start),
    snapshot: snapshotToJson(w.snapshot),
    version: w.snapshot.version,
    created_by: null,
    ...w.derived,
    co_handler_unit_ids: w.derived.co_handler_unit_ids,
    handler_person_id: w.derived.handler_person_id ?? extra.handler ?? null,
  };
  const events = w.outcomes.map(({ o }, i) => ({
    town_id: ctx.townId,
    id: newId(),
    appeal_id: id,
    seq: i + 1,
    action: o.event.action,
    label: o.event.label,
    from_state: o.event.from,
    to_state: o.event.to,
    actor_user_id: null,
    actor_name: i === 0 ? ctx.dispatcher.name : '承办人员',
    at: o.event.at,
    note: null,
    payload: JSON.stringify(o.event.payload),
  }));
  return { row, events };
}

function hotline(ctx: Ctx, seq: number, start: Date, end: Date): Built {
  const { rng } = ctx;
  const [category, topic] = rng.pick(HOTLINE_TOPICS);
  const { title, content } = hotlineWording(topic, seq);
  const village = rng.chance(0.6) ? rng.pick(ctx.villages) : null;
  const unit = village && rng.chance(0.5) ? village.id : rng.pick(ctx.offices);
  const urgency = rng.chance(0.1) ? 'urgent' : rng.chance(0.1) ? 'complex' : 'general';
  const claimDelay =
    (rng.chance(0.08) ? rng.int(26, 60) : rng.int(1, 20)) *
    HOUR *
    (urgency === 'urgent' ? 0.05 : 1);
  const steps: [string, string[], number, Record<string, unknown>?][] = [
    ['dispatch', ['dispatcher'], rng.int(10, 90) * 60_000, { unitId: unit }],
  ];
  if (rng.chance(0.05))
    steps.push(
      ['return', ['assignee'], 3 * HOUR, { reason: '不属于本单位职责', basis: '职责清单' }],
      ['reassign', ['dispatcher'], 2 * HOUR, { unitId: rng.pick(ctx.offices), reason: '重新派单' }],
    );
  steps.push(['claim', ['assignee'], claimDelay]);
  const stuck = rng.chance(0.03);
  if (stuck)
    return build(
      ctx,
      seq,
      'hotline',
      start,
      category,
      title,
      village?.id ?? null,
      walk(
        ctx,
        'hotline',
        start,
        { payload: { content: title }, urgency, category, roles: ['dispatcher'] },
        steps,
        end,
      ),
      { content },
    );
  const replyDelay = (rng.chance(0.1) ? rng.int(8, 14) : rng.int(1, 6)) * DAY;
  steps.push(
    ['handle', ['assignee'], DAY / 2, { progress: '已现场查看' }],
    ['reply', ['assignee'], replyDelay, { replyText: '已处理并答复', contacted: true }],
  );
  const r = rng.next();
  const satisfaction = r < 0.78 ? '满意' : r < 0.9 ? '基本满意' : '不满意';
  steps.push([
    'follow_up',
    ['dispatcher'],
    DAY,
    { satisfaction, solved: satisfaction !== '不满意' || rng.chance(0.2) },
  ]);
  if (satisfaction === '不满意' && rng.chance(0.6)) {
    steps.push(
      ['reopen', ['dispatcher'], HOUR, { reopenReason: '群众不满意，重新办理' }],
      [
        'reply',
        ['assignee'],
        rng.int(2, 5) * DAY,
        { replyText: '重新办理后答复', contacted: true },
      ],
      [
        'follow_up',
        ['dispatcher'],
        DAY,
        { satisfaction: rng.chance(0.7) ? '基本满意' : '不满意', solved: rng.chance(0.7) },
      ],
    );
  }
  steps.push(['close', ['dispatcher'], HOUR]);
  if (rng.chance(0.7)) steps.push(['archive', ['dispatcher'], 3 * DAY]);
  return build(
    ctx,
    seq,
    'hotline',
    start,
    category,
    title,
    village?.id ?? null,
    walk(
      ctx,
      'hotline',
      start,
      { payload: { content: title }, urgency, category, roles: ['dispatcher'] },
      steps,
      end,
    ),
    { content },
  );
}

/** What petitioners write about, per category (our own wording); picked by sequence, not by the RNG. */
const PETITION_TITLES: Record<string, string[]> = {
  'rural.land_contract': [
    '反映承包地确权面积与实际不符',
    '要求重新调整家庭承包地',
    '反映土地流转租金长期未兑付',
  ],
  'labour.wage_arrears': ['反映建筑工地拖欠务工工资', '要求追讨厂房装修工程欠薪'],
  'urban.illegal_building': ['反映邻居加盖房屋影响采光通行', '对违建拆除决定有异议'],
  'civil.assistance': ['申请低保未获批准要求复核', '反映临时救助资金迟迟未到位'],
};

function petition(ctx: Ctx, seq: number, start: Date, end: Date): Built {
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

function dispute(ctx: Ctx, seq: number, start: Date, end: Date): Built {
  const { rng } = ctx;
  const village = rng.pick(ctx.villages);
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

function villagerMatter(ctx: Ctx, seq: number, start: Date, end: Date): Built {
  const { rng } = ctx;
  const village = rng.pick(ctx.villages);
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

/** Inserts the year of appeals; call inside createDemoTown's transaction. Returns the count. */
export async function seedDemoAppeals(
  db: Kysely<DB>,
  townId: string,
  now: Date = new Date(),
): Promise<number> {
  const rng = new SeededRandom(SEED);
  const offices = (
    await db
      .selectFrom('unit')
      .select('id')
      .where('town_id', '=', townId)
      .where('kind', '=', 'office')
      .orderBy('sort_order')
      .execute()
  ).map((u) => u.id);
  const villageRows = await db
    .selectFrom('unit as u')
    .innerJoin('position as p', (j) =>
      j.onRef('p.town_id', '=', 'u.town_id').onRef('p.unit_id', '=', 'u.id'),
    )
    .select(['u.id', 'p.person_id', 'p.title'])
    .where('u.town_id', '=', townId)
    .where('u.kind', '=', 'village')
    .where('p.title', 'like', '%党支部书记%')
    .orderBy('u.sort_order')
    .execute();
  const villages = villageRows.map((v) => ({ id: v.id, secretary: v.person_id }));
  const leaders = await db
    .selectFrom('position')
    .select(['person_id', 'title'])
    .where('town_id', '=', townId)
    .where('leadership', '=', true)
    .orderBy('id')
    .execute();
  const caseLeaders = leaders.filter((l) => /书记|政法/.test(l.title)).map((l) => l.person_id);
  const disp = await db
    .selectFrom('app_user')
    .select(['id', 'person_id', 'display_name'])
    .where('town_id', '=', townId)
    .where('username', '=', 'paidan')
    .executeTakeFirstOrThrow();
  const ctx: Ctx = {
    rng,
    townId,
    offices,
    villages,
    dispatcher: { userId: disp.id, personId: disp.person_id!, name: disp.display_name },
    caseLeaders,
    staffPerson: disp.person_id!,
  };
  const yearEnd = new Date(Math.min(now.getTime(), Date.UTC(2025, 11, 31, 16)));
  const built: Built[] = [];
  let seq = 0;
  for (let month = 0; month < 12; month++) {
    const count = Math.round(60 * MONTH_WEIGHT[month]!);
    for (let i = 0; i < count; i++) {
      const start = new Date(Date.UTC(2025, month, rng.int(1, 28), rng.int(0, 9), rng.int(0, 59)));
      if (start > yearEnd) continue;
      seq++;
      const r = rng.next();
      built.push(
        r < 0.7
          ? hotline(ctx, seq, start, yearEnd)
          : r < 0.76
            ? petition(ctx, seq, start, yearEnd)
            : r < 0.9
              ? dispute(ctx, seq, start, yearEnd)
              : villagerMatter(ctx, seq, start, yearEnd),
      );
    }
  }
  for (let i = 0; i < built.length; i += 200) {
    const chunk = built.slice(i, i + 200);
    await db
      .insertInto('appeal')
      .values(chunk.map((b) => b.row) as never)
      .execute();
    await db
      .insertInto('appeal_event')
      .values(chunk.flatMap((b) => b.events) as never)
      .execute();
  }
  if (seq)
    await db
      .insertInto('appeal_code_counter')
      .values({ town_id: townId, year: 2025, last_seq: seq })
      .execute();
  return built.length;
}
