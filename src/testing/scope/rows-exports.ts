/**
 * The row-level scope matrix for Excel exports — the easiest way to take a whole list out. Every
 * town role downloads the appeal exports (order list, my queue, overdue, a KPI drill-down) and two
 * ledger exports; each workbook is parsed and its rows are checked against reach.ts like the
 * JSON lists in rows.ts: no row outside the scope, none missing, residents' contacts masked.
 */
import {
  loadTownFacts,
  reachOf,
  type AppealRaw,
  type CallerReach,
  type Reach,
  type TownFacts,
} from './reach.ts';
import { USERNAMES } from './matrix.ts';
import {
  downloader,
  EXPORTED_LEDGER_TYPES,
  loadExportFacts,
  type Download,
  type ExportFacts,
} from './rows-exports-facts.ts';
import { TOWN_CALLERS, type RowMatrixOptions, type RowViolation, type TownCaller } from './rows.ts';
import type { TestApp } from '../app.ts';

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const LEDGER_READERS: TownCaller[] = [
  'admin',
  'leader',
  'portfolio_leader',
  'staff',
  'village_cadre',
  'county_supervisor',
];

/** Who must find at least one row in each export in the demo town, so an empty workbook cannot pass quietly. */
export const EXPECT_EXPORT_ROWS: Record<string, readonly TownCaller[]> = {
  'exports.appeals.list': TOWN_CALLERS,
  'exports.appeals.overdue': TOWN_CALLERS,
  'exports.appeals.kpi_orders': TOWN_CALLERS,
  'exports.appeals.queue': ['admin', 'leader', 'staff', 'dispatcher'],
  'exports.ledgers.propaganda_item': LEDGER_READERS,
  'exports.ledgers.branch_meeting': ['admin', 'leader', 'village_cadre', 'county_supervisor'],
};

interface Ctx {
  facts: TownFacts;
  ex: ExportFacts;
  out: RowViolation[];
  seen: Map<string, number>;
}
/** Status other than 200 or a refusal is a violation; a refusal leaves the rows unseen, which the comparison judges. */
function refused(
  c: Ctx,
  caller: TownCaller,
  resource: string,
  res: Awaited<ReturnType<Download>>,
): boolean {
  if (res.rows) return false;
  if (res.status >= 500)
    c.out.push({ caller, resource, kind: 'server_error', detail: `${res.status} ${res.detail}` });
  else if (![401, 403, 404].includes(res.status))
    c.out.push({ caller, resource, kind: 'status', detail: `${res.status} ${res.detail}` });
  return true;
}

/**
 * An appeal export: codes against the spec (each once), and every contact masked — lists and
 * exports never carry a resident's contact in full.
 */
async function checkAppealExport(
  c: Ctx,
  caller: TownCaller,
  resource: string,
  res: Awaited<ReturnType<Download>>,
  reach: (a: AppealRaw) => Reach,
) {
  const rows = refused(c, caller, resource, res) ? [] : res.rows!;
  const codes = rows.map((r) => r.get('编号') ?? '');
  if (rows.length && !res.detail.split('|').includes('编号'))
    c.out.push({ caller, resource, kind: 'value', detail: `no 编号 column: ${res.detail}` });
  const leaks = codes.filter((code) => {
    const a = c.ex.appealByCode.get(code);
    return !a || reach(a) === 'none';
  });
  const got = new Set(codes);
  const missing = [...c.ex.appealByCode.entries()]
    .filter(([code, a]) => reach(a) === 'must' && !got.has(code))
    .map(([code]) => code);
  if (leaks.length)
    c.out.push({
      caller,
      resource,
      kind: 'leak',
      detail: `${leaks.length} order(s) outside scope, e.g. ${leaks.slice(0, 3).join(', ')}`,
    });
  if (missing.length)
    c.out.push({
      caller,
      resource,
      kind: 'missing',
      detail: `${missing.length} order(s) in scope not exported, e.g. ${missing.slice(0, 3).join(', ')}`,
    });
  if (got.size !== codes.length)
    c.out.push({
      caller,
      resource,
      kind: 'value',
      detail: `${codes.length - got.size} order(s) exported twice`,
    });
  const digits = (s: string | null | undefined) => (s ?? '').replace(/\D/g, '');
  const unmasked = rows.filter((r) => {
    const a = c.ex.appealByCode.get(r.get('编号') ?? '');
    const phone = r.get('联系电话') ?? '';
    const name = r.get('联系人') ?? '';
    return (
      (phone !== '' &&
        (!phone.includes('*') ||
          (a?.contact_phone && digits(phone) === digits(a.contact_phone)))) ||
      (name !== '' && name === a?.contact_name)
    );
  });
  if (unmasked.length)
    c.out.push({
      caller,
      resource,
      kind: 'unmasked',
      detail: `${unmasked.length} row(s) with a resident’s phone or name in full, e.g. ${unmasked[0]!.get('编号')}`,
    });
  c.seen.set(`${caller} ${resource}`, rows.length);
  c.seen.set(
    `${caller} ${resource}.phones`,
    rows.filter((r) => (r.get('联系电话') ?? '') !== '').length,
  );
}

/**
 * A ledger export has no id column (it is the importer's sheet), so rows are matched to records
 * by their whole content, as a multiset: a content exported more often than in-scope records
 * hold it is a leak; fewer than the records the caller must see is a miss.
 */
function checkLedgerExport(
  c: Ctx,
  caller: TownCaller,
  type: string,
  res: Awaited<ReturnType<Download>>,
  r: CallerReach,
) {
  const resource = `exports.ledgers.${type}`;
  const rows = refused(c, caller, resource, res) ? [] : res.rows!;
  const headers = c.ex.headers.get(type)!;
  if (res.rows && res.detail !== headers.join('|'))
    c.out.push({
      caller,
      resource,
      kind: 'value',
      detail: `columns ${res.detail}, expected ${headers.join('|')}`,
    });
  const got = new Map<string, number>();
  for (const row of rows) {
    const print = headers.map((h) => row.get(h) ?? '').join('\u241f');
    got.set(print, (got.get(print) ?? 0) + 1);
  }
  const allowed = new Map<string, number>();
  const must = new Map<string, number>();
  for (const { record, print } of c.ex.recordPrints.get(type)!) {
    const reach = r.record(record);
    if (reach !== 'none') allowed.set(print, (allowed.get(print) ?? 0) + 1);
    if (reach === 'must') must.set(print, (must.get(print) ?? 0) + 1);
  }
  const leaks = [...got].filter(([p, n]) => n > (allowed.get(p) ?? 0));
  const missing = [...must].filter(([p, n]) => n > (got.get(p) ?? 0));
  const sample = (list: [string, number][]) =>
    list
      .slice(0, 2)
      .map(([p]) => p.split('\u241f').slice(0, 4).join(' / '))
      .join('; ');
  if (leaks.length)
    c.out.push({
      caller,
      resource,
      kind: 'leak',
      detail: `${leaks.length} row(s) matching no record in scope, e.g. ${sample(leaks)}`,
    });
  if (missing.length)
    c.out.push({
      caller,
      resource,
      kind: 'missing',
      detail: `${missing.length} record(s) in scope not exported, e.g. ${sample(missing)}`,
    });
  c.seen.set(`${caller} ${resource}`, rows.length);
}

async function checkExports(c: Ctx, caller: TownCaller, r: CallerReach, download: Download) {
  const open = (a: AppealRaw): Reach =>
    a.closed || a.merged || r.appeal(a) === 'none' ? 'none' : 'may';
  const late = (a: AppealRaw): Reach => (a.overdue ? r.appeal(a) : 'none');
  const inYear = (a: AppealRaw): Reach =>
    !a.merged && a.received_on >= YEAR.from && a.received_on <= YEAR.to ? r.appeal(a) : 'none';
  await checkAppealExport(
    c,
    caller,
    'exports.appeals.list',
    await download('/appeals/export'),
    r.appeal,
  );
  await checkAppealExport(
    c,
    caller,
    'exports.appeals.queue',
    await download('/appeals/queue/export'),
    open,
  );
  await checkAppealExport(
    c,
    caller,
    'exports.appeals.overdue',
    await download('/appeals/overdue/export'),
    late,
  );
  await checkAppealExport(
    c,
    caller,
    'exports.appeals.kpi_orders',
    await download(`/appeals/kpis/appeals.received/orders/export?from=${YEAR.from}&to=${YEAR.to}`),
    inYear,
  );
  for (const type of EXPORTED_LEDGER_TYPES)
    checkLedgerExport(c, caller, type, await download(`/ledger-types/${type}/export`), r);
}

/** Runs the export checks for each town role; same options and result shape as runRowMatrix. */
export async function runExportRowMatrix(t: TestApp, options: RowMatrixOptions = {}) {
  const callers = options.callers ?? TOWN_CALLERS;
  const facts = await loadTownFacts(t.database.db, t.townId);
  const ex = await loadExportFacts(t, facts);
  options.adjustFacts?.(facts);
  const c: Ctx = { facts, ex, out: [], seen: new Map() };
  for (const caller of callers) {
    const cookie = await t.login(USERNAMES[caller]);
    await checkExports(
      c,
      caller,
      reachOf(facts, USERNAMES[caller]),
      downloader(t, `/api/v1/towns/${t.townId}`, cookie),
    );
  }
  for (const [resource, expected] of Object.entries(EXPECT_EXPORT_ROWS)) {
    for (const caller of expected.filter((x) => callers.includes(x))) {
      if (!c.seen.get(`${caller} ${resource}`))
        c.out.push({
          caller,
          resource,
          kind: 'missing',
          detail: 'exported no rows where the demo town gives this role some',
        });
    }
  }
  return { violations: c.out, seen: c.seen };
}
