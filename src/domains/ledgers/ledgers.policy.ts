/**
 * Who may see and keep ledgers (DESIGN 2), as small predicates: the route policies check the
 * town and role; `recordScope` then narrows every query to the records the caller may touch.
 * Town leaders, admins and county supervisors see every record of the town (supervisors only
 * read); a portfolio leader sees every record of the types owned by a portfolio they hold through
 * a current position; staff keep their unit's types — every record of the types owned by a
 * portfolio their grant's unit carries (本单位承担的业务, org domain) — plus the records their unit
 * subtree keeps; village cadres (and staff of a unit that carries no portfolio) see the records
 * whose unit is inside the unit subtree of their grant or that name them as responsible person.
 * Dispatchers keep no ledgers. docs/ledgers.md (Scope) states the rule as a table.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { LedgerType } from '../../core/ledger/type.ts';
import type { DB } from '../../db/schema.ts';
import { scopesEnforced } from '../../core/access/enforcement.ts';
import { portfoliosHeld } from '../org/holdings.service.ts';
import { portfoliosOfUnits, unitSubtrees } from '../org/org.service.ts';
import { typesKeptInUnits } from './ledger-record.repository.ts';
import { may, rolesWith, TOWN_WIDE } from '../../core/access/permissions.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';
import type { RecordScope } from './ledger-scope.ts';

// Route level and town-wide readers/writers from the permissions table (core/access).
export const canReadLedgers = (a: Actor, townId: string) => may(a, townId, 'ledgers', 'read');
export const canWriteLedgers = (a: Actor, townId: string) => may(a, townId, 'ledgers', 'write');
/** Ledger types are configuration (DESIGN 2 "admin: configure types"). */
export const canDefineLedgerTypes = (a: Actor, townId: string) =>
  may(a, townId, 'ledgers', 'configure');

export const ledgersRead: RoutePolicy = {
  name: 'ledgers.read',
  allows: (a, p) => canReadLedgers(a, p.townId ?? ''),
};
export const ledgersWrite: RoutePolicy = {
  name: 'ledgers.write',
  allows: (a, p) => canWriteLedgers(a, p.townId ?? ''),
};
export const ledgersAdmin: RoutePolicy = {
  name: 'ledgers.admin',
  allows: (a, p) => canDefineLedgerTypes(a, p.townId ?? ''),
};

export type { RecordScope };

export const NOTHING: RecordScope = {
  all: false,
  typeCodes: [],
  unitIds: [],
  personId: null,
  unitTypeCodes: null,
};

/**
 * The caller's record scope in `townId` for reading (`write` = false) or writing. Honours the
 * test-only scope switch: with enforcement off, everyone sees everything (so the scope matrix
 * can prove it notices).
 */
export async function recordScope(
  db: Kysely<DB>,
  actor: Actor,
  townId: string,
  types: readonly LedgerType[],
  write: boolean,
): Promise<RecordScope> {
  if (!scopesEnforced()) return { all: true };
  const grants = actor.grants.filter((g) => g.townId === townId);
  const townWide = rolesWith('ledgers', write ? 'write' : 'read', TOWN_WIDE);
  if (grants.some((g) => townWide.includes(g.role))) return { all: true };
  const held = new Set<string>();
  if (grants.some((g) => g.role === 'portfolio_leader'))
    for (const p of await portfoliosHeld(db, townId, actor.personId)) held.add(p);
  const unitGrants = grants.filter((g) => g.role === 'staff' || g.role === 'village_cadre');
  // A staff or cadre grant without a unit covers the whole town (Grant: "narrowed when set").
  if (unitGrants.some((g) => g.unitId === null)) return { all: true };
  const scope: RecordScope = {
    all: false,
    typeCodes: [],
    unitIds: [],
    personId: null,
    unitTypeCodes: null,
  };
  if (unitGrants.length) {
    // Staff keep their unit's types: the portfolios of their grants' units, looked up in one query.
    const staffUnits = unitGrants.filter((g) => g.role === 'staff').map((g) => g.unitId!);
    const carried = await portfoliosOfUnits(db, townId, staffUnits);
    for (const codes of carried.values()) for (const p of codes) held.add(p);
    scope.unitIds = await unitSubtrees(
      db,
      townId,
      unitGrants.map((g) => g.unitId!),
    );
    scope.personId = actor.personId;
    // Only when every unit grant is a staff grant of a unit with portfolios is the unit part
    // limited to the types the subtree already keeps records of; a cadre grant or a unit without
    // portfolios keeps the old rule (any type inside the subtree).
    const fallback = unitGrants.some((g) => g.role !== 'staff' || !carried.get(g.unitId!)?.length);
    if (!fallback) scope.unitTypeCodes = await typesKeptInUnits(db, townId, scope.unitIds);
  }
  scope.typeCodes = types.filter((t) => held.has(t.portfolio)).map((t) => t.code);
  return scope;
}

/** Whether the unit part of `scope` (unit subtree, responsible person) applies to records of this type. */
function unitPartCovers(scope: Extract<RecordScope, { all: false }>, typeCode: string): boolean {
  return (
    (scope.unitIds.length > 0 || scope.personId !== null) &&
    (scope.unitTypeCodes === null || scope.unitTypeCodes.includes(typeCode))
  );
}

/** Whether a record with these columns lies inside `scope`. */
export function recordInScope(
  scope: RecordScope,
  r: { typeCode: string; unitId: string | null; personId: string | null },
): boolean {
  if (scope.all) return true;
  if (scope.typeCodes.includes(r.typeCode)) return true;
  return (
    unitPartCovers(scope, r.typeCode) &&
    ((r.unitId !== null && scope.unitIds.includes(r.unitId)) ||
      (scope.personId !== null && r.personId === scope.personId))
  );
}

/** Whether any record of `type` can be in scope (the types a caller is shown and may write). */
export function typeVisible(scope: RecordScope, type: LedgerType): boolean {
  return scope.all || scope.typeCodes.includes(type.code) || unitPartCovers(scope, type.code);
}
