/**
 * Duty reports over the demo town: a draft for every template role from the demo people holding
 * those titles, lint-clean; every number recounted from the records behind it; freezing, saving,
 * revisions, export, import of the reference reports, originality and scope.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerCatalogue } from '../../core/ledger/catalogue/index.ts';
import { partyMetricTypes } from '../../core/party/metric-sources.ts';
import type { MetricDeclaration } from '../../core/metrics/declaration.ts';
import {
  displayValue,
  recomputeFromDrillDown,
  type DrillDownRow,
} from '../../core/metrics/result.ts';
import { allChips, documentText, type ReportDocument } from '../../core/report/model.ts';
import { longestSharedRun } from '../../core/report/originality.ts';
import { readAllReferences } from '../../core/report/reference-corpus.ts';
import { APPEAL_KPIS } from '../appeals/appeal-kpi.service.ts';
import { SHORTCOMING_METRICS } from './report-appeals.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { demoYear, type DemoYear } from '../../testing/demo.ts';
import { findSoffice } from './report-export.ts';

let t: TestApp;
let admin: string;
let base: string;
/** The demo's year (read from its records): the year every report here is drafted for. */
let Y: DemoYear;
const reports = new Map<
  string,
  { id: string; personId: string; document: ReportDocument; templateId: string }
>();

async function personWith(title: RegExp, portfolio?: string): Promise<string> {
  const positions = (await t.call('GET', `${base}/positions`, { cookie: admin })).body.items as {
    personId: string;
    title: string;
    portfolios: string[];
  }[];
  const p = positions.find(
    (x) => title.test(x.title) && (!portfolio || x.portfolios.includes(portfolio)),
  );
  if (!p) throw new Error(`no demo person titled ${title}`);
  return p.personId;
}
const personOf = async (username: string) =>
  (
    await t.database.db
      .selectFrom('app_user')
      .select('person_id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).person_id!;

/** Template role → the demo person holding that title. */
const ROLE_PEOPLE: Array<[string, () => Promise<string>]> = [
  ['party_secretary', () => personOf('shuji')],
  ['mayor', () => personOf('zhenzhang')],
  ['deputy', () => personWith(/^副镇长$/u, 'safety')],
  ['organization_member', () => personOf('zuzhi')],
  ['propaganda_member', () => personOf('xuanchuan')],
  ['discipline_secretary', () => personOf('jiwei')],
  ['politics_law_member', () => personOf('zhengfa')],
  ['armed_forces_head', () => personOf('wuzhuang')],
  ['specialist', () => personOf('zhuangan')],
  ['village_secretary', () => personOf('cunganbu')],
];

beforeAll(async () => {
  t = await createTestApp();
  Y = await demoYear(t.database.db, t.townId);
  admin = await t.login('admin');
  base = `/api/v1/towns/${t.townId}`;
  for (const [role, find] of ROLE_PEOPLE) {
    const personId = await find();
    const res = await t.call('POST', `${base}/reports`, {
      cookie: admin,
      body: { personId, year: Y.year },
    });
    if (res.status !== 201)
      throw new Error(`draft for ${role}: ${res.status} ${JSON.stringify(res.body)}`);
    reports.set(role, {
      id: res.body.id,
      personId,
      document: res.body.document,
      templateId: res.body.templateId,
    });
  }
}, 300_000);
afterAll(() => t.close());

describe('drafting for every role of the demo town', () => {
  it('picks each role’s template from the person’s titles', () => {
    for (const [role] of ROLE_PEOPLE) expect(reports.get(role)!.templateId, role).toBe(role);
  });

  it('drafts reports that lint without errors (no placeholders, no missing sections, numbers agree)', async () => {
    for (const [role] of ROLE_PEOPLE) {
      const r = reports.get(role)!;
      const lint = await t.call('GET', `${base}/reports/${r.id}/lint`, { cookie: admin });
      expect(lint.status).toBe(200);
      const errors = lint.body.issues.filter((i: { severity: string }) => i.severity === 'error');
      expect(errors, `${role}: ${JSON.stringify(errors)}`).toEqual([]);
      expect(allChips(r.document).length, role).toBeGreaterThan(0);
    }
  });

  it('refuses a second draft for the same person and year', async () => {
    const r = reports.get('mayor')!;
    expect(
      (
        await t.call('POST', `${base}/reports`, {
          cookie: admin,
          body: { personId: r.personId, year: Y.year },
        })
      ).status,
    ).toBe(409);
  });

  it('flags a portfolio without any records source with a placeholder instead of inventing text', async () => {
    // Every demo portfolio now has books; 党政办公 has none. Give it to the 民政 副镇长 as well.
    const personId = await personWith(/^副镇长$/u, 'civil_affairs');
    const position = await t.database.db
      .selectFrom('position')
      .select('id')
      .where('town_id', '=', t.townId)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('position_portfolio')
      .values({ town_id: t.townId, position_id: position.id, portfolio_code: 'office_affairs' })
      .execute();
    const res = await t.call('POST', `${base}/reports`, {
      cookie: admin,
      body: { personId, year: Y.year },
    });
    expect(res.status).toBe(201);
    expect(documentText(res.body.document)).toContain('没有党政办公方面的台账');
    const lint = await t.call('GET', `${base}/reports/${res.body.id}/lint`, { cookie: admin });
    expect(
      lint.body.issues.some(
        (i: { code: string; message: string }) =>
          i.code === 'placeholder' && i.message.includes('待补充'),
      ),
    ).toBe(true);
  });
});

const LEDGER_METRICS = new Map<string, MetricDeclaration>(
  [...ledgerCatalogue, ...partyMetricTypes].flatMap((ty) =>
    ty.metrics.map((m) => [m.id, m] as const),
  ),
);
const APPEAL_METRICS = new Map<string, MetricDeclaration>(
  [...APPEAL_KPIS, ...SHORTCOMING_METRICS].map((m) => [m.id, m]),
);

describe('every number is traceable', () => {
  it('recomputes each chip of each generated report from its drill-down records', async () => {
    let walked = 0;
    const kinds = new Set<string>();
    for (const [role] of ROLE_PEOPLE) {
      const r = reports.get(role)!;
      const chips = allChips(r.document);
      for (const [i, chip] of chips.entries()) {
        const rows: DrillDownRow[] = [];
        let cursor: string | null = null;
        do {
          const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
          const page = await t.call(
            'GET',
            `${base}/reports/${r.id}/chips/${i}/records?limit=500${q}`,
            { cookie: admin },
          );
          expect(page.status, JSON.stringify(page.body)).toBe(200);
          for (const item of page.body.items)
            rows.push({
              id: item.id,
              period_key: item.occurredOn,
              measure: item.measure ?? null,
              in_numerator: item.inNumerator ?? null,
            });
          cursor = page.body.nextCursor;
        } while (cursor);
        const declaration = LEDGER_METRICS.get(chip.metricId) ?? APPEAL_METRICS.get(chip.metricId);
        expect(declaration, chip.metricId).toBeDefined();
        const recomputed = recomputeFromDrillDown(declaration!, rows, false);
        const value =
          recomputed.kind === 'total' ? displayValue(declaration!, recomputed.value) : null;
        expect(value, `${role} ${chip.metricId} ${JSON.stringify(chip.params)}`).toBe(chip.value);
        walked++;
        kinds.add(chip.metricId);
      }
    }
    expect(walked).toBeGreaterThan(30);
    // Ledger metrics, the appeals 三率 and the appeals counts grounding 存在不足 are all among them.
    expect([...kinds].some((k) => k.startsWith('ledger.'))).toBe(true);
    expect(kinds.has('appeals.satisfaction_rate')).toBe(true);
    expect(kinds.has('appeals.report_late_closed')).toBe(true);
    // Party work's own records (发展党员 stage entries, 三会一课 seats) are cited and recounted too
    // (which stage depends on the demo's year: a fall against last year is cited as a shortcoming).
    expect([...kinds].some((k) => k.startsWith('ledger.party_development_entry.'))).toBe(true);
  }, 300_000);
});

describe('editing, revisions and freezing', () => {
  // A stale save is answered with 409.
  it('saves with the current version, keeping the old document as a revision', async () => {
    const r = reports.get('organization_member')!;
    const current = (await t.call('GET', `${base}/reports/${r.id}`, { cookie: admin })).body;
    const edited = structuredClone(current.document) as ReportDocument;
    edited.sections[0]!.paragraphs.push({
      inlines: [{ type: 'text', text: '补充一句本人的体会。' }],
    });
    const saved = await t.call('PUT', `${base}/reports/${r.id}`, {
      cookie: admin,
      body: { version: current.version, document: edited },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(current.version + 1);
    const stale = await t.call('PUT', `${base}/reports/${r.id}`, {
      cookie: admin,
      body: { version: current.version, document: current.document },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/已被修改/u);
    const revisions = (await t.call('GET', `${base}/reports/${r.id}/revisions`, { cookie: admin }))
      .body.items;
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ reportVersion: current.version, reason: 'save' });
    const restored = await t.call(
      'POST',
      `${base}/reports/${r.id}/revisions/${revisions[0].id}/restore`,
      { cookie: admin, body: { version: saved.body.version } },
    );
    expect(restored.status).toBe(200);
    expect(documentText(restored.body.document)).not.toContain('补充一句本人的体会');
    expect(
      (await t.call('GET', `${base}/reports/${r.id}/revisions`, { cookie: admin })).body.items,
    ).toHaveLength(2);
  });

  it('rejects a document that breaks the model schema, and a chip counting someone else’s records', async () => {
    const r = reports.get('armed_forces_head')!;
    const current = (await t.call('GET', `${base}/reports/${r.id}`, { cookie: admin })).body;
    const broken = await t.call('PUT', `${base}/reports/${r.id}`, {
      cookie: admin,
      body: { version: current.version, document: { title: 1 } },
    });
    expect(broken.status).toBe(422);
    const forged = structuredClone(current.document) as ReportDocument;
    forged.sections[0]!.paragraphs.push({
      inlines: [
        {
          type: 'metric',
          metricId: 'ledger.integrity_education.count',
          params: {
            from: Y.from,
            to: Y.to,
            personId: reports.get('discipline_secretary')!.personId,
          },
          value: 1,
          unit: '次',
          display: '1次',
        },
      ],
    });
    expect(
      (
        await t.call('PUT', `${base}/reports/${r.id}`, {
          cookie: admin,
          body: { version: current.version, document: forged },
        })
      ).status,
    ).toBe(422);
  });

  it('freezes: the frozen report keeps its numbers when records change later, a draft follows them', async () => {
    const frozenReport = reports.get('propaganda_member')!;
    const draft = reports.get('specialist')!;
    const key = 'ledger.propaganda_item.count';
    const chipOf = (doc: ReportDocument) => allChips(doc).find((c) => c.metricId === key)!;
    const before = (await t.call('GET', `${base}/reports/${frozenReport.id}`, { cookie: admin }))
      .body;
    const frozen = await t.call('POST', `${base}/reports/${frozenReport.id}/freeze`, {
      cookie: admin,
      body: { version: before.version },
    });
    expect(frozen.status).toBe(200);
    expect(frozen.body.state).toBe('frozen');
    expect(frozen.body.document.frozenAt).not.toBeNull();
    const frozenValue = chipOf(frozen.body.document).value!;
    const draftBefore = chipOf(
      (await t.call('GET', `${base}/reports/${draft.id}`, { cookie: admin })).body.document,
    );
    expect(draftBefore, 'the specialist draft cites the propaganda item count').toBeDefined();

    const unitId = draftBefore.params.unitId as string;
    const added = await t.call('POST', `${base}/ledger-types/propaganda_item/records`, {
      cookie: admin,
      body: {
        data: {
          title: '冬季文明实践活动简报',
          outlet: '县融媒体中心',
          level: 'county',
          channel: 'media',
          published_on: Y.on('12-20'),
          author: draft.personId,
          source_unit: unitId,
        },
      },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);

    const frozenAfter = (
      await t.call('GET', `${base}/reports/${frozenReport.id}`, { cookie: admin })
    ).body;
    expect(chipOf(frozenAfter.document).value).toBe(frozenValue);
    expect(documentText(frozenAfter.document)).toBe(documentText(frozen.body.document));
    const draftAfter = chipOf(
      (await t.call('GET', `${base}/reports/${draft.id}`, { cookie: admin })).body.document,
    );
    expect(draftAfter.value).toBe(draftBefore.value! + 1);

    const edit = await t.call('PUT', `${base}/reports/${frozenReport.id}`, {
      cookie: admin,
      body: { version: frozenAfter.version, document: frozenAfter.document },
    });
    expect(edit.status).toBe(409);
    expect(
      (await t.call('GET', `${base}/reports/${frozenReport.id}/lint`, { cookie: admin })).body
        .counts.error,
    ).toBe(0);
  });
});

describe('export', () => {
  it('exports Word in the GB/T 9704 page setup', async () => {
    const r = reports.get('mayor')!;
    const res = await t.app.request(`${base}/reports/${r.id}/export?format=docx`, {
      headers: { cookie: admin },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent(`${Y.year}年度述职报告`),
    );
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/u);
    expect(xml).toContain('w:linePitch="579"');
  });

  it('exports Markdown and HTML with the live numbers', async () => {
    const r = reports.get('mayor')!;
    const md = await t.call('GET', `${base}/reports/${r.id}/export?format=md`, { cookie: admin });
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.body).toContain('# 述职报告');
    const html = await t.call('GET', `${base}/reports/${r.id}/export?format=html`, {
      cookie: admin,
    });
    expect(html.body).toContain('data-metric-id=');
  });

  it('exports PDF when LibreOffice is installed, else explains in Chinese', async () => {
    const r = reports.get('specialist')!;
    const res = await t.app.request(`${base}/reports/${r.id}/export?format=pdf`, {
      headers: { cookie: admin },
    });
    if (findSoffice()) {
      expect(res.status).toBe(200);
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 4)
          .toString(),
      ).toBe('%PDF');
    }
    // Without LibreOffice on PATH the same request is refused with a Chinese explanation.
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const none = await t.app.request(`${base}/reports/${r.id}/export?format=pdf`, {
        headers: { cookie: admin },
      });
      expect(none.status).toBe(422);
      expect(((await none.json()) as { detail: string }).detail).toContain('未安装 LibreOffice');
    } finally {
      process.env.PATH = path;
    }
  }, 180_000);
});

describe('originality', () => {
  it('shares no run of 12 characters with a reference report', () => {
    const refs = readAllReferences();
    if (refs.length === 0) console.warn('reference reports absent; originality check skipped');
    for (const [role] of ROLE_PEOPLE) {
      const text = documentText(reports.get(role)!.document);
      for (const ref of refs) expect(longestSharedRun(text, ref), role).toBeLessThan(12);
    }
  });
});

describe('scope', () => {
  it('lets a portfolio leader read and list only their own report', async () => {
    const xuanchuan = await t.login('xuanchuan');
    expect(
      (
        await t.call('GET', `${base}/reports/${reports.get('specialist')!.id}`, {
          cookie: xuanchuan,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('GET', `${base}/reports/${reports.get('specialist')!.id}/chips/0/records`, {
          cookie: xuanchuan,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await t.call('GET', `${base}/reports/${reports.get('propaganda_member')!.id}`, {
          cookie: xuanchuan,
        })
      ).status,
    ).toBe(200);
    const list = (await t.call('GET', `${base}/reports`, { cookie: xuanchuan })).body.items;
    expect(list.map((x: { id: string }) => x.id)).toEqual([reports.get('propaganda_member')!.id]);
    const other = await t.call('POST', `${base}/reports`, {
      cookie: xuanchuan,
      body: { personId: reports.get('specialist')!.personId, year: Y.year - 1 },
    });
    expect(other.status).toBe(404);
  });

  it('lets leaders and county supervisors read every report, but write only their own', async () => {
    const shuji = await t.login('shuji');
    const r = reports.get('specialist')!;
    expect(
      (await t.call('GET', `${base}/reports`, { cookie: shuji })).body.items.length,
    ).toBeGreaterThanOrEqual(10);
    const doc = (await t.call('GET', `${base}/reports/${r.id}`, { cookie: shuji })).body;
    expect(
      (
        await t.call('PUT', `${base}/reports/${r.id}`, {
          cookie: shuji,
          body: { version: doc.version, document: doc.document },
        })
      ).status,
    ).toBe(403);
    const ducha = await t.login('ducha');
    expect((await t.call('GET', `${base}/reports/${r.id}/lint`, { cookie: ducha })).status).toBe(
      200,
    );
    expect(
      (
        await t.call('POST', `${base}/reports`, {
          cookie: ducha,
          body: { personId: r.personId, year: Y.year - 1 },
        })
      ).status,
    ).toBe(403);
  });

  it('shows another town nothing', async () => {
    const { addOtherTown } = await import('../../testing/scope/matrix.ts');
    const otherTownId = await addOtherTown(t.database.db);
    const other = await t.login('other_admin');
    expect((await t.call('GET', `${base}/reports`, { cookie: other })).status).toBe(403);
    expect(
      (await t.call('GET', `${base}/reports/${reports.get('mayor')!.id}`, { cookie: other }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.call('GET', `/api/v1/towns/${otherTownId}/reports/${reports.get('mayor')!.id}`, {
          cookie: other,
        })
      ).status,
    ).toBe(404);
  });
});
