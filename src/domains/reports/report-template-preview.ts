/**
 * 模板预览 — drafts a report for a chosen person with a template as the admin is editing it (not
 * saved), and lints it against that template, so the effect of reordering, merging or omitting
 * sections is seen before the template is saved. Nothing is stored.
 */
import type { Kysely } from 'kysely';
import { lintReport } from '../../core/report/lint.ts';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from './report-audit.ts';
import { composeFor } from './report.service.ts';
import { validTemplate } from './report-template.service.ts';

export async function previewTemplate(
  db: Kysely<DB>,
  ctx: Ctx,
  input: { personId: string; year: number; definition: unknown },
) {
  const definition = validTemplate(
    input.definition,
    ((input.definition as { id?: unknown }).id as string) || 'preview',
  );
  const { document, subject } = await composeFor(
    db,
    ctx.townId,
    input.personId,
    input.year,
    undefined,
    definition,
  );
  const issues = lintReport(document, { template: definition });
  const count = (s: string) => issues.filter((i) => i.severity === s).length;
  return {
    personName: subject.name,
    document,
    lint: {
      issues,
      counts: { error: count('error'), warning: count('warning'), info: count('info') },
    },
  };
}
