/**
 * The pages' clock: every time shown in the town's zone (Asia/Shanghai) and one format, whatever
 * the PC's zone. The formatting is core's (`src/core/calendar/display.ts`, shared with the Excel
 * and Word exports); this file only adds what the antd pickers need: "today" as a dayjs value.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { formatDateTime, todayKey } from '../../../src/core/calendar/display.ts';
import { localInstant } from '../../../src/core/calendar/local-time.ts';

export {
  chineseDate,
  currentYear,
  formatDate,
  formatDateTime,
  formatDateTimeShort,
  formatDue,
  todayKey,
} from '../../../src/core/calendar/display.ts';

/** Today on the town's clock as a picker value (midnight of that date in the PC's zone). */
export function townToday(now: Date = new Date()): Dayjs {
  return dayjs(todayKey(now));
}

/**
 * A date-and-time picker shows the town's wall clock: the instant `at` as a dayjs whose fields
 * read the Beijing date and time (pair with `fromTownWallClock`).
 */
export function townWallClock(at: Date | string | number = new Date()): Dayjs {
  return dayjs(formatDateTime(at));
}

/** The instant a picker's wall-clock value means on the town's clock (ISO, for the API). */
export function fromTownWallClock(value: Dayjs): string {
  const minute = value.hour() * 60 + value.minute();
  return localInstant(value.format('YYYY-MM-DD'), minute).toISOString();
}
