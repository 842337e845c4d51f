import { describe, expect, it } from 'vitest';
import { clusterTexts, type ClusterItem } from './cluster.ts';

const B = 'town|青松村|urban';
const LAMP = [
  '青松村村口3号路灯不亮，晚上出行不安全。群众反映：希望尽快处理',
  '青松村村口那盏3号路灯坏了好几天了，一直没人修，晚上黑漆漆的',
  '村口路灯不亮 青松村 3号灯杆，请尽快维修',
  '青松村村口的路灯又坏了，晚上看不见路',
];
const OTHERS = [
  '小区物业不作为，电梯坏了三个月没人管',
  '惠农补贴还没有到账，想问问什么时候发',
  '学校门口早晚高峰车辆乱停，孩子过马路危险',
  '卫生室缺少常用药品，老人买药要跑很远',
];
const items = (texts: string[], block = B, prefix = 'a'): ClusterItem[] =>
  texts.map((text, i) => ({ id: `${prefix}${i}`, text, block }));
const opts = { extraWords: ['青松村', '新街社区'] };

describe('clusterTexts', () => {
  it('groups near-duplicate complaints about the same street light', () => {
    const clusters = clusterTexts([...items(LAMP), ...items(OTHERS, B, 'o')], opts);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.ids).toEqual(['a0', 'a1', 'a2', 'a3']);
    expect(clusters[0]!.commonWords).toEqual(expect.arrayContaining(['路灯', '损坏', '村口']));
    expect(clusters[0]!.similarity).toBeGreaterThanOrEqual(0.3);
  });

  it('does not group unrelated complaints', () => {
    expect(clusterTexts(items(OTHERS), opts)).toEqual([]);
  });

  it('keeps two problems of one block apart', () => {
    const noise = [
      '新街社区菜市场旁边工地夜间施工噪音扰民，凌晨两点还在作业',
      '新街社区菜市场旁工地半夜施工，吵得睡不着',
      '菜市场工地晚上施工噪音太大',
    ];
    const clusters = clusterTexts([...items(LAMP), ...items(noise, B, 'n')], opts);
    expect(clusters.map((c) => c.ids)).toEqual([
      ['a0', 'a1', 'a2', 'a3'],
      ['n0', 'n1', 'n2'],
    ]);
  });

  it('never links across blocks (other village or category)', () => {
    const clusters = clusterTexts(
      [...items(LAMP.slice(0, 2)), ...items(LAMP.slice(2), 'town|石桥村|urban', 'b')],
      opts,
    );
    expect(clusters.map((c) => c.ids)).toEqual([
      ['a0', 'a1'],
      ['b0', 'b1'],
    ]);
  });

  it('respects minSize and a stricter threshold', () => {
    expect(clusterTexts(items(LAMP), { ...opts, minSize: 5 })).toEqual([]);
    // Only the three that name lamp 3 say exactly the same thing; the fourth names no number.
    expect(clusterTexts(items(LAMP), { ...opts, threshold: 0.95 }).map((c) => c.ids)).toEqual([
      ['a0', 'a1', 'a2'],
    ]);
    expect(clusterTexts(items(LAMP), { ...opts, threshold: 1.01 })).toEqual([]);
  });

  it('keeps apart the same complaint at two places, or at two address numbers of one kind', () => {
    const places = [
      '村口路灯不亮，晚上黑咕隆咚',
      '村口那盏灯又坏了',
      '学校后面巷子的路灯不亮',
      '学校后头巷子里路灯全坏了',
    ];
    expect(clusterTexts(items(places), opts).map((c) => c.ids)).toEqual([
      ['a0', 'a1'],
      ['a2', 'a3'],
    ]);
    const numbers = ['3组路灯坏了好几天', '三组的路灯不亮', '五组路灯坏了', '5组那边路灯黑了'];
    expect(clusterTexts(items(numbers), opts).map((c) => c.ids)).toEqual([
      ['a0', 'a1'],
      ['a2', 'a3'],
    ]);
  });

  it('links a text that does not say where to one that does (callers leave the place out)', () => {
    const clusters = clusterTexts(items(['村口路灯不亮', '路灯坏了', '村口的路灯又坏了']), opts);
    expect(clusters.map((c) => c.ids)).toEqual([['a0', 'a1', 'a2']]);
  });

  it('needs a shared subject: the same place alone is not one problem', () => {
    expect(clusterTexts(items(['村口路灯不亮了', '村口的广告牌被风吹歪了']), opts)).toEqual([]);
  });

  it('is deterministic: same input and seed give the same clusters, whatever the run', () => {
    const input = [...items(LAMP), ...items(OTHERS, B, 'o')];
    expect(clusterTexts(input, { ...opts, seed: 42 })).toEqual(
      clusterTexts(input, { ...opts, seed: 42 }),
    );
    expect(clusterTexts(input, { ...opts, seed: 42 })[0]!.ids).toEqual(
      clusterTexts(input, { ...opts, seed: 43 })[0]!.ids,
    );
  });
});
