/**
 * Fixture for appeal-analysis tests: the appeal cast's town with a year (2024) of recurring
 * complaints planted as near-duplicate hotline orders — each group one place and one category,
 * several days, several callers — dispatched when received; the 路灯 orders are claimed, answered
 * and followed up (4 of 5 satisfied), the others never claimed (so they run overdue). Three
 * groups are confirmed as problems (路灯 in 西村, 菜市场工地 in 南村 without its last order,
 * 广场舞 in 北村); two are left for detection (垃圾 in 西村, 水压 in the cadre's 东村). One
 * commitment (NOISE_COMMITMENT) on the 菜市场工地 problem is in progress and overdue since
 * 2024-08-31.
 * All text is invented for these tests.
 */
import type { Actor } from '../core/actor.ts';
import { actorFromCookie } from '../domains/auth/session.service.ts';
import * as appeals from '../domains/appeals/appeal.service.ts';
import type { TestApp } from './app.ts';
import { appealCast, type AppealCast } from './appeals.ts';
import type { TestUser } from './town.ts';

export const YEAR = 2024;
export const YEAR_QUERY = `from=${YEAR}-01-01&to=${YEAR}-12-31`;
export const Q2 = { from: `${YEAR}-04-01`, to: `${YEAR}-06-30` };

/** The actor behind a fixture user's session, for calling services directly. */
export async function actorOf(t: TestApp, user: TestUser): Promise<Actor> {
  const value = user.cookie.slice(user.cookie.indexOf('=') + 1);
  const actor = await actorFromCookie(t.database.db, value, 24);
  if (!actor) throw new Error(`no session for ${user.username}`);
  return actor;
}

/** [month-day, title, content] of one order. */
type Planted = [string, string, string];

interface Group {
  village: 'village' | 'otherVillage' | 'southVillage' | 'northVillage';
  categoryCode: string;
  orders: Planted[];
  /** Satisfaction of the 回访 after 宣传办 claimed and replied, per order; absent: never claimed. */
  followUps?: string[];
}

export const GROUPS = {
  lamp: {
    village: 'otherVillage',
    categoryCode: 'urban.roads',
    followUps: ['满意', '满意', '不满意', '基本满意', '满意'],
    orders: [
      ['03-04', '西村村口路灯不亮', '西村村口5号路灯不亮，夜里出行不安全。'],
      ['03-21', '村口路灯又坏了', '西村村口5号路灯坏了好几天没人修，晚上一片漆黑。'],
      ['04-18', '西村村口路灯故障', '西村村口5号灯杆的路灯不亮，请尽快维修。'],
      ['05-27', '西村路灯反复损坏', '西村村口5号路灯修好后又不亮了，反复损坏。'],
      ['06-20', '村口5号路灯不亮', '西村村口5号路灯又不亮了，老人孩子夜里出门不便。'],
    ],
  },
  noise: {
    village: 'southVillage',
    categoryCode: 'environment.noise',
    orders: [
      ['06-09', '菜市场工地夜间施工扰民', '南村菜市场旁工地夜间施工，噪音扰民，凌晨还在作业。'],
      ['06-23', '工地半夜施工噪音', '南村菜市场旁工地半夜施工，噪音吵得睡不着。'],
      ['07-08', '菜市场工地噪音太大', '南村菜市场工地夜里施工噪音太大，搅拌机响个不停。'],
      ['07-26', '夜间施工噪音扰民', '南村菜市场旁边工地夜间施工噪音扰民，居民休息不好。'],
      ['08-14', '工地深夜施工扰民', '南村菜市场工地深夜施工噪音扰民，希望限制施工时间。'],
      [
        '09-19',
        '菜市场工地又在夜间施工',
        '南村菜市场旁工地夜间施工噪音扰民又开始了，夜里十一点还在打桩。',
      ],
    ],
  },
  square: {
    village: 'northVillage',
    categoryCode: 'environment.noise',
    orders: [
      ['08-05', '广场舞音响太吵', '北村文化广场晚上广场舞音响太吵，影响休息。'],
      ['09-02', '文化广场广场舞噪音', '北村文化广场跳舞音响声音太大，晚上十点还不停。'],
      ['10-16', '广场舞噪音扰民', '北村文化广场广场舞噪音扰民，音响开得很大。'],
    ],
  },
  waste: {
    village: 'otherVillage',
    categoryCode: 'environment.waste',
    orders: [
      [
        '07-03',
        '西村桥头垃圾池垃圾没人清运',
        '西村桥头垃圾池垃圾没人清运，堆了一个星期，天热发臭。',
      ],
      ['07-29', '桥头垃圾池垃圾没人清运', '西村桥头垃圾池垃圾堆满了没人清运，天热发臭，蚊蝇很多。'],
      ['08-20', '西村桥头垃圾清运不及时', '西村桥头垃圾池又堆满了，垃圾清运不及时，天热发臭。'],
      ['09-11', '桥头垃圾池发臭', '西村桥头垃圾池垃圾没人清运，发臭影响附近住户。'],
    ],
  },
  water: {
    village: 'village',
    categoryCode: 'utilities.water_supply',
    orders: [
      ['10-08', '东村二组自来水水压低', '东村二组自来水水压低，二楼以上住户没有水。'],
      ['10-30', '二组自来水水压不足', '东村二组自来水水压不足，早晚用水高峰没有水。'],
      ['11-19', '东村二组水压低用水困难', '东村二组自来水水压低，楼上住户用不上水。'],
    ],
  },
} satisfies Record<string, Group>;

export const PROBLEM_TITLES = {
  lamp: '西村村口5号路灯反复损坏',
  noise: '南村菜市场旁工地夜间施工扰民',
  square: '北村文化广场广场舞噪音',
};

export const NOISE_COMMITMENT = '菜市场工地22时后停止高噪声作业';

export interface AnalysisTown extends AppealCast {
  southVillage: string;
  northVillage: string;
  /** Order ids per group, in planting order. */
  orders: Record<keyof typeof GROUPS, string[]>;
  /** Ids of the confirmed problems. */
  problems: Record<keyof typeof PROBLEM_TITLES, string>;
  /** Id of the overdue commitment. */
  commitment: string;
}

/** Takes in and dispatches each group's orders; those with a 回访 are claimed and replied first. */
async function plantOrders(
  t: TestApp,
  cast: AppealCast,
  villages: Record<Group['village'], string>,
): Promise<AnalysisTown['orders']> {
  const ctx = { actor: await actorOf(t, cast.users.dispatcher), townId: t.townId, ip: null };
  const staff = { ...ctx, actor: await actorOf(t, cast.users.staff) };
  const orders = {} as AnalysisTown['orders'];
  let caller = 0;
  for (const [name, group] of Object.entries(GROUPS) as [keyof typeof GROUPS, Group][]) {
    orders[name] = [];
    for (const [i, [day, title, content]] of group.orders.entries()) {
      const at = new Date(`${YEAR}-${day}T10:00:00+08:00`);
      const later = new Date(at.getTime() + 3600_000);
      const satisfaction = group.followUps?.[i];
      const id = await t.database.db.transaction().execute(async (trx) => {
        const { row } = await appeals.intake(
          trx,
          ctx,
          {
            kind: 'hotline',
            channel: 'hotline_12345',
            categoryCode: group.categoryCode,
            villageId: villages[group.village],
            title,
            content,
            contactPhone: `139${String(10_000_000 + ++caller)}`,
            payload: {},
          },
          { at },
        );
        const unitId = satisfaction ? cast.propagandaOffice : cast.governanceOffice;
        const fire = (who: typeof ctx, version: number, action: string, payload = {}) =>
          appeals.fire(trx, who, row.id, { action, version, payload }, { at: later });
        await appeals.fire(
          trx,
          ctx,
          row.id,
          { action: 'dispatch', version: 1, payload: { unitId } },
          { at },
        );
        if (satisfaction) {
          await fire(staff, 2, 'claim');
          await fire(staff, 3, 'reply', { replyText: '已维修', contacted: true });
          await fire(ctx, 4, 'follow_up', { satisfaction, solved: satisfaction !== '不满意' });
        }
        return row.id;
      });
      orders[name].push(id);
    }
  }
  return orders;
}

export async function analysisTown(t: TestApp): Promise<AnalysisTown> {
  const cast = await appealCast(t);
  const southVillage = await cast.town.village('南村');
  const northVillage = await cast.town.village('北村');
  const villages = { ...cast, southVillage, northVillage };
  const orders = await plantOrders(t, cast, villages);
  const post = async (method: string, path: string, body: unknown) => {
    const res = await t.call(method, `/api/v1/towns/${t.townId}${path}`, {
      cookie: cast.users.leader.cookie,
      body,
    });
    if (res.status >= 300) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  };
  const confirm = async (title: string, appealIds: string[]) =>
    (await post('POST', '/appeal-problems', { title, appealIds })).id;
  const problems = {
    lamp: await confirm(PROBLEM_TITLES.lamp, orders.lamp),
    noise: await confirm(PROBLEM_TITLES.noise, orders.noise.slice(0, 5)),
    square: await confirm(PROBLEM_TITLES.square, orders.square),
  };
  const promised = await post('POST', '/appeal-commitments', {
    title: NOISE_COMMITMENT,
    content: '协调施工单位调整作业时间，夜间不进行打桩等高噪声作业。',
    promisedTo: '南村村民',
    villageId: southVillage,
    ownerUnitId: cast.governanceOffice,
    promisedOn: `${YEAR}-07-10`,
    dueOn: `${YEAR}-08-31`,
    problemId: problems.noise,
    appealIds: orders.noise.slice(0, 2),
  });
  await post('PATCH', `/appeal-commitments/${promised.id}`, {
    version: promised.version,
    status: 'in_progress',
    note: '已约谈施工单位负责人',
  });
  return { ...cast, southVillage, northVillage, orders, problems, commitment: promised.id };
}
