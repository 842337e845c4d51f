import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealCast, appealKit, type AppealCast, type AppealKit } from '../../testing/appeals.ts';

// A declared `file` field (调解协议书（签字扫描件）on 达成调解协议) names files uploaded to the
// same order: the server refuses any other id, naming the field, and changes nothing; accepted
// files are tied to the step they document.
let t: TestApp;
let k: AppealKit;
let cast: AppealCast;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  cast = await appealCast(t);
});
afterAll(() => t.close());

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(appealId: string, name: string) {
  const form = new FormData();
  form.append('file', new File([PDF], name, { type: 'application/pdf' }));
  const res = await t.app.request(`${k.base}/appeals/${appealId}/attachments`, {
    method: 'POST',
    headers: { cookie: await k.cookie(cast.users.cadre) },
    body: form,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function mediatedDispute(title: string) {
  const cadre = cast.users.cadre;
  const d = await k.intake(cadre, {
    kind: 'dispute',
    channel: 'grid',
    categoryCode: 'security.neighbour',
    villageId: cast.village,
    title,
    content: '两户因院墙位置发生争执',
    payload: { disputeType: '邻里', parties: ['赵大勇', '钱小二'] },
  });
  return k.act(cadre, d, 'mediate', {
    sessionDate: '2026-03-02',
    attendingParties: ['赵大勇', '钱小二'],
    sessionNote: '双方到场',
  });
}

describe('a file field of a workflow step', () => {
  it('takes only files of this order, names the field otherwise, and ties them to the step', async () => {
    const cadre = cast.users.cadre;
    const order = await mediatedDispute('院墙纠纷');
    const other = await mediatedDispute('另一起院墙纠纷');
    const mine = await upload(order.id, '调解协议书.pdf');
    const theirs = await upload(other.id, '别处的协议书.pdf');
    const agree = { agreementText: '院墙后退半米', signedDate: '2026-03-03' };
    for (const ids of [[mine, theirs], [randomUUID()]]) {
      const refused = await k.act(cadre, order, 'agree', { ...agree, agreementScan: ids }, 422);
      expect(refused.errors).toEqual([
        expect.objectContaining({
          path: 'payload.agreementScan',
          label: '调解协议书（签字扫描件）',
          message: '调解协议书（签字扫描件）中有1个文件不是本工单的附件，请重新上传',
        }),
      ]);
    }
    const bad = await k.act(cadre, order, 'agree', { ...agree, agreementScan: ['协议.pdf'] }, 422);
    expect(bad.detail).toContain('调解协议书（签字扫描件）应为本工单已上传附件的编号');
    const cookie = await k.cookie(cadre);
    const unchanged = await t.call('GET', `${k.base}/appeals/${order.id}`, { cookie });
    expect(unchanged.body).toMatchObject({ state: 'mediating', version: order.version });

    const agreed = await k.act(cadre, order, 'agree', { ...agree, agreementScan: [mine, mine] });
    const step = agreed.timeline.at(-1);
    expect(step.payload.agreementScan).toEqual([mine]);
    const files = await t.call('GET', `${k.base}/appeals/${order.id}/attachments`, { cookie });
    expect(files.body.items).toEqual([expect.objectContaining({ id: mine, eventSeq: step.seq })]);
  });
});
