/**
 * Measure words (量词) and units (单位) a township report counts in, well beyond the metric
 * catalogue's: individual and collective measure words, verbal measures, compound "人次"-style
 * measures, units of length, area, volume, mass, money and time; and words that hold a numeral but
 * count nothing (三轮车, 一把手, 千家万户). parse-numbers.ts builds its pattern from these lists.
 *
 * Many measure words also start ordinary words (方面, 分之, 成员, 台账): an entry "方|面式法" is the
 * measure word 方 unless the next character is one of 面式法.
 */

/** Individual measure words: what one thing is counted as. */
const INDIVIDUAL = [
  '个',
  '件',
  '名|单称义额',
  '位|于置列',
  '人|民才',
  '户|籍口外型',
  '家|庭园乡长属风',
  '所|在有以属谓',
  '座|谈位',
  '栋',
  '幢',
  '间|隔',
  '套|餐路',
  '处|理置罚分长室',
  '条|件例款理',
  '项|目',
  '篇',
  '份|额子量',
  '本|身地领人着质',
  '册',
  '部|门署分长队',
  '张|贴挂力',
  '台|账阶湾风',
  '辆',
  '艘',
  '架|构子',
  '只|是有要能',
  '头|脑等目版条同并兼',
  '匹',
  '口|号径头罩岸子',
  '棵',
  '株',
  '棒',
  '筐',
  '根|本据源治',
  '块|钱',
  '片|区面',
  '盏',
  '道|路德理',
  '门|诊户类口槛',
  '面|对临向积貌上',
  '幅|度',
  '首|府都先次位',
  '封|闭控存面顶',
  '单|位元独据项',
  '笔',
  '宗|旨教族',
  '起|草来到步点诉',
  '例|会如',
  '枚',
  '颗',
  '粒',
  '把|手关握',
  '对|接照象标于口比外待话',
  '双|方向',
  '眼|光界睛',
  '杆',
  '节|约能日点假省',
  '层|面级次',
] as const;

/** Collective measure words: groups, batches, rounds, sessions, kinds. */
const COLLECTIVE = [
  '批',
  '支|部持援付出',
  '队|伍员长',
  '组|织长建成员',
  '班|子长',
  '届|历中全人代一二三四五六七八九十',
  '期|间限',
  '场|所地景',
  '轮',
  '类|别型',
  '种|植子类养',
  '箱',
  '包|括保联村户片',
  '袋',
  '车|间辆库位站',
  '桌',
  '堂',
  '课|题程时',
  '讲|话解座究师',
  '季|度节',
  '茬',
] as const;

/** Verbal measures (动量词): how often something was done. */
const VERBAL = ['次', '趟', '遍', '番'] as const;

/** Compound measures: people, households or events times occasions, hours of teaching. */
const COMPOUND = [
  '人次',
  '户次',
  '场次',
  '车次',
  '架次',
  '批次',
  '篇次',
  '期次',
  '条次',
  '件次',
  '个次',
  '班次',
  '台次',
  '轮次',
  '辆次',
  '艘次',
  '家次',
  '频次',
  '课时',
  '学时',
  '人日',
  '工日',
] as const;

/** Units of length, area, volume, mass and energy (GB 3100 names and their common Chinese forms). */
const MEASURES = [
  '公里',
  '千米',
  '延米',
  '米',
  '厘米',
  '毫米',
  '平方米',
  '平方公里',
  '平方千米',
  '平米',
  '公顷',
  '亩',
  '立方米',
  '方|面式法案针向位便略阵',
  '升',
  '毫升',
  '吨',
  '千克',
  '公斤',
  '克',
  '斤',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '度|过',
] as const;

/** Money. */
const MONEY = ['元'] as const;

/** Durations (a date's 年/月/日 is not a count: see parse-numbers.ts). */
const DURATIONS = ['个月', '个工作日', '工作日', '天', '小时', '分钟', '周|年岁边末'] as const;

/** Ratios, shares and scores. */
const RATIOS = [
  '%',
  '％',
  '个百分点',
  '百分点',
  '倍',
  '成|员为立效果绩本功熟',
  '分|之钟别享配析类期局会公段',
] as const;

/** Larger magnitudes a unit can carry: 1.2万人, 3亿元, 5千册. */
export const MAGNITUDES = ['万', '亿', '千'] as const;

export interface MeasureWord {
  word: string;
  /** Characters that, following the word, make it the start of another word (方面, 台账). */
  notBefore: string;
}

const entry = (spec: string): MeasureWord => {
  const [word, notBefore = ''] = spec.split('|') as [string, string?];
  return { word, notBefore };
};

/** Every measure word and unit, longest first so 平方公里 wins over 公里 and 人次 over 人. */
export const MEASURE_WORDS: readonly MeasureWord[] = [
  ...COMPOUND,
  ...MEASURES,
  ...MONEY,
  ...DURATIONS,
  ...RATIOS,
  ...INDIVIDUAL,
  ...COLLECTIVE,
  ...VERBAL,
]
  .map(entry)
  .sort((a, b) => b.word.length - a.word.length);

/**
 * Words with a numeral that count nothing: slogans, titles, vehicles, idioms. A number found
 * inside one of these is not a figure. (Quoted slogans — “三会一课” — are skipped anyway.)
 */
export const NOT_FIGURES: readonly string[] = [
  // Party and government shorthand
  '三会一课',
  '两学一做',
  '两委',
  '一把手',
  '二把手',
  '三把手',
  '一肩挑',
  '三重一大',
  '四议两公开',
  '三张清单',
  '门前三包',
  '两项补贴',
  '两不愁三保障',
  '三个代表',
  '四个全面',
  '五位一体',
  '三位一体',
  '四位一体',
  '两个维护',
  '两个确立',
  '四个意识',
  '四个自信',
  '两个一百年',
  '三个一批',
  '五个一工程',
  '三严三实',
  '八项规定',
  '一岗双责',
  '一票否决',
  '一事一议',
  '一村一品',
  '一户一策',
  '六稳六保',
  '四下基层',
  '三下乡',
  '三大攻坚战',
  '十四五',
  '十五五',
  '十三五',
  '两新组织',
  '三务公开',
  '三留守',
  '两节期间',
  '两节前后',
  '双报到',
  '一网通办',
  '一网统管',
  '最多跑一次',
  // Things named by a numeral
  '三轮车',
  '两轮车',
  '四轮车',
  '两轮电动车',
  '三轮摩托',
  '二维码',
  '四合院',
  '八仙桌',
  '十字路口',
  // Idioms and plain words
  '千家万户',
  '千方百计',
  '三番五次',
  '三五成群',
  '四面八方',
  '五湖四海',
  '十里八乡',
  '一五一十',
  '十全十美',
  '三心二意',
  '七上八下',
  '三令五申',
  '两手抓',
  '两张皮',
  '八小时内外',
  '八小时以外',
  '八小时之外',
  '十分',
  '万分',
  '百分百',
];
