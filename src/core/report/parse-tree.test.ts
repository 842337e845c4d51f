/**
 * The importer's tree and marks on short reports written for these tests: placeholders apart from
 * redactions, closing paragraphs attached to the level they close, and every 一是 run on its own
 * outline path.
 */
import { describe, expect, it } from 'vitest';
import { flattenSections, parseReportText } from './parse.ts';

const tree = (text: string) =>
  flattenSections(parseReportText(text).sections).map((s) => `${s.path} ${s.heading}`);
const where = (text: string, raw: string) =>
  parseReportText(text).numbers.find((n) => n.raw === raw)?.sectionPath;

describe('placeholders and redactions', () => {
  const cases: Array<[string, string[], string[]]> = [
    ['一、工作\n走访*村困难群众。', [], ['*']],
    ['一、工作\n由张*同志牵头，落实资金XX万元。', ['XX'], ['*']],
    ['一、工作\n全年完成**项，**村参与。', ['**', '**'], []],
    ['一、工作\n某某同志带队检查。', ['某某'], []],
    ['一、工作\n××村完成改厕。', ['××'], []],
    ['一、工作\n制作3×4米的宣传牌。', [], []],
    ['一、工作\n在*镇、*村和*社区开展巡查，发现问题××个。', ['××'], ['*', '*', '*']],
    ['一、工作\n投入**万元，惠及*组群众。', ['**'], ['*']],
  ];
  it.each(cases)('%s', (text, placeholders, redactions) => {
    const r = parseReportText(text);
    expect(r.placeholders.map((p) => p.token)).toEqual(placeholders);
    expect(r.redactions.map((p) => p.token)).toEqual(redactions);
    for (const m of [...r.placeholders, ...r.redactions])
      expect(r.text.slice(m.offset, m.offset + m.token.length)).toBe(m.token);
  });

  it('does not count a redacted name as a blank figure', () => {
    const r = parseReportText('一、工作\n表彰*名先进个人，培训**名网格员。');
    expect(r.numbers.map((n) => [n.raw, n.value, n.placeholder])).toEqual([['**名', null, true]]);
  });
});

describe('closing paragraphs and 一是 runs', () => {
  const report = [
    '一、主要工作',
    '（一）产业发展',
    '引进种植大户3家，建成育苗大棚20个。',
    '（二）基层治理',
    '化解矛盾纠纷12起。',
    '此外，我还承担了以下工作：一是牵头防汛值守46天；二是联系帮扶企业5家。',
    '二、存在不足和下一步打算',
    '存在的不足：一是调研不够深入；二是统筹能力有待提高。',
    '下一步：一是加强学习；二是改进作风；三是狠抓落实，全年办实事10件。',
    '以上述职，请予评议。',
  ].join('\n');

  it('attaches a closing paragraph after the last subsection to the section it closes', () => {
    const r = parseReportText(report);
    const [work] = r.sections;
    expect(work!.trailing.map((p) => p.text.slice(0, 6))).toEqual(['此外，我还承']);
    expect(work!.children[1]!.paragraphs.map((p) => p.text)).toEqual(['化解矛盾纠纷12起。']);
    expect(where(report, '12起')).toBe('一/（二）');
    expect(where(report, '46天')).toBe('一/一是');
    expect(where(report, '5家')).toBe('一/二是');
    expect(r.closing.map((p) => p.text)).toEqual(['以上述职，请予评议。']);
  });

  it('gives every 一是 run of a section its own path', () => {
    expect(tree(report).filter((t) => t.startsWith('二'))).toEqual([
      '二 存在不足和下一步打算',
      '二/一是 调研不够深入',
      '二/二是 统筹能力有待提高',
      '二/第2组一是 加强学习',
      '二/第2组二是 改进作风',
      '二/第2组三是 狠抓落实，全年办实事10件',
    ]);
    expect(where(report, '10件')).toBe('二/第2组三是');
  });

  const cues: Array<[string, string]> = [
    ['同时，积极配合完成镇里中心工作：一是参与人口普查；二是参与森林防火。', '一'],
    ['在抓好分管工作的同时，主动承担信访值班：一是接待来访；二是跟踪回访。', '一'],
    ['总的来看，分管工作推进有序，但仍有短板。', '一'],
    ['化解积案2件，其余正在推进：一是逐案包保；二是定期会商。', '一/（二）'],
  ];
  it.each(cues)('puts “%s” under %s', (paragraph, path) => {
    const text = `一、主要工作\n（一）产业\n培育专业合作社4家。\n（二）治理\n化解矛盾纠纷12起。\n${paragraph}\n二、不足\n调研不深。`;
    const r = parseReportText(text);
    const section = flattenSections(r.sections).find((s) => s.path === path)!;
    expect([...section.paragraphs, ...section.trailing].map((p) => p.text)).toContain(paragraph);
  });

  it('keeps a cue paragraph in its subsection when another subsection follows', () => {
    const text =
      '一、主要工作\n（一）产业\n培育合作社4家。\n此外，新建冷库2座。\n（二）治理\n化解纠纷12起。';
    const r = parseReportText(text);
    expect(r.sections[0]!.trailing).toEqual([]);
    expect(r.sections[0]!.children[0]!.paragraphs.map((p) => p.text)).toEqual([
      '培育合作社4家。',
      '此外，新建冷库2座。',
    ]);
    expect(where(text, '2座')).toBe('一/（一）');
  });

  it('keeps text that ends the report out of the last section', () => {
    const text =
      '一、工作\n完成任务5项。\n二、打算\n狠抓落实。\n特此报告。\n述职人：张三\n2025年1月8日';
    const r = parseReportText(text);
    expect(r.closing.map((p) => p.text)).toEqual(['特此报告。', '述职人：张三', '2025年1月8日']);
    expect(r.sections[1]!.paragraphs.map((p) => p.text)).toEqual(['狠抓落实。']);
  });
});
