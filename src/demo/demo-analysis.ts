/**
 * Recurring problems in the demo year (DESIGN 10): groups of near-duplicate orders (one street
 * light, one building site's night work, one estate's sewage …) walked through the real hotline
 * workflow, so clustering finds them; some are confirmed as problems in realistic
 * states (待认领, 整改中 and overdue, 已整改, 已销号), others are left for the user to detect; plus public
 * commitments (兑现, 推进中 and overdue, 待兑现, 撤销). All text is invented.
 */
import type { Kysely } from 'kysely';
import type { Actor, WriteCtx } from '../core/actor.ts';
import type { DB } from '../db/schema.ts';
import { defaultWorkCalendar, localDateOf } from '../core/calendar/index.ts';
import {
  fireTransition,
  openAppeal,
  unwrap,
  type TransitionOutcome,
} from '../core/workflow/index.ts';
import { newId } from '../db/ids.ts';
import { kindFor } from '../domains/appeals/appeal.kinds.ts';
import { deriveColumns, snapshotToJson } from '../domains/appeals/appeal.snapshot.ts';
import { seedDemoCommitments, seedDemoProblems } from './demo-analysis-problems.ts';
import type { DemoClock } from './demo-clock.ts';
import * as repo from './demo-town.repository.ts';

type Db = Kysely<DB>;

interface Group {
  village: string;
  category: string;
  unit: string;
  /** [month (1–12), day, title, content]; the last `open` orders stay unfinished. */
  orders: [number, number, string, string][];
  open?: number;
}

const GROUPS: Record<string, Group> = {
  lamp: {
    village: '青松村',
    category: 'urban.roads',
    unit: 'office_construction',
    orders: [
      [3, 4, '青松村村口路灯不亮', '青松村村口3号路灯不亮，晚上出行不安全。'],
      [3, 21, '村口路灯又坏了', '青松村村口那盏3号路灯坏了好几天了，一直没人修，晚上黑漆漆的。'],
      [4, 18, '青松村村口路灯故障', '村口路灯不亮，青松村3号灯杆，请尽快维修。'],
      [5, 27, '青松村路灯损坏', '青松村村口的路灯又坏了，晚上看不见路，老人孩子出门不方便。'],
      [6, 30, '村口3号路灯不亮', '青松村村口3号路灯修过以后又不亮了，反复坏。'],
    ],
  },
  noise: {
    village: '新街社区',
    category: 'environment.noise',
    unit: 'office_emergency',
    open: 1,
    orders: [
      [
        6,
        9,
        '菜市场工地夜间施工扰民',
        '新街社区菜市场旁边工地夜间施工噪音扰民，凌晨两点还在作业。',
      ],
      [6, 23, '工地半夜施工', '新街社区菜市场旁工地半夜施工，吵得睡不着。'],
      [7, 8, '菜市场工地噪音', '新街社区菜市场工地晚上施工噪音太大，搅拌机一直响。'],
      [7, 26, '夜间施工噪音扰民', '菜市场旁边的工地夜间施工，新街社区居民休息不好。'],
      [8, 14, '工地夜间施工扰民', '新街社区菜市场工地深夜施工，噪音扰民，希望限制作业时间。'],
      [
        9,
        19,
        '菜市场工地又在夜间施工',
        '新街社区菜市场旁工地夜间施工噪音扰民又开始了，晚上十一点还在打桩。',
      ],
    ],
  },
  sewage: {
    village: '桃源社区',
    category: 'property.service',
    unit: 'office_construction',
    orders: [
      [2, 12, '小区污水外溢', '桃源社区幸福小区3栋化粪池外溢，污水横流，臭味很大。'],
      [2, 25, '幸福小区化粪池外溢', '桃源社区幸福小区3栋下水道冒水，污水外溢到路面。'],
      [3, 11, '小区污水横流', '幸福小区3栋门口污水横流，物业不处理，桃源社区居民出行困难。'],
    ],
  },
  square: {
    village: '龙泉社区',
    category: 'environment.noise',
    unit: 'office_social',
    open: 1,
    orders: [
      [8, 5, '广场舞音响太吵', '龙泉社区文化广场晚上广场舞音响太吵，影响休息。'],
      [9, 2, '文化广场广场舞噪音', '龙泉社区文化广场跳舞音响声音太大，晚上十点还不停。'],
      [10, 16, '广场舞噪音扰民', '龙泉社区文化广场广场舞噪音扰民，音响开得很大。'],
    ],
  },
  // Left unconfirmed: the detection page proposes these.
  waste: {
    village: '河湾村',
    category: 'environment.waste',
    unit: 'office_agriculture',
    open: 1,
    orders: [
      [7, 3, '河湾村桥头垃圾清运不及时', '河湾村桥头垃圾池垃圾没人清，堆了一个星期，天热发臭。'],
      [7, 29, '桥头垃圾堆积', '河湾村桥头垃圾堆积成堆，无人清运，苍蝇很多。'],
      [8, 20, '河湾村桥头垃圾无人清运', '河湾村桥头垃圾池又满了，垃圾清运不及时。'],
      [9, 11, '桥头垃圾池发臭', '河湾村桥头垃圾成堆没人清运，臭味影响附近住户。'],
    ],
  },
  water: {
    village: '石桥村',
    category: 'utilities.water_supply',
    unit: 'office_construction',
    open: 2,
    orders: [
      [10, 8, '石桥村三组水压低', '石桥村三组自来水水压低，二楼以上没有水。'],
      [10, 30, '三组自来水水压不足', '石桥村三组水压不足，早晚用水高峰基本没水。'],
      [11, 19, '石桥村三组用水困难', '石桥村三组自来水水压小，楼上住户用不上水。'],
      [12, 9, '三组水压低没水', '石桥村三组水压低，没水了好几天。'],
    ],
  },
};

type StepAt = [string, number, Record<string, unknown>?];

/** The steps of a group's i-th order: [action, hours after intake, payload]; open ones stop early. */
function groupSteps(g: Group, i: number, unit: string): StepAt[] {
  const steps: StepAt[] = [
    ['dispatch', 1, { unitId: unit }],
    ['claim', 3],
  ];
  const open = i >= g.orders.length - (g.open ?? 0);
  const unhappy = i === g.orders.length - (g.open ?? 0) - 1 && g.orders.length > 3;
  if (!open) {
    steps.push(
      ['handle', 24, { progress: '已到现场查看' }],
      ['reply', 72, { replyText: '已安排处理并答复群众', contacted: true }],
    );
    steps.push(
      [
        'follow_up',
        96,
        { satisfaction: unhappy ? '不满意' : i % 2 ? '基本满意' : '满意', solved: !unhappy },
      ],
      ['close', 97],
    );
  }
  return steps;
}

/** One order walked through the hotline workflow from `at`: its final snapshot and events. */
function walkOrder(
  who: { userId: string },
  category: string,
  content: string,
  at: Date,
  steps: StepAt[],
) {
  const { def, kpi } = kindFor('hotline');
  const calendar = defaultWorkCalendar();
  const actor = (roles: string[]) => ({ userId: who.userId, roles });
  const first = unwrap(
    openAppeal(def, actor(['dispatcher']), { content }, { at, calendar, category }),
  );
  const outcomes: { o: TransitionOutcome; action: string }[] = [
    { o: first, action: def.initial.id },
  ];
  let snapshot = first.next;
  for (const [action, hours, payload] of steps) {
    const o = unwrap(
      fireTransition(def, snapshot, actor(['dispatcher', 'assignee']), action, payload ?? {}, {
        at: new Date(at.getTime() + hours * 3_600_000),
        calendar,
      }),
    );
    outcomes.push({ o, action });
    snapshot = o.next;
  }
  let derived = deriveColumns(first.next, kpi, at, def.initial.id, null, null);
  for (const { o, action } of outcomes.slice(1))
    derived = deriveColumns(o.next, kpi, o.event.at, action, null, derived as never);
  return { snapshot, outcomes, derived };
}

/**
 * The orders of one group, walked through the hotline workflow on the shipped calendar (like
 * demo-appeals.ts) and bulk-inserted: every test database builds the demo, so this stays cheap.
 */
async function walkGroup(
  db: Db,
  townId: string,
  who: { userId: string; name: string },
  g: Group,
  ids: { village: string; unit: string },
  nextSeq: () => number,
  year: number,
): Promise<string[]> {
  const rows: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (const [i, [month, day, title, content]] of g.orders.entries()) {
    const at = new Date(Date.UTC(year, month - 1, day, 1, 30));
    const { snapshot, outcomes, derived } = walkOrder(
      who,
      g.category,
      content,
      at,
      groupSteps(g, i, ids.unit),
    );
    const id = newId();
    rows.push({
      town_id: townId,
      id,
      code: `${String(year).slice(2)}-${String(nextSeq()).padStart(5, '0')}`,
      kind: 'hotline',
      channel: 'hotline_12345',
      category_code: g.category,
      category_root: g.category.split('.')[0],
      urgency: snapshot.urgency ?? null,
      village_id: ids.village,
      title,
      content,
      received_at: at,
      received_on: localDateOf(at),
      snapshot: snapshotToJson(snapshot),
      version: snapshot.version,
      ...derived,
    });
    outcomes.forEach(({ o }, n) =>
      events.push({
        town_id: townId,
        id: newId(),
        appeal_id: id,
        seq: n + 1,
        action: o.event.action,
        label: o.event.label,
        from_state: o.event.from,
        to_state: o.event.to,
        actor_user_id: who.userId,
        actor_name: n === 0 ? who.name : '承办人员',
        at: o.event.at,
        note: null,
        payload: JSON.stringify(o.event.payload),
      }),
    );
  }
  await repo.insertAppealsWithEvents(db, rows as never, events as never);
  return rows.map((r) => r.id as string);
}

/**
 * The recurring problems happen in last year (a finished year to report on); commitments made
 * then are due in the current year or already settled.
 */
export async function seedDemoAnalysis(db: Db, townId: string, clock: DemoClock): Promise<void> {
  const [, ly, y] = clock.years;
  const user = await repo.findUser(db, townId, 'paidan');
  const actor: Actor = {
    userId: user.id,
    homeTownId: townId,
    username: 'paidan',
    displayName: user.display_name,
    personId: user.person_id,
    grants: [{ role: 'admin', townId, unitId: null }],
    sessionId: 'demo',
  };
  const ctx: WriteCtx = { actor, townId, ip: null };
  const unitId = (by: 'name' | 'code', v: string) => repo.unitIdBy(db, townId, by, v);
  // Tracking numbers continue after the demo year's orders.
  let seq = await repo.lastCodeSeq(db, townId, ly);
  const orders: Record<string, string[]> = {};
  for (const [key, g] of Object.entries(GROUPS))
    orders[key] = await walkGroup(
      db,
      townId,
      { userId: user.id, name: user.display_name },
      g,
      { village: await unitId('name', g.village), unit: await unitId('code', g.unit) },
      () => ++seq,
      ly,
    );
  await repo.setCodeSeq(db, townId, ly, seq);
  const construction = await unitId('code', 'office_construction');
  const emergency = await unitId('code', 'office_emergency');
  const social = await unitId('code', 'office_social');

  const units = { construction, emergency, social };
  const { lamp, noise } = await seedDemoProblems(db, ctx, orders, units, { ly, y });
  await seedDemoCommitments(db, ctx, orders, units, { ly, y, lamp, noise });
}
