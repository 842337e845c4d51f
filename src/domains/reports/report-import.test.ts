/**
 * Importing past reports through the API: the three reference reports (read from
 * ../shared/reference; skipped with a message only when absent), a .docx round trip, the
 * side-by-side comparison with a draft, and a template seeded from an import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasReference,
  readFixture,
  readReference,
  REFERENCE_FILES,
  REFERENCE_SKIP_MESSAGE,
} from '../../core/report/reference-corpus.ts';
import * as migration0013 from '../../db/migrations/0013_import_redactions.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { demoYear, type DemoYear } from '../../testing/demo.ts';

if (!hasReference) console.warn(REFERENCE_SKIP_MESSAGE);

let t: TestApp;
let admin: string;
let base: string;
let xuanchuanPerson: string;
/** Drafts are for the demo's year (read from its records); past reports are of the year before. */
let Y: DemoYear;
const lastYear = () => String(Y.year - 1);

async function upload(
  cookie: string,
  filename: string,
  content: string | Uint8Array,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.set('file', new File([content as string], filename));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await t.app.request(`${base}/report-imports`, {
    method: 'POST',
    body: form,
    headers: { cookie },
  });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  t = await createTestApp();
  Y = await demoYear(t.database.db, t.townId);
  admin = await t.login('admin');
  base = `/api/v1/towns/${t.townId}`;
  xuanchuanPerson = (
    await t.database.db
      .selectFrom('app_user')
      .select('person_id')
      .where('username', '=', 'xuanchuan')
      .executeTakeFirstOrThrow()
  ).person_id!;
}, 120_000);
afterAll(() => t.close());

const topHeadings = (body: { outline: { headings: { path: string; heading: string }[] } }) =>
  body.outline.headings.map((h) => `${h.path} ${h.heading}`);

describe.skipIf(!hasReference)('import of the reference reports', () => {
  it('parses the propaganda member report: heading tree, counted numbers, placeholders', async () => {
    const res = await upload(
      admin,
      '宣传委员述职报告.txt',
      readReference(REFERENCE_FILES.propaganda2023),
      { personId: xuanchuanPerson, year: '2023' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(topHeadings(res.body)).toEqual([
      '一 思想政治情况',
      '二 意识形态工作',
      '三 新闻外宣工作',
      '四 组织工作',
      '五 党风廉政方面',
      '六 用法学法方面',
      '七 存在不足和今后努力的方向',
    ]);
    const numbers = res.body.outline.numbers as {
      value: number | null;
      unit: string;
      subject: string;
      sectionPath: string;
    }[];
    expect(
      numbers.some(
        (n) =>
          n.value === 110 && n.unit === '条' && n.subject === '宣传信息' && n.sectionPath === '三',
      ),
    ).toBe(true);
    expect(res.body.outline.placeholders.length).toBeGreaterThan(0);
    expect(res.body.outline.headings[6].kinds).toEqual(['shortcomings', 'plans']);
  });

  it('parses the organisation officer and the principal leader reports', async () => {
    for (const file of [REFERENCE_FILES.organization2022, REFERENCE_FILES.leader2023]) {
      const res = await upload(admin, `${file}`, readReference(file));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.outline.headings.length).toBeGreaterThanOrEqual(3);
      expect(res.body.outline.numbers.length).toBeGreaterThan(5);
      expect(
        res.body.outline.placeholders.every((p: { token: string }) => /\*|X|×|某某/u.test(p.token)),
      ).toBe(true);
    }
    const leader = await upload(admin, 'leader.txt', readReference(REFERENCE_FILES.leader2023));
    const kinds = new Set(
      leader.body.outline.headings.flatMap((h: { kinds: string[] }) => h.kinds),
    );
    for (const k of ['study', 'integrity', 'law']) expect(kinds.has(k), k).toBe(true);
  });

  it('compares an imported report with a draft part by part, and seeds a template from it (admin)', async () => {
    const imported = await upload(admin, 'old.txt', readReference(REFERENCE_FILES.propaganda2023), {
      personId: xuanchuanPerson,
      year: lastYear(),
    });
    const draft = await t.call('POST', `${base}/reports`, {
      cookie: admin,
      body: { personId: xuanchuanPerson, year: Y.year },
    });
    expect(draft.status).toBe(201);
    const cmp = await t.call(
      'GET',
      `${base}/report-imports/${imported.body.id}/compare?reportId=${draft.body.id}`,
      { cookie: admin },
    );
    expect(cmp.status).toBe(200);
    const duty = cmp.body.rows.find((r: { kind: string }) => r.kind === 'duty');
    expect(duty.imported.headings).toContain('三、新闻外宣工作');
    expect(duty.imported.numbers.some((n: { value: number }) => n.value === 110)).toBe(true);
    expect(duty.draft.numbers.length).toBeGreaterThan(0);

    // Last year's imported report feeds the similarity check of the draft's lint.
    const lint = await t.call('GET', `${base}/reports/${draft.body.id}/lint`, { cookie: admin });
    expect(lint.status).toBe(200);

    const tpl = await t.call('POST', `${base}/report-templates/from-import`, {
      cookie: admin,
      body: {
        importId: imported.body.id,
        id: 'qingshi_propaganda',
        name: '宣传委员（按往年格式）',
      },
    });
    expect(tpl.status, JSON.stringify(tpl.body)).toBe(201);
    expect(tpl.body.definition.sections.map((s: { kind: string }) => s.kind)).toContain('duty');
    const xuanchuan = await t.login('xuanchuan');
    expect(
      (
        await t.call('POST', `${base}/report-templates/from-import`, {
          cookie: xuanchuan,
          body: { importId: imported.body.id, id: 'x2' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.call('GET', `${base}/report-imports/${imported.body.id}`, { cookie: xuanchuan }))
        .status,
    ).toBe(200);
    expect(
      (
        await t.call('GET', `${base}/report-imports/${imported.body.id}`, {
          cookie: await t.login('zhuangan'),
        })
      ).status,
    ).toBe(404);
  });
});

describe('import formats and templates', () => {
  it('imports a .docx exported by the system back into the same headings', async () => {
    const zuzhi = (
      await t.database.db
        .selectFrom('app_user')
        .select('person_id')
        .where('username', '=', 'zuzhi')
        .executeTakeFirstOrThrow()
    ).person_id!;
    const draft = await t.call('POST', `${base}/reports`, {
      cookie: admin,
      body: { personId: zuzhi, year: Y.year },
    });
    const docx = new Uint8Array(
      await (
        await t.app.request(`${base}/reports/${draft.body.id}/export?format=docx`, {
          headers: { cookie: admin },
        })
      ).arrayBuffer(),
    );
    const res = await upload(admin, 'old.docx', docx, { personId: zuzhi, year: lastYear() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.outline.title).toBe('述职报告');
    const level1 = (draft.body.document.sections as { level: number; heading: string }[])
      .filter((s) => s.level === 1)
      .map((s) => s.heading);
    expect(res.body.outline.headings.map((h: { heading: string }) => h.heading)).toEqual(level1);
  });

  it('refuses other file types, empty files and importing for someone else', async () => {
    const xuanchuan = await t.login('xuanchuan');
    expect((await upload(admin, 'a.pdf', 'x')).status).toBe(422);
    expect((await upload(admin, 'a.txt', '')).status).toBe(422);
    const zhuangan = (
      await t.database.db
        .selectFrom('app_user')
        .select('person_id')
        .where('username', '=', 'zhuangan')
        .executeTakeFirstOrThrow()
    ).person_id!;
    expect(
      (await upload(xuanchuan, 'a.txt', '一、学习\n内容', { personId: zhuangan })).status,
    ).toBe(422);
    expect(
      (await t.call('POST', `${base}/report-imports`, { cookie: admin, body: {} })).status,
    ).toBe(422);
  });

  it('seeds the built-in templates lazily and lets an admin edit one, with a version check', async () => {
    const list = await t.call('GET', `${base}/report-templates`, { cookie: admin });
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(['party_secretary', 'mayor', 'specialist', 'village_secretary']),
    );
    const tpl = (await t.call('GET', `${base}/report-templates/specialist`, { cookie: admin }))
      .body;
    const definition = { ...tpl.definition, name: '专干（本镇）' };
    const ok = await t.call('PUT', `${base}/report-templates/specialist`, {
      cookie: admin,
      body: { version: tpl.version, definition },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: '专干（本镇）', version: tpl.version + 1 });
    expect(
      (
        await t.call('PUT', `${base}/report-templates/specialist`, {
          cookie: admin,
          body: { version: tpl.version, definition },
        })
      ).status,
    ).toBe(409);
    const bad = await t.call('PUT', `${base}/report-templates/specialist`, {
      cookie: admin,
      body: { version: ok.body.version, definition: { ...definition, sections: [] } },
    });
    expect(bad.status).toBe(422);
    expect(
      (await t.call('GET', `${base}/report-templates`, { cookie: await t.login('shuji') })).status,
    ).toBe(403);
  });
});

describe('a past report with placeholders, compared by heading and seeding a template', () => {
  it('flags every placeholder, lines headings up with the draft, and seeds a template from the outline', async () => {
    const zhengfa = (
      await t.database.db
        .selectFrom('app_user')
        .select('person_id')
        .where('username', '=', 'zhengfa')
        .executeTakeFirstOrThrow()
    ).person_id!;
    const imported = await upload(
      admin,
      '2024年述职报告.txt',
      readFixture('placeholders-sample.txt'),
      { personId: zhengfa, year: lastYear() },
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const tokens = imported.body.outline.placeholders.map((p: { token: string }) => p.token);
    expect(tokens).toEqual(['**', 'XX', '×', '某某', '**', 'XX']);
    // "*村" hides a village's name: a redaction, kept apart from the unfilled placeholders.
    expect(imported.body.outline.redactions).toMatchObject([
      { token: '*', sectionPath: '二/（一）', context: expect.stringContaining('从*村起步') },
    ]);
    // The closing paragraph after （三） belongs to 二, its 一是/二是 too; "以上述职…" ends the report.
    const outline = imported.body.outline;
    const propagandaSection = outline.sections[1];
    expect(propagandaSection.trailing[0].text).toMatch(/^此外，我还牵头/u);
    expect(outline.numbers.find((n: { raw: string }) => n.raw === '15个').sectionPath).toBe(
      '二/一是',
    );
    expect(outline.closing.map((p: { text: string }) => p.text)).toEqual(['以上述职，请予评议。']);

    const draft = await t.call('POST', `${base}/reports`, {
      cookie: admin,
      body: { personId: zhengfa, year: Y.year },
    });
    expect(draft.status).toBe(201);
    const cmp = await t.call(
      'GET',
      `${base}/report-imports/${imported.body.id}/compare?reportId=${draft.body.id}`,
      { cookie: admin },
    );
    expect(cmp.status).toBe(200);
    type Side = { heading: string; numbers: { value: number | null }[]; placeholders: unknown[] };
    type Row = {
      imported: (Side & { subsections: Side[] }) | null;
      draft: { heading: string; chips: unknown[]; subsections: { heading: string }[] } | null;
      numbers: { past: { section: string } | null; current: unknown }[];
    };
    const aligned = cmp.body.aligned as Row[];
    expect(aligned[0]!.imported!.heading).toBe('开头');
    const integrity = aligned.find((r) => r.imported?.heading === '廉洁自律方面')!;
    expect(integrity.draft?.heading).toMatch(/廉/u);
    // last year's （一）…（三） are folded into the row of their 一、, with their placeholders and numbers
    expect(aligned.some((r) => r.imported?.heading === '对外宣传')).toBe(false);
    const propaganda = aligned.find((r) => r.imported?.heading === '宣传思想工作')!;
    expect(propaganda.imported!.subsections.map((x) => x.heading)).toEqual([
      '理论宣讲',
      '对外宣传',
      '文明创建',
    ]);
    expect(
      propaganda.imported!.subsections.find((x) => x.heading === '对外宣传')!.placeholders,
    ).toHaveLength(1);
    expect(propaganda.numbers.some((n) => n.past?.section.endsWith('对外宣传'))).toBe(true);
    // every draft 一、 leads one row, its （一） listed under it, in reading order
    const sections = draft.body.document.sections as { level: number; heading: string }[];
    const draftHeadings = sections
      .filter((x) => x.level >= 1 && x.level <= 2 && x.heading)
      .map((x) => x.heading);
    expect(aligned.slice(1).flatMap((r) => (r.draft ? [r.draft.heading] : []))).toEqual(
      sections.filter((x) => x.level === 1 && x.heading).map((x) => x.heading),
    );
    expect(
      aligned
        .slice(1)
        .flatMap((r) =>
          r.draft ? [r.draft.heading, ...r.draft.subsections.map((x) => x.heading)] : [],
        ),
    ).toEqual(draftHeadings);

    const seeded = await t.call('POST', `${base}/report-templates/from-import`, {
      cookie: admin,
      body: { importId: imported.body.id, id: 'seeded_sample', name: '按往年格式' },
    });
    expect(seeded.status, JSON.stringify(seeded.body)).toBe(201);
    expect(
      seeded.body.definition.sections.map((x: { kind: string; covers: string[] }) => [
        x.kind,
        x.covers,
      ]),
    ).toEqual([
      ['opening', []],
      ['study', []],
      ['duty', []],
      ['integrity', []],
      ['shortcomings', ['plans']],
    ]);
    expect(
      (
        await t.call('POST', `${base}/report-templates/from-import`, {
          cookie: admin,
          body: { importId: imported.body.id, id: 'seeded_sample' },
        })
      ).status,
    ).toBe(409);
  });
});

describe('the list of imported reports', () => {
  // Only the uploader or an admin deletes, audited.
  it('shows one’s own imports (the town’s to leaders) with their counts', async () => {
    const [xuanchuan, zhengfa, shuji] = [
      await t.login('xuanchuan'),
      await t.login('zhengfa'),
      await t.login('shuji'),
    ];
    const own = await upload(xuanchuan, '宣传2024.txt', readFixture('placeholders-sample.txt'), {
      year: '2024',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const other = await upload(
      zhengfa,
      '政法2024.txt',
      '一、学习情况\n全年学习12次，撰写心得**篇。\n',
      { year: '2024' },
    );
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    type Item = {
      id: string;
      personName: string | null;
      year: number;
      filename: string;
      numberCount: number;
      placeholderCount: number;
      createdByName: string | null;
      canDelete: boolean;
    };
    const list = async (cookie: string) =>
      (await t.call('GET', `${base}/report-imports?limit=200`, { cookie })).body.items as Item[];

    const mine = await list(xuanchuan);
    expect(mine.map((i) => i.id)).toContain(own.body.id);
    expect(mine.map((i) => i.id)).not.toContain(other.body.id);
    const item = mine.find((i) => i.id === own.body.id)!;
    expect(item).toMatchObject({
      year: 2024,
      filename: '宣传2024.txt',
      canDelete: true,
      placeholderCount: own.body.outline.placeholders.length,
    });
    expect(item.numberCount).toBe(
      own.body.outline.numbers.filter((n: { placeholder: boolean }) => !n.placeholder).length,
    );
    expect(item.personName).toBeTruthy();
    expect(item.numberCount).toBeGreaterThan(0);

    // a leader sees the town's, may open them, but deletes none of them
    const town = await list(shuji);
    expect(town.map((i) => i.id)).toEqual(expect.arrayContaining([own.body.id, other.body.id]));
    expect(town.find((i) => i.id === own.body.id)!.canDelete).toBe(false);
    expect(
      (await t.call('GET', `${base}/report-imports/${own.body.id}`, { cookie: shuji })).status,
    ).toBe(200);
    expect(
      (await t.call('DELETE', `${base}/report-imports/${own.body.id}`, { cookie: shuji })).status,
    ).toBe(403);
    // someone who cannot see it is told it does not exist
    expect(
      (await t.call('DELETE', `${base}/report-imports/${own.body.id}`, { cookie: zhengfa })).status,
    ).toBe(404);
    expect(
      (await t.call('GET', `${base}/report-imports/${own.body.id}`, { cookie: zhengfa })).status,
    ).toBe(404);

    expect(
      (await t.call('DELETE', `${base}/report-imports/${own.body.id}`, { cookie: xuanchuan }))
        .status,
    ).toBe(204);
    expect(
      (await t.call('GET', `${base}/report-imports/${own.body.id}`, { cookie: xuanchuan })).status,
    ).toBe(404);
    expect((await list(xuanchuan)).map((i) => i.id)).not.toContain(own.body.id);
    expect(
      (await t.call('DELETE', `${base}/report-imports/${other.body.id}`, { cookie: admin })).status,
    ).toBe(204);
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select(['action', 'entity_type'])
      .where('entity_id', 'in', [own.body.id, other.body.id])
      .orderBy('seq')
      .execute();
    expect(
      audit.filter((a) => a.action === 'delete' && a.entity_type === 'imported_report'),
    ).toHaveLength(2);
  });

  it('pages the list with a cursor', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (await upload(admin, `p${i}.txt`, `一、学习\n学习${i + 1}次。\n`, { year: '2023' })).body
          .id as string,
      );
    const first = await t.call('GET', `${base}/report-imports?limit=2`, { cookie: admin });
    expect(first.body.items).toHaveLength(2);
    const second = await t.call(
      'GET',
      `${base}/report-imports?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { cookie: admin },
    );
    const seen = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
    expect(seen.slice(0, 3)).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('imports stored before redactions were told apart', () => {
  it('moves their single-asterisk placeholders into redactions (migration 0013)', async () => {
    const res = await upload(admin, '旧版.txt', '一、工作\n走访*村，完成**项。\n', {
      year: '2023',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // Rewrite the stored outline the way the importer kept it before: '*' among the placeholders.
    const old = {
      ...res.body.outline,
      placeholders: [
        { token: '*', kind: 'asterisk', offset: 7, sectionPath: '一', context: '走访*村' },
        ...res.body.outline.placeholders,
      ],
      numbers: [{ raw: '*名', value: null, placeholder: true, sectionPath: '一', offset: 0 }],
    };
    delete old.redactions;
    await t.database.db
      .updateTable('imported_report')
      .set({ outline: JSON.stringify(old) })
      .where('id', '=', res.body.id)
      .execute();
    await migration0013.up(t.database.db as never);
    const fixed = await t.call('GET', `${base}/report-imports/${res.body.id}`, { cookie: admin });
    expect(fixed.body.outline.placeholders.map((p: { token: string }) => p.token)).toEqual(['**']);
    expect(fixed.body.outline.redactions).toEqual([
      { token: '*', offset: 7, sectionPath: '一', context: '走访*村' },
    ]);
    expect(fixed.body.outline.numbers).toEqual([]);
    const listed = (
      await t.call('GET', `${base}/report-imports?limit=200`, { cookie: admin })
    ).body.items.find((i: { id: string }) => i.id === res.body.id);
    expect(listed.placeholderCount).toBe(1);
    // Running it again changes nothing.
    await migration0013.up(t.database.db as never);
    const again = await t.call('GET', `${base}/report-imports/${res.body.id}`, { cookie: admin });
    expect(again.body.outline).toEqual(fixed.body.outline);
  });
});
