/**
 * 润色 of one report section by the town's own model server (operator configuration, see
 * src/server/config.ts). Proposing asks the model and checks the answer with the figure guard
 * (core/report/rephrase.ts) but stores nothing; accepting checks the proposal again against the
 * report as it is now and saves it like an edit: the replaced document becomes a revision
 * (reason `rephrase`), the version must match (409 otherwise). Discarding is not telling the server.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { Forbidden, InvalidInput, NotFound, ServiceUnavailable } from '../../core/errors.ts';
import type { ReportDocument, Section } from '../../core/report/model.ts';
import {
  guardRewrite,
  lockSection,
  rephrasePrompt,
  type LockedSection,
} from '../../core/report/rephrase.ts';
import type { DB } from '../../db/schema.ts';
import type { RephraseConfig } from '../../http/env.ts';
import type { Ctx } from './report-audit.ts';
import { recomputeChips, withChipValues } from './report-facts.ts';
import { askModel } from './report-model-client.ts';
import { canWriteReport } from './reports.policy.ts';
import { getReport, replaceDocument, writable } from './report.service.ts';

type Db = Kysely<DB>;

const OFF = '本系统未配置润色服务（由系统管理员在服务器上设置），报告未作改动';

export function rephraseStatus(config: RephraseConfig | undefined) {
  return { enabled: config !== undefined, timeoutSeconds: config ? config.timeoutMs / 1000 : null };
}

function sectionOf(doc: ReportDocument, sectionId: string): Section {
  const section = doc.sections.find((s) => s.id === sectionId);
  if (!section) throw new NotFound('报告中的该章节');
  return section;
}

function refuse(problems: string[]): never {
  throw new InvalidInput(
    `润色结果改动了数字，已拒绝采用，报告未作改动：${problems.join('；')}`,
    problems.map((message) => ({ path: 'text', label: '润色结果', message })),
  );
}

function lockedOrRefuse(section: Section): LockedSection {
  const locked = lockSection(section);
  if (locked.text.trim() === '') throw new InvalidInput('该章节还没有正文，无需润色');
  return locked;
}

/** Asks the model to rephrase one section; a proposal only, nothing is stored. */
export async function proposeRephrasing(
  db: Db,
  actor: Actor,
  townId: string,
  id: string,
  sectionId: string,
  config: RephraseConfig | undefined,
) {
  const report = await getReport(db, actor, townId, id);
  if (!canWriteReport(actor, townId, report.personId))
    throw new Forbidden('只能修改本人的述职报告');
  if (report.state !== 'draft') throw new InvalidInput('报告已定稿，不能再修改');
  const section = sectionOf(report.document, sectionId);
  const locked = lockedOrRefuse(section);
  if (!config) throw new ServiceUnavailable(OFF);
  const answer = await askModel(config, rephrasePrompt(section.heading, locked));
  const checked = guardRewrite(locked, answer);
  if (!checked.ok) refuse(checked.problems);
  return {
    sectionId,
    reportVersion: report.version,
    text: answer,
    before: section.paragraphs,
    after: checked.paragraphs,
  };
}

/** 采用: the proposal replaces the section, checked again against the report as it is now. */
export async function acceptRephrasing(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { version: number; sectionId: string; text: string },
) {
  const current = await writable(db, ctx, id, input.version);
  const live = withChipValues(
    current.document,
    await recomputeChips(db, ctx.townId, current.document),
  );
  const section = sectionOf(live, input.sectionId);
  const checked = guardRewrite(lockedOrRefuse(section), input.text);
  if (!checked.ok) refuse(checked.problems);
  const next: ReportDocument = {
    ...live,
    sections: live.sections.map((s) =>
      s.id === section.id ? { ...s, paragraphs: checked.paragraphs } : s,
    ),
  };
  return replaceDocument(db, ctx, current, next, 'rephrase');
}
