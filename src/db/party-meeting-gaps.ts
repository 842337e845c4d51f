/**
 * Missing meetings (应开未开会议) as rows, as of a day the caller gives: the SQL function
 * `party_meeting_gap_rows(as_of)` of migration 0028 (the months and quarters that ended before
 * `as_of` in which a branch held fewer meetings of a type than its town requires). Never the
 * database's own clock: the caller passes the town's today or the end of a report's period.
 */
import dayjs from 'dayjs';
import { sql } from 'kysely';
import type { SourceDate } from './metrics/source.ts';

/** The rows as a FROM item, aliased like the view of the other party rows. */
export function meetingGapRowsAsOf(asOf: string) {
  return sql`party_meeting_gap_rows(cast(${asOf} as date))`.as('party_metric_row');
}

/**
 * The day a metric over a period judges missing meetings on: its caller's day, or the day after
 * the period when that is earlier (every month and quarter of a past period has ended by then).
 */
export function gapDayOf(at: SourceDate): string {
  const after = dayjs(at.period.to).add(1, 'day').format('YYYY-MM-DD');
  return at.asOf && at.asOf < after ? at.asOf : after;
}

/** The metric source's FROM item for one evaluation. */
export const meetingGapSourceFrom = (at: SourceDate) => meetingGapRowsAsOf(gapDayOf(at));
