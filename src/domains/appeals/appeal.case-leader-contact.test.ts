import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';

// 包案领导 (DESIGN 5, petitions): the leader personally responsible for a petition replies to the
// petitioner (答复意见书), so — like the handling unit — they may see the petitioner's full contact,
// audited. The demo's 政法委员 (zhengfa) is a portfolio leader and case leader of petitions.
let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp();
  k = appealKit(t);
});
afterAll(() => t.close());

const reveal = async (user: string, id: string) =>
  t.call('POST', `${k.base}/appeals/${id}/contact`, {
    cookie: await k.cookie(user),
    body: { reason: '电话告知答复意见' },
  });

describe('a portfolio leader’s access to a resident’s contact', () => {
  it('is granted on a petition they lead as 包案领导, as the order detail promises, and audited', async () => {
    const me = await k.personOf('zhengfa');
    const led = (
      await sql<{
        id: string;
        contact_phone: string;
      }>`select id, contact_phone from appeal where town_id = ${t.townId} and case_leader_person_id = ${me} and contact_phone is not null limit 1`.execute(
        t.database.db,
      )
    ).rows[0]!;
    const detail = await t.call('GET', `${k.base}/appeals/${led.id}`, {
      cookie: await k.cookie('zhengfa'),
    });
    expect(detail.status).toBe(200);
    expect(detail.body.canRevealContact).toBe(true);
    const res = await reveal('zhengfa', led.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.contactPhone).toBe(led.contact_phone);
    const audited = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('town_id', '=', t.townId)
      .where('entity_id', '=', led.id)
      .where('action', '=', 'reveal_contact')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('is refused on an order of their portfolio that they do not handle themselves', async () => {
    const me = await k.personOf('zhengfa');
    const other = (
      await sql<{
        id: string;
      }>`select id from appeal where town_id = ${t.townId} and kind = 'petition' and case_leader_person_id <> ${me} limit 1`.execute(
        t.database.db,
      )
    ).rows[0]!;
    const detail = await t.call('GET', `${k.base}/appeals/${other.id}`, {
      cookie: await k.cookie('zhengfa'),
    });
    expect(detail.status).toBe(200);
    expect(detail.body.canRevealContact).toBe(false);
    expect((await reveal('zhengfa', other.id)).status).toBe(403);
  });
});
