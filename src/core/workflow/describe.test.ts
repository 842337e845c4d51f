import { describe, expect, it } from 'vitest';
import { describeKind, kindToMarkdown } from './describe.ts';
import { kindByName } from './kinds/index.ts';

describe('describeKind', () => {
  const hotline = kindByName('hotline')!;

  it('writes each clock rule out in Chinese, with urgency overrides', () => {
    const clocks = describeKind(hotline).clocks.map((c) => c.text);
    expect(clocks).toEqual([
      '签收时限：自「派单」或「改派」或「审定」起24小时（紧急：2小时），至「签收」或「退单」或「合并」止',
      '办结时限：自「签收」或「重办」起7日（疑难复杂：15日），至「答复」止',
    ]);
  });

  it('lists states and actions with Chinese role and state names', () => {
    const d = describeKind(hotline);
    expect(d.states[0]).toEqual({
      id: 'registered',
      label: '待派单',
      terminal: false,
      initial: true,
    });
    expect(d.actions[0]).toMatchObject({ id: 'intake', from: [], to: '待派单' });
    expect(d.actions.find((a) => a.id === 'claim')).toMatchObject({
      from: ['待签收'],
      to: '办理中',
      roles: ['承办单位人员'],
    });
    expect(d.actions.find((a) => a.id === 'handle')?.to).toBe('（状态不变）');
    expect(d.settings).toEqual({ maxReopens: 2 });
  });

  it('renders a Markdown table for the docs', () => {
    const md = kindToMarkdown(kindByName('petition')!);
    expect(md).toContain('## 信访事项（petition）');
    expect(md).toContain(
      '| 不予受理 | 已登记待受理 | 不予受理 | 专干/站所、接线员/派单员、党委书记/镇长 | 不予受理理由、告知日期 |',
    );
  });
});
