import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTown } from '../../demo/demo-town.ts';
import { newId } from '../ids.ts';
import { migrateToLatest } from '../migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/database.ts';
import { migrations } from './index.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('migration 0016: attachment owners', () => {
  it('gives files to their order, or to the earliest live record listing them; others to nobody', async () => {
    const db = database.db;
    const { townId } = await createDemoTown(db, 'Demo-password-2025');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo('0015_login_devices');
    expect(down.error).toBeUndefined();

    const file = async () => {
      const id = newId();
      await sql`insert into attachment (town_id, id, filename, content_type, size, sha256, bytes)
        values (${townId}, ${id}, 'a.png', 'image/png', 1, ${'x'.repeat(64)}, ${Buffer.from([1])})`.execute(
        db,
      );
      return id;
    };
    const [onOrder, inRecords, mentioned, loose] = [
      await file(),
      await file(),
      await file(),
      await file(),
    ];
    const order = await db
      .selectFrom('appeal')
      .select('id')
      .where('town_id', '=', townId)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('appeal_attachment')
      .values({ town_id: townId, appeal_id: order.id, attachment_id: onOrder })
      .execute();
    const records = await db
      .selectFrom('ledger_record')
      .select(['id', 'created_at'])
      .where('town_id', '=', townId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(3)
      .execute();
    const list = (id: string, value: unknown) =>
      sql`update ledger_record set data = data || ${JSON.stringify(value)}::jsonb
        where town_id = ${townId} and id = ${id}`.execute(db);
    // The earliest lists it but is deleted; the next two list it live: the second of all wins.
    await list(records[0]!.id, { photos: [inRecords] });
    await sql`update ledger_record set deleted_at = now() where town_id = ${townId} and id = ${records[0]!.id}`.execute(
      db,
    );
    await list(records[1]!.id, { photos: [inRecords] });
    await list(records[2]!.id, { photos: [inRecords], note: `见 ${mentioned}` });

    await migrateToLatest(db);
    const owners = await db
      .selectFrom('attachment')
      .select(['id', 'owner_kind', 'owner_id'])
      .where('id', 'in', [onOrder, inRecords, mentioned, loose])
      .execute();
    const of = (id: string) => owners.find((o) => o.id === id);
    expect(of(onOrder)).toMatchObject({ owner_kind: 'appeal', owner_id: order.id });
    expect(of(inRecords)).toMatchObject({ owner_kind: 'ledger_record', owner_id: records[1]!.id });
    expect(of(mentioned)).toMatchObject({ owner_kind: null, owner_id: null });
    expect(of(loose)).toMatchObject({ owner_kind: null, owner_id: null });
  });
});
