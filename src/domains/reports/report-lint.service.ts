/**
 * 报告检查 of a stored report: the core lint with the template the report was drafted from, the
 * chips' values recounted now (a draft's numbers must agree with the records), and last year's
 * report — the person's stored report of the previous year, else an imported one.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { lintReport, type LintIssue } from '../../core/report/lint.ts';
import { documentText } from '../../core/report/model.ts';
import type { DB } from '../../db/schema.ts';
import { recomputeChips } from './report-facts.ts';
import { getTemplate } from './report-template.service.ts';
import * as importedRepo from './report-imported.repository.ts';
import * as repo from './report.repository.ts';
import { getReport } from './report.service.ts';

type Db = Kysely<DB>;

async function lastYearText(
  db: Db,
  townId: string,
  personId: string,
  year: number,
): Promise<string | null> {
  const previous = await repo.findReportFor(db, townId, personId, year - 1);
  if (previous) return documentText(repo.toReport(previous).document);
  const imported = (await importedRepo.listImported(db, townId, personId)).find(
    (r) => r.year === year - 1,
  );
  return imported?.text ?? null;
}

export interface LintResult {
  issues: LintIssue[];
  counts: { error: number; warning: number; info: number };
}

export async function lintStoredReport(
  db: Db,
  actor: Actor,
  townId: string,
  id: string,
): Promise<LintResult> {
  const report = await getReport(db, actor, townId, id);
  const template = await getTemplate(db, townId, report.templateId);
  // A frozen report's snapshot is its truth; only a draft is held to today's records.
  const recomputed =
    report.state === 'draft' ? await recomputeChips(db, townId, report.document) : undefined;
  const issues = lintReport(report.document, {
    template: template.definition,
    recomputed,
    knownMetricValues: [...(recomputed?.values() ?? [])].filter((v): v is number => v !== null),
    lastYearText: await lastYearText(db, townId, report.personId, report.year),
  });
  const count = (s: LintIssue['severity']) => issues.filter((i) => i.severity === s).length;
  return {
    issues,
    counts: { error: count('error'), warning: count('warning'), info: count('info') },
  };
}
