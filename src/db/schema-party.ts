/** Kysely table types of the 三会一课 migration (party_member, meeting_attendance, requirements). */
import type { Generated } from 'kysely';

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

export interface PartyMeetingTables {
  party_member: PartyMemberTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_requirement: MeetingRequirementTable;
}
