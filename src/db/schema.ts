/**
 * Row types of every table, as Kysely sees them. snake_case mirrors the SQL; repositories
 * convert rows to domain types in one function each.
 */
import type { ColumnType, Generated } from 'kysely';
import { GLOBAL_TABLES } from './global-tables.ts';
import type { AppealAnalysisTables } from './schema-appeal-analysis.ts';
import type { AppealOperationsTables } from './schema-appeal-operations.ts';
import type { AppraisalTables } from './schema-appraisal.ts';
import type { MemberDevelopmentTables } from './schema-member-development.ts';
import type { LedgerRuleTables } from './schema-ledger-rules.ts';
import type { PartyMeetingTables } from './schema-party.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string, string>;

export interface CountyTable {
  id: string;
  name: string;
  code: string;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface TownTable {
  id: string;
  county_id: string;
  name: string;
  code: string;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Generated<Date>;
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

/**
 * Directories of lookups that arrive without a town (global-tables.ts says why): the value alone
 * finds its town, then the tenant row is read by (town_id, value).
 */
export interface PublicTrackingCodeTable {
  tracking_code: string;
  town_id: string;
}
export interface PublicPhotoTokenTable {
  public_token: string;
  town_id: string;
  appeal_id: string;
  attachment_id: string;
}
export interface Open311KeyHashTable {
  key_hash: string;
  town_id: string;
  key_id: string;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

/** A browser (by the hash of its device cookie) that has signed in as a user. */
export interface LoginDeviceTable {
  town_id: string;
  user_id: string;
  device_hash: string;
  created_at: Timestamp;
  last_login_at: Timestamp;
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

/** 本单位承担的业务 — the portfolios a unit carries (migration 0009). */
export interface UnitPortfolioTable {
  town_id: string;
  unit_id: string;
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

export interface LedgerTypeTable {
  town_id: string;
  code: string;
  version: number;
  name: string;
  portfolio: string;
  definition: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface LedgerRecordTable {
  town_id: string;
  id: string;
  type_code: string;
  type_version: number;
  unit_id: string | null;
  person_id: string | null;
  occurred_on: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
  deleted_at: Date | null;
}

export interface LedgerUniqueTable {
  town_id: string;
  type_code: string;
  field_key: string;
  value: string;
  record_id: string;
}

export type AttachmentOwner = 'ledger_record' | 'appeal';
export interface AttachmentTable {
  town_id: string;
  id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  created_by: string | null;
  created_at: Generated<Date>;
  /** The record or order the file belongs to; null until a record claims its uploader's file. */
  owner_kind: ColumnType<AttachmentOwner | null, AttachmentOwner | null | undefined>;
  owner_id: ColumnType<string | null, string | null | undefined>;
  /** The acting user (any town's); `created_by` only names users of this town. */
  uploaded_by: ColumnType<string | null, string | null | undefined>;
}

// ---- appeals (migration 0003) -----------------------------------------------------------------

export interface WorkCalendarYearTable {
  year: number;
  source: Generated<string>;
  updated_at: Generated<Date>;
}

export interface WorkCalendarDayTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string | null;
  source: Generated<string>;
  updated_at: Generated<Date>;
}

export interface AppealCategoryTable {
  code: string;
  parent_code: string | null;
  name: string;
  portfolio_code: string | null;
  sort_order: Generated<number>;
}

export interface CountyKpiWeightTable {
  county_id: string;
  response: number;
  resolution: number;
  satisfaction: number;
}

export interface SchedulerStateTable {
  job: string;
  last_tick_at: Timestamp;
  updated_at: Generated<Date>;
}

export interface AppealCodeCounterTable {
  town_id: string;
  year: number;
  last_seq: number;
}

export interface AppealTable {
  town_id: string;
  id: string;
  code: string;
  kind: string;
  state: string;
  version: Generated<number>;
  channel: string;
  category_code: string | null;
  category_root: string | null;
  urgency: string | null;
  village_id: string | null;
  unit_id: string | null;
  co_handler_unit_ids: ColumnType<string[], string[] | undefined, string[]>;
  handler_person_id: string | null;
  case_leader_person_id: string | null;
  owner_person_id: string | null;
  title: string;
  content: string;
  contact_name: string | null;
  contact_phone: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  received_at: Timestamp;
  received_on: string;
  response_due_at: Timestamp | null;
  complete_due_at: Timestamp | null;
  next_due_at: Timestamp | null;
  next_due_clock: string | null;
  first_response_at: Timestamp | null;
  responded_on_time: boolean | null;
  closed_at: Timestamp | null;
  closed_on_time: boolean | null;
  satisfaction: string | null;
  solved: boolean | null;
  reopen_count: Generated<number>;
  merged_into: string | null;
  resident_rating: number | null;
  resident_comment: string | null;
  snapshot: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AppealEventTable {
  town_id: string;
  id: string;
  appeal_id: string;
  seq: number;
  action: string;
  label: string;
  from_state: string | null;
  to_state: string;
  actor_user_id: string | null;
  actor_name: string;
  at: Timestamp;
  note: string | null;
  payload: ColumnType<Record<string, unknown>, string, string>;
}

export interface AppealAttachmentTable {
  town_id: string;
  appeal_id: string;
  attachment_id: string;
  created_at: Generated<Date>;
  /** Timeline event (seq) the file illustrates, e.g. a 答复 photo (migration 0007). */
  event_seq: number | null;
  uploaded_by_name: Generated<string>;
  /** Unguessable handle of the Open311 media_url, set exactly while `is_public` (migrations 0007, 0011). */
  public_token: string | null;
  /** 公开给群众: shown as Open311 media_url and on the resident's tracking page (migration 0011). */
  is_public: Generated<boolean>;
  /** Sent by the resident with a public request (public from the start). */
  from_resident: Generated<boolean>;
  published_at: Date | null;
  published_by_name: string | null;
}

export interface AppealReminderTable {
  town_id: string;
  id: string;
  appeal_id: string;
  clock: string;
  due_at: Timestamp;
  kind: 'reminder' | 'supervision';
  target_person_id: string | null;
  message: string;
  created_at: Generated<Date>;
  acknowledged_at: Timestamp | null;
  /** Columns of migration 0007: manual 督办 (source 'manual'), addressee unit, acknowledgement and reply. */
  source: Generated<'scheduler' | 'manual'>;
  target_unit_id: string | null;
  note: string | null;
  issued_by: string | null;
  issued_by_name: string | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  reply: string | null;
  replied_at: Timestamp | null;
  replied_by_name: string | null;
  version: Generated<number>;
}

export interface PublicRequestTable {
  town_id: string;
  idempotency_key: string;
  appeal_id: string;
  created_at: Generated<Date>;
  /** 'public_page' | 'open311' (migration 0005). */
  channel: string;
  request_hash: string;
  tracking_code: string;
  token: string;
  api_key_id: string | null;
  /** Open311 POST media_url (migration 0007). */
  media_url: Generated<string | null>;
  /** Text a handler published, as written; scrubbed whenever shown (migration 0013). */
  public_description: Generated<string | null>;
  public_reply: Generated<string | null>;
  published_at: Generated<Date | null>;
  published_by_name: Generated<string | null>;
  publication_version: Generated<number>;
}

/** 群众评价 — a resident's one-time rating of an order (migration 0005). */
export interface PublicRatingTable {
  town_id: string;
  appeal_id: string;
  satisfaction: string;
  solved: boolean;
  comment: string | null;
  created_at: Generated<Date>;
}

export interface Open311ApiKeyTable {
  town_id: string;
  id: string;
  key_hash: string;
  label: string;
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
}

// ---- reports (migration 0004) -----------------------------------------------------------------

export interface ReportTemplateTable {
  town_id: string;
  id: string;
  role: string | null;
  name: string;
  definition: ColumnType<unknown, string, string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReportTable {
  town_id: string;
  id: string;
  person_id: string;
  year: number;
  template_id: string;
  state: Generated<'draft' | 'frozen'>;
  document: ColumnType<unknown, string, string>;
  version: Generated<number>;
  frozen_at: Timestamp | null;
  frozen_by: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReportRevisionTable {
  town_id: string;
  id: string;
  report_id: string;
  report_version: number;
  document: ColumnType<unknown, string, string>;
  reason: 'save' | 'restore' | 'regenerate' | 'freeze' | 'rephrase';
  saved_by: string | null;
  saved_at: Generated<Date>;
}

export interface ImportedReportTable {
  town_id: string;
  id: string;
  person_id: string | null;
  year: number | null;
  filename: string;
  text: string;
  outline: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface DB
  extends
    AppealAnalysisTables,
    AppealOperationsTables,
    LedgerRuleTables,
    AppraisalTables,
    PartyMeetingTables,
    MemberDevelopmentTables {
  county: CountyTable;
  town: TownTable;
  portfolio: PortfolioTable;
  unit_kind: CatalogueTable;
  role: CatalogueTable;
  login_name: LoginNameTable;
  public_tracking_code: PublicTrackingCodeTable;
  public_photo_token: PublicPhotoTokenTable;
  open311_key_hash: Open311KeyHashTable;
  login_throttle: LoginThrottleTable;
  login_device: LoginDeviceTable;
  rate_limit: RateLimitTable;
  unit: UnitTable;
  person: PersonTable;
  position: PositionTable;
  position_portfolio: PositionPortfolioTable;
  unit_portfolio: UnitPortfolioTable;
  village_liaison: VillageLiaisonTable;
  app_user: AppUserTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_entry: AuditEntryTable;
  audit_head: AuditHeadTable;
  ledger_type: LedgerTypeTable;
  ledger_record: LedgerRecordTable;
  ledger_unique: LedgerUniqueTable;
  attachment: AttachmentTable;
  work_calendar_year: WorkCalendarYearTable;
  work_calendar_day: WorkCalendarDayTable;
  appeal_category: AppealCategoryTable;
  county_kpi_weight: CountyKpiWeightTable;
  scheduler_state: SchedulerStateTable;
  appeal_code_counter: AppealCodeCounterTable;
  appeal: AppealTable;
  appeal_event: AppealEventTable;
  appeal_attachment: AppealAttachmentTable;
  appeal_reminder: AppealReminderTable;
  public_request: PublicRequestTable;
  open311_api_key: Open311ApiKeyTable;
  public_rating: PublicRatingTable;
  report_template: ReportTemplateTable;
  report: ReportTable;
  report_revision: ReportRevisionTable;
  imported_report: ImportedReportTable;
}

/** Tables without `town_id` in their key; each one's reason is in global-tables.ts (DESIGN 3). */
export const REFERENCE_TABLES: readonly string[] = GLOBAL_TABLES.map((t) => t.table);
