import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flattenSections, parseReportText } from './parse.ts';
import { readFixture } from './reference-corpus.ts';

const tree = (text: string) =>
  flattenSections(parseReportText(text).sections).map((s) => `${s.path} ${s.heading}`);

describe('parseReportText on report shapes it was not written for', () => {
  it('reads half-width (一), "1、" items, merged 不足/打算 and no 法 section', () => {
    const r = parseReportText(readFixture('merged-no-law.txt'));
    expect(r.title).toBe('2024年度个人述职报告');
    expect(tree(readFixture('merged-no-law.txt'))).toEqual([
      '一 学习提升方面',
      '二 工作开展情况',
      '二/（一） 社会救助',
      '二/（一）/1 低保动态管理',
      '二/（一）/2 临时救助',
      '二/（二） 养老服务',
      '二/（二）/1 推动两处村级互助幸福院投入运行，常住老人达到35名以上',
      '二/（二）/2 组织高龄老人健康体检3-5次，覆盖率达到92%',
      '三 廉洁自律方面',
      '四 存在的不足及下一步打算',
      '四/一是 主动上门走访的次数偏少',
      '四/二是 救助政策宣传不够到位',
      '四/第2组一是 把入户走访列入每月计划',
      '四/第2组二是 编印通俗易懂的政策明白卡，让群众一看就懂',
    ]);
    const byRaw = Object.fromEntries(r.numbers.map((n) => [n.raw, n]));
    expect(byRaw['约320户']).toMatchObject({
      value: 320,
      approx: '约',
      unit: '户',
      sectionPath: '二/（一）/1',
    });
    expect(byRaw['26.5万元']).toMatchObject({ value: 26.5, unit: '万元', subject: '临时救助资金' });
    expect(byRaw['3-5次']).toMatchObject({ value: 3, valueMax: 5, unit: '次' });
    expect(byRaw['35名以上']).toMatchObject({ value: 35, approx: '以上' });
    expect(byRaw['92%']).toMatchObject({ value: 92, unit: '%', subject: '覆盖率' });
    expect(r.placeholders).toEqual([]);
  });

  it('reads portfolio-as-top-level reports with 1. items and XX/××/某某/** gaps', () => {
    const r = parseReportText(readFixture('portfolio-top-level.txt'));
    expect(r.title).toBe('XX镇党委委员2023年述职述廉报告');
    expect(r.sections.map((s) => s.heading)).toEqual([
      '宣传思想工作',
      '综治维稳工作',
      '应急管理工作',
      '作风建设',
      '存在问题',
      '今后打算',
    ]);
    expect(r.sections[0]!.children.map((c) => c.heading)).toEqual(['理论宣讲', '信息报送']);
    expect(r.sections[5]!.children.map((c) => c.heading)).toEqual([
      '完善宣讲菜单',
      '提升矛盾纠纷就地化解水平',
    ]);
    expect(r.placeholders.map((p) => [p.token, p.kind, p.sectionPath])).toEqual([
      ['XX', 'xx', ''],
      ['××', 'cross', '一/1'],
      ['XX', 'xx', '二/1'],
      ['某某', 'someone', '二/2'],
      ['**', 'asterisk', '三'],
    ]);
    // "XX场次" is a figure left blank (a placeholder number), like "**次".
    expect(r.numbers.map((n) => `${n.value}${n.unit}`)).toEqual([
      'null场次',
      '85篇',
      '17篇',
      'null件',
      '96.5%',
      '200次',
      '100人',
      'null万元',
    ]);
  });

  it('reads CRLF + BOM text, markers alone on a line and Chinese numerals', () => {
    const r = parseReportText(readFixture('numerals-crlf.txt'));
    expect(r.title).toBeNull();
    expect(r.text.includes('\r')).toBe(false);
    expect(tree(readFixture('numerals-crlf.txt')).filter((t) => !t.includes('是 '))).toEqual([
      '一 政治学习',
      '二 主要工作',
      '二/（一） 农业生产',
      '二/（二） 生态环境',
      '三 遵纪守法情况',
      '四 不足和打算',
    ]);
    expect(r.numbers.map((n) => [n.value, n.unit, n.approx])).toEqual([
      [12, '次', null],
      [1.8, '万亩', '以上'],
      [3600, '亩', null],
      [120, '万元', '约'],
      [30, '次', '余'],
      [93, '%', '左右'],
    ]);
    const first = r.numbers[0]!;
    expect(r.text.slice(first.offset, first.offset + first.raw.length)).toBe('十二次');
  });

  it('locates every placeholder at its exact offset', () => {
    const r = parseReportText('一、工作\n全年完成**项，XX村参与。\n');
    expect(r.placeholders.map((p) => r.text.slice(p.offset, p.offset + p.token.length))).toEqual([
      '**',
      'XX',
    ]);
    expect(r.placeholders.every((p) => p.sectionPath === '一')).toBe(true);
  });

  it('never throws and keeps offsets inside the text, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '一、',
            '（二）',
            '1.',
            '一是',
            '二是',
            '**',
            '12条',
            '。',
            '\n',
            '工作',
            'XX',
            '近',
            '余',
          ),
          { maxLength: 40 },
        ),
        (parts) => {
          const r = parseReportText(parts.join(''));
          for (const n of r.numbers) expect(n.offset).toBeLessThan(r.text.length);
          for (const p of r.placeholders)
            expect(r.text.slice(p.offset, p.offset + p.token.length)).toBe(p.token);
        },
      ),
    );
  });
});

describe('the placeholder sample fixture', () => {
  it('has a heading tree, counted numbers and every kind of placeholder', () => {
    const r = parseReportText(readFixture('placeholders-sample.txt'));
    expect(r.sections.map((s) => s.heading)).toEqual([
      '理论学习方面',
      '宣传思想工作',
      '廉洁自律方面',
      '存在的不足和明年打算',
    ]);
    expect(r.sections[1]!.children.filter((c) => c.level === 2).map((c) => c.heading)).toEqual([
      '理论宣讲',
      '对外宣传',
      '文明创建',
    ]);
    expect(new Set(r.placeholders.map((p) => p.kind))).toEqual(
      new Set(['asterisk', 'xx', 'cross', 'someone']),
    );
    expect(r.numbers.some((n) => n.value === 26 && n.unit === '场')).toBe(true);
  });
});
