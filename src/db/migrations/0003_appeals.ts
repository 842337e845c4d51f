/**
 * Appeals (DESIGN 5): the work calendar and appeal category tree (reference data), appeals with
 * their engine snapshot and KPI columns, the event timeline, attachments, reminders and 督办
 * records, public-intake idempotency keys, Open311 API keys, scheduler state and county KPI
 * weights. Frozen in time: never import application code here (the 2020–2026 holiday data is
 * copied in as literals).
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // ---- reference tables --------------------------------------------------------------------
  // 工作日历: one row per special date (holiday, or weekend day worked); a year is "covered" when
  // its State Council notice has been entered (work_calendar_year), else plain weekends apply.
  `create table work_calendar_year (
     year int primary key check (year between 2000 and 2100),
     source text not null default 'shipped',
     updated_at timestamptz not null default now())`,
  `create table work_calendar_day (
     date date primary key,
     kind text not null check (kind in ('holiday', 'workday')),
     name text,
     source text not null default 'shipped',
     updated_at timestamptz not null default now())`,
  `create table appeal_category (
     code text primary key,
     parent_code text references appeal_category(code),
     name text not null,
     portfolio_code text references portfolio(code),
     sort_order int not null default 0)`,
  `create table county_kpi_weight (
     county_id uuid primary key references county(id),
     response numeric not null,
     resolution numeric not null,
     satisfaction numeric not null,
     check (response >= 0 and resolution >= 0 and satisfaction >= 0 and response + resolution + satisfaction > 0))`,
  // One row per timed job: the last instant it ran to, so a restart resumes without repeating.
  `create table scheduler_state (
     job text primary key,
     last_tick_at timestamptz not null,
     updated_at timestamptz not null default now())`,

  // ---- appeals -----------------------------------------------------------------------------
  `create table appeal_code_counter (
     town_id uuid not null references town(id),
     year int not null,
     last_seq int not null,
     primary key (town_id, year))`,
  `create table appeal (
     town_id uuid not null references town(id),
     id uuid not null,
     code text not null,
     kind text not null,
     state text not null,
     version int not null default 1,
     channel text not null,
     category_code text references appeal_category(code),
     category_root text references appeal_category(code),
     urgency text,
     village_id uuid,
     unit_id uuid,
     co_handler_unit_ids uuid[] not null default '{}',
     handler_person_id uuid,
     case_leader_person_id uuid,
     owner_person_id uuid,
     title text not null,
     content text not null,
     contact_name text,
     contact_phone text,
     address text,
     lat double precision,
     lng double precision,
     received_at timestamptz not null,
     received_on date not null,
     response_due_at timestamptz,
     complete_due_at timestamptz,
     next_due_at timestamptz,
     next_due_clock text,
     first_response_at timestamptz,
     responded_on_time boolean,
     closed_at timestamptz,
     closed_on_time boolean,
     satisfaction text,
     solved boolean,
     reopen_count int not null default 0,
     merged_into uuid,
     resident_rating int check (resident_rating between 1 and 5),
     resident_comment text,
     snapshot jsonb not null,
     created_by uuid,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     primary key (town_id, id),
     unique (town_id, code),
     foreign key (town_id, village_id) references unit(town_id, id),
     foreign key (town_id, unit_id) references unit(town_id, id),
     foreign key (town_id, handler_person_id) references person(town_id, id),
     foreign key (town_id, case_leader_person_id) references person(town_id, id),
     foreign key (town_id, owner_person_id) references person(town_id, id),
     foreign key (town_id, merged_into) references appeal(town_id, id),
     foreign key (town_id, created_by) references app_user(town_id, id))`,
  `create index appeal_received_idx on appeal(town_id, received_on, id)`,
  `create index appeal_unit_idx on appeal(town_id, unit_id)`,
  `create index appeal_village_idx on appeal(town_id, village_id)`,
  `create index appeal_next_due_idx on appeal(next_due_at) where next_due_at is not null`,
  `create table appeal_event (
     town_id uuid not null,
     id uuid not null,
     appeal_id uuid not null,
     seq int not null,
     action text not null,
     label text not null,
     from_state text,
     to_state text not null,
     actor_user_id uuid,
     actor_name text not null,
     at timestamptz not null,
     note text,
     payload jsonb not null default '{}'::jsonb,
     primary key (town_id, id),
     unique (town_id, appeal_id, seq),
     foreign key (town_id, appeal_id) references appeal(town_id, id))`,
  `create table appeal_attachment (
     town_id uuid not null,
     appeal_id uuid not null,
     attachment_id uuid not null,
     created_at timestamptz not null default now(),
     primary key (town_id, appeal_id, attachment_id),
     foreign key (town_id, appeal_id) references appeal(town_id, id),
     foreign key (town_id, attachment_id) references attachment(town_id, id))`,
  // 提醒 before a deadline and 督办 after it; the unique key makes the scheduler idempotent.
  `create table appeal_reminder (
     town_id uuid not null,
     id uuid not null,
     appeal_id uuid not null,
     clock text not null,
     due_at timestamptz not null,
     kind text not null check (kind in ('reminder', 'supervision')),
     target_person_id uuid,
     message text not null,
     created_at timestamptz not null default now(),
     acknowledged_at timestamptz,
     primary key (town_id, id),
     unique (town_id, appeal_id, clock, due_at, kind),
     foreign key (town_id, appeal_id) references appeal(town_id, id),
     foreign key (town_id, target_person_id) references person(town_id, id))`,
  `create table public_request (
     town_id uuid not null references town(id),
     idempotency_key text not null,
     appeal_id uuid not null,
     created_at timestamptz not null default now(),
     primary key (town_id, idempotency_key),
     foreign key (town_id, appeal_id) references appeal(town_id, id))`,
  `create table open311_api_key (
     town_id uuid not null references town(id),
     id uuid not null,
     key_hash text not null,
     label text not null,
     created_at timestamptz not null default now(),
     revoked_at timestamptz,
     primary key (town_id, id))`,
  // A key names its town, like a username does: looked up by hash alone.
  `create unique index open311_api_key_hash_uq on open311_api_key(key_hash)`,
];

/** 2020–2026 State Council holiday notices, copied from core/calendar at the time of writing. */
const HOLIDAYS: {
  year: number;
  holidays: [string, string, string][];
  workdays: [string, string][];
}[] = [
  {
    year: 2020,
    holidays: [
      ['2020-01-01', '2020-01-01', '元旦'],
      ['2020-01-24', '2020-02-02', '春节'],
      ['2020-04-04', '2020-04-06', '清明节'],
      ['2020-05-01', '2020-05-05', '劳动节'],
      ['2020-06-25', '2020-06-27', '端午节'],
      ['2020-10-01', '2020-10-08', '国庆节、中秋节'],
    ],
    workdays: [
      ['2020-01-19', '春节调休上班'],
      ['2020-04-26', '劳动节调休上班'],
      ['2020-05-09', '劳动节调休上班'],
      ['2020-06-28', '端午节调休上班'],
      ['2020-09-27', '国庆节、中秋节调休上班'],
      ['2020-10-10', '国庆节、中秋节调休上班'],
    ],
  },
  {
    year: 2021,
    holidays: [
      ['2021-01-01', '2021-01-03', '元旦'],
      ['2021-02-11', '2021-02-17', '春节'],
      ['2021-04-03', '2021-04-05', '清明节'],
      ['2021-05-01', '2021-05-05', '劳动节'],
      ['2021-06-12', '2021-06-14', '端午节'],
      ['2021-09-19', '2021-09-21', '中秋节'],
      ['2021-10-01', '2021-10-07', '国庆节'],
    ],
    workdays: [
      ['2021-02-07', '春节调休上班'],
      ['2021-02-20', '春节调休上班'],
      ['2021-04-25', '劳动节调休上班'],
      ['2021-05-08', '劳动节调休上班'],
      ['2021-09-18', '中秋节调休上班'],
      ['2021-09-26', '国庆节调休上班'],
      ['2021-10-09', '国庆节调休上班'],
    ],
  },
  {
    year: 2022,
    holidays: [
      ['2022-01-01', '2022-01-03', '元旦'],
      ['2022-01-31', '2022-02-06', '春节'],
      ['2022-04-03', '2022-04-05', '清明节'],
      ['2022-04-30', '2022-05-04', '劳动节'],
      ['2022-06-03', '2022-06-05', '端午节'],
      ['2022-09-10', '2022-09-12', '中秋节'],
      ['2022-10-01', '2022-10-07', '国庆节'],
    ],
    workdays: [
      ['2022-01-29', '春节调休上班'],
      ['2022-01-30', '春节调休上班'],
      ['2022-04-02', '清明节调休上班'],
      ['2022-04-24', '劳动节调休上班'],
      ['2022-05-07', '劳动节调休上班'],
      ['2022-10-08', '国庆节调休上班'],
      ['2022-10-09', '国庆节调休上班'],
    ],
  },
  {
    year: 2023,
    holidays: [
      ['2022-12-31', '2023-01-02', '元旦'],
      ['2023-01-21', '2023-01-27', '春节'],
      ['2023-04-05', '2023-04-05', '清明节'],
      ['2023-04-29', '2023-05-03', '劳动节'],
      ['2023-06-22', '2023-06-24', '端午节'],
      ['2023-09-29', '2023-10-06', '中秋节、国庆节'],
    ],
    workdays: [
      ['2023-01-28', '春节调休上班'],
      ['2023-01-29', '春节调休上班'],
      ['2023-04-23', '劳动节调休上班'],
      ['2023-05-06', '劳动节调休上班'],
      ['2023-06-25', '端午节调休上班'],
      ['2023-10-07', '中秋节、国庆节调休上班'],
      ['2023-10-08', '中秋节、国庆节调休上班'],
    ],
  },
  {
    year: 2024,
    holidays: [
      ['2023-12-30', '2024-01-01', '元旦'],
      ['2024-02-10', '2024-02-17', '春节'],
      ['2024-04-04', '2024-04-06', '清明节'],
      ['2024-05-01', '2024-05-05', '劳动节'],
      ['2024-06-08', '2024-06-10', '端午节'],
      ['2024-09-15', '2024-09-17', '中秋节'],
      ['2024-10-01', '2024-10-07', '国庆节'],
    ],
    workdays: [
      ['2024-02-04', '春节调休上班'],
      ['2024-02-18', '春节调休上班'],
      ['2024-04-07', '清明节调休上班'],
      ['2024-04-28', '劳动节调休上班'],
      ['2024-05-11', '劳动节调休上班'],
      ['2024-09-14', '中秋节调休上班'],
      ['2024-09-29', '国庆节调休上班'],
      ['2024-10-12', '国庆节调休上班'],
    ],
  },
  {
    year: 2025,
    holidays: [
      ['2025-01-01', '2025-01-01', '元旦'],
      ['2025-01-28', '2025-02-04', '春节'],
      ['2025-04-04', '2025-04-06', '清明节'],
      ['2025-05-01', '2025-05-05', '劳动节'],
      ['2025-05-31', '2025-06-02', '端午节'],
      ['2025-10-01', '2025-10-08', '国庆节、中秋节'],
    ],
    workdays: [
      ['2025-01-26', '春节调休上班'],
      ['2025-02-08', '春节调休上班'],
      ['2025-04-27', '劳动节调休上班'],
      ['2025-09-28', '国庆节、中秋节调休上班'],
      ['2025-10-11', '国庆节、中秋节调休上班'],
    ],
  },
  {
    year: 2026,
    holidays: [
      ['2026-01-01', '2026-01-03', '元旦'],
      ['2026-02-15', '2026-02-23', '春节'],
      ['2026-04-04', '2026-04-06', '清明节'],
      ['2026-05-01', '2026-05-05', '劳动节'],
      ['2026-06-19', '2026-06-21', '端午节'],
      ['2026-09-25', '2026-09-27', '中秋节'],
      ['2026-10-01', '2026-10-07', '国庆节'],
    ],
    workdays: [
      ['2026-01-04', '元旦调休上班'],
      ['2026-02-14', '春节调休上班'],
      ['2026-02-28', '春节调休上班'],
      ['2026-05-09', '劳动节调休上班'],
      ['2026-09-20', '国庆节调休上班'],
      ['2026-10-10', '国庆节调休上班'],
    ],
  },
];

/** County-standard category list (top level → children), each top level tied to a portfolio. */
const CATEGORIES: [string, string, string | null, [string, string][]][] = [
  [
    'urban',
    '城乡建设',
    'urban_construction',
    [
      ['illegal_building', '违法建设'],
      ['roads', '道路设施'],
      ['cityscape', '市容市貌'],
    ],
  ],
  [
    'environment',
    '环境保护',
    'environment',
    [
      ['noise', '噪声污染'],
      ['air', '大气污染'],
      ['water', '水污染'],
      ['waste', '垃圾处理'],
    ],
  ],
  [
    'transport',
    '交通出行',
    'transport',
    [
      ['road_traffic', '道路交通'],
      ['public_transport', '公共交通'],
      ['traffic_safety', '交通安全'],
    ],
  ],
  [
    'labour',
    '劳动社保',
    'social_security',
    [
      ['wage_arrears', '欠薪讨薪'],
      ['insurance', '社保医保'],
      ['employment', '就业创业'],
    ],
  ],
  [
    'rural',
    '农业农村',
    'agriculture',
    [
      ['land_contract', '土地承包'],
      ['farming', '农业生产'],
      ['subsidy', '惠农补贴'],
      ['living_environment', '农村人居环境'],
    ],
  ],
  [
    'market',
    '市场监管',
    'economy',
    [
      ['food_safety', '食品安全'],
      ['consumer', '消费维权'],
      ['pricing', '价格收费'],
    ],
  ],
  [
    'education',
    '教育',
    'education_health',
    [
      ['enrolment', '入学入托'],
      ['school_safety', '校园安全'],
    ],
  ],
  [
    'health',
    '卫生健康',
    'education_health',
    [
      ['medical', '医疗服务'],
      ['epidemic', '疫病防控'],
    ],
  ],
  [
    'civil',
    '民政',
    'civil_affairs',
    [
      ['assistance', '低保救助'],
      ['elderly', '养老服务'],
      ['disability', '残疾人服务'],
    ],
  ],
  [
    'security',
    '治安',
    'politics_law',
    [
      ['public_order', '治安秩序'],
      ['fraud', '电信诈骗'],
      ['neighbour', '邻里纠纷'],
    ],
  ],
  [
    'utilities',
    '水电气暖',
    'urban_construction',
    [
      ['water_supply', '供水'],
      ['power', '供电'],
      ['gas', '燃气'],
      ['telecom', '通信网络'],
    ],
  ],
  [
    'property',
    '物业',
    'urban_construction',
    [
      ['service', '物业服务'],
      ['maintenance_fund', '维修资金'],
    ],
  ],
  [
    'publicity',
    '宣传文化',
    'propaganda',
    [
      ['culture', '文化活动'],
      ['signage', '宣传阵地'],
    ],
  ],
  [
    'other',
    '其他',
    'office_affairs',
    [
      ['suggestion', '意见建议'],
      ['misc', '其他事项'],
    ],
  ],
];

function q(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function referenceRows(): string[] {
  const rows: string[] = [];
  rows.push(
    `insert into work_calendar_year(year) values ${HOLIDAYS.map((h) => `(${h.year})`).join(', ')}`,
  );
  const ranges = HOLIDAYS.flatMap((h) =>
    h.holidays.map(
      ([from, to, name]) =>
        `select d::date, 'holiday', ${q(name)}
         from generate_series(date ${q(from)}, date ${q(to)}, interval '1 day') d`,
    ),
  );
  rows.push(`insert into work_calendar_day(date, kind, name) ${ranges.join(' union all ')}`);
  const workdays = HOLIDAYS.flatMap((h) =>
    h.workdays.map(([d, n]) => `(${q(d)}, 'workday', ${q(n)})`),
  );
  rows.push(`insert into work_calendar_day(date, kind, name) values ${workdays.join(', ')}`);
  const cats: string[] = [];
  CATEGORIES.forEach(([code, name, portfolio, children], i) => {
    cats.push(`(${q(code)}, null, ${q(name)}, ${portfolio ? q(portfolio) : 'null'}, ${i + 1})`);
    children.forEach(([c, n], j) =>
      cats.push(
        `(${q(`${code}.${c}`)}, ${q(code)}, ${q(n)}, ${portfolio ? q(portfolio) : 'null'}, ${j + 1})`,
      ),
    );
  });
  rows.push(
    `insert into appeal_category(code, parent_code, name, portfolio_code, sort_order) values ${cats.join(', ')}`,
  );
  return rows;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...statements, ...referenceRows()]) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'open311_api_key',
    'public_request',
    'appeal_reminder',
    'appeal_attachment',
    'appeal_event',
    'appeal',
    'appeal_code_counter',
    'scheduler_state',
    'county_kpi_weight',
    'appeal_category',
    'work_calendar_day',
    'work_calendar_year',
  ];
  for (const t of tables) await sql.raw(`drop table if exists ${t} cascade`).execute(db);
}
