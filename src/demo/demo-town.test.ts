/**
 * The demo town is generated from a fixed seed (DESIGN 10): two databases get the same town —
 * same units, people, positions, portfolios, liaisons, orders and ledger records — apart from
 * the random ids and the password hashes.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { createDemoTown, type DemoResult } from './demo-town.ts';

let first: TestDatabase;
let second: TestDatabase;
let demo: DemoResult;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  demo = await createDemoTown(first.db, 'Demo-seed-one-2025');
  await createDemoTown(second.db, 'Demo-seed-two-2025');
}, 300_000);

afterAll(async () => {
  await first?.close();
  await second?.close();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The town's content with ids (also those inside record data) replaced by names, in a stable order. */
async function content(db: Kysely<DB>) {
  const names = new Map<string, string>();
  for (const table of ['unit', 'person', 'app_user'] as const) {
    const label = table === 'app_user' ? sql`username` : sql`name`;
    for (const r of (
      await sql<{
        id: string;
        label: string;
      }>`select id, ${label} as label from ${sql.table(table)}`.execute(db)
    ).rows)
      names.set(r.id, `${table}:${r.label}`);
  }
  const rows = async (query: ReturnType<typeof sql>) =>
    (await query.execute(db)).rows
      .map((r) => JSON.stringify(r).replace(UUID, (id) => names.get(id) ?? 'unknown-id'))
      .sort();
  return {
    units: await rows(sql`
      select u.name, u.kind, u.code, u.sort_order, p.name as parent
      from unit u left join unit p on p.town_id = u.town_id and p.id = u.parent_id
      order by u.name, p.name`),
    people: await rows(sql`
      select p.name, p.gender, p.birth_date::text, p.phone, p.party_member, u.name as unit
      from person p left join unit u on u.town_id = p.town_id and u.id = p.unit_id
      order by p.name, p.birth_date`),
    positions: await rows(sql`
      select pe.name as person, u.name as unit, po.title, po.leadership, po.starts_on::text,
        (select string_agg(pp.portfolio_code, ',' order by pp.portfolio_code)
         from position_portfolio pp
         where pp.town_id = po.town_id and pp.position_id = po.id) as portfolios
      from position po
      join person pe on pe.town_id = po.town_id and pe.id = po.person_id
      join unit u on u.town_id = po.town_id and u.id = po.unit_id
      order by pe.name, po.title`),
    liaisons: await rows(sql`
      select v.name as village, pe.name as leader, l.starts_on::text
      from village_liaison l
      join unit v on v.town_id = l.town_id and v.id = l.village_id
      join person pe on pe.town_id = l.town_id and pe.id = l.person_id
      order by v.name`),
    users: await rows(sql`
      select u.username, u.display_name, pe.name as person,
        (select string_agg(r.role, ',' order by r.role)
         from user_role r where r.town_id = u.town_id and r.user_id = u.id) as roles
      from app_user u left join person pe on pe.town_id = u.town_id and pe.id = u.person_id
      order by u.username`),
    appeals: await rows(sql`
      select a.code, a.kind, a.title, a.category_code, a.state, a.received_at, a.complete_due_at,
        a.closed_at, v.name as village,
        (select count(*)::int from appeal_event e
         where e.town_id = a.town_id and e.appeal_id = a.id) as events
      from appeal a left join unit v on v.town_id = a.town_id and v.id = a.village_id
      order by a.code`),
    ledgerRecords: await rows(sql`
      select r.type_code, r.occurred_on::text, r.data::text, u.name as unit, pe.name as person
      from ledger_record r
      left join unit u on u.town_id = r.town_id and u.id = r.unit_id
      left join person pe on pe.town_id = r.town_id and pe.id = r.person_id
      order by r.type_code, r.occurred_on, r.data::text`),
  };
}

describe('demo town', () => {
  it('has the shape DESIGN 10 asks for', async () => {
    expect(demo.villages).toBe(16);
    expect(demo.people).toBeGreaterThanOrEqual(55);
    expect(demo.people).toBeLessThanOrEqual(65);
    const titles = (await sql<{ title: string }>`select title from position`.execute(first.db)).rows
      .map((r) => r.title)
      .join('|');
    for (const title of [
      '党委书记',
      '镇长',
      '宣传委员',
      '组织委员',
      '政法委员',
      '纪委书记',
      '武装部长',
      '专干',
    ])
      expect(titles).toContain(title);
    const roles = (
      await sql<{ role: string }>`select distinct role from user_role order by role`.execute(
        first.db,
      )
    ).rows.map((r) => r.role);
    expect(roles).toEqual([
      'admin',
      'county_supervisor',
      'dispatcher',
      'leader',
      'portfolio_leader',
      'staff',
      'system_operator',
      'village_cadre',
    ]);
  });

  it('is the same town in every database: the seed fixes everything but ids and password hashes', async () => {
    const [a, b] = await Promise.all([content(first.db), content(second.db)]);
    expect(a.appeals.length).toBeGreaterThan(500);
    expect(a.ledgerRecords.length).toBeGreaterThan(1000);
    for (const key of Object.keys(a) as (keyof typeof a)[]) expect(b[key], key).toEqual(a[key]);
  });
});
