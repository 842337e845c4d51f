import { describe, expect, it } from 'vitest';
import { flattenSections, parseReportText, type ParsedReport } from './parse.ts';
import {
  hasReference,
  readReference,
  REFERENCE_FILES,
  REFERENCE_SKIP_MESSAGE,
} from './reference-corpus.ts';

if (!hasReference) console.warn(REFERENCE_SKIP_MESSAGE);

/** Level-1 and level-2 headings as "path heading", hand-written from reading the reports. */
function outline(r: ParsedReport): string[] {
  return flattenSections(r.sections)
    .filter((s) => s.level <= 2)
    .map((s) => `${s.path} ${s.heading}`);
}

function mention(r: ParsedReport, raw: string, nth = 0) {
  const found = r.numbers.filter((n) => n.raw === raw)[nth];
  if (!found) throw new Error(`no mention ${raw}`);
  return {
    value: found.value,
    unit: found.unit,
    approx: found.approx,
    subject: found.subject,
    at: found.sectionPath,
  };
}

describe.skipIf(!hasReference)('importer on the reference reports', () => {
  it('reads the propaganda member report (000): tree, news numbers, placeholders', () => {
    const r = parseReportText(readReference(REFERENCE_FILES.propaganda2023));
    expect(r.title).toBeNull();
    expect(r.preamble).toHaveLength(1);
    expect(outline(r)).toEqual([
      '一 思想政治情况',
      '二 意识形态工作',
      '三 新闻外宣工作',
      '四 组织工作',
      '四/（一） 扎实推进主题教育',
      '四/（二） 夯实组织保障',
      '四/（三） 强化阵地建设',
      '五 党风廉政方面',
      '六 用法学法方面',
      '七 存在不足和今后努力的方向',
    ]);
    const news = r.numbers.filter((n) => n.sectionPath === '三');
    expect(news.map((n) => [n.value, n.unit, n.approx, n.subject])).toEqual([
      [110, '条', '近', '宣传信息'],
      [500, '期', '余', '公众号'],
      [19, '期', null, '视频号'],
      [12, '篇', null, '国家级媒体推送刊发'],
      [7, '篇', null, '省级媒体推送刊发'],
      [1, '篇', null, '市级媒体推送刊发'],
      [19, '篇', null, '县媒体推送刊发'],
    ]);
    expect(mention(r, '100余亩')).toEqual({
      value: 100,
      unit: '亩',
      approx: '余',
      subject: '造地',
      at: '四/（一）/三是',
    });
    // 1-11月份 is a period, not a count.
    expect(r.numbers.some((n) => n.value === 11 || n.valueMax === 11)).toBe(false);
    // `**` is an unfilled figure; a single `*` hides a place name (a redaction, shown apart).
    expect(r.placeholders.map((p) => [p.token, p.sectionPath])).toEqual([['**', '']]);
    expect(r.redactions.map((p) => [p.token, p.sectionPath])).toEqual([
      ['*', '二/四是'],
      ['*', '二/四是'],
    ]);
    expect(r.redactions[0]!.context).toContain('与*镇');
  });

  it('reads the organisation clerk report (001): title, tree and all 43 `**` gaps', () => {
    const r = parseReportText(readReference(REFERENCE_FILES.organization2022));
    expect(r.title).toBe('乡镇组织干事、宣传专干2022年述职报告');
    expect(outline(r)).toEqual([
      '一 加强理论学习，不断提高自身素质',
      '二 认真履职尽责，高效完成重点工作',
      '二/（一） 基层党建工作',
      '二/（二） 宣传思想工作',
      '二/（三） 深入推进文明创建工作',
      '二/（四） 积极推进新时代文明实践工作',
      '三 坚持廉洁自律，树立良好对外形象',
      '四 存在问题及下一步打算',
    ]);
    // Counted by hand, paragraph by paragraph: 26 + 7 + 5 + 5.
    const stars = r.placeholders.filter((p) => p.token === '**');
    expect(stars).toHaveLength(43);
    expect(r.placeholders).toHaveLength(43);
    const perSection = (prefix: string) =>
      stars.filter((p) => p.sectionPath.startsWith(prefix)).length;
    expect([
      perSection('二/（一）'),
      perSection('二/（二）'),
      perSection('二/（三）'),
      perSection('二/（四）'),
    ]).toEqual([26, 7, 5, 5]);
    // Three of them hide village names (**村), the other 40 hide counts.
    expect(r.numbers.filter((n) => n.placeholder)).toHaveLength(40);
    expect(mention(r, '**余次')).toMatchObject({
      value: null,
      unit: '次',
      approx: '余',
      subject: '各支部集中学习',
    });
    expect(mention(r, '**万元')).toMatchObject({ value: null, unit: '万元', subject: '慰问金' });
    expect(mention(r, '**8场次')).toMatchObject({ value: 8, unit: '场次' });
    expect(mention(r, '192名')).toEqual({
      value: 192,
      unit: '名',
      approx: null,
      subject: '党员结对帮扶',
      at: '二/（一）/三是',
    });
  });

  it('reads the leader report (003): items as level 4, law subsections, numbers with units', () => {
    const r = parseReportText(readReference(REFERENCE_FILES.leader2023));
    expect(r.title).toBeNull();
    expect(outline(r)).toEqual([
      '一 聚焦理论武装，强化学习，不断提升政治修养',
      '二 聚集中心工作，履职尽责，扎实完成各项任务',
      '三 聚焦作风提升，廉洁自律，增强防腐拒变能力',
      '四 聚焦依法行政，学法用法，提高法治思维能力',
      '四/（一） 增强法治意识',
      '四/（二） 模范遵守法律',
      '四/（三） 严格依法行政',
      '五 存在问题',
      '六 下步打算',
    ]);
    const duty = r.sections[1]!;
    expect(duty.children.map((c) => `${c.marker}${c.heading}`)).toEqual([
      '一是扎实做好党建工作',
      '二是扎实开展产业振兴行动',
      '三是扎实推进农村人居环境整治',
      '四是扎实推进乡村振兴人才储备',
      '五是扎实作为惠民利民工作',
      '六是扎实做好信访稳定工作',
    ]);
    expect(mention(r, '5000万元')).toMatchObject({
      value: 5000,
      unit: '万元',
      subject: '社会资本投资',
      at: '二/一是',
    });
    expect(mention(r, '95%以上')).toMatchObject({
      value: 95,
      unit: '%',
      approx: '以上',
      subject: '群众满意度',
      at: '二/五是',
    });
    expect(mention(r, '1200余条')).toMatchObject({
      value: 1200,
      unit: '条',
      approx: '余',
      subject: '群众问题建议',
    });
    expect(mention(r, '14250余立方米')).toMatchObject({
      value: 14250,
      unit: '立方米',
      subject: '建筑垃圾',
      at: '二/三是',
    });
    expect(mention(r, '1543座')).toMatchObject({ value: 1543, subject: '卫生厕所' });
    expect(mention(r, '26件')).toMatchObject({
      value: 26,
      unit: '件',
      subject: '突出信访案件',
      at: '二/六是',
    });
    expect(mention(r, '46人')).toMatchObject({ value: 46, unit: '人', subject: '息诉罢访' });
    expect(mention(r, '5万亩')).toMatchObject({ value: 5, unit: '万亩', subject: '特色红薯' });
    expect(mention(r, '超20万元')).toMatchObject({ value: 20, approx: '超' });
    // Years, "12345热线" and slogans such as “四个意识” / 中央八项规定 are not counts.
    expect(r.numbers.some((n) => /2023|12345|八项|四个/u.test(n.raw))).toBe(false);
    expect(r.numbers).toHaveLength(32);
    expect(r.placeholders).toEqual([]);
  });
});
