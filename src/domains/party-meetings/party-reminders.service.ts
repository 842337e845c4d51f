/**
 * 三会一课 reminders for the bell (issue 14): per branch the caller records for (a branch
 * secretary their own; the organisation work every branch), the meeting types still short of the
 * town's frequency in the current month or quarter when that period ends within REMIND_DAYS.
 * Nobody else is reminded: a leader who only reads gets none.
 */
import dayjs from 'dayjs';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { currentPeriod, MEETING_TYPE_LABELS } from '../../core/party/meetings.ts';
import type { DB } from '../../db/schema.ts';
import { branchesFor, listMeetings } from './party-meetings.service.ts';
import { requirementsInForce } from './party-roster.service.ts';

type Db = Kysely<DB>;

/** A period ending within this many days is falling due. */
export const REMIND_DAYS = 10;

export async function meetingReminders(db: Db, actor: Actor, townId: string, today: string) {
  const horizon = dayjs(today).add(REMIND_DAYS, 'day').format('YYYY-MM-DD');
  const due = (await requirementsInForce(db, townId))
    .filter((r) => r.times > 0)
    .map((r) => ({ ...r, ...currentPeriod(r, today) }))
    .filter((r) => r.to <= horizon);
  if (due.length === 0) return [];
  const branches = await branchesFor(db, actor, townId, 'write');
  if (branches.length === 0) return [];
  const from = due.reduce((min, r) => (r.from < min ? r.from : min), today);
  const meetings = await listMeetings(db, actor, townId, { from, to: today });
  return branches.flatMap((b) =>
    due.flatMap((r) => {
      const held = meetings.filter(
        (m) =>
          m.branchId === b.id &&
          m.meetingType === r.meetingType &&
          m.heldOn >= r.from &&
          m.heldOn <= r.to,
      ).length;
      if (held >= r.times) return [];
      return [
        {
          branchId: b.id,
          branchName: b.name,
          meetingType: r.meetingType,
          typeLabel: MEETING_TYPE_LABELS[r.meetingType],
          periodLabel: r.label,
          periodEnd: r.to,
          held,
          required: r.times,
        },
      ];
    }),
  );
}
