import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealKit } from '../../testing/appeals.ts';

let t: TestApp;
let k: AppealKit;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  await appealCast(t);
});
afterAll(() => t.close());

describe('revealing a resident’s contact', () => {
  it('shows the full contact to the dispatcher and writes an audit entry with the reason', async () => {
    const a = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      title: '路面塌陷',
      content: '新街路面塌陷',
      contactName: '赵大勇',
      contactPhone: '13712345678',
    });
    expect(a.contactPhone).toBe('137****5678');
    const res = await t.call('POST', `${k.base}/appeals/${a.id}/contact`, {
      cookie: await k.cookie('dispatcher'),
      body: { reason: '回电核实塌陷位置' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ contactName: '赵大勇', contactPhone: '13712345678' });
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', a.id)
      .where('action', '=', 'reveal_contact')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).toContain('回电核实塌陷位置');
  });

  it('refuses callers outside the order (404) and roles without the right (403), writing no audit entry', async () => {
    const a = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'phone',
      categoryCode: 'urban.roads',
      title: '井盖缺失',
      content: '新街井盖缺失',
      contactPhone: '13712345679',
    });
    const outside = await t.call('POST', `${k.base}/appeals/${a.id}/contact`, {
      cookie: await k.cookie('cadre'),
      body: { reason: '想看看' },
    });
    expect(outside.status).toBe(404);
    const supervisor = await t.call('POST', `${k.base}/appeals/${a.id}/contact`, {
      cookie: await k.cookie('supervisor'),
      body: { reason: '想看看' },
    });
    expect(supervisor.status).toBe(403);
    const anonymous = await t.call('POST', `${k.base}/appeals/${a.id}/contact`, {
      body: { reason: '想看看' },
    });
    expect(anonymous.status).toBe(401);
    for (const r of [outside, supervisor])
      expect(JSON.stringify(r.body)).not.toContain('13712345679');
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('seq')
      .where('entity_id', '=', a.id)
      .where('action', '=', 'reveal_contact')
      .execute();
    expect(audit).toHaveLength(0);
  });
});
