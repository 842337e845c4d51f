/**
 * The scope matrix, route level: every registered API route × a caller of every role (plus a
 * stranger from another town and an anonymous caller), checked against the expected allow/deny of
 * the route's policy (DESIGN 2); any 5xx is a violation too. Built from the live route table, so a
 * route without a policy expectation is itself a failure. The row level — which rows each role gets
 * back — is rows.ts. Both are run by src/server/scope-matrix.test.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../db/ids.ts';
import { createUser } from '../../domains/auth/user.service.ts';
import { registeredRoutes } from '../../http/route.ts';
import type { TestApp } from '../app.ts';
import { TEST_PASSWORD } from '../app.ts';

export const CALLERS = [
  'anonymous',
  'admin',
  'leader',
  'portfolio_leader',
  'staff',
  'village_cadre',
  'dispatcher',
  'county_supervisor',
  'other_town_admin',
  'system_operator',
] as const;
export type Caller = (typeof CALLERS)[number];

/** Demo usernames per caller (see src/demo/demo-town.ts). */
export const USERNAMES: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: 'admin',
  leader: 'shuji',
  portfolio_leader: 'xuanchuan',
  staff: 'zhuangan',
  village_cadre: 'cunganbu',
  dispatcher: 'paidan',
  county_supervisor: 'ducha',
  other_town_admin: 'other_admin',
  system_operator: 'operator',
};

const TOWN_ROLES: Caller[] = [
  'admin',
  'leader',
  'portfolio_leader',
  'staff',
  'village_cadre',
  'dispatcher',
  'county_supervisor',
];
// The system operator's account sits in the other town and holds no town role there.
const SIGNED_IN: Caller[] = [...TOWN_ROLES, 'other_town_admin', 'system_operator'];

/** Who passes each policy at the route level, for a route of town A. */
export const EXPECTED: Record<string, readonly Caller[]> = {
  public: CALLERS,
  signed_in: SIGNED_IN,
  'org.read': TOWN_ROLES,
  'org.write': ['admin', 'leader'],
  'users.manage': ['admin'],
  'audit.read': ['admin', 'leader'],
  'ledgers.read': [
    'admin',
    'leader',
    'portfolio_leader',
    'staff',
    'village_cadre',
    'county_supervisor',
  ],
  'ledgers.write': ['admin', 'leader', 'portfolio_leader', 'staff', 'village_cadre'],
  'ledgers.admin': ['admin'],
  'metrics.read': [
    'admin',
    'leader',
    'portfolio_leader',
    'staff',
    'village_cadre',
    'county_supervisor',
  ],
  'appeals.read': TOWN_ROLES,
  'appeals.intake': ['admin', 'staff', 'village_cadre', 'dispatcher'],
  'appeals.act': ['admin', 'leader', 'portfolio_leader', 'staff', 'village_cadre', 'dispatcher'],
  'appeals.supervise': ['admin', 'leader'],
  // Which order's text: who answers the resident for it (desk, leaders, its handlers), per order.
  'appeals.publish': [
    'admin',
    'leader',
    'portfolio_leader',
    'staff',
    'village_cadre',
    'dispatcher',
  ],
  // Which order's contact: canRevealContact (town desk and leaders, or who handles it — a 包案领导 too).
  'appeals.reveal': ['admin', 'leader', 'portfolio_leader', 'staff', 'village_cadre', 'dispatcher'],
  'appeal_analysis.read': TOWN_ROLES,
  'appeal_analysis.write': [
    'admin',
    'leader',
    'portfolio_leader',
    'staff',
    'village_cadre',
    'dispatcher',
  ],
  'appeal_analysis.issue': ['admin', 'leader'],
  // County rankings span towns: county supervisors and admins, over the towns they hold grants in.
  'appeal_analysis.county': ['admin', 'county_supervisor', 'other_town_admin'],
  // The national work calendar: only the installation's 系统运维 (issue 10 item 7).
  'calendar.operator': ['system_operator'],
  'reports.read': [
    'admin',
    'leader',
    'portfolio_leader',
    'staff',
    'village_cadre',
    'county_supervisor',
  ],
  'reports.write': ['admin', 'leader', 'portfolio_leader', 'staff', 'village_cadre'],
  'reports.admin': ['admin'],
  // Open311 reads look at no session; its POST is open at route level but refuses everyone
  // without a town's api_key (403), which no session caller has; keys are the town admin's.
  open311: CALLERS,
  'open311.api_key': [],
  'open311.keys': ['admin'],
  // A town's admin edits the town; county writes are open to admins at route level and checked
  // against "admin of every town of the county" in the service (town.policy.ts).
  'town.admin': ['admin'],
  'county.admin': ['admin', 'other_town_admin'],
  // /metrics looks at no session: only a scraper on the machine itself (loopback, no proxy header)
  // or one with LVZHI_METRICS_TOKEN; app.request() has no socket, so every caller here gets 403.
  'ops.metrics': [],
  // 民主测评: admins, leaders, and the organisation portfolio's holders and units (the matrix's
  // portfolio leader and staff hold 宣传: refused before validation); a person's results also to
  // county supervisors (and to the person: never SAMPLE_ID here).
  'appraisal.manage': ['admin', 'leader'],
  'appraisal.access': TOWN_ROLES,
  'appraisal.results': ['admin', 'leader', 'county_supervisor'],
  // 三会一课 and 星级评定: the permissions table's `party` rows; which branches is branchScope's.
  'party.read': [
    'admin',
    'leader',
    'portfolio_leader',
    'staff',
    'village_cadre',
    'county_supervisor',
  ],
  'party.write': ['admin', 'leader', 'portfolio_leader', 'staff', 'village_cadre'],
  'party.configure': ['admin', 'leader', 'portfolio_leader', 'staff'],
  // The demo's 宣传委员 and 宣传专干 hold no organisation portfolio; the 村干部 reads their branch.
  'member_development.read': ['admin', 'leader', 'village_cadre', 'county_supervisor'],
  'member_development.manage': ['admin', 'leader'],
  'member_development.access': [
    'admin',
    'leader',
    'portfolio_leader',
    'staff',
    'village_cadre',
    'county_supervisor',
  ],
};

/** A caller let in or kept out against EXPECTED, or any 5xx (a server error is never an answer). */
export interface Violation {
  method: string;
  path: string;
  policy: string;
  caller: Caller;
  status: number;
  expected: 'allow' | 'deny' | 'no_server_error';
}

export async function addOtherTown(db: Kysely<DB>): Promise<string> {
  const county = await db.selectFrom('county').select('id').executeTakeFirstOrThrow();
  const townId = newId();
  await db
    .insertInto('town')
    .values({ id: townId, county_id: county.id, name: '白云镇', code: 'baiyun' })
    .execute();
  await db.transaction().execute((trx) =>
    createUser(
      trx,
      { actor: null, townId, ip: null },
      {
        username: 'other_admin',
        displayName: '白云镇管理员',
        roles: [{ role: 'admin' }, { role: 'leader' }],
        password: TEST_PASSWORD,
      },
    ),
  );
  await db.transaction().execute((trx) =>
    createUser(
      trx,
      { actor: null, townId, ip: null },
      {
        username: 'operator',
        displayName: '系统运维员',
        roles: [{ role: 'system_operator' }],
        password: TEST_PASSWORD,
      },
    ),
  );
  return townId;
}

const SAMPLE_ID = '01900000-0000-7000-8000-000000000001';

function concretePath(path: string, townId: string): string {
  return path.replace('{townId}', townId).replace(/\{[A-Za-z]+\}/g, SAMPLE_ID);
}

export async function runScopeMatrix(
  t: TestApp,
  options: {
    /** Only these callers (default: all). */
    callers?: readonly Caller[];
    /** Another account for a caller's role, e.g. a portfolio leader whose scope is different. */
    usernames?: Partial<typeof USERNAMES>;
    /** Only routes whose path starts so (default: all). */
    pathPrefix?: string;
  } = {},
): Promise<{ violations: Violation[]; missingPolicies: string[]; checked: number }> {
  const usernames = { ...USERNAMES, ...options.usernames };
  const callers = options.callers ?? CALLERS;
  const cookies = new Map<Caller, string>();
  const cookieFor = async (caller: Caller) => {
    if (caller === 'anonymous') return undefined;
    if (!cookies.has(caller)) cookies.set(caller, await t.login(usernames[caller]));
    return cookies.get(caller);
  };
  const violations: Violation[] = [];
  const missingPolicies: string[] = [];
  let checked = 0;
  // Session-ending routes go last so they do not log callers out mid-matrix.
  const routes = [...registeredRoutes()]
    .filter((r) => r.path.startsWith(options.pathPrefix ?? ''))
    .sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
  for (const route of routes) {
    const allowed = EXPECTED[route.policy.name];
    if (!allowed) {
      missingPolicies.push(`${route.method} ${route.path} (${route.policy.name})`);
      continue;
    }
    for (const caller of callers) {
      const cookie = await cookieFor(caller);
      const body = ['POST', 'PATCH', 'PUT'].includes(route.method) ? {} : undefined;
      const res = await t.call(route.method, concretePath(route.path, t.townId), { cookie, body });
      checked++;
      const denied = res.status === 401 || res.status === 403;
      const expectAllow = allowed.includes(caller);
      if (res.status >= 500) {
        violations.push({
          method: route.method,
          path: route.path,
          policy: route.policy.name,
          caller,
          status: res.status,
          expected: 'no_server_error',
        });
      } else if (expectAllow === denied) {
        violations.push({
          method: route.method,
          path: route.path,
          policy: route.policy.name,
          caller,
          status: res.status,
          expected: expectAllow ? 'allow' : 'deny',
        });
      }
      if (route.path.endsWith('/logout')) cookies.delete(caller);
    }
  }
  return { violations, missingPolicies, checked };
}
