/**
 * Appeals at volume, generated inside the database with one `INSERT … SELECT generate_series`
 * (2024–2025, spread over the given towns): hotline orders whose KPI columns follow fixed
 * residues of the series number, so every KPI has non-trivial numerators and denominators and
 * ~1 % are merged duplicates (excluded from every KPI). Also the hand-written KPI floor query.
 */
import type { BenchDatabase } from './database.ts';

/** The appeal columns intake writes (AppealTable minus defaults it leaves alone). */
export const INTAKE_COLUMNS = [
  'town_id',
  'id',
  'code',
  'kind',
  'channel',
  'category_code',
  'category_root',
  'urgency',
  'village_id',
  'title',
  'content',
  'contact_name',
  'contact_phone',
  'address',
  'lat',
  'lng',
  'received_at',
  'received_on',
  'snapshot',
  'created_by',
  'state',
  'unit_id',
  'co_handler_unit_ids',
  'case_leader_person_id',
  'owner_person_id',
  'handler_person_id',
  'response_due_at',
  'complete_due_at',
  'next_due_at',
  'next_due_clock',
  'first_response_at',
  'responded_on_time',
  'closed_at',
  'closed_on_time',
  'satisfaction',
  'solved',
  'reopen_count',
] as const;

const INTAKE_PARAMS = INTAKE_COLUMNS.map((c, i) =>
  c === 'snapshot' ? `$${i + 1}::jsonb` : `$${i + 1}`,
);
export const INSERT_APPEAL = `insert into appeal (${INTAKE_COLUMNS.join(', ')}) values (${INTAKE_PARAMS.join(', ')})`;

/** Inserts `n` orders round-robin over `townIds`, received 2024-01-01 … 2025-12-31. */
export async function generateAppeals(
  raw: BenchDatabase['raw'],
  townIds: string[],
  n: number,
  batch = 250_000,
): Promise<void> {
  // The rows are built valid; replica mode skips the per-row foreign-key triggers while loading.
  const cats = await raw<{ code: string; parent_code: string }>(
    `select code, parent_code from appeal_category where parent_code is not null order by code`,
  );
  await raw(`set session_replication_role = replica`);
  try {
    for (let from = 1; from <= n; from += batch) {
      const to = Math.min(n, from + batch - 1);
      await raw(
        `insert into appeal (town_id, id, code, kind, state, version, channel, category_code,
           category_root, urgency, title, content, contact_name, contact_phone,
           received_at, received_on, response_due_at, complete_due_at, first_response_at,
           responded_on_time, closed_at, closed_on_time, satisfaction, solved, merged_into, snapshot)
         select town_id, id, 'B' || g, 'hotline',
           case when g % 7 = 0 then 'dispatched' else 'archived' end, 5, 'hotline_12345',
           ($5::text[])[1 + g % $6], ($7::text[])[1 + g % $6], 'general', '基准工单' || g,
           '群众反映：基准工单内容' || g, '张某', '13800000000',
           r.at, (r.at at time zone 'Asia/Shanghai')::date, r.at + interval '1 day', r.at + interval '5 days',
           r.at + interval '2 hours', g % 10 <> 0,
           case when g % 7 <> 0 then r.at + interval '3 days' end,
           case when g % 7 <> 0 then g % 5 <> 0 end,
           case when g % 7 = 0 or g % 3 = 0 then null when g % 11 = 0 then '不满意'
             when g % 2 = 0 then '满意' else '基本满意' end,
           case when g % 7 = 0 or g % 3 = 0 then null else g % 4 <> 0 end,
           case when g % 97 = 0 then id end,
           '{}'::jsonb
         from (select g, ($1::uuid[])[1 + abs(hashint4(g::int)) % $2] as town_id, gen_random_uuid() as id,
                 timestamptz '2024-01-01 00:00+08' + ((g * 7919) % 731) * interval '1 day'
                   + ((g * 31) % 600 + 480) * interval '1 minute' as at
               from generate_series($3::bigint, $4::bigint) g) r`,
        [
          townIds,
          townIds.length,
          from,
          to,
          cats.map((c) => c.code),
          cats.length,
          cats.map((c) => c.parent_code),
        ],
      );
    }
  } finally {
    await raw(`set session_replication_role = default`);
  }
  await raw(`analyze appeal`);
}

export interface KpiCounts {
  received: number;
  responded: number;
  closed: number;
  closed_on_time: number;
  answered: number;
  solved: number;
  rated: number;
  satisfied: number;
}

/** Every KPI input of a town-period in one pass over the cohort (received in the period, not merged). */
export const KPI_FLOOR = `select count(*) as received,
    count(*) filter (where responded_on_time) as responded,
    count(*) filter (where closed_at is not null) as closed,
    count(*) filter (where closed_on_time) as closed_on_time,
    count(*) filter (where solved is not null) as answered,
    count(*) filter (where solved) as solved,
    count(*) filter (where satisfaction is not null) as rated,
    count(*) filter (where satisfaction in ('满意', '基本满意')) as satisfied
  from appeal where town_id = $1 and received_on between $2 and $3 and merged_into is null`;

/** Same, per month (the dashboard's 按月 view). */
export const KPI_FLOOR_MONTH =
  KPI_FLOOR.replace(
    'select count(*) as received',
    `select to_char(received_on, 'YYYY-MM') as month, count(*) as received`,
  ) + ` group by 1 order by 1`;

/** The service's rounding: percent with two decimals, half away from zero. */
export const pct = (num: number, den: number) =>
  den === 0 ? null : Math.round((100 * num * 100) / den) / 100;

/** KPI id → [numerator, denominator] from the floor row. */
export function expectedKpis(c: KpiCounts): Record<string, number | null> {
  const n = (k: keyof KpiCounts) => Number(c[k]);
  return {
    'appeals.received': n('received'),
    'appeals.response_rate': pct(n('responded'), n('received')),
    'appeals.closure_rate': pct(n('closed'), n('received')),
    'appeals.on_time_closure_rate': pct(n('closed_on_time'), n('received')),
    'appeals.resolution_rate': pct(n('solved'), n('answered')),
    'appeals.satisfaction_rate': pct(n('satisfied'), n('rated')),
  };
}
