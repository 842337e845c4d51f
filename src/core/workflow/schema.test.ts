import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../errors.ts';
import { loadKind, type KindInput } from './schema.ts';

const minimal = (): KindInput => ({
  kind: 'tiny',
  label: '小流程',
  states: [
    { id: 'open', label: '待办' },
    { id: 'done', label: '完成', terminal: true },
  ],
  initial: { id: 'create', label: '创建', state: 'open', roles: ['staff'] },
  transitions: [{ id: 'finish', label: '完成', from: ['open'], to: 'done', roles: ['staff'] }],
  kpi: {
    responseClock: null,
    completeClock: null,
    closedStates: ['done'],
    handler: { intake: true },
  },
  appeal: false,
  analysis: false,
});

function problems(data: unknown): string[] {
  try {
    loadKind(data);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInput);
    return (e as InvalidInput).errors.map((i) => i.message);
  }
  return [];
}

describe('loadKind', () => {
  it('accepts a minimal kind and fills defaults', () => {
    const kind = loadKind(minimal());
    expect(kind.urgencies).toEqual([{ id: 'general', label: '一般' }]);
    expect(kind.transitions[0]).toMatchObject({
      fields: [],
      guards: [],
      increments: [],
      recordFields: true,
    });
  });

  it('rejects unknown roles, states, guards and bad guard params', () => {
    const k = minimal();
    k.transitions = [
      {
        id: 'finish',
        label: '完成',
        from: ['open'],
        to: 'done',
        roles: ['staff'],
        guards: [{ name: 'magic' }, { name: 'counterBelow', params: { counter: 'x' } }],
      },
      { id: 'jump', label: '跳转', from: ['nowhere'], to: 'done', roles: ['staff'] },
    ];
    expect(problems(k)).toEqual([
      '操作「完成」：未知的条件「magic」，可用：counterBelow、fieldEquals、fieldPresent、fieldTrue、' +
        'clockNotExpired、factNotSet、minPeriod、dateWithin、notInFuture',
      '操作「完成」：条件「counterBelow」参数有误：须且只能给出 max 或 maxSetting 之一',
      '操作「跳转」引用了不存在的状态 nowhere',
    ]);
    expect(
      problems({
        ...minimal(),
        transitions: [{ id: 'finish', label: '完成', from: ['open'], to: 'done', roles: ['boss'] }],
      }).length,
    ).toBe(1);
  });

  it('rejects transitions out of terminal states, unreachable states and dead ends', () => {
    const k = minimal();
    k.states.push({ id: 'limbo', label: '悬置' }, { id: 'island', label: '孤岛' });
    k.transitions.push({
      id: 'park',
      label: '搁置',
      from: ['open'],
      to: 'limbo',
      roles: ['staff'],
    });
    expect(problems(k)).toEqual([
      '非终态「悬置」没有离开的操作',
      '状态「孤岛」无法从初始状态到达',
      '非终态「孤岛」没有离开的操作',
    ]);
    const t = minimal();
    t.transitions.push({ id: 'undo', label: '撤销', from: ['done'], to: 'open', roles: ['staff'] });
    expect(problems(t)).toEqual(['操作「撤销」不能从终态 done 出发']);
  });

  it('rejects clocks naming unknown actions or urgencies and bad extensions', () => {
    const k = minimal();
    k.clocks = [
      {
        id: 'c',
        label: '时限',
        startOn: ['create'],
        stopOn: ['nope'],
        rule: { amount: 1, unit: 'working_days' },
        byUrgency: { urgent: { amount: 1, unit: 'clock_hours' } },
      },
    ];
    k.transitions.push({
      id: 'ext',
      label: '延期',
      from: ['open'],
      to: null,
      roles: ['leader'],
      extendsClock: { clock: 'c', toField: 'due' },
    });
    expect(problems(k)).toEqual([
      '操作「延期」的延期字段须为必填的日期或时间字段',
      '时限「时限」引用了不存在的操作 nope',
      '时限「时限」引用了不存在的紧急程度 urgent',
    ]);
  });

  it('rejects a file field at registration (there is no order to upload to yet)', () => {
    const k = minimal();
    k.initial.fields = [{ name: 'scan', label: '登记表', type: 'file' }];
    expect(problems(k)).toEqual(['登记操作不能有文件字段「登记表」（工单登记后才能上传附件）']);
  });

  it('rejects duplicate ids', () => {
    const k = minimal();
    k.transitions.push({
      id: 'finish',
      label: '再完成',
      from: ['open'],
      to: 'done',
      roles: ['staff'],
    });
    expect(problems(k)).toEqual(['操作 finish 重复']);
  });

  it('requires the KPI block and both memberships to be declared', () => {
    const { kpi: _kpi, appeal: _appeal, analysis: _analysis, ...bare } = minimal();
    const found = problems(bare);
    expect(found.length).toBe(3);
    expect(problems({ ...minimal(), appeal: 'yes' }).length).toBe(1);
  });

  it('fills the KPI defaults and cross-checks the block against the kind', () => {
    expect(loadKind(minimal()).kpi).toEqual({
      responseClock: null,
      completeClock: null,
      closedStates: ['done'],
      handler: { intake: true },
      portfolio: null,
      satisfactionField: null,
      solvedField: null,
      passiveClocks: [],
    });
    const k = minimal();
    k.kpi = {
      responseClock: 'claim',
      completeClock: null,
      closedStates: ['done', 'gone'],
      handler: { slot: 'owner' },
      satisfactionField: 'rating',
      passiveClocks: ['window'],
    };
    expect(problems(k)).toEqual([
      '指标定义的响应时限引用了不存在的时限 claim',
      '指标定义的群众期限引用了不存在的时限 window',
      '指标定义的办结状态引用了不存在的状态 gone',
      '指标定义的承办人引用了未指派的角色 owner',
      '指标定义的满意度字段 rating 未声明',
    ]);
    expect(
      problems({ ...minimal(), kpi: { ...minimal().kpi, handler: { action: 'fly' } } }),
    ).toEqual(['指标定义的承办人引用了不存在的操作 fly']);
  });

  it('keeps a kind that is no appeal out of analysis and out of 受理量 in reports', () => {
    expect(problems({ ...minimal(), appeal: false, analysis: true })).toEqual([
      '非诉求类型不能参加诉求分析',
    ]);
    expect(
      problems({ ...minimal(), report: { label: '小流程事项', object: '小流程事项' } }),
    ).toEqual(['非诉求类型不能计入报告的受理量']);
    expect(problems({ ...minimal(), appeal: true, analysis: true })).toEqual([]);
  });
});
