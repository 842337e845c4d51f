/**
 * 话术库 — our own formal sentence patterns for every report section, with `{slot}` markers that
 * the composer fills with text or number chips; alternatives are chosen deterministically by seed.
 */
import type { Inline } from './model.ts';

export const PHRASES = {
  opening: [
    '{year}年，我担任{title}，分管{portfolios}等工作。在镇党委的坚强领导和班子成员的支持配合下，我坚持边学边干、边干边改，较好完成了年度各项任务。现将一年来的履职情况报告如下。',
    '{year}年以来，我在{title}岗位上，具体负责{portfolios}等方面的工作。一年来，在组织的关心和同志们的帮助下，我努力做到守土有责、守土尽责。下面，我把全年的履职情况向大家作个汇报。',
    '过去的一年，我作为{title}，主要承担{portfolios}等分管任务。在镇党委的统一部署下，我坚持把心思用在干事上、把精力放在落实上。现就本人全年工作情况报告如下，请予评议。',
  ],
  study: {
    lead: [
      '我始终把政治理论学习摆在首位，用党的创新理论武装头脑、指导实践。',
      '一年来，我把学习当作履职的基本功，努力做到学有所思、思有所得。',
      '我坚持先学一步、学深一层，注重在学习中提升把方向、抓落实的本领。',
    ],
    method: [
      '采取集体研讨、专题辅导与个人自学互相补充的办法，系统研读党章党规和上级重要会议文件。',
      '利用中心组学习、支部“三会一课”和网络学习平台，做到工作日有计划、周末有安排。',
      '在读原著、学原文的同时，结合分管工作梳理问题清单，带着问题去学、对照问题去改。',
    ],
    effect: [
      '学用结合方面，我注意把学习体会转化为解决群众急事难事的具体办法。',
      '通过持续学习，自己看问题的站位有所提高，处理复杂事务也更有章法。',
      '学习的收获体现在工作中，就是谋划分管工作时思路更清、底气更足。',
    ],
  },
  /** Sentence frames around a list of "label + chip" items. */
  metrics: [
    '全年{items}。',
    '从台账记录看，{items}。',
    '据系统统计，{items}。',
    '一年来，{items}。',
  ],
  highlights: [
    '其中，{records}等工作推进较为顺利。',
    '全年重点抓了{records}等事项。',
    '比较有代表性的工作有{records}。',
  ],
  integrity: {
    lead: [
      '我严格执行中央八项规定及其实施细则精神，自觉抵制形式主义、官僚主义。',
      '我时刻把纪律挺在前面，经常对照党章党规检视自己的言行。',
    ],
    conduct: [
      '在用车、办公用房、公务接待等方面从严要求自己，按规定如实报告个人有关事项。',
      '在工程项目、资金使用等敏感事项上坚持集体研究、按程序办理，不搞个人说了算。',
    ],
    supervision: [
      '对亲属和身边工作人员严格要求，主动接受组织监督和群众监督。',
      '做到有令即行、有禁即止，干干净净做事、清清白白做人。',
    ],
  },
  law: {
    lead: [
      '我把学习宪法和法律法规当作必修课，认真参加年度学法用法考试。',
      '我注重提升自身的法治素养，经常学习与分管工作相关的法律法规。',
    ],
    practice: [
      '研究决策重大事项时，坚持先问合法性、再议可行性，严格履行法定程序。',
      '处理群众诉求和矛盾纠纷时，坚持依法依规、讲清政策，不以情代法。',
    ],
    effect: [
      '工作中注重用法治思维和法治方式化解矛盾，引导群众依法理性表达诉求。',
      '同时带头参与普法宣传，推动分管领域形成办事依法、遇事找法的风气。',
    ],
  },
  shortcomings: {
    lead: [
      '回顾全年工作，对照组织要求和群众期盼，我还存在一些短板：',
      '在看到成绩的同时，我也清醒地认识到自身存在的不足，主要有：',
    ],
    overdue: [
      '工作时效还有差距，全年有{overdueCount}诉求工单未能在规定时限内办结，跟踪督办还不够紧。',
      '办理时效需要提高，超期办结的工单共有{overdueCount}，说明过程盯办还有漏洞。',
    ],
    satisfaction: [
      '群众满意度仍有提升空间，回访满意率为{satisfactionRate}，与群众期待还有距离。',
      '服务质量还要再提高，全年回访满意率是{satisfactionRate}，个别诉求没有办到群众心坎上。',
    ],
    unsatisfied: [
      '部分诉求办理质量不高，回访时仍有{unsatisfiedCount}工单群众表示不满意。',
      '个别问题解决得不够彻底，回访中群众不满意的工单有{unsatisfiedCount}。',
    ],
    emptyLedger: [
      '基础工作不够扎实，{emptyLedgerName}台账全年没有形成有效记录。',
      '资料留痕意识不强，{emptyLedgerName}台账记录存在空档。',
    ],
    metricDrop: [
      '部分工作有所下滑，{metricDropLabel}为{current}，低于上一年度的{previous}。',
      '个别指标出现回落，{metricDropLabel}由上年的{previous}降到{current}。',
    ],
    generic: [
      '调查研究还不够深入，到村组一线蹲点解剖问题的时间偏少。',
      '创新意识不够强，有时习惯用老办法应对新情况。',
      '统筹能力有待加强，任务集中时偶有顾此失彼的情况。',
    ],
  },
  plans: {
    lead: ['{nextYear}年，我将重点从以下几个方面改进提高：', '下一步，我将围绕以下几点持续用力：'],
    overdue: ['把工单办理时效作为突破口，推行逐单跟踪、临期提醒，减少超期办结。'],
    satisfaction: ['对群众不满意的工单逐件回访复盘，找准症结、改进作风。'],
    emptyLedger: ['规范台账日常记录，做到工作有痕迹、数据可追溯。'],
    generic: [
      '持续加强理论学习和业务学习，不断提升履职本领。',
      '严格落实廉洁从政各项规定，始终守牢纪律底线。',
    ],
  },
  /** Honest gap when a portfolio has no recorded data: lint flags it until someone fills it. */
  missingData: [
    '【待补充：系统中本年度没有{portfolioLabel}方面的台账或指标记录，请先补录台账再重新生成，或在此处手工填写】',
  ],
  /** A section the template names but the phrase bank has nothing for (custom sections). */
  missingSection: ['【待补充：请在此处填写“{heading}”部分的内容】'],
} as const;

/** FNV-1a over the seed and the slot key: the same seed always drafts the same report. */
function hash(seed: number, key: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Chooses among alternatives by seed, preferring one not used yet in this report. */
export class PhrasePicker {
  private readonly used = new Set<string>();
  constructor(private readonly seed: number) {}

  pick(options: readonly string[], key: string): string {
    if (options.length === 0) throw new RangeError(`no phrase for ${key}`);
    const start = hash(this.seed, key) % options.length;
    for (let i = 0; i < options.length; i++) {
      const candidate = options[(start + i) % options.length]!;
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        return candidate;
      }
    }
    return options[start]!;
  }
}

export type SlotValue = string | Inline | readonly Inline[];

/** Expands `{slot}` markers into inlines; an unknown slot is a phrase-bank bug, so it throws. */
export function fillPattern(pattern: string, slots: Record<string, SlotValue>): Inline[] {
  const out: Inline[] = [];
  const push = (i: Inline) => {
    const last = out[out.length - 1];
    if (i.type === 'text' && last?.type === 'text') last.text += i.text;
    else if (i.type !== 'text' || i.text !== '') out.push(i.type === 'text' ? { ...i } : i);
  };
  for (const part of pattern.split(/(\{[A-Za-z]+\})/u)) {
    const m = /^\{([A-Za-z]+)\}$/u.exec(part);
    if (!m) {
      push({ type: 'text', text: part });
      continue;
    }
    const value = slots[m[1]!];
    if (value === undefined) throw new RangeError(`phrase slot {${m[1]}} has no value`);
    if (typeof value === 'string') push({ type: 'text', text: value });
    else if (Array.isArray(value)) (value as readonly Inline[]).forEach(push);
    else push(value as Inline);
  }
  return out;
}

/** Every sentence pattern in the bank, for the originality guard. */
export function allPhraseTexts(): string[] {
  const walk = (v: unknown): string[] =>
    typeof v === 'string'
      ? [v]
      : Array.isArray(v)
        ? v.flatMap(walk)
        : typeof v === 'object' && v
          ? Object.values(v).flatMap(walk)
          : [];
  return walk(PHRASES);
}
