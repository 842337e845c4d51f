/**
 * The number parser on sentences written for these tests (not taken from any report): measure
 * words and units well beyond the metric catalogue, blanks, magnitudes and percentages written
 * out, and words that hold a numeral but count nothing.
 */
import { describe, expect, it } from 'vitest';
import { MEASURE_WORDS } from './measure-words.ts';
import { extractNumbers } from './parse-numbers.ts';

const read = (text: string) =>
  extractNumbers(text).map((n) => ({
    raw: n.raw,
    value: n.value,
    unit: n.unit,
    ...(n.approx ? { approx: n.approx } : {}),
    ...(n.valueMax !== null ? { valueMax: n.valueMax } : {}),
  }));

describe('extractNumbers: measure words and units', () => {
  const cases: Array<[string, string, number | null, string, Record<string, unknown>?]> = [
    // buildings and places
    ['易地搬迁点新建安置房32栋', '32栋', 32, '栋'],
    ['改造老旧住宅6幢', '6幢', 6, '幢'],
    ['修缮村级活动室9间', '9间', 9, '间'],
    ['打机井5眼，解决旱地灌溉', '5眼', 5, '眼'],
    ['新建公厕14座', '14座', 14, '座'],
    ['排查地灾隐患点27处', '27处', 27, '处'],
    // lengths, areas, volumes, masses
    ['硬化通组路4.6公里', '4.6公里', 4.6, '公里'],
    ['清理沟渠1800延米', '1800延米', 1800, '延米'],
    ['完成植树造林1200亩', '1200亩', 1200, '亩'],
    ['流转撂荒地85公顷', '85公顷', 85, '公顷'],
    ['新建晾晒场3600平方米', '3600平方米', 3600, '平方米'],
    ['治理水土流失面积2.5平方公里', '2.5平方公里', 2.5, '平方公里'],
    ['河道清淤8000立方米', '8000立方米', 8000, '立方米'],
    ['拉运土石方2000方', '2000方', 2000, '方'],
    ['清运生活垃圾460吨', '460吨', 460, '吨'],
    ['发放良种12000公斤', '12000公斤', 12000, '公斤'],
    ['栽植樱桃苗2.4万株', '2.4万株', 2.4, '万株'],
    ['发展食用菌8万棒', '8万棒', 8, '万棒'],
    ['耕地保护面积稳定在3.2万亩', '3.2万亩', 3.2, '万亩'],
    // things, batches, rounds
    ['安装太阳能路灯150盏', '150盏', 150, '盏'],
    ['更换宣传展板18块', '18块', 18, '块'],
    ['印发政策明白卡3000张', '3000张', 3000, '张'],
    ['配备应急救援车辆4辆', '4辆', 4, '辆'],
    ['新增停车泊位120个', '120个', 120, '个'],
    ['发放慰问品200份', '200份', 200, '份'],
    ['购置分类垃圾桶300只', '300只', 300, '只'],
    ['组建志愿服务队12支', '12支', 12, '支'],
    ['接待来访群众56批次', '56批次', 56, '批次'],
    ['出动执法车辆45台次', '45台次', 45, '台次'],
    ['举办技能培训280人次', '280人次', 280, '人次'],
    ['开展普法讲座15场次', '15场次', 15, '场次'],
    ['完成民兵训练24课时', '24课时', 24, '课时'],
    ['组织护林员巡山3轮', '3轮', 3, '轮'],
    // cases and matters
    ['调解邻里纠纷63起', '63起', 63, '起'],
    ['查处违法占地案件9宗', '9宗', 9, '宗'],
    ['筛查出高血压患者41例', '41例', 41, '例'],
    ['办理群众急难事项150件', '150件', 150, '件'],
    // time, money, ratios
    ['累计志愿服务320小时', '320小时', 320, '小时'],
    ['审批时限压缩到3个工作日', '3个工作日', 3, '个工作日'],
    ['连续6个月开展夜查', '6个月', 6, '个月'],
    ['争取上级资金1.2亿元', '1.2亿元', 1.2, '亿元'],
    ['人均增收860元', '860元', 860, '元'],
    ['参保率较上年提高2.5个百分点', '2.5个百分点', 2.5, '个百分点'],
    ['村集体收入增长1.8倍', '1.8倍', 1.8, '倍'],
    ['群众满意度达九成以上', '九成以上', 9, '成', { approx: '以上' }],
    ['全镇百分之九十五的农户', '百分之九十五', 95, '%'],
    ['考核得分93.5分', '93.5分', 93.5, '分'],
    // magnitudes, approximations, ranges, separators
    ['惠及群众3万余人', '3万余人', 3, '万人', { approx: '余' }],
    ['落实项目资金300余万元', '300余万元', 300, '万元', { approx: '余' }],
    ['服务覆盖1,200户', '1,200户', 1200, '户'],
    ['每户走访三至五次', '三至五次', 3, '次', { valueMax: 5 }],
    ['转移群众近百人', '近百人', 100, '人', { approx: '近' }],
    // blanks left by the author
    ['全年培训党员XX名', 'XX名', null, '名'],
    ['投入资金××万元', '××万元', null, '万元'],
    ['走访困难户**户', '**户', null, '户'],
  ];
  it.each(cases)('%s → %s', (sentence, raw, value, unit, extra = {}) => {
    expect(read(sentence)).toEqual([{ raw, value, unit, ...extra }]);
  });

  it('knows every measure word of a broad list, each in a sentence of its own', () => {
    // Measure words and units checked one by one (a list independent of the parser's own): each
    // must read as a count after an Arabic figure.
    const broad =
      '个件名位人户家所座栋幢间套处条项篇份本册部张台辆艘架只头匹口棵株根块片盏道门面幅首封单笔宗起例枚颗粒把' +
      '对双眼杆节层批支队组班届期场轮类种箱包袋车桌堂课讲季茬次趟遍番元亩吨米方升克斤倍成分天周';
    const compound = [
      '人次',
      '户次',
      '场次',
      '车次',
      '批次',
      '件次',
      '台次',
      '课时',
      '学时',
      '公里',
      '千米',
      '延米',
      '平方米',
      '平方公里',
      '公顷',
      '立方米',
      '公斤',
      '千克',
      '千瓦时',
      '小时',
      '分钟',
      '个月',
      '工作日',
      '个百分点',
      '万元',
      '亿元',
      '万人',
      '万户',
      '万株',
    ];
    const missing = [...broad, ...compound].filter((unit) => {
      const found = extractNumbers(`全年共计7${unit}。`);
      return !(found.length === 1 && found[0]!.value === 7 && found[0]!.unit === unit);
    });
    expect(missing).toEqual([]);
    expect(MEASURE_WORDS.length).toBeGreaterThan(120);
  });
});

describe('extractNumbers: words with a numeral that are no figures', () => {
  const cases: string[] = [
    '为保洁员配发三轮车，垃圾日产日清',
    '压实一把手责任，层层传导压力',
    '配齐配强村两委班子',
    '坚持三会一课制度不走样',
    '把政策送进千家万户',
    '三番五次上门做工作',
    '镇党委十分重视这项工作',
    '推动领导干部四下基层常态化',
    '三分之一以上的村实现集体增收',
    '坚持两手抓、两手都要硬',
    '建立县乡两级联动机制',
    '学习党的二十届三中全会精神',
    '组织大学生志愿者三下乡',
    '从三个方面查找差距',
    '宣传阵地和信息报送两头同时用力',
    '严守八小时以外的纪律',
    '落实一村一品产业规划',
    '围绕十四五规划目标',
    '五位一体总体布局',
    '2024年12月31日前完成',
    '3月份启动，11月底收尾',
    '12345热线工单全部回访',
  ];
  it.each(cases)('%s', (sentence) => {
    expect(read(sentence)).toEqual([]);
  });

  it('still counts the figure next to such a word', () => {
    expect(read('为保洁员配发三轮车12辆')).toEqual([{ raw: '12辆', value: 12, unit: '辆' }]);
    expect(read('三轮清查共排查出问题9个')).toEqual([
      { raw: '三轮', value: 3, unit: '轮' },
      { raw: '9个', value: 9, unit: '个' },
    ]);
  });
});
