/**
 * What a workflow call needs besides the order: the working calendar, the town's office hours and
 * per-kind settings (town.settings), and the caller's workflow roles for one order.
 */
import type { Kysely } from 'kysely';
import {
  DEFAULT_OFFICE_HOURS,
  officeHoursSchema,
  type OfficeHours,
  type WorkCalendar,
} from '../../core/calendar/index.ts';
import type { DB } from '../../db/schema.ts';
import { loadWorkCalendar } from '../calendar/calendar.service.ts';

type Db = Kysely<DB>;

export interface TownAppealSettings {
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
const settingsCache = new Map<string, { at: number; value: Promise<TownAppealSettings> }>();

export function invalidateTownSettings(townId?: string): void {
  if (townId) settingsCache.delete(townId);
  else settingsCache.clear();
}

/** Office hours and kind settings of the town, cached for SETTINGS_TTL_MS. */
export function townSettings(db: Db, townId: string): Promise<TownAppealSettings> {
  const hit = settingsCache.get(townId);
  if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.value;
  const value = readTownSettings(db, townId);
  settingsCache.set(townId, { at: Date.now(), value });
  // A failed read (e.g. inside an aborted transaction) must not stay cached.
  value.catch(() => settingsCache.get(townId)?.value === value && settingsCache.delete(townId));
  return value;
}

/** Reads office hours (stored as [['08:30','12:00'], …]) and kind settings from the town row. */
async function readTownSettings(db: Db, townId: string): Promise<TownAppealSettings> {
  const town = await db
    .selectFrom('town')
    .select(['settings', 'county_id'])
    .where('id', '=', townId)
    .executeTakeFirstOrThrow();
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

export interface EngineEnv {
  calendar: WorkCalendar;
  town: TownAppealSettings;
}

export async function engineEnv(db: Db, townId: string): Promise<EngineEnv> {
  return { calendar: await loadWorkCalendar(db), town: await townSettings(db, townId) };
}

/**
 * The county-standard category tree is reference data written by migrations only, so its
 * code → root map is kept for CATEGORY_TTL_MS (intake asks for it on every order).
 */
const CATEGORY_TTL_MS = 300_000;
let categoryCache: { at: number; roots: Promise<Map<string, string>> } | null = null;

export function categoryRoots(db: Db): Promise<Map<string, string>> {
  if (categoryCache && Date.now() - categoryCache.at < CATEGORY_TTL_MS) return categoryCache.roots;
  const roots = db
    .selectFrom('appeal_category')
    .select(['code', 'parent_code'])
    .execute()
    .then((rows) => new Map(rows.map((r) => [r.code, r.parent_code ?? r.code])));
  const entry = { at: Date.now(), roots };
  categoryCache = entry;
  roots.catch(() => categoryCache === entry && (categoryCache = null));
  return roots;
}
