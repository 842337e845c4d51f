/** 工作日历 (`/api/v1/work-calendar/{year}`): national reference data; only a system operator writes. */
import { api, type Schemas } from './client.ts';

export type WorkCalendarYear = Schemas['WorkCalendarYear'];
export type CalendarDay = WorkCalendarYear['days'][number];

const yearPath = (year: number) => ({ params: { path: { year } } });

export const calendarApi = {
  year: (year: number) => api.GET('/api/v1/work-calendar/{year}', yearPath(year)),
  save: (year: number, days: CalendarDay[]) =>
    api.PUT('/api/v1/work-calendar/{year}', { ...yearPath(year), body: { days } }),
};
