/**
 * A town's missing meetings as of a day (core/party/meetings.ts judges the same periods for the
 * quarter overview): one row per branch, meeting type and ended period short of the requirement.
 */
import type { Kysely } from 'kysely';
import { meetingGapRowsAsOf } from '../../db/party-meeting-gaps.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export interface MeetingGap {
  branchId: string;
  meetingType: string;
  periodStart: string;
  periodEnd: string;
  required: number;
  held: number;
  missing: number;
}

/** Periods that ended before `asOf` (YYYY-MM-DD, the town's day), oldest first. */
export async function missingMeetings(db: Db, asOf: string, townId: string): Promise<MeetingGap[]> {
  const rows = await (db as Kysely<any>)
    .selectFrom(meetingGapRowsAsOf(asOf))
    .select(['unit_id', 'data'])
    .where('town_id', '=', townId)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
  return rows.map((r: { unit_id: string; data: Record<string, any> }) => ({
    branchId: r.unit_id,
    meetingType: r.data.meeting_type,
    periodStart: r.data.period_start,
    periodEnd: r.data.period_end,
    required: r.data.required,
    held: r.data.held,
    missing: r.data.missing,
  }));
}
