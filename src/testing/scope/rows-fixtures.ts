/**
 * The row fixtures of the scope matrix (see addRowFixtures): drafted reports, dated 包联, files on
 * orders and records, and rows planted so every role's checks see something whatever the date.
 */
import { sql } from 'kysely';
import { localDateOf } from '../../core/calendar/index.ts';
import { newId } from '../../db/ids.ts';
import { loadTownFacts, reachOf } from './reach.ts';
import { USERNAMES } from './matrix.ts';
import { LEDGER_TYPES, PROBE_VILLAGE, YEAR } from './rows-common.ts';
import type { TestApp } from '../app.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/**
 * Rows the demo has none of: drafted reports, 包联 out of date, and files on orders and ledger
 * records in and out of each role's scope.
 */
export async function addRowFixtures(t: TestApp): Promise<void> {
  const admin = await t.login(USERNAMES.admin);
  await draftReports(t, admin);
  await datedLiaisons(t);
  await plantNonVacuousRows(t);
  await attachFiles(t);
}

/** The person of a demo user. */
async function personOf(t: TestApp, username: string): Promise<string> {
  return (
    await t.database.db
      .selectFrom('app_user')
      .select('person_id')
      .where('town_id', '=', t.townId)
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).person_id!;
}

/** One draft through the API, the others as copies of its document. */
async function draftReports(t: TestApp, admin: string): Promise<void> {
  const usernames = USERNAMES;
  const db = t.database.db;
  const townId = t.townId;
  // One draft through the API, the others as copies of its document (drafting is the slow part).
  const first = await t.call('POST', `/api/v1/towns/${townId}/reports`, {
    cookie: admin,
    body: { personId: await personOf(t, usernames.leader), year: 2025 },
  });
  if (first.status !== 201)
    throw new Error(`report fixture: ${first.status} ${JSON.stringify(first.body)}`);
  const others = [usernames.portfolio_leader, usernames.staff, usernames.village_cadre, 'zhengfa'];
  for (const u of others) {
    await db
      .insertInto('report')
      .values({
        town_id: townId,
        id: newId(),
        person_id: await personOf(t, u),
        year: 2025,
        template_id: first.body.templateId,
        document: JSON.stringify(first.body.document),
        created_by: null,
      })
      .execute();
  }
}

/** 包联 of the portfolio leader that are not current. */
async function datedLiaisons(t: TestApp): Promise<void> {
  const usernames = USERNAMES;
  const db = t.database.db;
  const townId = t.townId;
  // 包联 outside today's date: one ended, one not begun — neither may widen the portfolio leader's scope.
  const village = async (name: string) =>
    (
      await db
        .selectFrom('unit')
        .select('id')
        .where('town_id', '=', townId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const tomorrow = localDateOf(new Date(Date.now() + 86_400_000));
  await db
    .insertInto('village_liaison')
    .values([
      {
        town_id: townId,
        id: newId(),
        village_id: await village('青松村'),
        person_id: await personOf(t, usernames.portfolio_leader),
        starts_on: '2025-01-01',
        ends_on: '2025-06-30',
      },
      {
        town_id: townId,
        id: newId(),
        village_id: await village('柳溪村'),
        person_id: await personOf(t, usernames.portfolio_leader),
        starts_on: tomorrow,
        ends_on: null,
      },
    ])
    .execute();
}

/** Files on every fifth order and on one record of each checked type per unit. */
async function attachFiles(t: TestApp): Promise<void> {
  const usernames = USERNAMES;
  const db = t.database.db;
  const townId = t.townId;
  const adminUser = (
    await db
      .selectFrom('app_user')
      .select('id')
      .where('town_id', '=', townId)
      .where('username', '=', usernames.admin)
      .executeTakeFirstOrThrow()
  ).id;
  const file = async (name: string, owner: { kind: 'appeal' | 'ledger_record'; id: string }) => {
    const id = newId();
    await db
      .insertInto('attachment')
      .values({
        town_id: townId,
        id,
        filename: name,
        content_type: 'image/png',
        size: PNG.byteLength,
        sha256: 'x'.repeat(64),
        bytes: PNG,
        created_by: adminUser,
        uploaded_by: adminUser,
        owner_kind: owner.kind,
        owner_id: owner.id,
      })
      .execute();
    return id;
  };
  // A file on every fifth order (spread over villages, units and kinds).
  const orders = await db
    .selectFrom('appeal')
    .select('id')
    .where('town_id', '=', townId)
    .orderBy('id')
    .execute();
  for (const [i, o] of orders.entries()) {
    if (i % 5) continue;
    await db
      .insertInto('appeal_attachment')
      .values({
        town_id: townId,
        appeal_id: o.id,
        attachment_id: await file(`现场照片${i}.png`, { kind: 'appeal', id: o.id }),
        uploaded_by_name: '系统管理员',
      })
      .execute();
  }
  // A file in one record of each checked type per unit.
  const records = await sql<{ id: string }>`
    select distinct on (type_code, unit_id) id from ledger_record
    where town_id = ${townId} and deleted_at is null and type_code in (${sql.join([...LEDGER_TYPES])})
    order by type_code, unit_id, id`.execute(db);
  for (const r of records.rows) {
    const id = await file('附件.png', { kind: 'ledger_record', id: r.id });
    await sql`
      update ledger_record set data = jsonb_set(data, '{attachments}', ${JSON.stringify([id])}::jsonb)
      where town_id = ${townId} and id = ${r.id}`.execute(db);
  }
}

/**
 * The demo moves with the clock, so what it gives each role differs by date. The checks below that
 * a role saw *some* rows (EXPECT_ROWS, and the leaks expected with scopes off) must not depend on
 * that: plant propaganda records in the village cadre's village and in the probe village, and make
 * one open order the staff member handles overdue.
 */
async function plantNonVacuousRows(t: TestApp): Promise<void> {
  const db = t.database.db;
  const facts = await loadTownFacts(db, t.townId);
  const cadre = facts.users.get(USERNAMES.village_cadre)!;
  const cadreVillage = cadre.grants.find((g) => g.role === 'village_cadre' && g.unitId)?.unitId;
  const probe = facts.unitByName.get(PROBE_VILLAGE);
  const model = await db
    .selectFrom('ledger_record')
    .selectAll()
    .where('town_id', '=', t.townId)
    .where('type_code', '=', 'propaganda_item')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!cadreVillage || !probe || !model)
    throw new Error('row fixture: no village cadre village, probe village or propaganda record');
  for (const [unitId, day] of [
    [cadreVillage, `${YEAR.from.slice(0, 4)}-05-12`],
    [probe, `${YEAR.from.slice(0, 4)}-06-03`],
  ] as const) {
    await db
      .insertInto('ledger_record')
      .values({
        town_id: t.townId,
        id: newId(),
        type_code: model.type_code,
        type_version: model.type_version,
        unit_id: unitId,
        person_id: null,
        occurred_on: day,
        data: JSON.stringify({ ...model.data, attachments: [] }),
        created_by: null,
      })
      .execute();
  }
  const staff = reachOf(facts, USERNAMES.staff);
  const open = facts.appeals.find((a) => !a.closed && !a.merged && staff.appeal(a) === 'must');
  if (!open) throw new Error('row fixture: the staff member handles no open order');
  await db
    .updateTable('appeal')
    .set({ next_due_at: new Date(Date.now() - 86_400_000) })
    .where('town_id', '=', t.townId)
    .where('id', '=', open.id)
    .execute();
}
