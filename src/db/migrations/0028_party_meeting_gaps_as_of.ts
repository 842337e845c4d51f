/**
 * Missing meetings as of a date the caller gives (issue 12): the `party_meeting_gap` rows of
 * `party_metric_row` judged periods against the database's `current_date`, so a figure depended
 * on the server's clock and time zone rather than on the town's day (Asia/Shanghai) or a
 * report's period. They move to the function `party_meeting_gap_rows(as_of)`: the branches'
 * months and quarters that ended before `as_of` with fewer meetings than required, shaped like
 * the view's rows; the view keeps the other row kinds, unchanged from migration 0027.
 * Frozen in time: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const meetingType = `case when r.type_code = 'theme_party_day' then 'theme_day'
  when r.data->>'meeting_type' in ('committee', 'group', 'party_lecture') then r.data->>'meeting_type'
  else 'member_assembly' end`;

const seatData = (member: string, present: string, reason: string) => `jsonb_build_object(
  'branch', r.unit_id, 'held_on', r.occurred_on, 'meeting_type', ${meetingType},
  'topic', coalesce(r.data->>'topic', r.data->>'theme'), 'member_name', ${member},
  'present', ${present}, 'absence_reason', ${reason}, 'meeting_id', r.id)`;

const entries = `select e.town_id, e.id, 'party_development_entry' as type_code, 1 as type_version,
    e.on_date as occurred_on, c.branch_id as unit_id, null::uuid as person_id,
    jsonb_build_object('person_name', c.person_name, 'branch', c.branch_id, 'stage', e.to_state,
      'entered_on', e.on_date, 'step', e.label, 'candidate_id', c.id) as data,
    null::uuid as created_by, e.at as created_at, e.at as updated_at, 1 as version,
    null::timestamptz as deleted_at
  from member_candidate_event e
  join member_candidate c on c.town_id = e.town_id and c.id = e.candidate_id
  where e.on_date is not null and (e.from_state is null or e.from_state <> e.to_state)`;

const rollSeats = `select r.town_id, md5(r.id::text || a.member_id::text)::uuid as id,
    'party_meeting_seat' as type_code, 1 as type_version, r.occurred_on, r.unit_id,
    null::uuid as person_id, ${seatData('m.name', 'a.present', 'a.absence_reason')} as data,
    r.created_by, r.created_at, r.updated_at, r.version, r.deleted_at
  from ledger_record r
  join meeting_attendance a on a.town_id = r.town_id and a.record_id = r.id
  join party_member m on m.town_id = a.town_id and m.id = a.member_id
  where r.type_code in ('branch_meeting', 'theme_party_day')`;

const countedSeats = `select r.town_id, md5(r.id::text || '#' || s.n::text)::uuid as id,
    'party_meeting_seat' as type_code, 1 as type_version, r.occurred_on, r.unit_id,
    null::uuid as person_id,
    ${seatData('null', "s.n <= floor(coalesce((r.data->>'attendees')::numeric, 0))", 'null')} as data,
    r.created_by, r.created_at, r.updated_at, r.version, r.deleted_at
  from ledger_record r
  cross join lateral generate_series(1, floor(coalesce((r.data->>'expected')::numeric, 0))::int) s(n)
  where r.type_code in ('branch_meeting', 'theme_party_day')
    and not exists (select 1 from meeting_attendance a where a.town_id = r.town_id and a.record_id = r.id)`;

// The stage-changing events of a person in order; a stay ends the day the next one begins.
const stays = `select s.town_id, md5(s.id::text || '#stay')::uuid as id,
    'party_development_stay' as type_code, 1 as type_version, s.on_date as occurred_on,
    c.branch_id as unit_id, null::uuid as person_id,
    jsonb_build_object('person_name', c.person_name, 'branch', c.branch_id, 'stage', s.to_state,
      'entered_on', s.on_date, 'left_on', s.left_on, 'candidate_id', c.id) as data,
    null::uuid as created_by, s.at as created_at, s.at as updated_at, 1 as version,
    null::timestamptz as deleted_at
  from (
    select e.town_id, e.id, e.candidate_id, e.to_state, e.on_date, e.at,
      lead(e.on_date) over (partition by e.town_id, e.candidate_id order by e.on_date, e.at) as left_on
    from member_candidate_event e
    where e.on_date is not null and (e.from_state is null or e.from_state <> e.to_state)
  ) s
  join member_candidate c on c.town_id = s.town_id and c.id = s.candidate_id`;

/** The gap rows as of `day`: an SQL date expression (the function's argument). */
const gaps = (
  day: string,
) => `select g.town_id, md5(g.branch_id::text || g.meeting_type || g.from_on::text)::uuid as id,
    'party_meeting_gap' as type_code, 1 as type_version, g.to_on as occurred_on,
    g.branch_id as unit_id, null::uuid as person_id,
    jsonb_build_object('branch', g.branch_id, 'meeting_type', g.meeting_type, 'period', g.period,
      'period_start', g.from_on, 'period_end', g.to_on, 'required', g.times, 'held', h.held,
      'missing', g.times - h.held) as data,
    null::uuid as created_by, now() as created_at, now() as updated_at, 1 as version,
    null::timestamptz as deleted_at
  from (
    select q.town_id, q.meeting_type, q.period, q.times, b.id as branch_id, s.start::date as from_on,
      (s.start + q.step - interval '1 day')::date as to_on
    from (
      select t.id as town_id, k.meeting_type, coalesce(o.period, d.period, 'quarter') as period,
        coalesce(o.times, d.times, 0) as times,
        case coalesce(o.period, d.period) when 'month' then interval '1 month'
          else interval '3 months' end as step
      from town t
      cross join (values ('member_assembly'), ('committee'), ('group'), ('party_lecture'),
        ('theme_day')) as k(meeting_type)
      left join meeting_requirement_default d on d.meeting_type = k.meeting_type
      left join meeting_requirement o on o.town_id = t.id and o.meeting_type = k.meeting_type
    ) q
    join unit b on b.town_id = q.town_id and b.kind = 'branch'
    cross join lateral generate_series(timestamp '2018-01-01', ${day}::timestamp, q.step) s(start)
    where q.times > 0
  ) g
  cross join lateral (
    select cast(count(*) as int) as held from ledger_record r
    where r.town_id = g.town_id and r.unit_id = g.branch_id and r.deleted_at is null
      and r.type_code = case g.meeting_type when 'theme_day' then 'theme_party_day' else 'branch_meeting' end
      and r.occurred_on between g.from_on and g.to_on and ${meetingType} = g.meeting_type
  ) h
  where g.to_on < ${day} and h.held < g.times`;

const view = (extra: string) => `create or replace view party_metric_row as
  ${entries}
  union all ${rollSeats}
  union all ${countedSeats}${extra}
  union all ${stays}`;

// Inlined by the planner (one SQL select, stable, not strict), so a caller's filters on town,
// branch and period reach the tables.
const gapFunction = `create function party_meeting_gap_rows(as_of date)
  returns table (town_id uuid, id uuid, type_code text, type_version int, occurred_on date,
    unit_id uuid, person_id uuid, data jsonb, created_by uuid, created_at timestamptz,
    updated_at timestamptz, version int, deleted_at timestamptz)
  language sql stable
  as $fn$ ${gaps('as_of')} $fn$`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(gapFunction).execute(db);
  await sql.raw(view('')).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Migration 0027's view: the gap rows as of the database's own day.
  await sql.raw(view(`\n  union all ${gaps('current_date')}`)).execute(db);
  await sql.raw('drop function if exists party_meeting_gap_rows(date)').execute(db);
}
