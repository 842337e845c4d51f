/**
 * Working calendar and deadline arithmetic: the public surface of `core/calendar`.
 * Other modules import from here, not from the files behind it.
 */
export * from './local-time.ts';
export * from './office-hours.ts';
export * from './work-calendar.ts';
export * from './deadline.ts';
export { HOLIDAY_ARRANGEMENTS_2020_2026 } from './holidays-2020-2026.ts';
export * from './display.ts';
