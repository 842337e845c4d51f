/**
 * Kysely table types of 问题清单 clusters, 承诺事项 commitments (migration 0006), dismissed
 * proposals and issued 分析通报 bulletins (0010). Merged into `DB` in schema.ts.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns come back as 'YYYY-MM-DD' strings (src/db/database.ts parsers). */
type DateString = string;

/** 问题清单 — a recurring problem behind several similar appeals. */
export interface AppealProblemTable {
  town_id: string;
  id: string;
  title: string;
  description: string | null;
  village_id: string | null;
  category_code: string | null;
  category_root: string | null;
  owner_unit_id: string | null;
  owner_person_id: string | null;
  plan: string | null;
  result: string | null;
  status: string;
  due_on: DateString | null;
  rectified_at: Timestamp | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AppealProblemOrderTable {
  town_id: string;
  problem_id: string;
  appeal_id: string;
  source: string;
  added_by: string | null;
  added_at: Generated<Date>;
}

export interface AppealProblemExclusionTable {
  town_id: string;
  problem_id: string;
  appeal_id: string;
  excluded_by: string | null;
  excluded_at: Generated<Date>;
}

/** 承诺事项 — a public promise with a due date. */
export interface AppealCommitmentTable {
  town_id: string;
  id: string;
  title: string;
  content: string;
  promised_to: string;
  village_id: string | null;
  owner_unit_id: string | null;
  owner_person_id: string | null;
  promised_on: DateString;
  due_on: DateString;
  status: string;
  evidence: string | null;
  fulfilled_at: Timestamp | null;
  problem_id: string | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AppealCommitmentOrderTable {
  town_id: string;
  commitment_id: string;
  appeal_id: string;
}

export interface AppealCommitmentNoteTable {
  town_id: string;
  id: string;
  commitment_id: string;
  note: string;
  author_user_id: string | null;
  author_name: string;
  at: Generated<Date>;
}

/** 忽略 — a detection proposal a user dismissed; its orders are not proposed together again. */
export interface AppealProblemDismissalTable {
  town_id: string;
  id: string;
  problem_id: string | null;
  title: string;
  village_id: string | null;
  category_code: string | null;
  reason: string;
  dismissed_by: string | null;
  dismissed_by_name: string;
  dismissed_at: Generated<Date>;
  revoked_by: string | null;
  revoked_by_name: string | null;
  revoked_at: Timestamp | null;
}

export interface AppealProblemDismissalOrderTable {
  town_id: string;
  dismissal_id: string;
  appeal_id: string;
}

/** 签发 — an issued 分析通报, stored with its figures and never recomputed. */
export interface AppealBulletinIssueTable {
  town_id: string;
  id: string;
  year: number;
  number: number;
  title: string;
  period_from: DateString;
  period_to: DateString;
  scope_kind: string;
  scope_id: string | null;
  scope_name: string | null;
  as_of: Timestamp;
  /** JSON text on write; parsed object on read. */
  document: ColumnType<unknown, string, string>;
  data: ColumnType<unknown, string, string>;
  issued_by: string | null;
  issued_by_name: string;
  issued_at: Generated<Date>;
}

export interface AppealAnalysisTables {
  appeal_problem_dismissal: AppealProblemDismissalTable;
  appeal_problem_dismissal_order: AppealProblemDismissalOrderTable;
  appeal_bulletin_issue: AppealBulletinIssueTable;
  appeal_problem: AppealProblemTable;
  appeal_problem_order: AppealProblemOrderTable;
  appeal_problem_exclusion: AppealProblemExclusionTable;
  appeal_commitment: AppealCommitmentTable;
  appeal_commitment_order: AppealCommitmentOrderTable;
  appeal_commitment_note: AppealCommitmentNoteTable;
}
