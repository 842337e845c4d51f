/**
 * Report templates of a town (DESIGN 8): seeded lazily from the built-in per-role templates the
 * first time a town uses reports, edited by admins as validated data, or seeded from an
 * imported past report so a town can keep the shape its county asks for.
 */
import type { Kysely } from 'kysely';
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import type { ParsedReport } from '../../core/report/parse.ts';
import {
  BUILTIN_TEMPLATES,
  reportTemplateSchema,
  templateFromImported,
  type ReportTemplate,
  type Role,
} from '../../core/report/templates.ts';
import type { DB } from '../../db/schema.ts';
import * as importedRepo from './report-imported.repository.ts';
import * as repo from './report.repository.ts';
import { audit, type Ctx } from './report-audit.ts';

type Db = Kysely<DB>;

/** Installs the built-in templates in a town that has none yet. Idempotent. */
export async function ensureTemplates(db: Db, townId: string): Promise<void> {
  if (Number((await repo.countTemplates(db, townId)).n) > 0) return;
  await repo.insertTemplates(db, townId, Object.values(BUILTIN_TEMPLATES));
}

export async function listTemplates(db: Db, townId: string) {
  await ensureTemplates(db, townId);
  return (await repo.listTemplates(db, townId)).map(repo.toTemplate);
}

export async function getTemplate(db: Db, townId: string, id: string) {
  await ensureTemplates(db, townId);
  const row = await repo.findTemplate(db, townId, id);
  if (!row) throw new NotFound('报告模板');
  return repo.toTemplate(row);
}

/** The town's template for a role: its own copy of the built-in one (possibly edited). */
export async function templateForRole(db: Db, townId: string, role: Role) {
  // Found by id, the town's templates are installed already: every draft skips the count.
  const own = await repo.findTemplate(db, townId, role);
  if (own) return repo.toTemplate(own);
  await ensureTemplates(db, townId);
  const row =
    (await repo.findTemplate(db, townId, role)) ??
    (await repo.listTemplates(db, townId)).find((t) => t.role === role);
  if (row) return repo.toTemplate(row);
  // A town that deleted or never had this role's template gets the built-in one installed.
  await repo.insertTemplates(db, townId, [BUILTIN_TEMPLATES[role]]);
  return repo.toTemplate((await repo.findTemplate(db, townId, role))!);
}

/** A template definition from a request, validated; its errors name the path inside it. */
export function validTemplate(input: unknown, id: string): ReportTemplate {
  const parsed = reportTemplateSchema.safeParse({ ...(input as object), id });
  if (!parsed.success) {
    throw new InvalidInput(
      '模板内容不符合要求',
      parsed.error.issues.map((e) => ({
        path: `definition.${e.path.join('.')}`,
        label: '模板',
        message: e.message,
      })),
    );
  }
  return parsed.data;
}

export async function updateTemplate(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { version: number; definition: unknown },
) {
  const before = await getTemplate(db, ctx.townId, id);
  const t = validTemplate(input.definition, id);
  const row = await repo.updateTemplate(db, ctx.townId, id, input.version, t);
  if (!row)
    throw new Conflict(`该报告模板已被他人修改（当前版本 ${before.version}），请刷新后重试`);
  await audit(db, ctx, 'update', 'report_template', id, before, row);
  return repo.toTemplate(row);
}

/** Seeds a new template from an imported report's headings (its order and wording kept). */
export async function templateFromImport(
  db: Db,
  ctx: Ctx,
  input: { importId: string; id: string; name?: string },
) {
  await ensureTemplates(db, ctx.townId);
  const imported = await importedRepo.findImported(db, ctx.townId, input.importId);
  if (!imported) throw new NotFound('导入的报告');
  if (await repo.findTemplate(db, ctx.townId, input.id))
    throw new Conflict(`模板编号“${input.id}”已被使用，请换一个`);
  const parsed = importedRepo.toImported(imported).outline as ParsedReport;
  const seeded = templateFromImported({ ...parsed, text: imported.text }, input.id);
  const t = validTemplate({ ...seeded, name: input.name ?? seeded.name }, input.id);
  await repo.insertTemplates(db, ctx.townId, [t]);
  await audit(db, ctx, 'create', 'report_template', t.id, null, {
    importId: input.importId,
    template: t,
  });
  return repo.toTemplate((await repo.findTemplate(db, ctx.townId, t.id))!);
}
