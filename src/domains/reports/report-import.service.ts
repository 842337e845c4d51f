/**
 * Imported past reports (DESIGN 8): a .docx or .txt upload is parsed into its heading tree, the
 * numbers it states (value, unit, what was counted), its unfilled placeholders and its
 * redactions (a single `*` hiding a name), and kept for
 * the person and year; it can then be compared side by side with a draft or seed a template.
 */
import type { Kysely } from 'kysely';
import { Forbidden, InvalidInput, NotFound, PayloadTooLarge } from '../../core/errors.ts';
import { cleanFilename, identifyUpload, magicKind } from '../../core/files/file-type.ts';
import { ZIP_LIMITS } from '../../core/files/zip-guard.ts';
import { allChips, sectionText, type Section } from '../../core/report/model.ts';
import { parseReportDocx } from '../../core/report/parse-docx.ts';
import {
  flattenSections,
  parseReportText,
  type ParsedReport,
  type ParsedSection,
} from '../../core/report/parse.ts';
import { classifyHeading } from '../../core/report/templates.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import {
  canAdministerReports,
  canDeleteImport,
  canReadAllReports,
  canReadImport,
  canWriteReport,
} from './reports.policy.ts';
import { audit, authorId, type Ctx } from './report-audit.ts';
import { alignedComparison, type StoredOutline } from './report-compare.ts';
import * as importedRepo from './report-imported.repository.ts';
import { getReport } from './report.service.ts';
import { personExists } from './report-lookup.repository.ts';
import type { Actor } from '../../core/actor.ts';

type Db = Kysely<DB>;

/** Word files of old reports often carry photos; their text is what we keep. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

interface OutlineNode {
  level: number;
  marker: string;
  heading: string;
  path: string;
  kinds: string[];
  children: OutlineNode[];
}

function outlineOf(nodes: readonly ParsedSection[]): OutlineNode[] {
  return nodes.map((n) => ({
    level: n.level,
    marker: n.marker,
    heading: n.heading,
    path: n.path,
    kinds: n.level === 1 ? classifyHeading(n.heading) : [],
    children: outlineOf(n.children),
  }));
}

/** What the API returns (and the table keeps) of a parsed report: everything but the raw text. */
export function outlineOfReport(p: ParsedReport) {
  return {
    title: p.title,
    preamble: p.preamble,
    sections: p.sections,
    closing: p.closing,
    headings: outlineOf(p.sections),
    numbers: p.numbers.map((n) => ({
      raw: n.raw,
      value: n.value,
      valueMax: n.valueMax,
      unit: n.unit,
      approx: n.approx,
      subject: n.subject,
      sectionPath: n.sectionPath,
      offset: n.offset,
      placeholder: n.placeholder,
    })),
    placeholders: p.placeholders,
    redactions: p.redactions,
  };
}

/** A duty report runs to a few thousand characters; twenty times the longest seen is plenty. */
export const MAX_REPORT_CHARS = 200_000;

/**
 * The text of an uploaded report. A .docx is checked for zip bombs and its type before mammoth
 * inflates it (src/core/files); whatever the format, the text kept is capped.
 */
async function readReport(filename: string, bytes: Uint8Array) {
  const docx = /\.docx$/iu.test(filename) || magicKind(bytes) === 'zip';
  if (docx)
    await identifyUpload(bytes, filename, {
      allowed: ['docx'],
      zipLimits: ZIP_LIMITS.reportDocx,
      label: '文件',
    });
  const parsed = docx
    ? await parseReportDocx(Buffer.from(bytes))
    : parseReportText(decodeText(bytes));
  if (parsed.text.length > MAX_REPORT_CHARS)
    throw new PayloadTooLarge(
      `报告正文 ${parsed.text.length} 字，超过 ${MAX_REPORT_CHARS / 10_000} 万字的上限：请确认上传的是述职报告`,
    );
  return parsed;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Old reports saved on Windows are often GB18030 (GBK) plain text.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function importReport(
  db: Db,
  ctx: Ctx,
  input: { filename: string; bytes: Uint8Array; personId?: string | null; year?: number | null },
) {
  const personId =
    input.personId ?? (canAdministerReports(ctx.actor, ctx.townId) ? null : ctx.actor.personId);
  if (
    personId
      ? !canWriteReport(ctx.actor, ctx.townId, personId)
      : !canAdministerReports(ctx.actor, ctx.townId)
  ) {
    throw new InvalidInput('只能为本人导入往年述职报告', [
      { path: 'personId', label: '人员', message: '不是本人' },
    ]);
  }
  if (personId && !(await personExists(db, ctx.townId, personId))) {
    throw new InvalidInput('人员：在本乡镇中不存在', [
      { path: 'personId', label: '人员', message: '在本乡镇中不存在' },
    ]);
  }
  if (input.bytes.length === 0)
    throw new InvalidInput('上传的文件是空的', [
      { path: 'file', label: '文件', message: '文件为空' },
    ]);
  const filename = cleanFilename(input.filename) || 'report.txt';
  if (!/\.(docx|txt)$/iu.test(filename))
    throw new InvalidInput('只支持 .docx 或 .txt 格式的述职报告', [
      { path: 'file', label: '文件', message: '格式不支持' },
    ]);
  const parsed = await readReport(filename, input.bytes);
  if (parsed.text.trim() === '')
    throw new InvalidInput('文件中没有读到文字内容', [
      { path: 'file', label: '文件', message: '没有文字' },
    ]);
  const row = await importedRepo.insertImported(db, {
    townId: ctx.townId,
    id: newId(),
    personId,
    year: input.year ?? null,
    filename,
    text: parsed.text,
    outline: outlineOfReport(parsed),
    createdBy: authorId(ctx),
  });
  await audit(db, ctx, 'import', 'imported_report', row.id, null, {
    filename: row.filename,
    personId,
    year: row.year,
  });
  return importView(row);
}

/** An import as the API shows it; the stored outline is what outlineOfReport wrote. */
function importView(row: Parameters<typeof importedRepo.toImported>[0]) {
  const view = importedRepo.toImported(row);
  return { ...view, outline: view.outline as ReturnType<typeof outlineOfReport> };
}

async function readableImport(db: Db, actor: Actor, townId: string, id: string) {
  const row = await importedRepo.findImported(db, townId, id);
  if (!row || !canReadImport(actor, townId, { personId: row.person_id, createdBy: row.created_by }))
    throw new NotFound('导入的报告');
  return row;
}

/** 往年报告 list: the town's for leaders, admins and supervisors; else one's own (about or by oneself). */
export async function listImports(
  db: Db,
  actor: Actor,
  townId: string,
  q: { personId?: string; after: [string, string] | null; limit: number },
) {
  const who: importedRepo.ImportVisibility = canReadAllReports(actor, townId)
    ? { all: true }
    : { all: false, personId: actor.personId, userId: actor.userId };
  const rows = await importedRepo.listImportSummaries(db, townId, who, q);
  const items = rows.slice(0, q.limit).map((r) => ({
    id: r.id,
    personId: r.person_id,
    personName: r.person_name ?? null,
    year: r.year,
    filename: r.filename,
    numberCount: Number(r.number_count),
    placeholderCount: Number(r.placeholder_count),
    createdBy: r.created_by,
    createdByName: r.created_by_name ?? null,
    createdAt: new Date(r.created_at).toISOString(),
    canDelete: canDeleteImport(actor, townId, { createdBy: r.created_by }),
  }));
  const last = rows.length > q.limit ? rows[q.limit - 1] : undefined;
  return { items, next: last ? ([last.created_key, last.id] as [string, string]) : null };
}

/** Deletes an import (audited): its uploader or an admin; others who can see it get 403. */
export async function deleteImport(db: Db, ctx: Ctx, id: string): Promise<void> {
  const row = await readableImport(db, ctx.actor, ctx.townId, id);
  if (!canDeleteImport(ctx.actor, ctx.townId, { createdBy: row.created_by }))
    throw new Forbidden('只能删除本人导入的往年报告');
  await importedRepo.deleteImported(db, ctx.townId, id);
  await audit(
    db,
    ctx,
    'delete',
    'imported_report',
    id,
    { filename: row.filename, personId: row.person_id, year: row.year },
    null,
  );
}

export async function getImport(db: Db, actor: Actor, townId: string, id: string) {
  return importView(await readableImport(db, actor, townId, id));
}

/**
 * Side by side, by what each part is about (学/职/廉/法/不足/打算): the old report's headings,
 * numbers and placeholders next to the draft's headings and number chips.
 */
export async function compareWithDraft(
  db: Db,
  actor: Actor,
  townId: string,
  importId: string,
  reportId: string,
) {
  const imported = await readableImport(db, actor, townId, importId);
  const outline = importedRepo.toImported(imported).outline as ReturnType<typeof outlineOfReport>;
  const report = await getReport(db, actor, townId, reportId);
  const kinds = ['opening', 'study', 'duty', 'integrity', 'law', 'shortcomings', 'plans'] as const;
  const oldTop = (outline.sections as ParsedSection[]) ?? [];
  const numbersUnder = (path: string) =>
    outline.numbers.filter((n) => n.sectionPath === path || n.sectionPath.startsWith(`${path}/`));
  const draftOf = (kind: string) =>
    report.document.sections.filter(
      (s: Section) => s.kind === kind || s.covers?.includes(kind as never),
    );
  const rows = kinds.map((kind) => {
    const old =
      kind === 'opening' ? [] : oldTop.filter((s) => classifyHeading(s.heading).includes(kind));
    const mine = draftOf(kind);
    return {
      kind,
      imported: {
        headings: old.map((s) => `${s.marker}${s.heading}`),
        subheadings: old.flatMap((s) =>
          flattenSections(s.children)
            .filter((c) => c.level <= 3)
            .map((c) => `${c.marker}${c.heading}`),
        ),
        chars: old.reduce(
          (n, s) => n + imported.text.slice(s.offset, s.end).replace(/\s/gu, '').length,
          0,
        ),
        numbers: old
          .flatMap((s) => numbersUnder(s.path))
          .map((n) => ({ raw: n.raw, value: n.value, unit: n.unit, subject: n.subject })),
        placeholders: outline.placeholders.filter((p) =>
          old.some((s) => p.sectionPath === s.path || p.sectionPath.startsWith(`${s.path}/`)),
        ).length,
      },
      draft: {
        headings: mine.filter((s) => s.heading !== '').map((s) => s.heading),
        chars: mine.reduce((n, s) => n + sectionText(s).replace(/\s/gu, '').length, 0),
        numbers: allChips({ ...report.document, sections: mine }).map((c) => ({
          display: c.display,
          value: c.value,
          unit: c.unit,
          metricId: c.metricId,
        })),
      },
    };
  });
  return {
    importId,
    reportId,
    importedTitle: outline.title,
    rows,
    aligned: alignedComparison(outline as unknown as StoredOutline, report.document),
  };
}
