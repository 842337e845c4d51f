/**
 * Number chips added by hand (插入数据) through the API: the picker's catalogue and preview, a
 * valid new chip saved and linted like a generated one, and new chips refused with a problem
 * naming them — unknown metric, another town's scope, a metric the author may not read, a bad
 * period. Also the template editor's preview and its version check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChips, type MetricChip, type ReportDocument } from '../../core/report/model.ts';
import {
  mergeTemplateSections,
  moveTemplateSection,
  setSectionOmitted,
} from '../../core/report/template-edit.ts';
import type { ReportTemplate } from '../../core/report/templates.ts';
import { newId } from '../../db/ids.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { demoYear, type DemoYear } from '../../testing/demo.ts';

/** The demo town, its 宣传委员's report for the demo's year (read from its records). */
let t: TestApp;
let Y: DemoYear;
let admin: string;
let xuanchuan: string;
let base: string;
let report: { id: string; version: number; document: ReportDocument };

const personOf = async (username: string) =>
  (
    await t.database.db
      .selectFrom('app_user')
      .select('person_id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).person_id!;

beforeAll(async () => {
  t = await createTestApp();
  Y = await demoYear(t.database.db, t.townId);
  admin = await t.login('admin');
  xuanchuan = await t.login('xuanchuan');
  base = `/api/v1/towns/${t.townId}`;
  const res = await t.call('POST', `${base}/reports`, {
    cookie: xuanchuan,
    body: { personId: await personOf('xuanchuan'), year: Y.year },
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  report = res.body;
}, 300_000);
afterAll(() => t.close());

/** The stored report with `chip` appended to the opening paragraph, saved by `cookie`. */
async function saveWith(chip: MetricChip, cookie = xuanchuan) {
  const current = (await t.call('GET', `${base}/reports/${report.id}`, { cookie })).body;
  const doc = structuredClone(current.document) as ReportDocument;
  doc.sections[0]!.paragraphs.push({
    inlines: [{ type: 'text', text: '另据统计' }, chip, { type: 'text', text: '。' }],
  });
  return t.call('PUT', `${base}/reports/${report.id}`, {
    cookie,
    body: { version: current.version, document: doc },
  });
}
const chip = (metricId: string, params: Record<string, unknown>): MetricChip => ({
  type: 'metric',
  metricId,
  params,
  value: 1,
  unit: '条',
  display: '1条',
});

describe('inserting a number chip', () => {
  it('offers the metrics the author may read, the periods of the report year and its scope', async () => {
    const res = await t.call('GET', `${base}/reports/${report.id}/chip-metrics`, {
      cookie: xuanchuan,
    });
    expect(res.status).toBe(200);
    const ids = res.body.metrics.map((m: { id: string }) => m.id);
    expect(ids).toContain('ledger.propaganda_item.count');
    expect(ids).toContain('appeals.satisfaction_rate');
    expect(
      res.body.metrics.every(
        (m: { portfolio: string | null }) => m.portfolio === null || m.portfolio === 'propaganda',
      ),
    ).toBe(true);
    expect(res.body.periods[0]).toEqual({
      key: 'year',
      label: `${Y.year}年全年`,
      from: Y.from,
      to: Y.to,
    });
    expect(res.body.scope.ledger).toBe('全镇');
    expect(
      (
        await t.call('GET', `${base}/reports/${report.id}/chip-metrics`, {
          cookie: await t.login('shuji'),
        })
      ).status,
    ).toBe(403);
  });

  it('previews a chip over the report’s scope, saves it, and lints it like a generated one', async () => {
    const preview = await t.call('POST', `${base}/reports/${report.id}/chip-preview`, {
      cookie: xuanchuan,
      body: { metricId: 'ledger.propaganda_item.count', from: Y.from, to: Y.on('06-30') },
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const live = await t.call(
      'GET',
      `${base}/metrics/ledger.propaganda_item.count?from=${Y.from}&to=${Y.on('06-30')}`,
      { cookie: admin },
    );
    expect(preview.body.chip).toMatchObject({
      metricId: 'ledger.propaganda_item.count',
      params: { from: Y.from, to: Y.on('06-30') },
      value: live.body.display,
    });
    // Whatever value and unit the browser sends, the server recounts and uses the declared unit.
    const saved = await saveWith({
      ...preview.body.chip,
      value: 9999,
      unit: '件',
      display: '9999件',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const stored = allChips(saved.body.document).find((c) => c.params.to === Y.on('06-30'))!;
    expect(stored).toMatchObject({ value: live.body.display, unit: preview.body.chip.unit });
    const lint = await t.call('GET', `${base}/reports/${report.id}/lint`, { cookie: xuanchuan });
    const opening = saved.body.document.sections[0].id;
    expect(
      lint.body.issues.filter(
        (i: { sectionId: string; code: string }) =>
          i.sectionId === opening && i.code.startsWith('chip_'),
      ),
    ).toEqual([]);
  });

  it('refuses an unknown metric with a problem naming the chip', async () => {
    const res = await saveWith(chip('ledger.no_such.count', { from: Y.from, to: Y.to }));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail).toContain('“1条”引用的指标“ledger.no_such.count”不存在');
    expect(res.body.errors[0]).toMatchObject({
      path: expect.stringMatching(/^document\.sections\.0\.paragraphs\.\d+\.inlines\.1$/u),
      label: '数字',
    });
  });

  it('refuses a chip counted over another town’s unit, or over a unit not the report’s', async () => {
    const { addOtherTown } = await import('../../testing/scope/matrix.ts');
    const otherTown = await addOtherTown(t.database.db);
    const otherUnit = newId();
    await t.database.db
      .insertInto('unit')
      .values({
        town_id: otherTown,
        id: otherUnit,
        parent_id: null,
        kind: 'village',
        name: '白云村',
        code: null,
      })
      .execute();
    const res = await saveWith(
      chip('ledger.propaganda_item.count', {
        from: Y.from,
        to: Y.to,
        unitId: otherUnit,
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message).toContain('统计范围与本报告不符');
    const other = await t.login('other_admin');
    expect(
      (
        await t.call('POST', `${base}/reports/${report.id}/chip-preview`, {
          cookie: other,
          body: { metricId: 'ledger.propaganda_item.count', from: Y.from, to: Y.to },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses a metric the author may not read, a bad period and unknown params', async () => {
    const all = (
      await t.call('GET', `${base}/reports/${report.id}/chip-metrics`, { cookie: admin })
    ).body.metrics as { id: string; portfolio: string | null }[];
    const foreign = all.find((m) => m.portfolio !== null && m.portfolio !== 'propaganda')!;
    const year = { from: Y.from, to: Y.to };
    const notMine = await saveWith(chip(foreign.id, year));
    expect(notMine.status).toBe(422);
    expect(notMine.body.errors[0].message).toContain('无权引用');
    // An admin (who may read every ledger) may cite it in the same report.
    expect((await saveWith(chip(foreign.id, year), admin)).status).toBe(200);
    for (const params of [
      { from: '2025-13-01', to: '2025-12-31' },
      { from: '2025-12-31', to: '2025-01-01' },
      { from: '2020-01-01', to: '2020-12-31' },
      { ...year, typeCode: 'x' },
    ]) {
      const res = await saveWith(chip('ledger.propaganda_item.count', params));
      expect(res.status, JSON.stringify(params)).toBe(422);
    }
    const preview = await t.call('POST', `${base}/reports/${report.id}/chip-preview`, {
      cookie: xuanchuan,
      body: { metricId: foreign.id, ...year },
    });
    expect(preview.status).toBe(422);
  });
});

describe('template editor', () => {
  it('previews a draft with an edited template without saving it, and saves with a version check', async () => {
    const tpl = (await t.call('GET', `${base}/report-templates/deputy`, { cookie: admin })).body;
    let edited: ReportTemplate = tpl.definition;
    edited = moveTemplateSection(edited, 'law', 'up');
    edited = mergeTemplateSections(edited, 'shortcomings', 'plans');
    edited = setSectionOmitted(edited, 'study', true);
    const personId = (await t.call('GET', `${base}/positions`, { cookie: admin })).body.items.find(
      (p: { title: string }) => p.title === '副镇长',
    ).personId;
    const preview = await t.call('POST', `${base}/report-templates/preview`, {
      cookie: admin,
      body: { personId, year: Y.year, definition: edited },
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const top = (preview.body.document as ReportDocument).sections
      .filter((s) => s.level === 1 && s.kind !== 'duty')
      .map((s) => s.kind);
    expect(top).toEqual(['law', 'integrity', 'shortcomings']);
    expect(
      preview.body.lint.issues.filter((i: { code: string }) => i.code === 'missing_section'),
    ).toEqual([]);
    expect(
      (await t.call('GET', `${base}/report-templates/deputy`, { cookie: admin })).body.version,
    ).toBe(tpl.version);

    const saved = await t.call('PUT', `${base}/report-templates/deputy`, {
      cookie: admin,
      body: { version: tpl.version, definition: edited },
    });
    expect(saved.status).toBe(200);
    expect(
      saved.body.definition.sections.find((s: { id: string }) => s.id === 'study').omitted,
    ).toBe(true);
    const stale = await t.call('PUT', `${base}/report-templates/deputy`, {
      cookie: admin,
      body: { version: tpl.version, definition: tpl.definition },
    });
    expect(stale.status).toBe(409);
    expect(
      (
        await t.call('POST', `${base}/report-templates/preview`, {
          cookie: xuanchuan,
          body: { personId, year: Y.year, definition: edited },
        })
      ).status,
    ).toBe(403);
  });
});
