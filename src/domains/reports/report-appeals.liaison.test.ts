import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../core/calendar/index.ts';
import { newId } from '../../db/ids.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealValues } from './report-appeals.ts';

// A portfolio leader's 述职报告 counts the orders of their portfolios and 包联 villages held during
// the report's year — not the villages they hold on the day it is drafted, and not ones ever held.
let t: TestApp;
let personId: string;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

const villageId = async (name: string) =>
  (
    await t.database.db
      .selectFrom('unit')
      .select('id')
      .where('town_id', '=', t.townId)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
const received = async () =>
  (await appealValues(t.database.db, t.townId, { ...YEAR, personId })).get('appeals.received');

beforeAll(async () => {
  t = await createTestApp();
  personId = (
    await t.database.db
      .selectFrom('app_user')
      .select('person_id')
      .where('town_id', '=', t.townId)
      .where('username', '=', 'xuanchuan')
      .executeTakeFirstOrThrow()
  ).person_id!;
});
afterAll(() => t.close());

describe('appeal numbers of a portfolio leader’s report and 包联 dates', () => {
  it('counts a village whose 包联 ended during the year, and not one that begins after it', async () => {
    const before = await received();
    const qingsong = await villageId('青松村');
    const { n } = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from appeal where town_id = ${t.townId} and village_id = ${qingsong}
      and merged_into is null and received_on between ${YEAR.from} and ${YEAR.to} and category_root is distinct from 'publicity'
      and ${personId} not in (coalesce(case_leader_person_id, ${newId()}), coalesce(owner_person_id, ${newId()}), coalesce(handler_person_id, ${newId()}))`.execute(
        t.database.db,
      )
    ).rows[0]!;
    expect(n).toBeGreaterThan(0);
    const tomorrow = localDateOf(new Date(Date.now() + 86_400_000));
    await t.database.db
      .insertInto('village_liaison')
      .values([
        {
          town_id: t.townId,
          id: newId(),
          village_id: qingsong,
          person_id: personId,
          starts_on: '2025-03-01',
          ends_on: '2025-06-30',
        },
        {
          town_id: t.townId,
          id: newId(),
          village_id: await villageId('柳溪村'),
          person_id: personId,
          starts_on: tomorrow,
          ends_on: null,
        },
      ])
      .execute();
    expect(await received()).toBe(before! + n);
  });
});
