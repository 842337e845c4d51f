/**
 * 话术库（分项工作）— how the 职 part opens each area of work (one ledger type): a short title
 * of what was done, a clause on how it was done, and a closing remark on its effect. Written by
 * us. Keys are ledger type codes plus `appeals`; `village` variants speak for one village's cadres.
 * Order of the keys is the order areas are cited in when a portfolio has more than fit.
 */
import { AREA_MORE } from './phrases-areas-more.ts';
import { AREA_PHRASES_TAIL } from './phrases-areas-tail.ts';

export interface AreaPhrases {
  /** What the work was, as a verb phrase: 抓实支部组织生活. */
  title: string[];
  /** How it was done, a clause the figures follow. */
  method: string[];
  /** A closing remark on the direction of the effect (never a figure or a claim of award). */
  effect: string[];
  /** Wording for a village's own cadres, where the town-wide wording would not fit. */
  village?: Partial<Pick<AreaPhrases, 'title' | 'method'>>;
}

export const AREA_PHRASES: Record<string, AreaPhrases> = {
  appeals: {
    title: ['抓好接诉即办', '办好群众身边事', '畅通诉求表达渠道', '提升诉求办理质效'],
    method: [
      '对热线工单、信访事项和矛盾纠纷实行一个口子受理、限时办结、逐件回访',
      '坚持工单日清日结，难办件由分管领导牵头会商',
      '把按时办结和群众评价作为检验办理成效的标尺',
      '建立工单临期提醒和超期通报机制，压实承办单位责任',
    ],
    effect: [
      '群众反映的急难愁盼问题能够得到较快回应。',
      '诉求办理由“办了”向“办好”逐步转变。',
      '一批群众身边的小事难事在基层得到解决。',
    ],
    village: {
      title: ['办好村民反映的事', '把诉求解决在村里', '及时回应村民诉求'],
      method: [
        '村里收到的热线工单和村民当面反映的事项，由村“两委”分工包干、限时回复',
        '坚持村民的事村里先办，办不了的及时上报镇里协调',
        '对村民反映的问题逐件登记、逐件回访',
      ],
    },
  },
  branch_meeting: {
    title: ['抓实支部组织生活', '严格落实“三会一课”', '规范党内政治生活'],
    method: [
      '按月提示各支部落实组织生活制度，每季度抽查会议记录',
      '把“三会一课”落实情况纳入支部书记述职评议',
      '坚持会前定主题、会中有讨论、会后有记录',
      '推行组织生活计划季度报备，镇党委委员随机列席',
    ],
    effect: [
      '支部组织生活的规范化程度明显提高。',
      '党员参加组织生活的自觉性进一步增强。',
      '“三会一课”走过场的问题有所改观。',
    ],
    village: {
      title: ['过好支部组织生活', '坚持“三会一课”不走样', '带头参加组织生活'],
      method: [
        '村党支部按月召开支委会，按季度召开党员大会并上党课',
        '每次会议提前确定议题、通知到每名党员，外出党员通过视频参会',
        '会前和支委一道商定议题，会后整理记录、跟踪落实',
      ],
    },
  },
  member_development: {
    title: ['严把党员发展入口', '做好发展党员工作', '优化党员队伍结构'],
    method: [
      '坚持成熟一个发展一个，每个环节都按程序审核把关',
      '发展对象一律经过政治审查和集中培训',
      '注重从青年农民、返乡创业人员和致富能手中培养入党积极分子',
      '对发展党员各阶段材料逐一预审，确保程序不缺项',
    ],
    effect: [
      '党员队伍的年龄和文化结构逐步改善。',
      '发展党员工作的质量得到保证。',
      '一批年轻骨干被吸收进党员队伍。',
    ],
  },
  theme_party_day: {
    title: ['办好主题党日', '丰富主题党日内容', '用好主题党日载体'],
    method: [
      '每月固定一天开展主题党日，内容由支部结合村情自主确定',
      '把主题党日和志愿服务、走访群众结合起来',
      '推动主题党日从“开个会”转向“办件事”',
      '每月发布主题党日参考菜单，各支部结合实际选用',
    ],
    effect: ['主题党日成为党员服务群众的固定平台。', '党员参与活动的主动性有所增强。'],
    village: {
      method: [
        '村党支部每月确定一个主题，把学习和为群众办实事放在同一天',
        '主题党日结合村里的重点工作安排，党员分组认领任务',
      ],
    },
  },
  branch_star_rating: {
    title: ['推进支部星级评定', '抓好支部分类提升', '开展达标创星'],
    method: [
      '对照星级评定指标逐项打分，评定结果在党员中公开',
      '评定中坚持看台账、看现场、听群众评价',
      '对星级偏低的支部逐个分析原因、制定提升措施',
    ],
    effect: ['支部之间比学赶超的氛围逐步形成。', '后进支部的短板得到针对性补强。'],
    village: {
      title: ['争创星级支部', '对标星级标准补短板'],
      method: ['对照星级评定标准逐项查摆，缺什么补什么'],
    },
  },
  member_pairing: {
    title: ['开展党员结对帮扶', '推动党员联系群众', '发挥党员帮扶作用'],
    method: [
      '组织有能力的党员与困难群众结成帮扶对子',
      '按照一户一策明确帮扶内容，定期上门了解需求',
      '把结对帮扶情况作为党员积分管理的重要内容',
    ],
    effect: ['党员和群众的联系更加紧密。', '困难群众的一些实际问题得到了解决。'],
  },
  member_care_visit: {
    title: ['关心关爱党员', '做好党内关怀', '走访慰问老党员和困难党员'],
    method: [
      '在春节、“七一”等节点集中走访，对患病和生活困难党员随时上门',
      '对老党员、困难党员建立关爱台账，做到情况清、底数明',
      '慰问时既送钱物，也听意见、解难题',
    ],
    effect: ['党员对组织的归属感进一步增强。', '党组织的关怀送到了最需要的党员身边。'],
  },
  reserve_cadre: {
    title: ['储备村级后备力量', '建强后备干部队伍', '抓好后备干部培养'],
    method: [
      '从本村致富能手、退役军人和返乡青年中物色后备人选',
      '对后备干部实行一人一名培养责任人、定岗锻炼',
      '注重把后备干部放到矛盾调解、项目建设一线历练',
    ],
    effect: ['村级班子后继乏人的问题有所缓解。', '后备干部的能力在实践中得到锻炼。'],
  },
  micro_wish: {
    title: ['认领群众微心愿', '办好群众微心愿', '用心实现群众小愿望'],
    method: [
      '通过网格员入户收集困难群众的微心愿，由党员和机关单位认领',
      '微心愿发布、认领、实现全程登记，办好一件销号一件',
      '优先帮助留守老人、留守儿童和困难家庭实现心愿',
    ],
    effect: ['党组织和党员的形象在群众中更加可亲。', '群众感受到了实实在在的温暖。'],
  },
  three_lists: {
    title: ['用好“三张清单”', '精准对接需求和资源', '推动需求资源项目对接'],
    method: [
      '把群众需求、可用资源和服务项目分别列单，逐项对接',
      '定期召开清单对接会，明确每项事务的对接单位和时限',
      '清单事项办结后回访群众，未办结的滚动纳入下期',
    ],
    effect: ['服务群众的资源得到更好整合。', '群众需求与服务供给的衔接更加顺畅。'],
  },
  talent_pool: {
    title: ['汇聚乡贤人才力量', '建好本土人才库', '引导人才回乡出力'],
    method: [
      '对本地乡贤、致富带头人和能工巧匠登记造册、动态更新',
      '主动联系在外能人，邀请他们参与家乡建设',
      '为入库人才搭建参与村级事务的平台',
    ],
    effect: ['本土人才参与家乡建设的热情有所提高。', '人才资源底数更加清楚。'],
  },
  theory_study: {
    title: ['抓好理论武装', '推动理论学习走深走实', '组织好各类理论学习'],
    method: [
      '党委中心组学习带头，干部集中学习和支部学习跟进',
      '年初制定学习计划，按月安排专题，学习记录统一归档',
      '采取领学、研讨、宣讲相结合的方式，避免照本宣科',
      '组织宣讲员进村入户，用群众熟悉的话讲政策',
    ],
    effect: ['干部群众对党的创新理论的理解更加深入。', '理论学习与中心工作结合得更加紧密。'],
  },
  propaganda_item: {
    title: ['加强对外宣传', '讲好本镇发展故事', '做好新闻信息报送'],
    method: [
      '围绕中心工作策划选题，重要活动安排专人采写',
      '建立信息员队伍，各村各站所按月报送工作动态',
      '主动对接各级媒体，推荐基层的鲜活做法和典型人物',
      '对报送稿件实行分级审核，把好政治关和事实关',
    ],
    effect: ['本镇工作在各级媒体上的曝光度有所提升。', '正面宣传的声音更加响亮。'],
  },
  publicity_site: {
    title: ['管好宣传阵地', '规范标语和国旗管理', '抓实阵地动态管理'],
    method: [
      '对全镇国旗、标语、宣传栏和电子屏逐处登记，实行动态管理',
      '每季度巡查一次宣传阵地，破损的及时更换',
      '新设宣传内容一律经过审核，做到阵地有人管、内容有人审',
    ],
    effect: ['宣传阵地面貌焕然一新。', '意识形态阵地管理更加规范。'],
  },
  civilization_activity: {
    title: ['推进新时代文明实践', '用好文明实践所站', '开展文明实践活动'],
    method: [
      '依托文明实践所和各村实践站，按月安排活动内容',
      '把理论宣讲、移风易俗和文化文艺活动送到群众家门口',
      '活动内容征求群众意见后再定，群众点单、实践站派单',
    ],
    effect: ['文明实践阵地的使用率明显提高。', '崇德向善的风气在村里逐渐浓厚。'],
  },
  volunteer_service: {
    title: ['壮大志愿服务力量', '常态化开展志愿服务', '打造志愿服务品牌'],
    method: [
      '组织党员、网格员和热心群众组建志愿服务队',
      '志愿服务项目化运作，服务时长统一记录',
      '围绕关爱老人、环境清洁和文明劝导设计服务项目',
    ],
    effect: ['志愿服务在群众中的认可度不断提高。', '志愿者队伍逐步稳定下来。'],
  },
  training_session: {
    title: ['抓好各类培训', '提升群众和干部技能', '开展实用技术培训'],
    method: [
      '结合产业发展和群众需求确定培训内容，邀请专家到村授课',
      '培训班实行报名制，课后跟踪学员的应用情况',
      '把课堂搬到田间地头和生产车间，边讲边练',
    ],
    effect: ['一批实用技术在群众中推广开来。', '参训人员的技能水平有所提升。'],
  },
  poverty_monitoring: {
    title: ['守住不发生规模性返贫底线', '抓实防返贫动态监测', '落实监测帮扶措施'],
    method: [
      '对脱贫户和边缘易致贫户每月走访排查，发现风险及时纳入监测',
      '监测对象一户一名帮扶责任人，帮扶措施因户施策',
      '坚持早发现、早干预，把风险消除在萌芽',
    ],
    effect: ['监测对象的生产生活总体稳定。', '返贫风险得到及时有效处置。'],
  },
  village_decision: {
    title: ['规范村级重大事项决策', '落实“四议两公开”', '推进村务民主决策'],
    method: [
      '村级重大事项一律按“四议两公开”程序办理，镇包村干部全程指导',
      '决策过程留痕，决议和实施结果按时公开',
      '涉及资金和集体资产的事项，先算账、再上会、后公开',
    ],
    effect: ['村级决策更加公开透明。', '群众对村务的参与度和认可度有所提高。'],
    village: {
      method: [
        '村里的大事都先由支部提议、“两委”商议，再交党员和村民代表审议决议',
        '每项决议都在村务公开栏和村民群里公示，实施结果再公开一次',
      ],
    },
  },
  village_disclosure: {
    title: ['抓好“三务”公开', '推进党务村务财务公开', '让村务在阳光下运行'],
    method: [
      '党务、村务、财务按期公开，公开栏和线上平台同步发布',
      '对公开内容逐项审核，群众有疑问的当面解释',
      '把群众关心的资金收支和惠民政策作为公开重点',
    ],
    effect: ['群众的知情权和监督权得到更好保障。', '干群之间的信任进一步加深。'],
  },
  relief_payment: {
    title: ['落实社会救助政策', '兜牢民生保障底线', '做好救助资金发放'],
    method: [
      '低保、特困和临时救助实行动态管理，做到应保尽保',
      '救助资金一律通过银行账户发放，发放名单按月公示',
      '对因病因灾陷入困境的家庭及时启动临时救助',
    ],
    effect: ['困难群众的基本生活得到保障。', '救助政策落实更加精准规范。'],
  },
  ...AREA_PHRASES_TAIL,
};

/** Fallback for a ledger type without its own wording (a town's own type). */
export const GENERIC_AREA: AreaPhrases = {
  title: ['抓好{areaName}工作', '推进{areaName}', '做好{areaName}'],
  method: [
    '对照年度任务把{areaName}各项工作分解到月',
    '坚持按时记录{areaName}台账，做到底数清楚',
    '把{areaName}与分管的中心工作统筹推进',
  ],
  effect: ['{areaName}工作总体按计划推进。', '{areaName}的工作基础更加扎实。'],
};

/** An area's wording with the further ways of working and effects of phrases-areas-more.ts. */
export function areaPhrasesFor(code: string): AreaPhrases {
  const own = AREA_PHRASES[code] ?? GENERIC_AREA;
  const more = AREA_MORE[code];
  return more
    ? { ...own, method: [...own.method, ...more.method], effect: [...own.effect, ...more.effect] }
    : own;
}

/** The order areas are cited in within a portfolio: its main work first. */
const PRIORITY = [
  'appeals',
  'investment_project',
  'discipline_inspection',
  'dispute_screening',
  'farm_service',
  'construction_project',
  ...Object.keys(AREA_PHRASES),
];

/** Portfolios whose own work is answering orders: appeals first there, last elsewhere. */
const APPEALS_FIRST = new Set(['petitions', 'village_assistance', 'politics_law']);

/** Rank of an area among its portfolio's (lower first); unknown areas go last. */
export function areaRank(code: string, portfolio?: string): number {
  if (code === 'appeals' && portfolio && !APPEALS_FIRST.has(portfolio)) return 998;
  const i = PRIORITY.indexOf(code);
  return i < 0 ? 999 : i;
}
