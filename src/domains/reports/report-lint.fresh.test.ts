/**
 * Issue 11: the system's own draft must pass its own rules. Every demo report writer's fresh
 * draft of last year (and the current year's, for the town's party secretary and a village
 * secretary) is stored and checked by 报告检查 exactly as the editor runs it — template, numbers
 * recounted from the records, last year's report — and no finding may name a heading the draft
 * does not show, nor may any warning or error remain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headingMarkers, type ReportDocument } from '../../core/report/model.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { demoYear } from '../../testing/demo.ts';
import { reportWriters, type Writer } from '../../testing/report-quality.ts';

let t: TestApp;
let admin: string;
let base: string;
let lastYear: number;
let writers: Writer[] = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  base = `/api/v1/towns/${t.townId}/reports`;
  lastYear = (await demoYear(t.database.db, t.townId)).year;
  writers = (await reportWriters(t.database.db, t.townId, lastYear)).writers;
}, 120_000);
afterAll(() => t?.close());

interface Finding {
  who: string;
  year: number;
  severity: string;
  code: string;
  message: string;
}

/** Every quoted name of a finding (“…”) that is not a heading the draft shows. */
function unknownHeadings(doc: ReportDocument, message: string): string[] {
  const shown = new Set(doc.sections.map((s) => s.heading).filter(Boolean));
  const markers = headingMarkers(doc.sections);
  doc.sections.forEach((s, i) => shown.add(`${markers[i]}${s.heading}`));
  return [...message.matchAll(/“([^”]+)”部分/gu)].map((m) => m[1]!).filter((h) => !shown.has(h));
}

async function draftAndLint(w: Writer, year: number): Promise<Finding[]> {
  const created = await t.call('POST', base, {
    cookie: admin,
    body: { personId: w.personId, year },
  });
  expect(created.status, `${w.name} ${year}`).toBe(201);
  const lint = await t.call('GET', `${base}/${created.body.id}/lint`, { cookie: admin });
  expect(lint.status).toBe(200);
  const doc = created.body.document as ReportDocument;
  const findings: Finding[] = [];
  for (const i of lint.body.issues as Array<{ severity: string; code: string; message: string }>) {
    const who = `${w.title} ${w.name}`;
    for (const h of unknownHeadings(doc, i.message))
      findings.push({ who, year, severity: 'heading', code: i.code, message: `不在稿中：${h}` });
    if (i.severity !== 'info') findings.push({ who, year, ...i });
  }
  return findings;
}

describe('报告检查 of every demo writer’s freshly generated draft', () => {
  it('finds nothing to warn about, and names no heading the draft does not carry', async () => {
    expect(writers.length).toBeGreaterThanOrEqual(40);
    const findings: Finding[] = [];
    for (const w of writers) findings.push(...(await draftAndLint(w, lastYear)));
    const current = [
      writers.find((w) => /党委书记/u.test(w.title)),
      writers.find((w) => /党支部书记/u.test(w.title)),
    ];
    for (const w of current) findings.push(...(await draftAndLint(w!, lastYear + 1)));
    if (findings.length) console.log(findings.map((f) => JSON.stringify(f)).join('\n'));
    expect(findings).toEqual([]);
  }, 600_000);
});
