/**
 * Tables without `town_id` (DESIGN 3), each with the reason it cannot be per town: data every
 * town shares, or a directory read before any town is known. Everything else is a tenant table
 * whose key starts with `town_id`. `src/db/tenancy.test.ts` checks the live schema against this
 * list both ways: every townless table is declared here, and every table declared here exists
 * without a `town_id` key.
 */
export const GLOBAL_TABLES: readonly { table: string; why: string }[] = [
  { table: 'county', why: 'the level above the towns; a county supervisor reads several towns' },
  { table: 'town', why: 'the tenants themselves' },
  { table: 'portfolio', why: '分管领域: one list for every town (DESIGN 2)' },
  { table: 'unit_kind', why: 'the kinds of unit (党委, 村, 网格 …): a fixed vocabulary' },
  { table: 'role', why: 'account roles: the one list of core/access' },
  {
    table: 'login_name',
    why: 'a user signs in without naming a town: the login name finds the town and the user',
  },
  {
    table: 'public_tracking_code',
    why: 'a resident types the tracking code (查询码) without knowing the town: the code finds it',
  },
  {
    table: 'public_photo_token',
    why: 'a published photo is fetched by its public token alone (Open311 media_url)',
  },
  {
    table: 'open311_key_hash',
    why: 'an Open311 client posts with its api_key and no town: the key hash names the town',
  },
  {
    table: 'login_throttle',
    why: 'failed sign-ins are counted per name and address before any town is known',
  },
  {
    table: 'rate_limit',
    why: 'public endpoints are limited per address and key before any town is known',
  },
  {
    table: 'work_calendar_year',
    why: 'the State Council holiday arrangement is national (工作日历, system operator)',
  },
  { table: 'work_calendar_day', why: 'the days of that national arrangement' },
  { table: 'appeal_category', why: 'the county-standard 12345 category tree, shared by its towns' },
  { table: 'county_kpi_weight', why: 'the county sets the 三率 weights for all its towns' },
  {
    table: 'meeting_requirement_default',
    why: '三会一课 default frequencies, one rule for every town (a town overrides in its own rows)',
  },
  { table: 'scheduler_state', why: 'the scheduler runs once for all towns; one row per job' },
  { table: 'kysely_migration', why: 'migration bookkeeping of the database itself' },
  { table: 'kysely_migration_lock', why: 'migration bookkeeping of the database itself' },
];
