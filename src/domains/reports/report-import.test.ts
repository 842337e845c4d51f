/**
 * Importing past reports through the API: the three reference reports (read from
 * ../shared/reference; skipped with a message only when absent), a .docx round trip, the
 * side-by-side comparison with a draft, and a template seeded from an import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasReference, readFixture, readReference, REFERENCE_FILES, REFERENCE_SKIP_MESSAGE } from '../../core/report/reference-corpus.ts';
import { createTestApp, type TestApp } from '../../server/testing.ts';

if (!hasReference) console.warn(REFERENCE_SKIP_MESSAGE);

let t: TestApp;
let admin: string;
let base: string;
let xuanchuanPerson: string;

async function upload(cookie: string, filename: string, content: string | Uint8Array, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([content as string], filename));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await t.app.request(`${base}/report-imports`, { method: 'POST', body: form, headers: { cookie } });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  base = `/api/v1/towns/${t.townId}`;
  xuanchuanPerson = (await t.database.db.selectFrom('app_user').select('person_id').where('username', '=', 'xuanchuan').executeTakeFirstOrThrow()).person_id!;
}, 120_000);
afterAll(() => t.close());

const topHeadings = (body: { outline: { headings: { path: string; heading: string }[] } }) => body.outline.headings.map((h) => `${h.path} ${h.heading}`);

describe.skipIf(!hasReference)('import of the reference reports', () => {
  it('parses the propaganda member report: heading tree, counted numbers, placeholders', async () => {
    const res = await upload(admin, '宣传委员述职报告.txt', readReference(REFERENCE_FILES.propaganda2023), { personId: xuanchuanPerson, year: '2023' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(topHeadings(res.body)).toEqual([
      '一 思想政治情况', '二 意识形态工作', '三 新闻外宣工作', '四 组织工作', '五 党风廉政方面', '六 用法学法方面', '七 存在不足和今后努力的方向',
    ]);
    const numbers = res.body.outline.numbers as { value: number | null; unit: string; subject: string; sectionPath: string }[];
    expect(numbers.some((n) => n.value === 110 && n.unit === '条' && n.subject === '宣传信息' && n.sectionPath === '三')).toBe(true);
    expect(res.body.outline.placeholders.length).toBeGreaterThan(0);
    expect(res.body.outline.headings[6].kinds).toEqual(['shortcomings', 'plans']);
  });

  it('parses the organisation officer and the principal leader reports', async () => {
    for (const file of [REFERENCE_FILES.organization2022, REFERENCE_FILES.leader2023]) {
      const res = await upload(admin, `${file}`, readReference(file));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.outline.headings.length).toBeGreaterThanOrEqual(3);
      expect(res.body.outline.numbers.length).toBeGreaterThan(5);
      expect(res.body.outline.placeholders.every((p: { token: string }) => /\*|X|×|某某/u.test(p.token))).toBe(true);
    }
    const leader = await upload(admin, 'leader.txt', readReference(REFERENCE_FILES.leader2023));
    const kinds = new Set(leader.body.outline.headings.flatMap((h: { kinds: string[] }) => h.kinds));
    for (const k of ['study', 'integrity', 'law']) expect(kinds.has(k), k).toBe(true);
  });

  it('compares an imported report with a draft part by part, and seeds a template from it (admin)', async () => {
    const imported = await upload(admin, 'old.txt', readReference(REFERENCE_FILES.propaganda2023), { personId: xuanchuanPerson, year: '2024' });
    const draft = await t.call('POST', `${base}/reports`, { cookie: admin, body: { personId: xuanchuanPerson, year: 2025 } });
    expect(draft.status).toBe(201);
    const cmp = await t.call('GET', `${base}/report-imports/${imported.body.id}/compare?reportId=${draft.body.id}`, { cookie: admin });
    expect(cmp.status).toBe(200);
    const duty = cmp.body.rows.find((r: { kind: string }) => r.kind === 'duty');
    expect(duty.imported.headings).toContain('三、新闻外宣工作');
    expect(duty.imported.numbers.some((n: { value: number }) => n.value === 110)).toBe(true);
    expect(duty.draft.numbers.length).toBeGreaterThan(0);

    // Last year's imported report feeds the similarity check of the draft's lint.
    const lint = await t.call('GET', `${base}/reports/${draft.body.id}/lint`, { cookie: admin });
    expect(lint.status).toBe(200);

    const tpl = await t.call('POST', `${base}/report-templates/from-import`, { cookie: admin, body: { importId: imported.body.id, id: 'qingshi_propaganda', name: '宣传委员（按往年格式）' } });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(201);
    expect(tpl.body.definition.sections.map((s: { kind: string }) => s.kind)).toContain('duty');
    const xuanchuan = await t.login('xuanchuan');
    expect((await t.call('POST', `${base}/report-templates/from-import`, { cookie: xuanchuan, body: { importId: imported.body.id, id: 'x2' } })).status).toBe(403);
    expect((await t.call('GET', `${base}/report-imports/${imported.body.id}`, { cookie: xuanchuan })).status).toBe(200);
    expect((await t.call('GET', `${base}/report-imports/${imported.body.id}`, { cookie: await t.login('zhuangan') })).status).toBe(404);
  });
});

describe('import formats and templates', () => {
  it('imports a .docx exported by the system back into the same headings', async () => {
    const zuzhi = (await t.database.db.selectFrom('app_user').select('person_id').where('username', '=', 'zuzhi').executeTakeFirstOrThrow()).person_id!;
    const draft = await t.call('POST', `${base}/reports`, { cookie: admin, body: { personId: zuzhi, year: 2025 } });
    const docx = new Uint8Array(await (await t.app.request(`${base}/reports/${draft.body.id}/export?format=docx`, { headers: { cookie: admin } })).arrayBuffer());
    const res = await upload(admin, 'old.docx', docx, { personId: zuzhi, year: '2024' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.outline.title).toBe('述职报告');
    const level1 = (draft.body.document.sections as { level: number; heading: string }[]).filter((s) => s.level === 1).map((s) => s.heading);
    expect(res.body.outline.headings.map((h: { heading: string }) => h.heading)).toEqual(level1);
  });

  it('refuses other file types, empty files and importing for someone else', async () => {
    const xuanchuan = await t.login('xuanchuan');
    expect((await upload(admin, 'a.pdf', 'x')).status).toBe(422);
    expect((await upload(admin, 'a.txt', '')).status).toBe(422);
    const zhuangan = (await t.database.db.selectFrom('app_user').select('person_id').where('username', '=', 'zhuangan').executeTakeFirstOrThrow()).person_id!;
    expect((await upload(xuanchuan, 'a.txt', '一、学习\n内容', { personId: zhuangan })).status).toBe(422);
    expect((await t.call('POST', `${base}/report-imports`, { cookie: admin, body: {} })).status).toBe(422);
  });

  it('seeds the built-in templates lazily and lets an admin edit one, with a version check', async () => {
    const list = await t.call('GET', `${base}/report-templates`, { cookie: admin });
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(['party_secretary', 'mayor', 'specialist', 'village_secretary']));
    const tpl = (await t.call('GET', `${base}/report-templates/specialist`, { cookie: admin })).body;
    const definition = { ...tpl.definition, name: '专干（本镇）' };
    const ok = await t.call('PUT', `${base}/report-templates/specialist`, { cookie: admin, body: { version: tpl.version, definition } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: '专干（本镇）', version: tpl.version + 1 });
    expect((await t.call('PUT', `${base}/report-templates/specialist`, { cookie: admin, body: { version: tpl.version, definition } })).status).toBe(409);
    const bad = await t.call('PUT', `${base}/report-templates/specialist`, { cookie: admin, body: { version: ok.body.version, definition: { ...definition, sections: [] } } });
    expect(bad.status).toBe(422);
    expect((await t.call('GET', `${base}/report-templates`, { cookie: await t.login('shuji') })).status).toBe(403);
  });
});

describe('a past report with placeholders, compared by heading and seeding a template', () => {
  it('flags every placeholder, lines headings up with the draft, and seeds a template from the outline', async () => {
    const zhengfa = (await t.database.db.selectFrom('app_user').select('person_id').where('username', '=', 'zhengfa').executeTakeFirstOrThrow()).person_id!;
    const imported = await upload(admin, '2024年述职报告.txt', readFixture('placeholders-sample.txt'), { personId: zhengfa, year: '2024' });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const tokens = imported.body.outline.placeholders.map((p: { token: string }) => p.token);
    expect(tokens).toEqual(expect.arrayContaining(['**', 'XX', '×', '某某']));

    const draft = await t.call('POST', `${base}/reports`, { cookie: admin, body: { personId: zhengfa, year: 2025 } });
    expect(draft.status).toBe(201);
    const cmp = await t.call('GET', `${base}/report-imports/${imported.body.id}/compare?reportId=${draft.body.id}`, { cookie: admin });
    expect(cmp.status).toBe(200);
    type Row = { imported: { heading: string; numbers: { value: number | null }[]; placeholders: unknown[] } | null; draft: { heading: string; chips: unknown[] } | null; numbers: { past: unknown; current: unknown }[] };
    const aligned = cmp.body.aligned as Row[];
    expect(aligned[0]!.imported!.heading).toBe('开头');
    const integrity = aligned.find((r) => r.imported?.heading === '廉洁自律方面')!;
    expect(integrity.draft?.heading).toMatch(/廉/u);
    const outreach = aligned.find((r) => r.imported?.heading === '对外宣传')!;
    expect(outreach.imported!.placeholders).toHaveLength(1);
    expect(outreach.numbers.some((n) => n.past !== null)).toBe(true);
    // every draft section down to （一） appears once
    const draftHeadings = (draft.body.document.sections as { level: number; heading: string }[]).filter((s) => s.level >= 1 && s.level <= 2 && s.heading).map((s) => s.heading);
    expect(aligned.slice(1).flatMap((r) => (r.draft ? [r.draft.heading] : []))).toEqual(draftHeadings);

    const seeded = await t.call('POST', `${base}/report-templates/from-import`, { cookie: admin, body: { importId: imported.body.id, id: 'seeded_sample', name: '按往年格式' } });
    expect(seeded.status, JSON.stringify(seeded.body)).toBe(201);
    expect(seeded.body.definition.sections.map((x: { kind: string; covers: string[] }) => [x.kind, x.covers])).toEqual([
      ['opening', []], ['study', []], ['duty', []], ['integrity', []], ['shortcomings', ['plans']],
    ]);
    expect((await t.call('POST', `${base}/report-templates/from-import`, { cookie: admin, body: { importId: imported.body.id, id: 'seeded_sample' } })).status).toBe(409);
  });
});
