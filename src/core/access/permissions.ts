/**
 * The permissions table (DESIGN 2): for each resource and action, the scope each role gets —
 * `none`, `own` (their own report), `unit` (their grant's unit subtree: a staff member's unit,
 * a village cadre's village), `portfolio` (the portfolios they hold and their 包联 villages),
 * `town`, or `county` (every town in their county scope, read-only). Route policies ask it which
 * roles may call a route at all; the domains' scope functions ask it which roles see the whole
 * town, and turn the narrower scopes into SQL over their own tables (appealScope, recordScope).
 * A role held several times gets the union of what its grants give.
 */
import { grantsIn, type Actor } from '../actor.ts';
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

export const PERMISSIONS = {
  appeals: {
    /** Orders: staff see those assigned to their unit, village cadres their village's. */
    read: {
      admin: 'town',
      leader: 'town',
      portfolio_leader: 'portfolio',
      staff: 'unit',
      village_cadre: 'unit',
      dispatcher: 'town',
      county_supervisor: 'county',
    },
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
} as const satisfies Record<string, Record<string, Row>>;

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
