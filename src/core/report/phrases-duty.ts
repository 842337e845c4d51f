/**
 * Phrase bank for the 职 (duty) part: per-portfolio lead and closing sentences, written by us.
 * Keys are the portfolio catalogue codes; `generic` serves any portfolio without its own entry.
 */

export interface PortfolioPhrases {
  /** Opening sentence of the portfolio's paragraph: what the work aims at. */
  lead: string[];
  /** Closing sentence: the direction of the effect, never a number or an unverifiable claim. */
  close: string[];
  /** A next-year intention for 下步打算. */
  plan: string[];
}

export const PORTFOLIO_CODES = [
  'propaganda',
  'organization',
  'politics_law',
  'civil_affairs',
  'armed_forces',
  'transport',
  'discipline',
  'village_assistance',
  'economy',
  'safety',
  'environment',
  'petitions',
] as const;
export type PortfolioCode = (typeof PORTFOLIO_CODES)[number];

export const DUTY_PHRASES: Record<PortfolioCode | 'generic', PortfolioPhrases> = {
  propaganda: {
    lead: [
      '围绕凝聚人心、传播好声音这一目标，我把理论宣讲、信息报送和文明创建放在一起统筹推进。',
      '我把讲好本镇发展故事当作分内之事，宣传阵地建设和对外信息报送两头同时用力。',
      '坚持正面引导为主，用群众听得懂、愿意听的方式把政策送到村组和农户家中。',
    ],
    close: [
      '镇域舆论氛围总体积极向上，群众对本镇发展的认同感有所增强。',
      '对外展示本镇形象的渠道进一步拓宽，基层宣传队伍也得到了锻炼。',
    ],
    plan: ['在宣传工作上，着力提高稿件质量和宣讲的针对性，让正面声音传得更远。'],
  },
  organization: {
    lead: [
      '以提升基层党组织的组织力为着眼点，我从抓支部、带队伍、强阵地三个方面发力。',
      '按照党建工作提质增效的要求，把党员教育管理和村级班子建设摆在突出位置。',
      '坚持大抓基层的鲜明导向，推动各支部把规定动作做规范、把自选动作做出特色。',
    ],
    close: [
      '支部规范化水平稳步提升，党员队伍的精神面貌有了新的变化。',
      '村级班子的凝聚力和带动力有所增强，基层组织基础更加扎实。',
    ],
    plan: ['在党建工作上，严把党员发展质量关，推动后进支部加快转化提升。'],
  },
  politics_law: {
    lead: [
      '坚持预防在前、调解优先，努力把矛盾纠纷化解在村组、消除在萌芽阶段。',
      '围绕平安建设的年度目标，统筹推进矛盾排查、治安防控和普法宣传。',
    ],
    close: [
      '镇域社会秩序总体平稳，群众的安全感进一步提升。',
      '基层调解组织作用发挥更加明显，一批邻里矛盾在家门口得到化解。',
    ],
    plan: ['在平安建设上，健全矛盾纠纷常态化排查机制，做到早发现、早介入。'],
  },
  civil_affairs: {
    lead: [
      '对困难群众坚持应保尽保、应救尽救，努力兜住兜牢民生底线。',
      '把社会救助和养老服务当作温暖人心的实事来抓，力求政策落到最需要的人身上。',
    ],
    close: [
      '各项救助政策执行规范，困难群众的基本生活得到有效保障。',
      '民政服务更加贴近群众，办事流程也更加简便。',
    ],
    plan: ['在民政工作上，加强低保动态管理，让救助资金用在刀刃上。'],
  },
  armed_forces: {
    lead: [
      '按照平战结合、军民融合的要求，抓好征兵、民兵整组和国防教育几项主要任务。',
      '把兵员质量放在首位，同时推动民兵队伍在急难险重任务中发挥骨干作用。',
    ],
    close: [
      '全民国防意识不断增强，适龄青年参军热情有所提高。',
      '民兵队伍的组织纪律性和应急处置能力得到检验。',
    ],
    plan: ['在武装工作上，提前谋划征兵宣传，抓好民兵日常训练和应急演练。'],
  },
  transport: {
    lead: [
      '围绕群众出行安全，抓好道路巡查、交通劝导和农村公路日常管护。',
      '坚持源头管控与路面劝导并重，盯紧重点路段、重点时段和重点车辆。',
    ],
    close: [
      '农村道路交通秩序有所改观，群众文明出行意识逐步增强。',
      '道路管护责任进一步落到了村组和具体人员。',
    ],
    plan: ['在交通工作上，完善劝导站运行机制，加大农村公路养护力度。'],
  },
  discipline: {
    lead: [
      '聚焦监督这一首要职责，推动管党治党责任在各村、各站所层层落地。',
      '坚持抓早抓小、防微杜渐，对苗头性、倾向性问题及时提醒、及时纠正。',
    ],
    close: [
      '干部作风持续向好，风清气正的干事氛围逐步形成。',
      '基层监督的触角得到延伸，群众身边的不正之风受到遏制。',
    ],
    plan: ['在纪检监督上，把日常监督做细做实，紧盯群众身边的微腐败问题。'],
  },
  village_assistance: {
    lead: [
      '坚持每周进村入户，及时掌握所联系村的基本情况和群众的所思所盼。',
      '围绕巩固帮扶成果，对监测对象做到早发现、早干预、早帮扶。',
    ],
    close: [
      '联系村的各项重点工作有序推进，群众反映的问题能够及时得到回应。',
      '帮扶措施更加精准，监测对象的生产生活状况总体稳定。',
    ],
    plan: ['在联村帮扶上，坚持定期走访，落实好对监测户的结对帮扶措施。'],
  },
  economy: {
    lead: [
      '把壮大村级集体经济和培育特色产业作为分管工作的重中之重。',
      '主动对接项目和市场主体，推动镇域经济在稳中求进中积蓄后劲。',
    ],
    close: [
      '产业发展的基础进一步夯实，群众增收的门路有所拓宽。',
      '村集体经济造血能力逐步增强，发展后劲得到积累。',
    ],
    plan: ['在经济工作上，盯紧在建项目进度，帮助村集体找准适合自身的增收路子。'],
  },
  safety: {
    lead: [
      '牢固树立安全发展理念，坚持隐患排查、整改、复查一环扣一环。',
      '压紧压实企业主体责任和属地管理责任，对重点行业领域开展常态化检查。',
    ],
    close: [
      '各类风险隐患处在可控范围，安全生产的责任链条更加清晰。',
      '企业和群众的安全意识得到提升，隐患整改的主动性有所增强。',
    ],
    plan: ['在安全生产上，推动隐患排查由集中检查向日常巡查转变，守牢安全底线。'],
  },
  environment: {
    lead: [
      '围绕村庄清洁和生态保护两条主线，持续改善群众的居住环境。',
      '把群众反映强烈的环境问题作为整治重点，坚持边查边改、立行立改。',
    ],
    close: [
      '村容村貌明显改观，群众对生活环境的满意度有所提升。',
      '生态保护的责任意识在干部群众中逐步树立起来。',
    ],
    plan: ['在生态环境上，建立保洁长效机制，防止整治成果出现反弹。'],
  },
  petitions: {
    lead: [
      '把群众来信来访当作了解民情的窗口，对每件信访事项明确包案领导、制定化解方案。',
      '严格按照信访工作条例规定的时限受理、办理和答复，推动问题在基层就地解决。',
    ],
    close: [
      '信访秩序总体平稳，一批群众反映多年的问题得到回应。',
      '依法按政策解决问题的导向更加鲜明，群众的合理诉求得到重视。',
    ],
    plan: ['在信访工作上，落实包案化解责任，做到件件有回音、事事有着落。'],
  },
  generic: {
    lead: [
      '对照岗位职责，我把{portfolioLabel}的各项任务分解到月、落实到人。',
      '围绕{portfolioLabel}年度目标，坚持逐项抓推进、逐件抓落实。',
    ],
    close: [
      '{portfolioLabel}总体运行平稳，年度任务按计划推进。',
      '{portfolioLabel}的工作机制进一步理顺。',
    ],
    plan: ['在{portfolioLabel}上，查漏补缺、完善机制，推动工作再上台阶。'],
  },
};

export function dutyPhrasesFor(portfolio: string): PortfolioPhrases {
  return (DUTY_PHRASES as Record<string, PortfolioPhrases>)[portfolio] ?? DUTY_PHRASES.generic;
}
