/**
 * Office hours (办公时间): town configuration of the daily periods in which working-hour limits
 * run, default 08:30–12:00 and 14:00–17:30. Owns their schema and the conversion to minutes.
 */
import { z } from 'zod';
import { parseClock } from './local-time.ts';

const clockSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: '时间格式应为 HH:MM' });

export const officeHoursSchema = z
  .object({ periods: z.array(z.object({ start: clockSchema, end: clockSchema })).min(1) })
  .superRefine((value, ctx) => {
    let previousEnd = -1;
    value.periods.forEach((p, i) => {
      const [start, end] = [parseClock(p.start), parseClock(p.end)];
      if (start >= end)
        ctx.addIssue({ code: 'custom', path: ['periods', i], message: '结束时间须晚于开始时间' });
      if (start < previousEnd)
        ctx.addIssue({
          code: 'custom',
          path: ['periods', i],
          message: '办公时段须按时间先后排列且不重叠',
        });
      previousEnd = end;
    });
  });
export type OfficeHours = z.infer<typeof officeHoursSchema>;

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
};

/** A period as minutes since local midnight, half-open [start, end). */
export interface MinuteSpan {
  start: number;
  end: number;
}

export function officeSpans(hours: OfficeHours): MinuteSpan[] {
  return officeHoursSchema
    .parse(hours)
    .periods.map((p) => ({ start: parseClock(p.start), end: parseClock(p.end) }));
}

/** The minute the office day ends (17:30 by default): when working-day limits fall due. */
export function endOfOfficeDay(spans: MinuteSpan[]): number {
  return spans[spans.length - 1]?.end ?? 24 * 60;
}
