/**
 * Kysely table types of the 三会一课 migration (party_member, meeting_attendance, requirements)
 * and the 星级评定 migration (branch_rating_scheme, branch_rating_score).
 */
import type { ColumnType, Generated } from 'kysely';

export interface PartyMemberTable {
  town_id: string;
  id: string;
  branch_id: string;
  name: string;
  committee: Generated<boolean>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface MeetingAttendanceTable {
  town_id: string;
  record_id: string;
  member_id: string;
  present: boolean;
  absence_reason: string | null;
}

export interface MeetingRequirementTable {
  town_id: string;
  meeting_type: string;
  period: 'month' | 'quarter';
  times: number;
}

/** The shipped default per meeting type (migration 0027): the one place a default is written. */
export interface MeetingRequirementDefaultTable {
  meeting_type: string;
  period: 'month' | 'quarter';
  times: number;
}

type Json = ColumnType<unknown, string, string>;

export interface BranchRatingSchemeTable {
  town_id: string;
  year: number;
  indicators: Json;
  thresholds: Json;
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface BranchRatingScoreTable {
  town_id: string;
  record_id: string;
  indicator: string;
  score: ColumnType<number, number, number>;
  evidence: ColumnType<unknown, string | undefined, string>;
  note: string | null;
}

export interface PartyMeetingTables {
  party_member: PartyMemberTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_requirement: MeetingRequirementTable;
  meeting_requirement_default: MeetingRequirementDefaultTable;
  branch_rating_scheme: BranchRatingSchemeTable;
  branch_rating_score: BranchRatingScoreTable;
}
