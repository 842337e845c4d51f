import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { apportion, random, townShares } from './city-rows.ts';
import { loadCity } from './city.repository.ts';

// `lvzhi demo --scale city` at a tiny scale: 3 towns, 600 appeals, 900 ledger records. On
// PostgreSQL (TEST_DATABASE_URL) the rows go in with COPY, on PGlite with batched INSERTs (which
// also check every foreign key).
let t: TestApp;
let before: number;
const progressed = { towns: 0, rows: 0 };
beforeAll(async () => {
  t = await createTestApp();
  before = Number(
    (
      await t.database.db
        .selectFrom('ledger_record')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await loadCity(
    { db: t.database.db, databaseUrl: t.database.url },
    t.townId,
    { towns: 3, appeals: 600, records: 900, year: 2025 },
    { towns: (n) => (progressed.towns += n), rows: (n) => (progressed.rows += n) },
  );
});
afterAll(() => t.close());

describe('city-scale demo data', () => {
  it('splits the totals over towns of uneven size, exactly', () => {
    const shares = townShares(200, random(1));
    const parts = apportion(1_000_000, shares);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(Math.max(...parts) / Math.min(...parts)).toBeGreaterThan(3);
    expect(townShares(5, random(7))).toEqual(townShares(5, random(7)));
  });

  it('loads every appeal and record, with the progress reported', async () => {
    expect(progressed).toEqual({ towns: 2, rows: 1500 });
    const db = t.database.db;
    const towns = await db.selectFrom('town').select('id').execute();
    expect(towns).toHaveLength(3);
    const appeals = await sql<{ town_id: string; n: number }>`
      select town_id, count(*)::int as n from appeal where code like 'CITY-2025-%' group by town_id`.execute(
      db,
    );
    expect(appeals.rows.reduce((a, r) => a + r.n, 0)).toBe(600);
    expect(appeals.rows).toHaveLength(3);
    const records = await db
      .selectFrom('ledger_record')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(records.n) - before).toBe(900);
  });

  it('shapes the year like a city’s: summer above winter, a few categories most of the orders', async () => {
    const db = t.database.db;
    const month = await sql<{ m: number; n: number }>`
      select extract(month from received_on)::int as m, count(*)::int as n from appeal
      where code like 'CITY-2025-%' group by 1`.execute(db);
    const of = (m: number) => month.rows.find((r) => r.m === m)?.n ?? 0;
    expect(of(7)).toBeGreaterThan(of(2));
    const cats = await sql<{ n: number }>`
      select count(*)::int as n from appeal where code like 'CITY-2025-%'
      group by category_code order by 1 desc`.execute(db);
    expect(cats.rows[0]!.n / 600).toBeGreaterThan(0.1);
    const closed = await sql<{ closed: number; sat: number; rated: number }>`
      select count(*) filter (where closed_at is not null)::int as closed,
             count(*) filter (where satisfaction in ('满意', '基本满意'))::int as sat,
             count(satisfaction)::int as rated
      from appeal where code like 'CITY-2025-%'`.execute(db);
    const c = closed.rows[0]!;
    expect(c.closed / 600).toBeGreaterThan(0.85);
    expect(c.sat / c.rated).toBeGreaterThan(0.8);
  });

  it('builds only valid references (the PostgreSQL load skips the foreign-key triggers)', async () => {
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from ledger_record r
      where not exists (select 1 from ledger_type t
                        where t.town_id = r.town_id and t.code = r.type_code and t.version = r.type_version)
         or (r.unit_id is not null
             and not exists (select 1 from unit u where u.town_id = r.town_id and u.id = r.unit_id))
         or (r.person_id is not null
             and not exists (select 1 from person p where p.town_id = r.town_id and p.id = r.person_id))
    `.execute(t.database.db);
    expect(orphans.rows[0]!.n).toBe(0);
    const badCategory = await sql<{ n: number }>`
      select count(*)::int as n from appeal a where a.code like 'CITY-%'
        and not exists (select 1 from appeal_category c where c.code = a.category_code)`.execute(
      t.database.db,
    );
    expect(badCategory.rows[0]!.n).toBe(0);
  });

  it('gives each order the snapshot the engine reads: its state and a unit of its town', async () => {
    const bad = await sql<{ n: number }>`
      select count(*)::int as n from appeal a where a.code like 'CITY-%'
        and (a.snapshot->>'state' is distinct from a.state
             or not exists (select 1 from unit u
                            where u.town_id = a.town_id and u.id::text = a.snapshot->'assignment'->>'unit'))
    `.execute(t.database.db);
    expect(bad.rows[0]!.n).toBe(0);
    // The demo town's dispatcher reads a queue that now holds open city orders (it once answered 500).
    const cookie = await t.login('paidan');
    const queue = await t.call('GET', `/api/v1/towns/${t.townId}/appeals/queue`, { cookie });
    expect(queue.status, JSON.stringify(queue.body)).toBe(200);
  });
});
