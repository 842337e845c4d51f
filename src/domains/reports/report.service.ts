/**
 * Use cases of a duty report (DESIGN 8): draft it for a person and year from their records, read
 * it with live numbers while it is a draft, save edits (optimistic version, every save keeps the
 * previous document as a revision), and freeze it — snapshotting every number. Revisions:
 * report-revision.service.ts; the records behind a number and chip insertion:
 * report-chips.service.ts.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import {
  Conflict,
  Forbidden,
  InvalidInput,
  InvalidTransition,
  NotFound,
} from '../../core/errors.ts';
import { composeReport } from '../../core/report/compose.ts';
import {
  freezeDocument,
  metricKey,
  reportDocumentSchema,
  type ReportDocument,
} from '../../core/report/model.ts';
import type { ReportTemplate } from '../../core/report/templates.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { canReadAllReports, canReadReport, canWriteReport } from './reports.policy.ts';
import { audit, authorId, type Ctx } from './report-audit.ts';
import { validateNewChips } from './report-chips.ts';
import { gatherFacts, recomputeChips, withChipValues } from './report-facts.ts';
import { loadSubject } from './report-subject.ts';
import { getTemplate, templateForRole } from './report-template.service.ts';
import * as repo from './report.repository.ts';

type Db = Kysely<DB>;

/**
 * The same person and year always draft the same wording: the person's seed picks the phrases and
 * the year turns them (compose's `turn`), so next year's draft does not repeat this year's.
 */
function seedOf(personId: string): number {
  let h = 0;
  for (const ch of personId) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return h;
}

/**
 * Colleagues who draft from the same phrases (one office's staff, a town's village secretaries)
 * share one seed and each takes a rank, which spreads their choices over the alternatives evenly
 * (compose's `peers`): with independent seeds two of sixteen village secretaries shared up to 30 %
 * of their sentences.
 */
function wordingOf(personId: string, colleagues: string[], year: number) {
  const rank = colleagues.indexOf(personId);
  if (rank < 0 || colleagues.length < 2) return { seed: seedOf(personId), turn: year };
  return {
    seed: seedOf(colleagues[0]!),
    turn: year,
    peers: { rank, size: colleagues.length },
  };
}

/**
 * Composes the draft document for a person and year without storing it (CLI previews, tests, the
 * template editor's preview, which passes the edited definition instead of a stored template).
 */
export async function composeFor(
  db: Db,
  townId: string,
  personId: string,
  year: number,
  templateId?: string,
  definition?: ReportTemplate,
) {
  const subject = await loadSubject(db, townId, personId, year);
  const stored = definition
    ? null
    : templateId
      ? await getTemplate(db, townId, templateId)
      : await templateForRole(db, townId, subject.role);
  const template = stored ?? {
    id: definition!.id,
    name: definition!.name,
    definition: definition!,
  };
  const facts = await gatherFacts(db, subject);
  const document = composeReport({
    template: template.definition,
    person: {
      name: subject.name,
      title: subject.title,
      year,
      portfolios: facts.portfolios,
      role: subject.role,
      scope: subject.scope.kind === 'town' ? 'town' : subject.inVillage ? 'village' : 'office',
      place: subject.place,
      liaisons: subject.liaisonVillages,
    },
    metrics: {},
    areas: facts.areas,
    highlights: facts.highlights,
    personal: facts.personal,
    signals: facts.signals,
    ...wordingOf(personId, subject.colleagues, year),
  });
  return { subject, template, facts, document };
}

export async function createDraft(
  db: Db,
  ctx: Ctx,
  input: { personId: string; year: number; templateId?: string },
) {
  if (!canWriteReport(ctx.actor, ctx.townId, input.personId)) throw new NotFound('人员');
  if (await repo.findReportFor(db, ctx.townId, input.personId, input.year))
    throw new Conflict(`该人员${input.year}年度的述职报告已存在，请直接打开编辑`);
  const { template, document } = await composeFor(
    db,
    ctx.townId,
    input.personId,
    input.year,
    input.templateId,
  );
  const id = newId();
  const row = await repo.insertReport(db, {
    townId: ctx.townId,
    id,
    personId: input.personId,
    year: input.year,
    templateId: template.id,
    document,
    createdBy: authorId(ctx),
  });
  if (!row) throw new Conflict(`该人员${input.year}年度的述职报告已存在，请直接打开编辑`);
  await audit(db, ctx, 'create', 'report', id, null, {
    personId: input.personId,
    year: input.year,
    templateId: template.id,
  });
  return getReport(db, ctx.actor, ctx.townId, id);
}

/** A report its caller may read (404 otherwise). */
export async function readable(db: Db, actor: Actor, townId: string, id: string) {
  const row = await repo.findReport(db, townId, id);
  if (!row || !canReadReport(actor, townId, row.person_id)) throw new NotFound('述职报告');
  return repo.toReport(row);
}

/** A report as its reader sees it: a draft's numbers are recounted now, a frozen one's are not. */
export async function getReport(db: Db, actor: Actor, townId: string, id: string) {
  const report = await readable(db, actor, townId, id);
  if (report.state === 'frozen') return report;
  return {
    ...report,
    document: withChipValues(report.document, await recomputeChips(db, townId, report.document)),
  };
}

export async function listReports(
  db: Db,
  actor: Actor,
  townId: string,
  q: { personId?: string; year?: number; after: [number, string] | null; limit: number },
) {
  const all = canReadAllReports(actor, townId);
  if (!all && !actor.personId) return { rows: [], more: false };
  if (!all && q.personId && q.personId !== actor.personId) return { rows: [], more: false };
  const rows = await repo.listReports(db, townId, {
    ...q,
    personId: all ? q.personId : actor.personId!,
  });
  return { rows: rows.slice(0, q.limit).map(repo.toReport), more: rows.length > q.limit };
}

/** Locks a report for a change by the caller: 404 when unseen, 403 when only readable. */
export async function writable(db: Db, ctx: Ctx, id: string, version: number) {
  const row = await repo.lockReport(db, ctx.townId, id);
  if (!row || !canReadReport(ctx.actor, ctx.townId, row.person_id)) throw new NotFound('述职报告');
  if (!canWriteReport(ctx.actor, ctx.townId, row.person_id))
    throw new Forbidden('只能修改本人的述职报告');
  if (row.state !== 'draft') throw new InvalidTransition('报告已定稿，不能再修改');
  if (row.version !== version)
    throw new Conflict(`该述职报告已被修改（当前版本 ${row.version}），请刷新后重试`);
  return repo.toReport(row);
}

export function parseDocument(input: unknown): ReportDocument {
  const parsed = reportDocumentSchema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidInput(
      '报告内容格式不正确',
      parsed.error.issues.slice(0, 20).map((e) => ({
        path: `document.${e.path.join('.')}`,
        label: '报告内容',
        message: e.message,
      })),
    );
  }
  return parsed.data;
}

export async function replaceDocument(
  db: Db,
  ctx: Ctx,
  current: repo.ReportRow,
  next: ReportDocument,
  reason: 'save' | 'restore' | 'rephrase',
) {
  if (next.year !== current.year)
    throw new InvalidInput('报告年度不能修改', [
      { path: 'document.year', label: '年度', message: `应为${current.year}` },
    ]);
  const checked = await validateNewChips(
    db,
    ctx.actor,
    ctx.townId,
    current.document,
    next,
    current,
  );
  const live = withChipValues(
    { ...checked, frozenAt: null },
    await recomputeChips(db, ctx.townId, checked),
  );
  await repo.insertRevision(db, {
    townId: ctx.townId,
    id: newId(),
    reportId: current.id,
    reportVersion: current.version,
    document: current.document,
    reason,
    savedBy: authorId(ctx),
  });
  const row = await repo.writeReport(db, ctx.townId, current.id, current.version, {
    document: live,
  });
  if (!row) throw new Conflict();
  await audit(
    db,
    ctx,
    reason === 'save' ? 'update' : reason,
    'report',
    current.id,
    { version: current.version },
    { version: row.version },
  );
  return getReport(db, ctx.actor, ctx.townId, current.id);
}

export async function saveReport(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { version: number; document: unknown },
) {
  const current = await writable(db, ctx, id, input.version);
  return replaceDocument(db, ctx, current, parseDocument(input.document), 'save');
}

/** 定稿: every chip keeps the value it has now; later changes to records no longer show. */
export async function freezeReport(db: Db, ctx: Ctx, id: string, version: number) {
  const current = await writable(db, ctx, id, version);
  const values = await recomputeChips(db, ctx.townId, current.document);
  const at = new Date();
  const frozen = freezeDocument(
    current.document,
    (chip) => values.get(metricKey(chip.metricId, chip.params)) ?? null,
    at.toISOString(),
  );
  await repo.insertRevision(db, {
    townId: ctx.townId,
    id: newId(),
    reportId: id,
    reportVersion: current.version,
    document: current.document,
    reason: 'freeze',
    savedBy: authorId(ctx),
  });
  const row = await repo.writeReport(db, ctx.townId, id, current.version, {
    document: frozen,
    state: 'frozen',
    frozenAt: at,
    frozenBy: authorId(ctx),
  });
  if (!row) throw new Conflict();
  await audit(
    db,
    ctx,
    'freeze',
    'report',
    id,
    { version: current.version, state: 'draft' },
    { version: row.version, state: 'frozen' },
  );
  return getReport(db, ctx.actor, ctx.townId, id);
}
