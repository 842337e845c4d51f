/**
 * A town's working settings (town.settings): office hours (办公时间) and per-kind workflow
 * settings, read by every intake and order detail. The org domain owns them: the town's admin
 * edits them (town.service.ts), the appeals domain reads them through this service.
 */
import type { Kysely } from 'kysely';
import {
  DEFAULT_OFFICE_HOURS,
  officeHoursSchema,
  type OfficeHours,
} from '../../core/calendar/index.ts';
import { NotFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import * as repo from './town.repository.ts';

type Db = Kysely<DB>;

export interface TownSettings {
  officeHours: OfficeHours;
  /** Per-kind overrides of kind settings, e.g. `{ hotline: { maxReopens: 3 } }`. */
  kindSettings: Record<string, Record<string, number>>;
  countyId: string;
}

/**
 * Settings change rarely (an admin edits office hours once a year) but every intake and detail
 * reads them, so they are kept per town for a short while. A writer of `town.settings` calls
 * `invalidateTownSettings` (immediate on this instance); other app servers pick the change up
 * within SETTINGS_TTL_MS. Entries are immutable values, so sharing them is safe.
 */
export const SETTINGS_TTL_MS = 30_000;
const settingsCache = new Map<string, { at: number; value: Promise<TownSettings> }>();

export function invalidateTownSettings(townId?: string): void {
  if (townId) settingsCache.delete(townId);
  else settingsCache.clear();
}

/** Office hours and kind settings of the town, cached for SETTINGS_TTL_MS. */
export function townSettings(db: Db, townId: string): Promise<TownSettings> {
  const hit = settingsCache.get(townId);
  if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.value;
  const value = readTownSettings(db, townId);
  settingsCache.set(townId, { at: Date.now(), value });
  // A failed read (e.g. inside an aborted transaction) must not stay cached.
  value.catch(() => settingsCache.get(townId)?.value === value && settingsCache.delete(townId));
  return value;
}

/** Reads office hours (stored as [['08:30','12:00'], …]) and kind settings from the town row. */
async function readTownSettings(db: Db, townId: string): Promise<TownSettings> {
  const town = await repo.findTown(db, townId);
  if (!town) throw new NotFound('乡镇');
  const s = (
    typeof town.settings === 'string' ? JSON.parse(town.settings) : town.settings
  ) as Record<string, unknown>;
  let officeHours = DEFAULT_OFFICE_HOURS;
  if (Array.isArray(s.officeHours)) {
    const parsed = officeHoursSchema.safeParse({
      periods: (s.officeHours as [string, string][]).map(([start, end]) => ({ start, end })),
    });
    if (parsed.success) officeHours = parsed.data;
  }
  const kindSettings = (
    s.appealKindSettings && typeof s.appealKindSettings === 'object' ? s.appealKindSettings : {}
  ) as Record<string, Record<string, number>>;
  return { officeHours, kindSettings, countyId: town.county_id };
}
