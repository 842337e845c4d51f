import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOtherTown } from '../../testing/scope/matrix.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { recordAudit } from './audit.service.ts';
import { verifyAuditChains } from './audit.verify.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 5; i++) {
    await recordAudit(t.database.db, {
      townId: t.townId,
      actorUserId: null,
      actorName: '测试',
      action: 'update',
      entityType: 'thing',
      entityId: String(i),
      before: { n: i },
      after: { n: i + 1, password: 'secret-value' },
    });
  }
});
afterAll(() => t.close());

describe('audit log', () => {
  it('verifies clean after writes and never stores secret-looking fields', async () => {
    const result = await verifyAuditChains(t.database.db);
    expect(result.problems).toEqual([]);
    expect(result.entries).toBeGreaterThanOrEqual(6);
    const rows = await t.database.db
      .selectFrom('audit_entry')
      .select('after')
      .where('entity_type', '=', 'thing')
      .execute();
    for (const r of rows) expect(JSON.stringify(r.after)).not.toContain('secret-value');
  });

  it('starts a new town’s chain with its first entry and keeps the head on the newest entry', async () => {
    const townId = await addOtherTown(t.database.db);
    const head = () =>
      t.database.db
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('town_id', '=', townId)
        .executeTakeFirst();
    const before = (await head())?.seq ?? 0;
    for (let i = 0; i < 3; i++) {
      await t.database.db.transaction().execute((trx) =>
        recordAudit(trx, {
          townId,
          actorUserId: null,
          actorName: '测试',
          action: 'update',
          entityType: 'thing',
          entityId: `n${i}`,
        }),
      );
    }
    const newest = await t.database.db
      .selectFrom('audit_entry')
      .select(['seq', 'hash'])
      .where('town_id', '=', townId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(await head()).toEqual(newest);
    expect(newest.seq).toBe(before + 3);
    // A write that rolls back leaves neither an entry nor a moved head.
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          townId,
          actorUserId: null,
          actorName: '测试',
          action: 'update',
          entityType: 'thing',
          entityId: 'rolled-back',
        });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await head()).toEqual(newest);
    expect((await verifyAuditChains(t.database.db, [townId])).problems).toEqual([]);
  });

  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await expect(
      sql`update audit_entry set actor_name = 'x' where town_id = ${t.townId}`.execute(
        t.database.db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from audit_entry where town_id = ${t.townId}`.execute(t.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_entry`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('refuses to move the chain head backwards', async () => {
    await expect(
      sql`update audit_head set seq = seq - 1 where town_id = ${t.townId}`.execute(t.database.db),
    ).rejects.toThrow(/forward/);
  });

  // Tampering needs the triggers out of the way: done as a database owner would, in a transaction.
  async function tamper(statement: ReturnType<typeof sql>) {
    await t.database.db.transaction().execute(async (trx) => {
      await sql`alter table audit_entry disable trigger audit_entry_no_update`.execute(trx);
      await statement.execute(trx);
      await sql`alter table audit_entry enable trigger audit_entry_no_update`.execute(trx);
    });
  }

  it('detects an edited entry', async () => {
    await tamper(
      sql`update audit_entry set after = '{"n": 999}'
          where town_id = ${t.townId} and entity_type = 'thing' and entity_id = '2'`,
    );
    const result = await verifyAuditChains(t.database.db);
    expect(result.problems.some((p) => p.message.includes('篡改'))).toBe(true);
    await tamper(
      sql`update audit_entry set after = '{"n": 3}'
          where town_id = ${t.townId} and entity_type = 'thing' and entity_id = '2'`,
    );
    expect((await verifyAuditChains(t.database.db)).problems).toEqual([]);
  });

  it('detects the deletion of the newest entry through the separate head', async () => {
    await tamper(
      sql`delete from audit_entry where town_id = ${t.townId}
          and seq = (select max(seq) from audit_entry where town_id = ${t.townId})`,
    );
    const result = await verifyAuditChains(t.database.db);
    expect(result.problems.some((p) => p.message.includes('链头'))).toBe(true);
  });

  it('detects a deleted entry in the middle', async () => {
    await tamper(sql`delete from audit_entry where town_id = ${t.townId} and seq = 2`);
    const result = await verifyAuditChains(t.database.db);
    expect(result.problems.some((p) => p.message.includes('缺少'))).toBe(true);
  });
});
