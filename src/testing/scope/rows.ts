/**
 * The row-level scope matrix: every town role calls the main lists and reads (appeals, my queue,
 * overdue, an out-of-scope order, KPI and ledger metric drill-downs, ledger records of several
 * types, attachments, reports, people's contacts), and every row returned is checked against
 * reach.ts — leaks (a row outside the role's scope), misses (a row the role must see, so an
 * over-tight filter shows too), unmasked contacts and server errors are violations.
 */
import { sql } from 'kysely';
import { localDateOf } from '../../core/calendar/index.ts';
import { newId } from '../../db/ids.ts';
import {
  loadTownFacts,
  reachOf,
  subtreeOf,
  type AppealRaw,
  type CallerReach,
  type Reach,
  type RecordRaw,
  type TownFacts,
} from './reach.ts';
import { USERNAMES, type Caller } from './matrix.ts';
import type { TestApp } from '../app.ts';

export type TownCaller = Exclude<Caller, 'anonymous' | 'other_town_admin' | 'system_operator'>;
export const TOWN_CALLERS: TownCaller[] = [
  'admin',
  'leader',
  'portfolio_leader',
  'staff',
  'village_cadre',
  'dispatcher',
  'county_supervisor',
];

export interface RowViolation {
  caller: TownCaller;
  resource: string;
  kind: 'leak' | 'missing' | 'unmasked' | 'status' | 'server_error' | 'value';
  detail: string;
}

/** Ledger types checked row by row: a portfolio's, the villages' party books, a civil-affairs and a safety book. */
export const LEDGER_TYPES = [
  'propaganda_item',
  'branch_meeting',
  'relief_payment',
  'safety_hazard',
] as const;
/** Ledger metrics checked as value + drill-down (plain counts, so the value is the number of rows behind it). */
export const LEDGER_METRICS = [
  ['ledger.propaganda_item.count', 'propaganda_item'],
  ['ledger.branch_meeting.held', 'branch_meeting'],
] as const;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
/** A village none of the scoped demo users holds: metrics asked for it must stay inside each caller's scope. */
const PROBE_VILLAGE = '青松村';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/**
 * Rows the demo has none of: drafted reports, 包联 out of date, and files on orders and ledger
 * records in and out of each role's scope.
 */
export async function addRowFixtures(t: TestApp): Promise<void> {
  const usernames = USERNAMES;
  const db = t.database.db;
  const townId = t.townId;
  const admin = await t.login(usernames.admin);
  const personOf = async (u: string) =>
    (
      await db
        .selectFrom('app_user')
        .select('person_id')
        .where('town_id', '=', townId)
        .where('username', '=', u)
        .executeTakeFirstOrThrow()
    ).person_id!;
  // One draft through the API, the others as copies of its document (drafting is the slow part).
  const first = await t.call('POST', `/api/v1/towns/${townId}/reports`, {
    cookie: admin,
    body: { personId: await personOf(usernames.leader), year: 2025 },
  });
  if (first.status !== 201)
    throw new Error(`report fixture: ${first.status} ${JSON.stringify(first.body)}`);
  const others = [usernames.portfolio_leader, usernames.staff, usernames.village_cadre, 'zhengfa'];
  for (const u of others) {
    await db
      .insertInto('report')
      .values({
        town_id: townId,
        id: newId(),
        person_id: await personOf(u),
        year: 2025,
        template_id: first.body.templateId,
        document: JSON.stringify(first.body.document),
        created_by: null,
      })
      .execute();
  }
  // 包联 outside today's date: one ended, one not begun — neither may widen the portfolio leader's scope.
  const village = async (name: string) =>
    (
      await db
        .selectFrom('unit')
        .select('id')
        .where('town_id', '=', townId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const tomorrow = localDateOf(new Date(Date.now() + 86_400_000));
  await db
    .insertInto('village_liaison')
    .values([
      {
        town_id: townId,
        id: newId(),
        village_id: await village('青松村'),
        person_id: await personOf(usernames.portfolio_leader),
        starts_on: '2025-01-01',
        ends_on: '2025-06-30',
      },
      {
        town_id: townId,
        id: newId(),
        village_id: await village('柳溪村'),
        person_id: await personOf(usernames.portfolio_leader),
        starts_on: tomorrow,
        ends_on: null,
      },
    ])
    .execute();
  await plantNonVacuousRows(t);
  const adminUser = (
    await db
      .selectFrom('app_user')
      .select('id')
      .where('town_id', '=', townId)
      .where('username', '=', usernames.admin)
      .executeTakeFirstOrThrow()
  ).id;
  const file = async (name: string, owner: { kind: 'appeal' | 'ledger_record'; id: string }) => {
    const id = newId();
    await db
      .insertInto('attachment')
      .values({
        town_id: townId,
        id,
        filename: name,
        content_type: 'image/png',
        size: PNG.byteLength,
        sha256: 'x'.repeat(64),
        bytes: PNG,
        created_by: adminUser,
        uploaded_by: adminUser,
        owner_kind: owner.kind,
        owner_id: owner.id,
      })
      .execute();
    return id;
  };
  // A file on every fifth order (spread over villages, units and kinds).
  const orders = await db
    .selectFrom('appeal')
    .select('id')
    .where('town_id', '=', townId)
    .orderBy('id')
    .execute();
  for (const [i, o] of orders.entries()) {
    if (i % 5) continue;
    await db
      .insertInto('appeal_attachment')
      .values({
        town_id: townId,
        appeal_id: o.id,
        attachment_id: await file(`现场照片${i}.png`, { kind: 'appeal', id: o.id }),
        uploaded_by_name: '系统管理员',
      })
      .execute();
  }
  // A file in one record of each checked type per unit.
  const records = await sql<{ id: string }>`
    select distinct on (type_code, unit_id) id from ledger_record
    where town_id = ${townId} and deleted_at is null and type_code in (${sql.join([...LEDGER_TYPES])})
    order by type_code, unit_id, id`.execute(db);
  for (const r of records.rows) {
    const id = await file('附件.png', { kind: 'ledger_record', id: r.id });
    await sql`
      update ledger_record set data = jsonb_set(data, '{attachments}', ${JSON.stringify([id])}::jsonb)
      where town_id = ${townId} and id = ${r.id}`.execute(db);
  }
}

/**
 * The demo moves with the clock, so what it gives each role differs by date. The checks below that
 * a role saw *some* rows (EXPECT_ROWS, and the leaks expected with scopes off) must not depend on
 * that: plant propaganda records in the village cadre's village and in the probe village, and make
 * one open order the staff member handles overdue.
 */
async function plantNonVacuousRows(t: TestApp): Promise<void> {
  const db = t.database.db;
  const facts = await loadTownFacts(db, t.townId);
  const cadre = facts.users.get(USERNAMES.village_cadre)!;
  const cadreVillage = cadre.grants.find((g) => g.role === 'village_cadre' && g.unitId)?.unitId;
  const probe = facts.unitByName.get(PROBE_VILLAGE);
  const model = await db
    .selectFrom('ledger_record')
    .selectAll()
    .where('town_id', '=', t.townId)
    .where('type_code', '=', 'propaganda_item')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!cadreVillage || !probe || !model)
    throw new Error('row fixture: no village cadre village, probe village or propaganda record');
  for (const [unitId, day] of [
    [cadreVillage, `${YEAR.from.slice(0, 4)}-05-12`],
    [probe, `${YEAR.from.slice(0, 4)}-06-03`],
  ] as const) {
    await db
      .insertInto('ledger_record')
      .values({
        town_id: t.townId,
        id: newId(),
        type_code: model.type_code,
        type_version: model.type_version,
        unit_id: unitId,
        person_id: null,
        occurred_on: day,
        data: JSON.stringify({ ...model.data, attachments: [] }),
        created_by: null,
      })
      .execute();
  }
  const staff = reachOf(facts, USERNAMES.staff);
  const open = facts.appeals.find((a) => !a.closed && !a.merged && staff.appeal(a) === 'must');
  if (!open) throw new Error('row fixture: the staff member handles no open order');
  await db
    .updateTable('appeal')
    .set({ next_due_at: new Date(Date.now() - 86_400_000) })
    .where('town_id', '=', t.townId)
    .where('id', '=', open.id)
    .execute();
}

interface Ctx {
  t: TestApp;
  facts: TownFacts;
  base: string;
  out: RowViolation[];
  /** Rows seen per `caller resource`, so a check that saw nothing is visible in the report. */
  seen: Map<string, number>;
}

type Get = (path: string) => Promise<{ status: number; body: any }>;

/** Compares the ids a caller got with the spec: none outside, every `must` row inside. */
function compare<T extends { id: string }>(
  c: Ctx,
  caller: TownCaller,
  resource: string,
  got: string[],
  rows: T[],
  reach: (r: T) => Reach,
) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set(got);
  const leaks = got.filter((id) => !byId.has(id) || reach(byId.get(id)!) === 'none');
  const missing = rows.filter((r) => reach(r) === 'must' && !seen.has(r.id)).map((r) => r.id);
  if (leaks.length)
    c.out.push({
      caller,
      resource,
      kind: 'leak',
      detail: `${leaks.length} row(s) outside scope, e.g. ${leaks.slice(0, 3).join(', ')}`,
    });
  if (missing.length)
    c.out.push({
      caller,
      resource,
      kind: 'missing',
      detail: `${missing.length} row(s) in scope not shown, e.g. ${missing.slice(0, 3).join(', ')}`,
    });
  c.seen.set(`${caller} ${resource}`, got.length);
}

/** Every page of a cursor-paged list; null when the caller is refused (401/403/404). */
async function collect(
  c: Ctx,
  caller: TownCaller,
  resource: string,
  get: Get,
  path: string,
): Promise<any[] | null> {
  const items: any[] = [];
  for (let cursor: string | null = null, page = 0; page < 100; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await get(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!ok(c, caller, resource, res)) return null;
    items.push(...res.body.items);
    cursor = res.body.nextCursor ?? null;
    if (!cursor) return items;
  }
  throw new Error(`${resource}: more than 100 pages`);
}

/**
 * True on 200; a refusal (401/403/404) leaves the rows unseen, which `compare` judges; any other
 * status is a violation of its own (5xx are recorded by the caller's `get`).
 */
function ok(
  c: Ctx,
  caller: TownCaller,
  resource: string,
  res: { status: number; body: any },
): boolean {
  if (res.status === 200) return true;
  if (res.status < 500 && ![401, 403, 404].includes(res.status))
    c.out.push({
      caller,
      resource,
      kind: 'status',
      detail: `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
    });
  return false;
}

async function checkAppeals(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const { appeals } = c.facts;
  const list = (await collect(c, caller, 'appeals.list', get, '/appeals?limit=200')) ?? [];
  compare(
    c,
    caller,
    'appeals.list',
    list.map((a) => a.id),
    appeals,
    r.appeal,
  );
  const phones = new Map(appeals.map((a) => [a.id, a.contact_phone]));
  if (list.some((a) => a.contactPhone !== null && a.contactPhone === phones.get(a.id)))
    c.out.push({
      caller,
      resource: 'appeals.list',
      kind: 'unmasked',
      detail: 'a resident’s phone number in a list',
    });

  const queue = await get('/appeals/queue');
  const open = (a: AppealRaw): Reach =>
    a.closed || a.merged ? 'none' : r.appeal(a) === 'none' ? 'none' : 'may';
  if (ok(c, caller, 'appeals.queue', queue))
    compare(
      c,
      caller,
      'appeals.queue',
      queue.body.items.map((a: any) => a.id),
      appeals,
      open,
    );
  const overdue = await get('/appeals/overdue');
  const late = (a: AppealRaw): Reach => (a.overdue ? r.appeal(a) : 'none');
  if (ok(c, caller, 'appeals.overdue', overdue))
    compare(
      c,
      caller,
      'appeals.overdue',
      overdue.body.items.map((a: any) => a.id),
      appeals,
      late,
    );

  const received =
    (await collect(
      c,
      caller,
      'appeals.kpi_orders',
      get,
      `/appeals/kpis/appeals.received/orders?from=${YEAR.from}&to=${YEAR.to}&limit=500`,
    )) ?? [];
  const inYear = (a: AppealRaw): Reach =>
    !a.merged && a.received_on >= YEAR.from && a.received_on <= YEAR.to ? r.appeal(a) : 'none';
  compare(
    c,
    caller,
    'appeals.kpi_orders',
    received.map((a) => a.id),
    appeals,
    inYear,
  );

  // One order outside the caller's scope must be unknown to them (404), one inside readable.
  const outside = appeals.find((a) => r.appeal(a) === 'none');
  if (outside) {
    const res = await get(`/appeals/${outside.id}`);
    if (res.status === 200)
      c.out.push({
        caller,
        resource: 'appeals.detail',
        kind: 'leak',
        detail: `order ${outside.id} outside scope answered ${res.status}`,
      });
    else if (res.status !== 404 && res.status < 500)
      c.out.push({
        caller,
        resource: 'appeals.detail',
        kind: 'status',
        detail: `order ${outside.id} outside scope answered ${res.status} (not 404)`,
      });
  }
  const inside = appeals.find((a) => r.appeal(a) === 'must');
  if (inside) {
    const res = await get(`/appeals/${inside.id}`);
    if (res.status !== 200 && res.status < 500)
      c.out.push({
        caller,
        resource: 'appeals.detail',
        kind: 'missing',
        detail: `order ${inside.id} in scope answered ${res.status}`,
      });
  }
  await checkAppealFiles(c, caller, r, get);
  for (const [resource, path, rows] of [
    ['appeal_problems.list', '/appeal-problems?limit=500', c.facts.problems],
    ['appeal_commitments.list', '/appeal-commitments?limit=500', c.facts.commitments],
  ] as const) {
    const res = await get(path);
    if (ok(c, caller, resource, res))
      compare(
        c,
        caller,
        resource,
        res.body.items.map((x: any) => x.id),
        rows,
        r.owned,
      );
  }
}

/** Files on orders: listed and downloaded exactly for the orders the caller may read. */
async function checkAppealFiles(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const files = (
    await sql<{ appeal_id: string; attachment_id: string }>`
      select appeal_id, attachment_id from appeal_attachment
      where town_id = ${c.facts.townId} order by appeal_id`.execute(c.t.database.db)
  ).rows;
  const orders = new Map(c.facts.appeals.map((a) => [a.id, a]));
  const sample = [
    files.find((f) => r.appeal(orders.get(f.appeal_id)!) === 'none'),
    files.find((f) => r.appeal(orders.get(f.appeal_id)!) === 'must'),
  ].filter((f) => f !== undefined);
  let seen = 0;
  for (const f of sample) {
    const expected = r.appeal(orders.get(f.appeal_id)!);
    const list = await get(`/appeals/${f.appeal_id}/attachments`);
    const download = await get(`/appeals/${f.appeal_id}/attachments/${f.attachment_id}`);
    for (const [res, what] of [
      [list, 'list'],
      [download, 'download'],
    ] as const) {
      if (res.status >= 500) continue;
      if (expected === 'none' && res.status === 200)
        c.out.push({
          caller,
          resource: 'appeals.attachments',
          kind: 'leak',
          detail: `${what} of a file on order ${f.appeal_id} outside scope`,
        });
      else if (expected === 'must' && res.status !== 200)
        c.out.push({
          caller,
          resource: 'appeals.attachments',
          kind: 'missing',
          detail: `${what} of a file on order ${f.appeal_id} in scope: ${res.status}`,
        });
      else if (res.status === 200) seen++;
    }
  }
  c.seen.set(`${caller} appeals.attachments`, seen);
}

async function checkLedgers(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const { records } = c.facts;
  for (const type of LEDGER_TYPES) {
    const ofType = records.filter((x) => x.type_code === type);
    const got =
      (await collect(
        c,
        caller,
        `ledgers.${type}`,
        get,
        `/ledger-types/${type}/records?limit=500`,
      )) ?? [];
    compare(
      c,
      caller,
      `ledgers.${type}`,
      got.map((x) => x.id),
      ofType,
      r.record,
    );
    const outside = ofType.find((x) => r.record(x) === 'none');
    if (outside && (await get(`/ledger-types/${type}/records/${outside.id}`)).status === 200) {
      c.out.push({
        caller,
        resource: `ledgers.${type}`,
        kind: 'leak',
        detail: `record ${outside.id} outside scope opened by id`,
      });
    }
  }
  for (const [metricId, type] of LEDGER_METRICS) {
    const resource = `metrics.${metricId}`;
    const inYear = (x: RecordRaw): Reach =>
      x.type_code === type && x.occurred_on >= YEAR.from && x.occurred_on <= YEAR.to
        ? r.record(x)
        : 'none';
    const value = await get(`/metrics/${metricId}?from=${YEAR.from}&to=${YEAR.to}`);
    const rows =
      (await collect(
        c,
        caller,
        resource,
        get,
        `/metrics/${metricId}/records?from=${YEAR.from}&to=${YEAR.to}&limit=500`,
      )) ?? [];
    compare(
      c,
      caller,
      resource,
      rows.map((x) => x.id),
      records,
      inYear,
    );
    if (ok(c, caller, resource, value) && value.body.value !== rows.length)
      c.out.push({
        caller,
        resource,
        kind: 'value',
        detail: `value ${value.body.value} but ${rows.length} rows behind it`,
      });
    // Asking for another village's figure must not widen the caller's scope (a unit parameter only narrows).
    const village = new Set(subtreeOf(c.facts, c.facts.unitByName.get(PROBE_VILLAGE)!));
    const narrowed = (x: RecordRaw): Reach =>
      x.unit_id !== null && village.has(x.unit_id) ? inYear(x) : 'none';
    const q = `from=${YEAR.from}&to=${YEAR.to}&unitId=${c.facts.unitByName.get(PROBE_VILLAGE)}`;
    const probe =
      (await collect(
        c,
        caller,
        `${resource}@${PROBE_VILLAGE}`,
        get,
        `/metrics/${metricId}/records?${q}&limit=500`,
      )) ?? [];
    compare(
      c,
      caller,
      `${resource}@${PROBE_VILLAGE}`,
      probe.map((x) => x.id),
      records,
      narrowed,
    );
    const probeValue = await get(`/metrics/${metricId}?${q}`);
    if (
      ok(c, caller, `${resource}@${PROBE_VILLAGE}`, probeValue) &&
      probeValue.body.value !== probe.length
    )
      c.out.push({
        caller,
        resource: `${resource}@${PROBE_VILLAGE}`,
        kind: 'value',
        detail: `value ${probeValue.body.value} but ${probe.length} rows behind it`,
      });
  }
  await checkLedgerFiles(c, caller, r, get);
}

/** A ledger file is readable by whoever may read the live record that owns it (issue 10 item 5). */
async function checkLedgerFiles(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const refs = (
    await sql<{ attachment_id: string; record_id: string }>`
    select a.id as attachment_id, l.id as record_id from attachment a
    join ledger_record l on l.town_id = a.town_id and l.id = a.owner_id and l.deleted_at is null
    where a.town_id = ${c.facts.townId} and a.owner_kind = 'ledger_record' order by a.id`.execute(
      c.t.database.db,
    )
  ).rows;
  const records = new Map(c.facts.records.map((x) => [x.id, x]));
  const reach = (f: (typeof refs)[number]): Reach => r.record(records.get(f.record_id)!);
  const sample = [
    refs.find((f) => reach(f) === 'none'),
    refs.find((f) => reach(f) === 'must'),
  ].filter((f) => f !== undefined);
  let seen = 0;
  for (const f of sample) {
    const res = await get(`/attachments/${f.attachment_id}`);
    const expected = reach(f);
    if (res.status >= 500) continue;
    if (expected === 'none' && res.status === 200)
      c.out.push({
        caller,
        resource: 'ledgers.attachments',
        kind: 'leak',
        detail: `file of record ${f.record_id} outside scope`,
      });
    else if (expected === 'must' && res.status !== 200)
      c.out.push({
        caller,
        resource: 'ledgers.attachments',
        kind: 'missing',
        detail: `file of record ${f.record_id} in scope: ${res.status}`,
      });
    else if (res.status === 200) seen++;
  }
  c.seen.set(`${caller} ledgers.attachments`, seen);
}

async function checkReports(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const rows = c.facts.reports;
  const got = (await collect(c, caller, 'reports.list', get, '/reports?limit=200')) ?? [];
  compare(
    c,
    caller,
    'reports.list',
    got.map((x) => x.id),
    rows,
    (x) => r.report(x.person_id),
  );
  const other = rows.find((x) => r.report(x.person_id) === 'none');
  if (other) {
    const res = await get(`/reports/${other.id}`);
    if (res.status === 200)
      c.out.push({
        caller,
        resource: 'reports.detail',
        kind: 'leak',
        detail: `someone else’s report ${other.id} answered 200`,
      });
  }
}

/** People's phone numbers and birth dates: in full for DESIGN 2's contact readers, masked for everyone else. */
async function checkContacts(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const got = (await collect(c, caller, 'people.contacts', get, '/people?limit=500')) ?? [];
  const full = got.filter((p) => p.phone !== null && p.phone === c.facts.people.get(p.id)?.phone);
  c.seen.set(`${caller} people.contacts`, got.length);
  if (!r.fullContacts && (full.length || got.some((p) => p.birthDate !== null))) {
    c.out.push({
      caller,
      resource: 'people.contacts',
      kind: 'unmasked',
      detail: `${full.length} full phone number(s) of ${got.length} people`,
    });
  }
  if (
    r.fullContacts &&
    got.some((p) => c.facts.people.get(p.id)?.phone && p.phone !== c.facts.people.get(p.id)?.phone)
  ) {
    c.out.push({
      caller,
      resource: 'people.contacts',
      kind: 'missing',
      detail: 'a contact reader got a masked phone number',
    });
  }
}

const ALL = TOWN_CALLERS;
const LEDGER_READERS: TownCaller[] = [
  'admin',
  'leader',
  'portfolio_leader',
  'staff',
  'village_cadre',
  'county_supervisor',
];
const VILLAGE_BOOKS: TownCaller[] = ['admin', 'leader', 'village_cadre', 'county_supervisor'];

/** Who must see at least one row of each checked resource in the demo town (see runRowMatrix). */
export const EXPECT_ROWS: Record<string, readonly TownCaller[]> = {
  'appeals.list': ALL,
  'appeals.overdue': ALL,
  'appeals.kpi_orders': ALL,
  'appeals.attachments': ALL,
  'appeals.queue': ['admin', 'leader', 'staff', 'dispatcher'],
  'appeal_problems.list': [
    'admin',
    'leader',
    'portfolio_leader',
    'dispatcher',
    'county_supervisor',
  ],
  'appeal_commitments.list': [
    'admin',
    'leader',
    'portfolio_leader',
    'dispatcher',
    'county_supervisor',
  ],
  'ledgers.propaganda_item': LEDGER_READERS,
  'metrics.ledger.propaganda_item.count': LEDGER_READERS,
  'ledgers.attachments': LEDGER_READERS,
  'ledgers.branch_meeting': VILLAGE_BOOKS,
  'ledgers.relief_payment': VILLAGE_BOOKS,
  'ledgers.safety_hazard': VILLAGE_BOOKS,
  'metrics.ledger.branch_meeting.held': VILLAGE_BOOKS,
  'metrics.ledger.branch_meeting.held@青松村': ['admin', 'leader', 'county_supervisor'],
  'reports.list': LEDGER_READERS,
  'people.contacts': ALL,
};

export interface RowMatrixOptions {
  /** Only these callers (default: every town role). */
  callers?: readonly TownCaller[];
  /** Changes the facts the spec is computed from — for the test proving a hidden row is noticed. */
  adjustFacts?: (facts: TownFacts) => void;
}

/**
 * Runs the row checks for each town role. `EXPECT_ROWS` lists who must have seen at least one
 * row (the demo gives them some), so a filter that hides everything — or a spec that expects
 * nothing — cannot pass quietly.
 */
export async function runRowMatrix(t: TestApp, options: RowMatrixOptions = {}) {
  const callers = options.callers ?? TOWN_CALLERS;
  const facts = await loadTownFacts(t.database.db, t.townId);
  options.adjustFacts?.(facts);
  const c: Ctx = { t, facts, base: `/api/v1/towns/${t.townId}`, out: [], seen: new Map() };
  for (const caller of callers) {
    const cookie = await t.login(USERNAMES[caller]);
    const get: Get = async (path) => {
      const res = await t.call('GET', `${c.base}${path}`, { cookie });
      if (res.status >= 500)
        c.out.push({
          caller,
          resource: `GET ${path.split('?')[0]}`,
          kind: 'server_error',
          detail: `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
        });
      return res;
    };
    const reach = reachOf(facts, USERNAMES[caller]);
    await checkAppeals(c, caller, reach, get);
    await checkLedgers(c, caller, reach, get);
    await checkReports(c, caller, reach, get);
    await checkContacts(c, caller, reach, get);
  }
  for (const [resource, expected] of Object.entries(EXPECT_ROWS)) {
    for (const caller of expected.filter((x) => callers.includes(x))) {
      if (!c.seen.get(`${caller} ${resource}`))
        c.out.push({
          caller,
          resource,
          kind: 'missing',
          detail: 'saw no rows where the demo town gives this role some',
        });
    }
  }
  return { violations: c.out, seen: c.seen };
}
