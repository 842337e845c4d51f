/**
 * What a workflow call needs besides the order: the working calendar, the town's office hours and
 * per-kind settings (town.settings), and the caller's workflow roles for one order.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_OFFICE_HOURS, officeHoursSchema, type OfficeHours, type WorkCalendar } from '../../core/calendar/index.ts';
import type { DB } from '../../db/schema.ts';
import { loadWorkCalendar } from '../calendar/calendar.service.ts';

type Db = Kysely<DB>;

export interface TownAppealSettings {
  officeHours: OfficeHours;
  /** Per-kind overrides of kind settings, e.g. `{ hotline: { maxReopens: 3 } }`. */
  kindSettings: Record<string, Record<string, number>>;
  countyId: string;
}

/** Reads office hours (stored as [['08:30','12:00'], …]) and kind settings from the town row. */
export async function townSettings(db: Db, townId: string): Promise<TownAppealSettings> {
  const town = await db.selectFrom('town').select(['settings', 'county_id']).where('id', '=', townId).executeTakeFirstOrThrow();
  const s = (typeof town.settings === 'string' ? JSON.parse(town.settings) : town.settings) as Record<string, unknown>;
  let officeHours = DEFAULT_OFFICE_HOURS;
  if (Array.isArray(s.officeHours)) {
    const parsed = officeHoursSchema.safeParse({ periods: (s.officeHours as [string, string][]).map(([start, end]) => ({ start, end })) });
    if (parsed.success) officeHours = parsed.data;
  }
  const kindSettings = (s.appealKindSettings && typeof s.appealKindSettings === 'object' ? s.appealKindSettings : {}) as Record<string, Record<string, number>>;
  return { officeHours, kindSettings, countyId: town.county_id };
}

export interface EngineEnv {
  calendar: WorkCalendar;
  town: TownAppealSettings;
}

export async function engineEnv(db: Db, townId: string): Promise<EngineEnv> {
  return { calendar: await loadWorkCalendar(db), town: await townSettings(db, townId) };
}
