/**
 * The row-level scope matrix: every town role calls the main lists and reads (appeals, my queue,
 * overdue, an out-of-scope order, KPI and ledger metric drill-downs, ledger records of several
 * types, attachments, reports, people's contacts), and every row returned is checked against
 * reach.ts — leaks (a row outside the role's scope), misses (a row the role must see, so an
 * over-tight filter shows too), unmasked contacts and server errors are violations. The checks
 * live in rows-appeals.ts and rows-ledgers.ts, the fixtures in rows-fixtures.ts.
 */
import { loadTownFacts, reachOf, type CallerReach, type TownFacts } from './reach.ts';
import { USERNAMES } from './matrix.ts';
import { checkAppeals } from './rows-appeals.ts';
import {
  collect,
  compare,
  TOWN_CALLERS,
  type Ctx,
  type Get,
  type TownCaller,
} from './rows-common.ts';
import { checkLedgers } from './rows-ledgers.ts';
import type { TestApp } from '../app.ts';

export {
  LEDGER_METRICS,
  LEDGER_TYPES,
  TOWN_CALLERS,
  type RowViolation,
  type TownCaller,
} from './rows-common.ts';
export { addRowFixtures } from './rows-fixtures.ts';

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
