/**
 * Fictional sample inputs for the composer (demo town 青石镇), shared by tests, the originality
 * guard and the rendered sample. Every name and number here is invented.
 */
import type { ComposeInput, MetricResult } from './compose.ts';
import { BUILTIN_TEMPLATES, type Role } from './templates.ts';

const Y = 2024;
const m = (metricId: string, label: string, value: number | null, unit: string): MetricResult => ({
  metricId,
  label,
  unit,
  value,
  params: { year: Y, scope: 'person' },
});

const PORTFOLIOS: Record<Role, Array<{ code: string; label: string }>> = {
  party_secretary: [
    { code: 'organization', label: '基层党建' },
    { code: 'economy', label: '经济发展' },
  ],
  mayor: [
    { code: 'economy', label: '经济发展' },
    { code: 'safety', label: '安全生产' },
    { code: 'petitions', label: '信访维稳' },
  ],
  deputy: [
    { code: 'transport', label: '交通运输' },
    { code: 'environment', label: '生态环境' },
  ],
  organization_member: [{ code: 'organization', label: '组织工作' }],
  propaganda_member: [
    { code: 'propaganda', label: '宣传思想工作' },
    { code: 'organization', label: '组织工作' },
  ],
  discipline_secretary: [{ code: 'discipline', label: '纪检监察' }],
  politics_law_member: [
    { code: 'politics_law', label: '政法综治' },
    { code: 'petitions', label: '信访工作' },
  ],
  armed_forces_head: [
    { code: 'armed_forces', label: '人民武装' },
    { code: 'civil_affairs', label: '民政事务' },
  ],
  specialist: [{ code: 'propaganda', label: '宣传专干业务' }],
  village_secretary: [
    { code: 'village_assistance', label: '村务管理' },
    { code: 'cultural_tourism', label: '乡村文旅' },
  ],
};

export const SAMPLE_METRICS: Record<string, MetricResult[]> = {
  propaganda: [
    m('propaganda.items', '报送宣传稿件', 86, '篇'),
    m('propaganda.adopted', '被市级以上媒体采用', 21, '篇'),
    m('propaganda.talks', '开展政策宣讲', 32, '场次'),
  ],
  organization: [
    m('party.new_members', '发展党员', 6, '名'),
    m('party.meetings', '指导召开主题党日', 48, '次'),
  ],
  economy: [
    m('economy.projects', '推进重点项目', 9, '个'),
    m('economy.collective', '村级集体经济收入', 312.5, '万元'),
  ],
  petitions: [
    m('petition.closed', '化解信访事项', 37, '件'),
    m('petition.ontime', '按期受理率', 100, '%'),
  ],
  politics_law: [m('dispute.mediated', '调解矛盾纠纷', 64, '件')],
  transport: [m('traffic.patrols', '开展道路巡查', 120, '次')],
  armed_forces: [m('army.enlisted', '输送新兵', 7, '名')],
  discipline: [m('discipline.talks', '开展提醒谈话', 23, '人次')],
  safety: [m('safety.hazards', '排查整改安全隐患', 156, '处')],
  civil_affairs: [m('civil.aid', '发放临时救助金', 18.6, '万元')],
  village_assistance: [m('village.visits', '入户走访', 260, '户次')],
};

export function sampleComposeInput(role: Role, seed = 7): ComposeInput {
  const portfolios = PORTFOLIOS[role];
  return {
    template: BUILTIN_TEMPLATES[role],
    person: {
      name: '林晓岚',
      title: `青石镇${BUILTIN_TEMPLATES[role].name}`,
      year: Y,
      portfolios,
      role,
      scope: role === 'village_secretary' ? 'village' : 'town',
    },
    metrics: SAMPLE_METRICS,
    highlights: [
      {
        date: `${Y}-08-15`,
        portfolio: 'armed_forces',
        pieces: [
          '8月，在集镇和各村同步开展秋季征兵政策宣传，走访适龄青年',
          m('army.visited', '走访适龄青年', 46, '人'),
        ],
      },
      {
        date: `${Y}-05-20`,
        portfolio: 'propaganda',
        pieces: [
          '5月，组织“青石讲堂”宣讲团进村巡讲，听讲群众',
          m('propaganda.audience', '听讲群众', 860, '人'),
        ],
      },
    ],
    personal: {
      centerGroup: m('study.center', '中心组学习', 14, '次'),
      ledStudy: m('study.led', '领学', 3, '次'),
      trainingHours: m('study.hours', '学习培训', 62, '小时'),
      personalMatters: m('integrity.matters', '个人有关事项报告', 1, '次'),
      lawExams: m('law.exams', '学法考试', 1, '次'),
      lawExamsPassed: m('law.passed', '学法考试合格', 1, '次'),
    },
    signals: {
      overdueOrders: m('hotline.overdue', '超期办结工单', 4, '件'),
      unsatisfiedOrders: m('hotline.unsatisfied', '不满意工单', 3, '件'),
      satisfactionRate: m('hotline.satisfaction', '回访满意率', 92.4, '%'),
      emptyLedgers: ['民兵整组'],
      metricsBelowLastYear: [
        {
          current: m('propaganda.adopted', '媒体采用稿件', 21, '篇'),
          previous: {
            ...m('propaganda.adopted', '媒体采用稿件', 25, '篇'),
            params: { year: Y - 1, scope: 'person' },
          },
        },
      ],
    },
    seed,
  };
}
