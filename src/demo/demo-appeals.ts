/**
 * Appeals of the demo town's three years (DESIGN 10): hotline orders with a seasonal mix,
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
import {
  HOTLINE_DETAILS,
  HOTLINE_TOPICS,
  HOTLINE_WORDING,
  PETITION_TITLES,
  SPOTS,
} from './demo-appeals-text.ts';
import type { DemoClock } from './demo-clock.ts';
import { PLACES } from './demo-places.ts';
import { insertAppeals, loadAppealDirectory } from './demo.repository.ts';

const SEED = 20250315;
/** Relative intake volume per month (more in summer: water, noise, farming; less at Spring Festival). */
const MONTH_WEIGHT = [0.6, 0.5, 0.8, 0.9, 1.0, 1.3, 1.5, 1.4, 1.0, 0.8, 0.9, 0.7];
/** The title and text of the seq-th order on a topic: phrasing and place by sequence, never by RNG. */
function hotlineWording(topic: string, seq: number): { title: string; content: string } {
  const phrasings = HOTLINE_WORDING[topic] ?? [topic];
  const place = SPOTS[(seq * 7 + 3) % SPOTS.length]!;
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
  villages: { id: string; secretary: string; weight: number }[];
  dispatcher: { userId: string; personId: string; name: string };
  caseLeaders: string[];
  staffPerson: string;
}

interface Built {
  row: Record<string, unknown>;
  events: Record<string, unknown>[];
}

/** A village drawn by population: more residents, more calls. */
function pickVillage(ctx: Ctx) {
  const total = ctx.villages.reduce((n, v) => n + v.weight, 0);
  let x = ctx.rng.next() * total;
  for (const v of ctx.villages) if ((x -= v.weight) < 0) return v;
  return ctx.villages.at(-1)!;
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
    code: `${String(start.getUTCFullYear()).slice(2)}-${String(seq).padStart(5, '0')}`,
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
  const village = rng.chance(0.6) ? pickVillage(ctx) : null;
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
  // Left stuck with the handler only lately: a years-old order is not still waiting.
  const stuck = rng.chance(0.03) && end.getTime() - start.getTime() < 60 * DAY;
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

function villagerMatter(ctx: Ctx, seq: number, start: Date, end: Date): Built {
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

/** Volume of [two years ago, last year, this year] against last year's. */
const YEAR_VOLUME = [0.91, 1, 1.06];
/** Orders a month at a weight of 1 (about 700 a year in all, for ~30,000 residents). */
const MONTHLY = 60;

/**
 * Inserts the demo's appeals for the clock's three years (the current one up to `today`, whose
 * orders are walked only as far as today); call inside createDemoTown's transaction.
 */
export async function seedDemoAppeals(
  db: Kysely<DB>,
  townId: string,
  clock: DemoClock,
): Promise<number> {
  const rng = new SeededRandom(SEED);
  const found = await loadAppealDirectory(db, townId);
  const weight = (name: string) => PLACES.find((p) => p.name === name)?.population ?? 1500;
  const ctx: Ctx = {
    rng,
    townId,
    offices: found.offices,
    villages: found.villages.map((v) => ({ ...v, weight: weight(v.name) })),
    dispatcher: found.dispatcher,
    caseLeaders: found.caseLeaders,
    staffPerson: found.dispatcher.personId,
  };
  // The end of `today` in Beijing: nothing happens after it.
  const stopAt = new Date(Date.parse(`${clock.today}T23:59:00+08:00`));
  const built: Built[] = [];
  const counters: Array<{ year: number; seq: number }> = [];
  clock.years.forEach((year, y) => {
    let seq = 0;
    for (let month = 0; month < 12; month++) {
      const count = Math.round(MONTHLY * MONTH_WEIGHT[month]! * YEAR_VOLUME[y]!);
      for (let i = 0; i < count; i++) {
        const start = new Date(
          Date.UTC(year, month, rng.int(1, 28), rng.int(0, 9), rng.int(0, 59)),
        );
        if (start > stopAt) continue;
        seq++;
        const r = rng.next();
        const kind = r < 0.7 ? hotline : r < 0.76 ? petition : r < 0.9 ? dispute : villagerMatter;
        built.push(kind(ctx, seq, start, stopAt));
      }
    }
    if (seq) counters.push({ year, seq });
  });
  await insertAppeals(
    db,
    townId,
    built.map((b) => b.row),
    built.flatMap((b) => b.events),
    counters,
  );
  return built.length;
}
