/**
 * Problems confirmed from the demo's recurring orders, in realistic states (已销号, 已整改,
 * 整改中 and overdue, 待认领), and public commitments (兑现, 推进中 and overdue, 待兑现, 撤销), with
 * their notes. All text is invented.
 */
import type { Kysely } from 'kysely';
import type { WriteCtx } from '../core/actor.ts';
import type { DB } from '../db/schema.ts';
import {
  addNote,
  createCommitment,
  updateCommitment,
} from '../domains/appeal-analysis/commitment.service.ts';
import { createProblem, moveProblem } from '../domains/appeal-analysis/problem.service.ts';
import * as repo from './demo-town.repository.ts';

type Db = Kysely<DB>;
/** The offices that own the demo's problems and commitments. */
interface Owners {
  construction: string;
  emergency: string;
  social: string;
}

/** The problems of last year (`ly`); returns the two that commitments refer to. */
export async function seedDemoProblems(
  db: Db,
  ctx: WriteCtx,
  orders: Record<string, string[]>,
  { construction, emergency }: Owners,
  { ly, y }: { ly: number; y: number },
) {
  // 已销号: the sewage problem was fixed and checked.
  let p = await createProblem(db, ctx, {
    title: '桃源社区幸福小区3栋化粪池反复外溢',
    appealIds: orders.sewage!,
    source: 'detect',
    ownerUnitId: construction,
    dueOn: `${ly}-04-30`,
    description: '同一化粪池一个月内三次外溢，物业未及时处置。',
  });
  p = await moveProblem(db, ctx, p.id, {
    version: p.version,
    status: 'rectifying',
    plan: '督促物业清掏化粪池并更换破损管道，社区每周巡查一次。',
  });
  p = await moveProblem(db, ctx, p.id, {
    version: p.version,
    status: 'rectified',
    result: '已清掏化粪池、更换排污管12米，连续两个月未再外溢。',
  });
  await moveProblem(db, ctx, p.id, {
    version: p.version,
    status: 'closed',
    note: '回访居民确认问题解决',
  });
  // 已整改: the street light was rewired; awaiting the check before 销号.
  const lamp = await createProblem(db, ctx, {
    title: '青松村村口3号路灯反复损坏',
    appealIds: orders.lamp!,
    source: 'detect',
    ownerUnitId: construction,
    dueOn: `${ly}-08-31`,
  });
  p = await moveProblem(db, ctx, lamp.id, {
    version: lamp.version,
    status: 'rectifying',
    plan: '排查村口路灯线路，更换老化电缆和灯具，纳入村级路灯日常巡检。',
  });
  await moveProblem(db, ctx, p.id, {
    version: p.version,
    status: 'rectified',
    result: '已更换电缆60米、LED灯具2套。',
  });
  // 整改中 and overdue: the building site's night work; the September order is left for detection to add.
  const noise = await createProblem(db, ctx, {
    title: '新街社区菜市场旁工地夜间施工扰民',
    appealIds: orders.noise!.slice(0, 5),
    source: 'detect',
    ownerUnitId: emergency,
    dueOn: `${ly}-10-31`,
  });
  await moveProblem(db, ctx, noise.id, {
    version: noise.version,
    status: 'rectifying',
    plan: '约谈施工单位，22时至次日6时禁止高噪声作业；社区网格员夜间巡查并留存记录。',
  });
  // 待认领: the square dancing noise, no owner yet.
  await createProblem(db, ctx, {
    title: '龙泉社区文化广场广场舞音响噪音',
    appealIds: orders.square!,
    source: 'detect',
    dueOn: `${y}-12-31`,
  });
  return { lamp, noise };
}

/** Commitments made last year, due this year or already settled. */
export async function seedDemoCommitments(
  db: Db,
  ctx: WriteCtx,
  orders: Record<string, string[]>,
  { construction, emergency, social }: Owners,
  { ly, y, lamp, noise }: { ly: number; y: number; lamp: { id: string }; noise: { id: string } },
) {
  const townId = ctx.townId;
  const unitId = (by: 'name' | 'code', v: string) => repo.unitIdBy(db, townId, by, v);
  let c = await createCommitment(db, ctx, {
    title: '年内完成青松村村口路灯线路改造',
    content: '更换村口至村委会路段老化路灯电缆，确保路灯正常亮灯。',
    promisedTo: '青松村村民',
    villageId: await unitId('name', '青松村'),
    ownerUnitId: construction,
    promisedOn: `${ly}-07-05`,
    dueOn: `${ly}-12-31`,
    problemId: lamp.id,
    appealIds: orders.lamp!.slice(-2),
  });
  c = await addNote(db, ctx, c.id, '已完成线路勘察，电缆和灯具已采购。');
  await updateCommitment(db, ctx, c.id, {
    version: c.version,
    status: 'fulfilled',
    evidence: `施工验收单及夜间亮灯照片已存档（${ly}年9月）。`,
  });
  c = await createCommitment(db, ctx, {
    title: '菜市场工地22时后停止高噪声作业',
    content: '协调施工单位调整作业时间，夜间22时至次日6时不进行打桩、搅拌等高噪声作业。',
    promisedTo: '新街社区居民',
    villageId: await unitId('name', '新街社区'),
    ownerUnitId: emergency,
    promisedOn: `${ly}-07-10`,
    dueOn: `${ly}-08-31`,
    problemId: noise.id,
    appealIds: orders.noise!.slice(0, 2),
  });
  c = await updateCommitment(db, ctx, c.id, {
    version: c.version,
    status: 'in_progress',
    note: '已约谈施工单位负责人，签订夜间施工承诺书。',
  });
  await addNote(db, ctx, c.id, '9月仍有夜间打桩，已报县住建部门联合执法。');
  await createCommitment(db, ctx, {
    title: '河湾村桥头垃圾池每日清运',
    content: '落实保洁员每日清运桥头垃圾池，夏季每日两次。',
    promisedTo: '河湾村村民',
    villageId: await unitId('name', '河湾村'),
    ownerUnitId: await unitId('code', 'office_agriculture'),
    promisedOn: `${ly}-12-01`,
    dueOn: `${y}-12-31`,
    appealIds: [],
  });
  c = await createCommitment(db, ctx, {
    title: '龙泉社区文化广场安装音量提示屏',
    content: '在文化广场安装音量监测提示屏，引导广场舞音量不超过60分贝。',
    promisedTo: '龙泉社区居民',
    villageId: await unitId('name', '龙泉社区'),
    ownerUnitId: social,
    promisedOn: `${ly}-10-20`,
    dueOn: `${y}-03-31`,
    appealIds: [],
  });
  await updateCommitment(db, ctx, c.id, {
    version: c.version,
    status: 'cancelled',
    note: '经居民议事会商议，改为与舞队约定活动时段，不再安装提示屏。',
  });
}
