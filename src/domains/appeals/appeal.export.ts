/**
 * Excel export of appeal lists — the order list (every filter of the list endpoint), my queue,
 * the overdue list and a KPI drill-down — with the columns the pages show, contacts masked as in
 * the lists (138****1234, 王**). Written by ExcelJS's streaming WorkbookWriter page by page, so
 * memory holds one page whatever the list's length; the first page is read before the response
 * starts, so scope and filter errors still answer as problem+json.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { formatDateTime, todayKey } from '../../core/calendar/display.ts';
import { ORDER_FIELD_LABELS } from '../../core/workflow/order-fields.ts';
import type { DB } from '../../db/schema.ts';
import * as kpi from './appeal-kpi.service.ts';
import { appealScope, scopeSql } from './appeal.policy.ts';
import { overdueList, queuePages, toSummary } from './appeal-read.service.ts';
import * as repo from './appeal.repository.ts';
import * as lookup from './appeal-lookup.repository.ts';

type Db = Kysely<DB>;
type Summary = ReturnType<typeof toSummary> & { actions?: string[]; supervisedAt?: string | null };

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAGE = 500;

/** Town time, minutes, in the pages' one format (an empty cell when there is none). */
const beijingTime = (at: string | Date | null | undefined): string => formatDateTime(at, '');

interface Column<R> {
  header: string;
  width: number;
  value: (r: R, names: Names) => string | number;
}

interface Names {
  unit: (id: string | null) => string;
  category: (code: string | null) => string;
}

async function namesOf(db: Db, townId: string): Promise<Names> {
  const [units, cats] = await Promise.all([
    lookup.unitNames(db, townId),
    lookup.listCategories(db),
  ]);
  const unit = new Map(units.map((u) => [u.id, u.name]));
  const cat = new Map(cats.map((c) => [c.code, c]));
  return {
    unit: (id) => (id ? (unit.get(id) ?? '') : ''),
    category: (code) => {
      const c = code ? cat.get(code) : undefined;
      if (!c) return code ?? '';
      const parent = c.parent_code ? cat.get(c.parent_code) : undefined;
      return parent ? `${parent.name} / ${c.name}` : c.name;
    },
  };
}

const CONTACT: Column<Summary>[] = [
  { header: '联系人', width: 10, value: (r) => r.contactName ?? '' },
  { header: '联系电话', width: 14, value: (r) => r.contactPhone ?? '' },
];
/** 我的工单 (QueuePage) columns. */
const LIST: Column<Summary>[] = [
  { header: '编号', width: 11, value: (r) => r.code },
  { header: '标题', width: 36, value: (r) => r.title },
  { header: '类别', width: 22, value: (r, n) => n.category(r.categoryCode) },
  { header: '村（社区）', width: 12, value: (r, n) => n.unit(r.villageId) },
  { header: '承办单位', width: 18, value: (r, n) => n.unit(r.unitId) },
  { header: '状态', width: 12, value: (r) => r.stateLabel },
  { header: '受理时间', width: 17, value: (r) => beijingTime(r.receivedAt) },
  { header: '办理期限', width: 17, value: (r) => beijingTime(r.nextDueAt) },
  ...CONTACT,
];
const QUEUE: Column<Summary>[] = [
  ...LIST,
  { header: '可办操作', width: 20, value: (r) => (r.actions ?? []).join('、') },
];
/** 超期督办 (OverduePage) columns: both groupings' unit columns. */
const OVERDUE: Column<Summary>[] = [
  ...['编号', '标题', '状态', '村（社区）', '承办单位'].map((h) =>
    LIST.find((c) => c.header === h)!,
  ),
  { header: '期限', width: 17, value: (r) => beijingTime(r.nextDueAt) },
  {
    header: '督办',
    width: 20,
    value: (r) => (r.supervisedAt ? `已督办 ${beijingTime(r.supervisedAt)}` : '待督办'),
  },
  ...CONTACT,
];

type KpiRow = Awaited<ReturnType<typeof kpi.kpiOrders>>['items'][number] & {
  contactName: string | null;
  contactPhone: string | null;
  stateLabel: string;
};
/** KPI drill-down (KpiOrdersDrawer) columns. */
const KPI_ORDERS: Column<KpiRow>[] = [
  { header: '编号', width: 11, value: (r) => r.code },
  { header: '标题', width: 36, value: (r) => r.title },
  { header: '状态', width: 12, value: (r) => r.stateLabel },
  { header: '受理日期', width: 12, value: (r) => r.receivedOn },
  { header: '办结时间', width: 17, value: (r) => beijingTime(r.closedAt) },
  { header: ORDER_FIELD_LABELS.inNumerator, width: 9, value: (r) => (r.inNumerator ? '是' : '否') },
  { header: '联系人', width: 10, value: (r) => r.contactName ?? '' },
  { header: '联系电话', width: 14, value: (r) => r.contactPhone ?? '' },
];

/** Streams `pages` as one worksheet; the first page is already in hand. */
function streamXlsx<R>(
  sheet: string,
  columns: Column<R>[],
  names: Names,
  first: R[],
  rest: () => AsyncIterable<R[]>,
): ReadableStream {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(sheet);
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  const write = (rows: R[]) =>
    rows.forEach((r) => ws.addRow(columns.map((c) => c.value(r, names))).commit());
  void (async () => {
    try {
      write(first);
      for await (const page of rest()) write(page);
      ws.commit();
      await wb.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return Readable.toWeb(out) as ReadableStream;
}

const stamp = () => todayKey().replace(/-/g, '');

/** 工单列表: the list endpoint's filters, every page. */
export async function exportList(db: Db, actor: Actor, townId: string, f: repo.ListFilter) {
  const scope = scopeSql(await appealScope(db, actor, townId));
  const names = await namesOf(db, townId);
  const fetch = async (after: [string, string] | null) => {
    const rows = await repo.listAppeals(db, townId, scope, f, after, PAGE);
    const page = rows.slice(0, PAGE);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toSummary(r)),
      next:
        rows.length > PAGE && last
          ? ([new Date(last.received_at).toISOString(), last.id] as [string, string])
          : null,
    };
  };
  const first = await fetch(null);
  async function* rest() {
    for (let next = first.next; next;) {
      const p = await fetch(next);
      yield p.items;
      next = p.next;
    }
  }
  return {
    filename: `工单列表-${stamp()}.xlsx`,
    stream: streamXlsx('工单列表', LIST, names, first.items, rest),
  };
}

/** 我的待办: every order waiting for the caller, page by page (the screen shows the newest 200). */
export async function exportQueue(db: Db, actor: Actor, townId: string) {
  const pages = queuePages(db, actor, townId);
  const [first, names] = await Promise.all([pages.next(), namesOf(db, townId)]);
  async function* rest() {
    for await (const page of pages) yield page;
  }
  return {
    filename: `我的待办-${stamp()}.xlsx`,
    stream: streamXlsx('我的待办', QUEUE, names, first.done ? [] : first.value, rest),
  };
}

/** 超期工单: the overdue list with its 督办 status. */
export async function exportOverdue(db: Db, actor: Actor, townId: string) {
  const [{ items }, names] = await Promise.all([
    overdueList(db, actor, townId, 10_000),
    namesOf(db, townId),
  ]);
  return {
    filename: `超期工单-${stamp()}.xlsx`,
    stream: streamXlsx('超期工单', OVERDUE, names, items, async function* () {}),
  };
}

/** The orders behind one KPI figure: exactly the drill-down's pages, with masked contacts. */
export async function exportKpiOrders(
  db: Db,
  actor: Actor,
  townId: string,
  q: Omit<Parameters<typeof kpi.kpiOrders>[2], 'cursor' | 'limit'>,
) {
  const scope = scopeSql(await appealScope(db, actor, townId));
  const names = await namesOf(db, townId);
  const fetch = async (cursor: string | null) => {
    const page = await kpi.kpiOrders(db, scope, {
      ...q,
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    });
    const ids = page.items.map((i) => i.id);
    const extra = await lookup.findAppealsById(db, townId, ids);
    const byId = new Map(extra.map((r) => [r.id, toSummary(r)]));
    const items = page.items.map((i) => {
      const s = byId.get(i.id);
      return {
        ...i,
        contactName: s?.contactName ?? null,
        contactPhone: s?.contactPhone ?? null,
        stateLabel: s?.stateLabel ?? i.state,
      };
    });
    return { items, next: page.nextCursor };
  };
  const first = await fetch(null);
  async function* rest() {
    for (let next = first.next; next;) {
      const p = await fetch(next);
      yield p.items;
      next = p.next;
    }
  }
  const label = kpi.kpiById(q.metricId).label;
  return {
    filename: `${label}明细-${stamp()}.xlsx`,
    stream: streamXlsx(`${label}明细`, KPI_ORDERS, names, first.items, rest),
  };
}
