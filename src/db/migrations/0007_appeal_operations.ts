/**
 * Appeal operations: manual 督办 and acknowledged reminders (appeal_reminder gains who issued,
 * whom it addresses, the note, reply-by, acknowledgement and reply, and a version for optimistic
 * locking), order attachments tied to the timeline event they illustrate (and a public token for
 * Open311 media_url), the media_url an Open311 client sent, and pg_trgm for duplicate hints.
 * Frozen in time once shipped: never import application code here.
 */
import { sql, type Kysely } from 'kysely';

const statements: string[] = [
  // Text similarity of duplicate hints (similarity()); trusted since PostgreSQL 13, so a database
  // owner may create it. PGlite loads the contrib module at open (src/db/database.ts).
  `create extension if not exists pg_trgm`,
  // 督办 issued by a leader by hand next to the scheduler's reminders and escalations.
  `alter table appeal_reminder add column source text not null default 'scheduler'
   check (source in ('scheduler', 'manual'))`,
  `alter table appeal_reminder add column target_unit_id uuid`,
  `alter table appeal_reminder add constraint appeal_reminder_target_unit_fk
   foreign key (town_id, target_unit_id) references unit(town_id, id)`,
  `alter table appeal_reminder add column note text`,
  `alter table appeal_reminder add column issued_by uuid`,
  `alter table appeal_reminder add column issued_by_name text`,
  `alter table appeal_reminder add constraint appeal_reminder_issued_by_fk
   foreign key (town_id, issued_by) references app_user(town_id, id)`,
  `alter table appeal_reminder add column acknowledged_by uuid`,
  `alter table appeal_reminder add column acknowledged_by_name text`,
  `alter table appeal_reminder add constraint appeal_reminder_acknowledged_by_fk
   foreign key (town_id, acknowledged_by) references app_user(town_id, id)`,
  `alter table appeal_reminder add column reply text`,
  `alter table appeal_reminder add column replied_at timestamptz`,
  `alter table appeal_reminder add column replied_by_name text`,
  `alter table appeal_reminder add column version int not null default 1`,
  // 我的提醒: open reminders by addressee.
  `create index appeal_reminder_person_open_idx on appeal_reminder(town_id, target_person_id)
   where acknowledged_at is null`,
  `create index appeal_reminder_unit_open_idx on appeal_reminder(town_id, target_unit_id)
   where acknowledged_at is null`,
  // Attachments of an order: which timeline event they illustrate (办理/答复 photos), who uploaded.
  `alter table appeal_attachment add column event_seq int`,
  `alter table appeal_attachment add column uploaded_by_name text not null default ''`,
  // An unguessable handle for Open311 media_url; looked up alone, like a tracking code.
  `alter table appeal_attachment add column public_token uuid`,
  `create unique index appeal_attachment_public_token_uq on appeal_attachment(public_token)`,
  // Open311 POST media_url: a photo the client hosts.
  `alter table public_request add column media_url text`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // pg_trgm stays: dropping an extension could break objects other migrations build on it.
  const drops = [
    'alter table public_request drop column if exists media_url',
    'drop index if exists appeal_attachment_public_token_uq',
    ...['public_token', 'uploaded_by_name', 'event_seq'].map(
      (c) => `alter table appeal_attachment drop column if exists ${c}`,
    ),
    'drop index if exists appeal_reminder_unit_open_idx',
    'drop index if exists appeal_reminder_person_open_idx',
    ...[
      'appeal_reminder_acknowledged_by_fk',
      'appeal_reminder_issued_by_fk',
      'appeal_reminder_target_unit_fk',
    ].map((c) => `alter table appeal_reminder drop constraint if exists ${c}`),
    ...[
      'version',
      'replied_by_name',
      'replied_at',
      'reply',
      'acknowledged_by_name',
      'acknowledged_by',
      'issued_by_name',
      'issued_by',
      'note',
      'target_unit_id',
      'source',
    ].map((c) => `alter table appeal_reminder drop column if exists ${c}`),
  ];
  for (const statement of drops) await sql.raw(statement).execute(db);
}
