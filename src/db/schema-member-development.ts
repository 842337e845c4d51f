/** Kysely table types of migration 0022 (发展党员). Merged into `DB` in schema.ts. */
import type { ColumnType, Generated } from 'kysely';

/** `date` columns come back as 'YYYY-MM-DD' strings (src/db/database.ts parsers). */
export interface MemberCandidateTable {
  town_id: string;
  id: string;
  branch_id: string;
  person_name: string;
  birth_date: string;
  occupation: string | null;
  state: string;
  version: Generated<number>;
  snapshot: ColumnType<unknown, string, string>;
  applied_on: string;
  stage_on: string;
  next_due_at: Date | null;
  next_due_clock: string | null;
  source_record_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MemberCandidateEventTable {
  town_id: string;
  id: string;
  candidate_id: string;
  action: string;
  label: string;
  from_state: string | null;
  to_state: string;
  on_date: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  at: Date;
  note: string | null;
  payload: ColumnType<unknown, string, string>;
  imported: Generated<boolean>;
}

export interface MemberDevelopmentTables {
  member_candidate: MemberCandidateTable;
  member_candidate_event: MemberCandidateEventTable;
}
