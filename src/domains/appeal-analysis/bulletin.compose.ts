/**
 * 分析通报 composition: the gathered figures become a document in the duty-report model (title,
 * numbered sections, paragraphs with metric chips), so the same GB/T 9704 Word export and HTML
 * export serve it and every number keeps its metric id and parameters. Pure: no I/O. The
 * sentences are our own.
 */
import { chineseDate } from '../../core/calendar/display.ts';
import {
  makeChip,
  type Inline,
  type MetricChip,
  type ReportDocument,
  type Section,
} from '../../core/report/model.ts';

export interface Figure {
  metricId: string;
  value: number | null;
  unit: string;
  params: Record<string, unknown>;
}
export interface NamedFigure extends Figure {
  name: string;
}

/**
 * A table of figures (rows: villages, units or categories; columns: metrics); every cell keeps
 * its metric reference.
 */
export interface BulletinTable {
  title: string;
  groupLabel: string;
  columns: { metricId: string; label: string }[];
  rows: { name: string; cells: Figure[] }[];
}

export interface BulletinData {
  townName: string;
  scopeName: string | null;
  periodLabel: string;
  issuedOn: string;
  totals: Record<string, Figure>;
  composite: number | null;
  byKind: NamedFigure[];
  topCategories: NamedFigure[];
  villages: { name: string; received: Figure; satisfaction: Figure }[];
  overdueOrders: { code: string; title: string; unitName: string; dueOn: string | null }[];
  problems: {
    title: string;
    orderCount: number;
    ownerName: string;
    statusLabel: string;
    dueOn: string | null;
    overdue: boolean;
  }[];
  commitments: {
    title: string;
    promisedTo: string;
    ownerName: string;
    statusLabel: string;
    dueOn: string;
    overdue: boolean;
  }[];
  /** Shown after 诉求热点 in Word and HTML: 表1 by village (or unit), 表2 top categories. */
  tables: BulletinTable[];
}

const t = (text: string): Inline => ({ type: 'text', text });
const chip = (f: Figure): MetricChip => makeChip(f.metricId, f.params, f.value, f.unit);
const para = (...inlines: Inline[]) => ({ inlines });
let seq = 0;
const section = (level: number, heading: string, paragraphs: { inlines: Inline[] }[]): Section => ({
  id: `b${++seq}`,
  level,
  heading,
  kind: 'custom',
  paragraphs,
});

/** "2025年6月", "2025年第二季度", "2025年", or "2025年6月1日至6月15日". */
export function periodLabel(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (fd === 1 && td === lastDay && fy === ty) {
    if (fm === 1 && tm === 12) return `${fy}年`;
    if (fm === tm) return `${fy}年${fm}月`;
    if (tm - fm === 2 && fm % 3 === 1) return `${fy}年第${'一二三四'[(fm - 1) / 3]}季度`;
    return `${fy}年${fm}月至${tm}月`;
  }
  return `${fy}年${fm}月${fd}日至${ty === fy ? '' : `${ty}年`}${tm}月${td}日`;
}

/** "2025-12-31" → "2025年12月31日": the one clock's document form (core/calendar/display.ts). */
export { chineseDate };

/** The issuing body a bulletin is signed with unless the issuer names another: the town government. */
export const defaultIssuer = (townName: string) => `${townName}人民政府`;

function joinList(items: Inline[][], sep = '、'): Inline[] {
  return items.flatMap((x, i) => (i === 0 ? x : [t(sep), ...x]));
}

function overview(d: BulletinData): Section[] {
  const f = d.totals;
  const kinds = d.byKind.filter((k) => (k.value ?? 0) > 0);
  const first: Inline[] = [
    t(`${d.periodLabel}，${d.scopeName ?? d.townName}共受理各类诉求`),
    chip(f['appeals.received']!),
  ];
  if (kinds.length > 1)
    first.push(t('，其中'), ...joinList(kinds.map((k) => [t(k.name), chip(k)])));
  first.push(t('。'));
  return [section(1, '总体情况', [para(...first), para(...rates(d))])];
}

const QUALITY: [string, string][] = [
  ['响应率', 'appeals.response_rate'],
  ['解决率', 'appeals.resolution_rate'],
  ['满意率', 'appeals.satisfaction_rate'],
];
const CLOSURE: [string, string][] = [
  ['办结率', 'appeals.closure_rate'],
  ['按时办结率', 'appeals.on_time_closure_rate'],
];

/** 办理质效: each rate with a value as a figure; rates the period has no data for are named once as such. */
function rates(d: BulletinData): Inline[] {
  const f = d.totals;
  const missing: string[] = [];
  const group = (pairs: [string, string][]) =>
    joinList(
      pairs.flatMap(([label, id]) => {
        if (f[id]?.value === null || f[id]?.value === undefined) {
          missing.push(label);
          return [];
        }
        return [[t(label), chip(f[id])]];
      }),
      '，',
    );
  const quality = group(QUALITY);
  if (quality.length && d.composite !== null)
    quality.push(t(`，按县定权重折算综合得分${d.composite}分`));
  const closure = group(CLOSURE);
  const parts = [quality, closure].filter((x) => x.length);
  const out: Inline[] = [t('从办理质效看，'), ...joinList(parts, '；')];
  if (missing.length) out.push(t(`${parts.length ? '；' : '本期'}${missing.join('、')}无数据`));
  out.push(t('。'));
  return out;
}

function hotspots(d: BulletinData): Section[] {
  const paragraphs = [];
  if (d.topCategories.length) {
    paragraphs.push(
      para(
        t('按诉求类别看，受理量居前的依次是'),
        ...joinList(d.topCategories.map((c) => [t(c.name), chip(c)])),
        t('，是下一阶段源头治理的重点。'),
      ),
    );
  }
  if (d.villages.length) {
    const busiest = [...d.villages]
      .sort((a, b) => (b.received.value ?? 0) - (a.received.value ?? 0))
      .slice(0, 5);
    paragraphs.push(
      para(
        t('分村（社区）看，受理量较多的是'),
        ...joinList(busiest.map((v) => [t(v.name), chip(v.received)])),
        t('。'),
      ),
    );
    const overall = d.totals['appeals.satisfaction_rate']!.value;
    const low = d.villages
      .filter(
        (v) => overall !== null && v.satisfaction.value !== null && v.satisfaction.value < overall,
      )
      .sort((a, b) => a.satisfaction.value! - b.satisfaction.value!)
      .slice(0, 5);
    if (low.length)
      paragraphs.push(
        para(
          t('满意率低于全镇平均水平的有'),
          ...joinList(low.map((v) => [t(v.name), chip(v.satisfaction)])),
          t('，相关村（社区）要逐件回看不满意工单，查找办理和答复中的短板。'),
        ),
      );
  }
  if (!paragraphs.length) paragraphs.push(para(t('本期受理量较少，暂未形成明显的诉求热点。')));
  if (d.tables.length)
    paragraphs.push(para(t(`${d.tables.map((x, i) => `${x.title}见表${i + 1}`).join('，')}。`)));
  return [section(1, '诉求热点', paragraphs)];
}

function overdue(d: BulletinData): Section[] {
  const f = d.totals;
  const paragraphs = [
    para(
      t('截至通报时，本期受理的工单中逾期未办结'),
      chip(f['appeals.overdue_open']!),
      t('，超时办结'),
      chip(f['appeals.closed_late']!),
      t('。'),
    ),
  ];
  if (d.overdueOrders.length) {
    paragraphs.push(para(t('逾期未办结工单如下，请承办单位抓紧办理并说明原因：')));
    d.overdueOrders.forEach((o, i) =>
      paragraphs.push(
        para(
          t(
            `${i + 1}. ${o.code}\u3000${o.title}（承办单位：${o.unitName}${o.dueOn ? `，应于${chineseDate(o.dueOn)}前办理` : ''}）`,
          ),
        ),
      ),
    );
  } else paragraphs.push(para(t('本期没有逾期未办结的工单。')));
  return [section(1, '超期办理情况', paragraphs)];
}

function problemList(d: BulletinData): Section[] {
  if (!d.problems.length)
    return [section(1, '问题清单', [para(t('本期未形成需要集中整改的重复诉求问题。'))])];
  const open = d.problems.filter((p) => p.statusLabel !== '已销号').length;
  const paragraphs = [
    para(
      t(
        `对反复出现的同类诉求，已梳理形成问题清单${d.problems.length}项（尚未销号${open}项），逐项明确责任单位和整改时限：`,
      ),
    ),
  ];
  d.problems.forEach((p, i) =>
    paragraphs.push(
      para(
        t(
          `${i + 1}. ${p.title}。关联工单${p.orderCount}件，责任单位（人）${p.ownerName}，` +
            `${p.statusLabel}${p.dueOn ? `，整改时限${chineseDate(p.dueOn)}` : ''}` +
            `${p.overdue ? '（已超期）' : ''}。`,
        ),
      ),
    ),
  );
  return [section(1, '问题清单', paragraphs)];
}

function commitmentList(d: BulletinData): Section[] {
  if (!d.commitments.length) return [];
  const late = d.commitments.filter((c) => c.overdue).length;
  const paragraphs = [
    para(
      t(
        `向群众公开承诺的事项${d.commitments.length}项${late ? `，其中逾期未兑现${late}项，请责任单位说明原因并限期兑现` : ''}：`,
      ),
    ),
  ];
  d.commitments.forEach((c, i) =>
    paragraphs.push(
      para(
        t(
          `${i + 1}. ${c.title}（承诺对象：${c.promisedTo}；责任单位（人）：${c.ownerName}；` +
            `承诺时限：${chineseDate(c.dueOn)}；${c.statusLabel}${c.overdue ? '，已逾期' : ''}）。`,
        ),
      ),
    ),
  );
  return [section(1, '承诺事项兑现情况', paragraphs)];
}

function nextSteps(d: BulletinData): Section[] {
  const f = d.totals;
  const items: string[] = [];
  if ((f['appeals.response_rate']!.value ?? 100) < 95)
    items.push('压实首接责任，派单后及时签收并联系群众，提升响应率');
  if ((f['appeals.overdue_open']!.value ?? 0) > 0)
    items.push('对逾期工单实行挂号督办，办结一件销号一件');
  if (d.problems.some((p) => p.statusLabel !== '已销号'))
    items.push('对问题清单逐项跟踪整改进度，整改到位后组织回访验收再销号');
  if ((f['appeals.satisfaction_rate']!.value ?? 100) < 90)
    items.push('加强答复前与群众的沟通，做到问题解决与群众满意相统一');
  items.push('定期分析诉求数据，把群众反映集中的问题纳入下阶段工作安排');
  return [
    section(
      1,
      '下步工作',
      items.map((s, i) => para(t(`${'一二三四五六'[i]}是${s}。`))),
    ),
  ];
}

export function composeBulletin(d: BulletinData): ReportDocument {
  seq = 0;
  return {
    title: `${d.townName}${d.scopeName && d.scopeName !== d.townName ? d.scopeName : ''}诉求办理分析通报`,
    byline: `（${d.periodLabel}）`,
    year: Number(d.issuedOn.slice(0, 4)),
    sections: [
      ...overview(d),
      ...hotspots(d),
      ...overdue(d),
      ...problemList(d),
      ...commitmentList(d),
      ...nextSteps(d),
    ],
    signature: { issuer: defaultIssuer(d.townName), date: chineseDate(d.issuedOn) },
    frozenAt: null,
  };
}
