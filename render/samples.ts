/**
 * Fictional documents for the layout checks and docs/samples: the duty report of the composer's
 * sample input and a 分析通报 of the demo town 青石镇 as issued (版头, 发文字号, 落款). Every name
 * and number is invented.
 */
import { composeReport } from '../src/core/report/compose.ts';
import type { ReportDocument } from '../src/core/report/model.ts';
import { sampleComposeInput } from '../src/core/report/sample-input.ts';
import type { Role } from '../src/core/report/templates.ts';
import {
  chineseDate,
  composeBulletin,
  type BulletinData,
  type Figure,
} from '../src/domains/appeal-analysis/bulletin.compose.ts';

export const sampleReport = (role: Role = 'propaganda_member'): ReportDocument =>
  composeReport(sampleComposeInput(role));

const fig = (metricId: string, value: number | null, unit: string): Figure => ({
  metricId,
  value,
  unit,
  params: { from: '2025-10-01', to: '2025-12-31' },
});

const VILLAGES: Array<[string, number, number, number, number, number]> = [
  ['未标注村（社区）', 54, 94.4, 97.7, 95.4, 3],
  ['白沙村', 16, 100, 92.3, 92.3, 0],
  ['枫林村', 16, 93.8, 92.3, 84.6, 0],
  ['南坝村', 14, 85.7, 100, 100, 14],
  ['桃源社区', 13, 92.3, 90.9, 70, 0],
  ['镜湖社区', 5, 60, 100, 100, 0],
];

const row = ([
  name,
  received,
  response,
  resolution,
  satisfaction,
  overdue,
]: (typeof VILLAGES)[0]) => ({
  name,
  cells: [
    fig('appeals.received', received, '件'),
    fig('appeals.response_rate', response, '%'),
    fig('appeals.resolution_rate', resolution, '%'),
    fig('appeals.satisfaction_rate', satisfaction, '%'),
    fig('appeals.overdue_open', overdue, '件'),
  ],
});

export function sampleBulletinData(): BulletinData {
  const named = (name: string, value: number) => ({
    ...fig('appeals.received', value, '件'),
    name,
  });
  return {
    townName: '青石镇',
    scopeName: null,
    periodLabel: '2025年第四季度',
    issuedOn: '2026-01-06',
    totals: {
      'appeals.received': fig('appeals.received', 118, '件'),
      'appeals.response_rate': fig('appeals.response_rate', 93.2, '%'),
      'appeals.resolution_rate': fig('appeals.resolution_rate', 95.8, '%'),
      'appeals.satisfaction_rate': fig('appeals.satisfaction_rate', 91.5, '%'),
      'appeals.closure_rate': fig('appeals.closure_rate', 88.1, '%'),
      'appeals.on_time_closure_rate': fig('appeals.on_time_closure_rate', 96.2, '%'),
      'appeals.overdue_open': fig('appeals.overdue_open', 17, '件'),
      'appeals.closed_late': fig('appeals.closed_late', 4, '件'),
    },
    composite: 93.6,
    byKind: [named('12345热线', 80), named('信访', 26), named('矛盾纠纷', 12)],
    topCategories: [named('道路交通', 21), named('环境卫生', 18), named('供水供电', 14)],
    villages: VILLAGES.slice(1).map((v) => ({
      name: v[0],
      received: named(v[0], v[1]),
      satisfaction: { ...fig('appeals.satisfaction_rate', v[4], '%'), name: v[0] },
    })),
    overdueOrders: [
      {
        code: 'QS-2025-1207',
        title: '南坝村三组路灯不亮',
        unitName: '南坝村',
        dueOn: '2025-12-31',
      },
    ],
    problems: [
      {
        title: '南坝村沿河路段夜间照明不足',
        orderCount: 6,
        ownerName: '南坝村',
        statusLabel: '整改中',
        dueOn: '2025-12-31',
        overdue: true,
      },
    ],
    commitments: [
      {
        title: '桃源社区二期小区加装电梯协调会',
        promisedTo: '桃源社区二期居民',
        ownerName: '桃源社区',
        statusLabel: '推进中',
        dueOn: '2026-03-15',
        overdue: false,
      },
    ],
    tables: [
      {
        title: '各村（社区）诉求办理情况',
        groupLabel: '村（社区）',
        columns: [
          { metricId: 'appeals.received', label: '受理量' },
          { metricId: 'appeals.response_rate', label: '响应率' },
          { metricId: 'appeals.resolution_rate', label: '解决率' },
          { metricId: 'appeals.satisfaction_rate', label: '满意率' },
          { metricId: 'appeals.overdue_open', label: '逾期' },
        ],
        rows: [...VILLAGES.map(row), row(['合计', 118, 93.2, 95.8, 91.5, 17])],
      },
    ],
  };
}

/** The bulletin as issued (what bulletin.issue.ts stores): 第3期, 版头 with 发文字号, 落款. */
export function sampleIssuedBulletin(): { document: ReportDocument; data: BulletinData } {
  const data = sampleBulletinData();
  const document: ReportDocument = {
    ...composeBulletin(data),
    byline: `（2026年第3期\u3000${data.periodLabel}）`,
    header: { issuer: '青石镇人民政府', docNumber: '青石政通〔2026〕3号' },
    signature: { issuer: '青石镇人民政府', date: chineseDate(data.issuedOn) },
    frozenAt: '2026-01-06T02:00:00.000Z',
  };
  return { document, data };
}
