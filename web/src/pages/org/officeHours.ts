/** 办公时间 as the form edits them: "HH:MM" periods ⇄ time-picker ranges. */
import dayjs, { type Dayjs } from 'dayjs';
import type { OfficePeriod } from '../../api/org.ts';

export const toRange = (p: OfficePeriod): [Dayjs, Dayjs] => [
  dayjs(p.start, 'HH:mm'),
  dayjs(p.end, 'HH:mm'),
];

export const fromRange = ([start, end]: [Dayjs, Dayjs]): OfficePeriod => ({
  start: start.format('HH:mm'),
  end: end.format('HH:mm'),
});
