/**
 * What a workflow call needs besides the order: the working calendar and the town's office hours
 * and per-kind settings (org's town settings), and the category tree's roots.
 */
import type { Kysely } from 'kysely';
import type { WorkCalendar } from '../../core/calendar/index.ts';
import type { DB } from '../../db/schema.ts';
import { listCategories } from './appeal-lookup.repository.ts';
import { loadWorkCalendar } from '../calendar/calendar.service.ts';
import { townSettings, type TownSettings } from '../org/town-settings.service.ts';

type Db = Kysely<DB>;

export interface EngineEnv {
  calendar: WorkCalendar;
  town: TownSettings;
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
  const roots = listCategories(db).then(
    (rows) => new Map(rows.map((r) => [r.code, r.parent_code ?? r.code])),
  );
  const entry = { at: Date.now(), roots };
  categoryCache = entry;
  roots.catch(() => categoryCache === entry && (categoryCache = null));
  return roots;
}
