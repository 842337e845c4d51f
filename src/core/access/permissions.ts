/**
 * The permissions table (DESIGN 2): for each resource and action, the scope each role gets —
 * `none`, `own` (their own report), `unit` (their grant's unit subtree: a staff member's unit,
 * a village cadre's village), `portfolio` (the portfolios they hold and their 包联 villages),
 * `town`, or `county` (every town in their county scope, read-only). Route policies ask it which
 * roles may call a route at all; the domains' scope functions ask it which roles see the whole
 * town, and turn the narrower scopes into SQL over their own tables (appealScope, recordScope).
 * A role held several times gets the union of what its grants give. Every domain policy file
 * (`*.policy.ts`) reads it; installation-wide actions of system roles are `SYSTEM_PERMISSIONS`.
 */
import { grantsIn, holdsSystemRole, type Actor, type SystemRole } from '../actor.ts';
import { ROLES, type Role } from './roles.ts';

export const SCOPES = ['none', 'own', 'unit', 'portfolio', 'town', 'county'] as const;
export type Scope = (typeof SCOPES)[number];

type Row = Record<Role, Scope>;

/** Read-only county supervisors and no dispatcher: the ledgers' and metrics' readers. */
const LEDGER_READ: Row = {
  admin: 'town',
  leader: 'town',
  portfolio_leader: 'portfolio',
  staff: 'unit',
  village_cadre: 'unit',
  dispatcher: 'none',
  county_supervisor: 'county',
};

/** Orders: staff see those assigned to their unit, village cadres their village's. */
const APPEAL_READ: Row = {
  admin: 'town',
  leader: 'town',
  portfolio_leader: 'portfolio',
  staff: 'unit',
  village_cadre: 'unit',
  dispatcher: 'town',
  county_supervisor: 'county',
};

/** Everyone holding a grant in the town; county supervisors read-only. */
const EVERY_GRANT: Row = {
  admin: 'town',
  leader: 'town',
  portfolio_leader: 'town',
  staff: 'town',
  village_cadre: 'town',
  dispatcher: 'town',
  county_supervisor: 'county',
};

const ADMIN_ONLY: Row = {
  admin: 'town',
  leader: 'none',
  portfolio_leader: 'none',
  staff: 'none',
  village_cadre: 'none',
  dispatcher: 'none',
  county_supervisor: 'none',
};

const ADMIN_AND_LEADER: Row = { ...ADMIN_ONLY, leader: 'town' };

export const PERMISSIONS = {
  appeals: {
    read: APPEAL_READ,
    /** 登记: the call centre, admins, and the grid (staff and village cadres report from it). */
    intake: {
      admin: 'town',
      leader: 'none',
      portfolio_leader: 'none',
      staff: 'unit',
      village_cadre: 'unit',
      dispatcher: 'town',
      county_supervisor: 'none',
    },
    /** Workflow actions; which one a caller may fire on an order is the kind's data. */
    act: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'portfolio',
      staff: 'unit',
      village_cadre: 'unit',
      dispatcher: 'town',
      county_supervisor: 'none',
    },
    /**
     * 对群众公开的内容: publish, change or withdraw what an order shows the resident; the roles
     * that act on orders (per order, the service requires the caller to answer for it).
     */
    publish: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'portfolio',
      staff: 'unit',
      village_cadre: 'unit',
      dispatcher: 'town',
      county_supervisor: 'none',
    },
    /** 督办 by hand. */
    supervise: {
      admin: 'none',
      leader: 'town',
      portfolio_leader: 'none',
      staff: 'none',
      village_cadre: 'none',
      dispatcher: 'none',
      county_supervisor: 'none',
    },
    /** 查看联系方式 (audited); per order it is canRevealContact's decision. */
    reveal: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'portfolio',
      staff: 'unit',
      village_cadre: 'unit',
      dispatcher: 'town',
      county_supervisor: 'none',
    },
  },
  ledgers: {
    read: LEDGER_READ,
    write: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'portfolio',
      staff: 'unit',
      village_cadre: 'unit',
      dispatcher: 'none',
      county_supervisor: 'none',
    },
    /** Ledger types are configuration. */
    configure: {
      admin: 'town',
      leader: 'none',
      portfolio_leader: 'none',
      staff: 'none',
      village_cadre: 'none',
      dispatcher: 'none',
      county_supervisor: 'none',
    },
  },
  metrics: { read: LEDGER_READ },
  reports: {
    /** 述职报告: town-wide readers see every report, authors their own. */
    read: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'own',
      staff: 'own',
      village_cadre: 'own',
      dispatcher: 'none',
      county_supervisor: 'county',
    },
    /** Everyone writes their own; admins anyone's (people without an account). */
    write: {
      admin: 'town',
      leader: 'own',
      portfolio_leader: 'own',
      staff: 'own',
      village_cadre: 'own',
      dispatcher: 'none',
      county_supervisor: 'none',
    },
    /** Report templates. */
    configure: {
      admin: 'town',
      leader: 'none',
      portfolio_leader: 'none',
      staff: 'none',
      village_cadre: 'none',
      dispatcher: 'none',
      county_supervisor: 'none',
    },
  },
  /** 问题清单, 承诺事项 and 分析通报: rows narrowed like the orders (analysis.policy.ts). */
  appeal_analysis: {
    read: APPEAL_READ,
    write: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'portfolio',
      staff: 'unit',
      village_cadre: 'unit',
      dispatcher: 'town',
      county_supervisor: 'none',
    },
    /** 签发 an official bulletin. */
    issue: ADMIN_AND_LEADER,
    /** 县级排名 over the towns the caller holds such a grant in. */
    read_ranking: { ...ADMIN_ONLY, admin: 'county', county_supervisor: 'county' },
  },
  /**
   * 三会一课 and 党支部星级评定 (party-meetings.policy.ts): the organisation work (组织委员 through
   * their portfolio, 专干 of a unit carrying it) sees every branch; a branch secretary (village
   * cadre) sees and records their own branch; county supervisors read. `configure` (required
   * frequencies, the rating's indicators and thresholds, the scores) is the organisation work's.
   */
  party: {
    read: LEDGER_READ,
    write: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'portfolio',
      staff: 'unit',
      village_cadre: 'unit',
      dispatcher: 'none',
      county_supervisor: 'none',
    },
    configure: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'portfolio',
      staff: 'unit',
      village_cadre: 'none',
      dispatcher: 'none',
      county_supervisor: 'none',
    },
  },
  /**
   * 发展党员 (development.policy.ts): the 组织委员 (a 班子成员 holding the organisation or party
   * building portfolio) and the 专干 of a unit carrying one manage the town's pipeline; a branch
   * secretary (村干部) reads their own branch; county supervisors read.
   */
  member_development: {
    read: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'portfolio',
      staff: 'portfolio',
      village_cadre: 'unit',
      dispatcher: 'none',
      county_supervisor: 'county',
    },
    manage: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'portfolio',
      staff: 'portfolio',
      village_cadre: 'none',
      dispatcher: 'none',
      county_supervisor: 'none',
    },
  },
  /** Units, people, positions, villages and 包联 (org.policy.ts). */
  org: {
    read: EVERY_GRANT,
    write: ADMIN_AND_LEADER,
    /** People's full phone numbers and birth dates; everyone else gets them masked. */
    contacts: ADMIN_AND_LEADER,
  },
  /**
   * The town's own settings (name, office hours). A county admin is one who may configure every
   * town of the county (town.policy.ts).
   */
  town: { configure: ADMIN_ONLY },
  /** Accounts and their grants (users.policy.ts): only in towns where the caller is admin. */
  users: { manage: ADMIN_ONLY },
  /** The append-only audit log and its chain check. */
  audit: { read: ADMIN_AND_LEADER },
  /** Issuing and revoking a town's Open311 api_keys (reads and key-signed posts are public). */
  open311: { manage_keys: ADMIN_ONLY },
} as const satisfies Record<string, Record<string, Row>>;

/**
 * Installation-wide actions, held through a system role (系统运维) and never through a town grant:
 * no row of `PERMISSIONS` reaches them. The statutory work calendar is national reference data;
 * everyone signed in reads it.
 */
export const SYSTEM_PERMISSIONS = {
  calendar: { write: ['system_operator'] },
} as const satisfies Record<string, Record<string, readonly SystemRole[]>>;

export type SystemResource = keyof typeof SYSTEM_PERMISSIONS;

/** Whether the caller holds a system role the installation-wide action needs. */
export function systemMay<R extends SystemResource>(
  actor: Actor,
  resource: R,
  action: keyof (typeof SYSTEM_PERMISSIONS)[R] & string,
): boolean {
  const roles = SYSTEM_PERMISSIONS[resource][action] as readonly SystemRole[];
  return roles.some((role) => holdsSystemRole(actor, role));
}

export type Resource = keyof typeof PERMISSIONS;
export type Action<R extends Resource> = keyof (typeof PERMISSIONS)[R] & string;

/** Scopes that cover a whole town (county supervisors: each town in their scope). */
export const TOWN_WIDE: readonly Scope[] = ['town', 'county'];

export function scopeOf<R extends Resource>(role: Role, resource: R, action: Action<R>): Scope {
  return (PERMISSIONS[resource][action] as Row)[role];
}

/** Roles whose scope for the action is one of `scopes` (default: anything but none). */
export function rolesWith<R extends Resource>(
  resource: R,
  action: Action<R>,
  scopes?: readonly Scope[],
): Role[] {
  return ROLES.filter((role) => {
    const s = scopeOf(role, resource, action);
    return scopes ? scopes.includes(s) : s !== 'none';
  });
}

/** Whether any grant of the caller, in any town, gives the action a scope (in `scopes`, if given). */
export function mayAnywhere<R extends Resource>(
  actor: Actor,
  resource: R,
  action: Action<R>,
  scopes?: readonly Scope[],
): boolean {
  const roles = rolesWith(resource, action, scopes);
  return actor.grants.some((g) => roles.includes(g.role));
}

/** Towns where a grant of the caller gives the action a scope. */
export function townsWhere<R extends Resource>(
  actor: Actor,
  resource: R,
  action: Action<R>,
): string[] {
  const roles = rolesWith(resource, action);
  return [...new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.townId))];
}

/** Whether a grant of the caller in `townId` gives the action a scope (in `scopes`, if given). */
export function may<R extends Resource>(
  actor: Actor,
  townId: string,
  resource: R,
  action: Action<R>,
  scopes?: readonly Scope[],
): boolean {
  const roles = rolesWith(resource, action, scopes);
  return grantsIn(actor, townId).some((g) => roles.includes(g.role));
}
