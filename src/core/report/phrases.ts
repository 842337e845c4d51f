/**
 * 话术库 — our own formal sentence patterns for every report section, with `{slot}` markers that
 * the composer fills with text or number chips; alternatives are chosen deterministically by seed.
 */
import type { Inline } from './model.ts';
import { AREA_PHRASES, GENERIC_AREA } from './phrases-areas.ts';
import { AREA_MORE } from './phrases-areas-more.ts';
import { INTEGRITY, LAW, STUDY } from './phrases-personal.ts';

export const PHRASES = {
  /** Opening paragraph by voice: {year} {title} {portfolios}. */
  opening: {
    principal: [
      '{year}年，我担任{title}，主持全面工作，同时牵头{portfolios}等工作。{liaison}' +
        '在上级党委的坚强领导下，我团结带领班子成员和全镇干部，较好完成了年度目标任务。现将一年来的履职情况报告如下，请予评议。',
      '{year}年是我担任{title}的又一年。{liaison}围绕年初确定的目标，我把主要精力放在抓班子、带队伍、促发展上，具体牵头{portfolios}等工作。下面将全年履职情况作简要汇报。',
      '过去一年，我作为{title}，在县委、县政府的领导下主持全面工作，重点抓了{portfolios}等方面。{liaison}现就本人全年学习、履职、廉洁、守法等情况报告如下。',
    ],
    member: [
      '{year}年，我担任{title}，分管{portfolios}等工作。{liaison}在镇党委的坚强领导和班子成员的支持配合下，我坚持边学边干、边干边改，较好完成了年度各项任务。现将一年来的履职情况报告如下。',
      '{year}年以来，我在{title}岗位上，具体负责{portfolios}等方面的工作。{liaison}一年来，在组织的关心和同志们的帮助下，我努力做到守土有责、守土尽责。下面，我把全年的履职情况向大家作个汇报。',
      '过去的一年，我作为{title}，主要承担{portfolios}等分管任务。{liaison}在镇党委的统一部署下，我坚持把心思用在干事上、把精力放在落实上。现就本人全年工作情况报告如下，请予评议。',
    ],
    staff: [
      '{year}年，我在{title}岗位上，主要承担{portfolios}等方面的具体工作。{liaison}在镇党委、政府和分管领导的指导下，我认真完成了岗位职责和交办任务。现将一年来的工作情况报告如下。',
      '{year}年以来，我作为{title}，负责{portfolios}等日常业务。{liaison}一年来，在领导的关心和同事们的帮助下，我边学边干，业务能力有所提高。下面将全年工作情况汇报如下。',
      '过去一年，我在{title}岗位上，具体经办{portfolios}等事务。{liaison}我坚持把每一项交办的工作办实办细。现将本人履职情况报告如下，请批评指正。',
    ],
    village: [
      '{year}年，我担任{title}，带领村“两委”班子抓好{portfolios}等工作。{liaison}在镇党委、政府的领导和包村干部的帮助下，村里的各项工作总体平稳推进。现将一年来的履职情况报告如下。',
      '{year}年以来，我在{title}岗位上，和村“两委”班子一道，围绕{portfolios}等工作抓落实。{liaison}下面，我把一年来的工作向大家作个汇报，请党员和村民代表评议。',
      '过去一年，作为{title}，我把主要精力放在{portfolios}上。{liaison}在镇党委的关心指导和全村党员群众的支持下，村里办成了一批实事。现将履职情况报告如下。',
    ],
  },
  /** After the first sentence of the opening: the villages the person is liaison for. */
  liaison: [
    '我同时联系{villages}，经常到村里了解情况、协调解决问题。',
    '按照包联安排，我还负责联系{villages}。',
    '此外，我包联{villages}，坚持每月到村走访。',
  ],
  /** A staff member's own books (in the opening, where a leader names their liaison villages). */
  books: [
    '日常具体负责{books}等台账的记录、核对和报送，努力做到底数清、情况明。',
    '平时负责{books}等台账的日常记录和数据报送，按月核对更新。',
    '{books}等台账的记录和报送由我具体经手，我坚持当天的事当天记。',
  ],
  /** Why a shortcoming happened, said after it (by topic). */
  cause: {
    overdue: [
      '主要是对承办单位的过程督办抓得不紧',
      '根源在于临期工单的提醒和调度还不到位',
      '反映出难办件会商协调还不够及时',
    ],
    openOverdue: ['主要是个别承办单位推诿拖延，督办措施不够硬', '说明对疑难工单的跟踪问效还不够'],
    satisfaction: ['说明有的诉求只是办了，没有真正办好', '反映出办理中与群众沟通解释不够'],
    emptyLedger: ['主要是日常记录的责任没有落实到人', '说明平时重干事、轻留痕的问题还存在'],
    decline: [
      '既有客观因素，也有工作抓得不够紧的原因',
      '说明工作力度没有始终保持',
      '反映出推动工作的后劲还需要加强',
    ],
    openProblems: ['说明源头治理和部门协同还不够有力', '反映出整改责任落实还不够到位'],
    generic: [
      '需要在今后的工作中认真加以改进',
      '这些问题虽然不大，但影响工作成效',
      '究其原因，还是自我要求不够严',
      '说到底是主动作为的意识还不够强',
    ],
  },
  shortcomings: {
    lead: [
      '回顾全年工作，对照组织要求和群众期盼，我还存在一些短板：',
      '在看到成绩的同时，我也清醒地认识到自身存在的不足，主要有：',
      '一年来的工作虽然取得了一些进展，但对照台账数据和群众评价，还有以下不足：',
      '认真查摆起来，自身和分管工作中还存在一些问题：',
    ],
    overdue: [
      '工作时效还有差距，全年有{overdueCount}诉求工单超过时限才办结，跟踪督办还不够紧',
      '办理时效需要提高，超期办结的工单共有{overdueCount}，说明过程盯办还有漏洞',
      '接诉即办的速度还不够快，有{overdueCount}工单没有在时限内办结，个别承办单位存在拖延',
    ],
    openOverdue: [
      '还有{openOverdueCount}工单已超过办理时限仍未办结，积压问题需要尽快清理',
      '部分工单办理拖沓，目前仍有{openOverdueCount}超期未办结',
      '积压工单清理不够及时，至今仍有{openOverdueCount}超过时限没有办结',
    ],
    satisfaction: [
      '群众满意度仍有提升空间，回访满意率为{satisfactionRate}，与群众期待还有距离',
      '服务质量还要再提高，全年回访满意率是{satisfactionRate}，个别诉求没有办到群众心坎上',
      '群众评价还不够理想，回访满意率只有{satisfactionRate}，说明有的诉求办得不够实',
    ],
    unsatisfied: [
      '部分诉求办理质量不高，回访时仍有{unsatisfiedCount}工单群众表示不满意',
      '个别问题解决得不够彻底，回访中群众不满意的工单有{unsatisfiedCount}',
      '回访发现仍有{unsatisfiedCount}工单群众不满意，办理中解释沟通还不到位',
    ],
    emptyLedger: [
      '{portfolioLabel}方面的基础工作不够扎实，{emptyLedgerName}台账本年度没有形成记录',
      '资料留痕意识不强，{portfolioLabel}中的{emptyLedgerName}台账记录存在空档',
      '{portfolioLabel}的台账管理存在短板，{emptyLedgerName}台账本年度还是空白',
    ],
    decline: [
      '{portfolioLabel}方面有所下滑，{declineText}',
      '{portfolioLabel}工作的力度有所减弱，{declineText}',
      '{portfolioLabel}的个别指标出现回落，{declineText}',
    ],
    openProblems: [
      '群众反映集中的{problemTitles}等问题还没有整改销号，源头治理还要加力',
      '问题清单中的{problemTitles}等事项至今仍未销号，整改进度偏慢',
      '{problemTitles}等问题清单事项整改进展偏慢，还没有形成闭环',
    ],
    generic: {
      principal: [
        '抓统筹的精力分配还不够均衡，对个别薄弱村的指导不够到位',
        '调查研究还不够深入，到村组一线蹲点解剖问题的时间偏少',
        '推动工作有时偏重部署、督促落实的后半篇文章做得不够',
        '对干部的日常管理和关心激励还有欠缺，少数干部的干劲没有充分调动起来',
      ],
      member: [
        '调查研究还不够深入，到村组一线蹲点解剖问题的时间偏少',
        '创新意识不够强，有时习惯用老办法应对新情况',
        '统筹能力有待加强，任务集中时偶有顾此失彼的情况',
        '对分管站所的督促检查还不够经常，发现问题后跟踪问效不够',
      ],
      staff: [
        '业务知识还不够全面，遇到新政策新要求时上手偏慢',
        '工作主动性有待增强，有时满足于完成交办任务',
        '深入群众不够，对基层的实际情况掌握还不够细',
        '材料和台账的规范程度还有欠缺，个别记录不够及时',
      ],
      village: [
        '带领村民发展产业的办法不多，村集体增收的路子还不够宽',
        '对年轻党员和后备力量的培养还不够用心',
        '村务管理中有时凭经验办事，制度执行还不够严格',
        '入户走访还不够经常，对部分困难群众的情况掌握不够及时',
      ],
    },
  },
  plans: {
    lead: [
      '{nextYear}年，我将重点从以下几个方面改进提高：',
      '下一步，我将围绕以下几点持续用力：',
      '针对上述不足，{nextYear}年我打算着重做好以下工作：',
      '新的一年，我将在以下方面下功夫：',
      '{nextYear}年，我将把群众满意作为标尺，着力做好以下几件事：',
    ],
    overdue: [
      '把工单办理时效作为突破口，推行逐单跟踪、临期提醒，减少超期办结',
      '对临近时限的工单每日调度，确保件件按时办结',
      '把超期工单作为重点，逐件查找原因，督促承办单位压缩办理时限',
    ],
    openOverdue: [
      '对已超期的工单建立清单、逐件督办，限期清零',
      '集中清理超期积压工单，对拖延办理的承办单位通报督促',
      '对积压超期的工单组织专班集中攻坚，做到按期清零',
    ],
    satisfaction: [
      '对群众不满意的工单逐件回访复盘，找准症结、改进作风',
      '把群众评价作为办理工作的最终标准，不满意的工单重新办理到位',
      '对回访不满意的工单逐件复盘，能重新办理的重新办理到位',
    ],
    emptyLedger: [
      '规范{portfolioLabel}台账日常记录，做到工作有痕迹、数据可追溯',
      '明确{portfolioLabel}各项台账的记录责任人，按月检查更新',
      '补齐{portfolioLabel}台账的空白，把日常工作及时记录在案',
    ],
    decline: [
      '针对{portfolioLabel}中出现回落的工作，找准原因、补齐短板，力争恢复并超过上年水平',
      '对{portfolioLabel}回落的指标逐项分析，制定措施、按季推进',
      '对{portfolioLabel}中回落的工作找准症结，拿出改进的具体办法',
    ],
    openProblems: [
      '对问题清单中未销号的事项逐项明确责任人和时限，整改到位一项销号一项',
      '盯紧未销号的问题清单事项，每月调度整改进度',
      '推动问题清单未销号事项加快整改，整改一件、销号一件',
    ],
    generic: [
      '持续加强理论学习和业务学习，不断提升履职本领',
      '严格落实廉洁从政各项规定，始终守牢纪律底线',
      '多到基层一线调研，把群众反映的问题作为改进工作的方向',
      '加强与班子成员和各站所的沟通协作，形成工作合力',
    ],
    /** A last sentence for a short draft's plans (its records leave little else to say). */
    closing: [
      '新的一年，我会把今年的经验和教训带到工作中，守好岗位、办好实事，不辜负组织的培养和群众的信任。',
      '我愿意接受组织和同事们的监督，扬长补短，把手头每一项工作做得更扎实、更细致。',
      '今后我将始终保持踏实肯干的劲头，把每一件小事办好、把每一本台账记实，用实绩回应大家的期待。',
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

/** A writer's place (`rank`, from 0) among `size` colleagues drafting from one seed. */
export interface Peers {
  rank: number;
  size: number;
}

/**
 * Where `rank` stands in a shuffle of 0…size-1 drawn for the slot: taken modulo a slot's number of
 * alternatives, the colleagues spread over them evenly, and which of them share an alternative
 * changes from slot to slot (a fixed offset would pair the same two people everywhere).
 */
function peerOffset(seed: number, key: string, { rank, size }: Peers): number {
  const order = Array.from({ length: size }, (_, i) => i);
  let state = hash(seed, `${key}#peers`);
  for (let i = size - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order[rank % size]!;
}

/** Chooses among alternatives by seed, preferring one not used yet in this report. */
export class PhrasePicker {
  private readonly used = new Set<string>();
  /**
   * `turn` (the report's year) moves every first choice on by one a year, so a person's drafts of
   * consecutive years never open a part with the same wording (lint's 与上年雷同 would flag it).
   * `peers` spreads colleagues who share the seed over the alternatives.
   */
  constructor(
    private readonly seed: number,
    private readonly turn = 0,
    private readonly peers?: Peers,
  ) {}

  isUsed(option: string): boolean {
    return this.used.has(option);
  }

  /** A pick not used yet in this report, or null when every alternative has been used. */
  pickFresh(options: readonly string[], key: string): string | null {
    const left = options.filter((o) => !this.used.has(o));
    return left.length ? this.pick(left, key) : null;
  }

  pick(options: readonly string[], key: string): string {
    if (options.length === 0) throw new RangeError(`no phrase for ${key}`);
    const spread = this.peers ? peerOffset(this.seed, key, this.peers) : 0;
    const start = (hash(this.seed, key) + this.turn + spread) % options.length;
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

/** Every sentence pattern in the banks, for the originality guard. */
export function allPhraseTexts(): string[] {
  const walk = (v: unknown): string[] =>
    typeof v === 'string'
      ? [v]
      : Array.isArray(v)
        ? v.flatMap(walk)
        : typeof v === 'object' && v
          ? Object.values(v).flatMap(walk)
          : [];
  return [PHRASES, AREA_PHRASES, AREA_MORE, GENERIC_AREA, STUDY, INTEGRITY, LAW].flatMap(walk);
}
