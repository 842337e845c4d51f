/**
 * Row types of every table, as Kysely sees them. snake_case mirrors the SQL; repositories
 * convert rows to domain types in one function each.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface CountyTable {
  id: string;
  name: string;
  code: string;
  created_at: Timestamp;
}

export interface TownTable {
  id: string;
  county_id: string;
  name: string;
  code: string;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
}

export interface CatalogueTable {
  code: string;
  name: string;
}

export interface PortfolioTable extends CatalogueTable {
  sort_order: Generated<number>;
}

export interface LoginNameTable {
  username: string;
  town_id: string;
  user_id: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface RateLimitTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

interface Versioned {
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface UnitTable extends Versioned {
  town_id: string;
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  code: string | null;
  sort_order: Generated<number>;
  updated_at: Generated<Date>;
}

export interface PersonTable extends Versioned {
  town_id: string;
  id: string;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  phone: string | null;
  party_member: Generated<boolean>;
  unit_id: string | null;
  note: string | null;
  updated_at: Generated<Date>;
}

export interface PositionTable extends Versioned {
  town_id: string;
  id: string;
  person_id: string;
  unit_id: string;
  title: string;
  leadership: Generated<boolean>;
  starts_on: string;
  ends_on: string | null;
  updated_at: Generated<Date>;
}

export interface PositionPortfolioTable {
  town_id: string;
  position_id: string;
  portfolio_code: string;
}

export interface VillageLiaisonTable extends Versioned {
  town_id: string;
  id: string;
  village_id: string;
  person_id: string;
  starts_on: string;
  ends_on: string | null;
}

export interface AppUserTable extends Versioned {
  town_id: string;
  id: string;
  username: string;
  display_name: string;
  person_id: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  last_login_at: Timestamp | null;
  updated_at: Generated<Date>;
}

export interface UserRoleTable {
  town_id: string;
  id: string;
  user_id: string;
  role: string;
  scope_town_id: string;
  scope_unit_id: string | null;
  created_at: Generated<Date>;
}

export interface SessionTable {
  town_id: string;
  id: string;
  user_id: string;
  secret_hash: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEntryTable {
  town_id: string;
  seq: ColumnType<number, number, never>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  town_id: string;
  seq: number;
  hash: string;
}

export interface DB {
  county: CountyTable;
  town: TownTable;
  portfolio: PortfolioTable;
  unit_kind: CatalogueTable;
  role: CatalogueTable;
  login_name: LoginNameTable;
  login_throttle: LoginThrottleTable;
  rate_limit: RateLimitTable;
  unit: UnitTable;
  person: PersonTable;
  position: PositionTable;
  position_portfolio: PositionPortfolioTable;
  village_liaison: VillageLiaisonTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_entry: AuditEntryTable;
  audit_head: AuditHeadTable;
}

/** Tables without `town_id` in their key: small, global reference data (DESIGN 3). */
export const REFERENCE_TABLES = [
  'county',
  'town',
  'portfolio',
  'unit_kind',
  'role',
  'login_name',
  'login_throttle',
  'rate_limit',
  'kysely_migration',
  'kysely_migration_lock',
] as const;
