/**
 * Use cases of a report's 历史版本: list them, read one, and restore one (a save whose replaced
 * document becomes a revision too).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { NotFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from './report-audit.ts';
import { parseDocument, readable, replaceDocument, writable } from './report.service.ts';
import * as repo from './report.repository.ts';

type Db = Kysely<DB>;

export async function listRevisions(db: Db, actor: Actor, townId: string, id: string) {
  await readable(db, actor, townId, id);
  return (await repo.listRevisions(db, townId, id)).map((r) => ({
    id: r.id,
    reportVersion: r.report_version,
    reason: r.reason,
    savedAt: new Date(r.saved_at).toISOString(),
    savedBy: r.display_name ?? null,
  }));
}

export async function getRevision(
  db: Db,
  actor: Actor,
  townId: string,
  id: string,
  revisionId: string,
) {
  await readable(db, actor, townId, id);
  const rev = await repo.findRevision(db, townId, id, revisionId);
  if (!rev) throw new NotFound('历史版本');
  return {
    id: rev.id,
    reportVersion: rev.report_version,
    reason: rev.reason,
    document: parseDocument(
      typeof rev.document === 'string' ? JSON.parse(rev.document) : rev.document,
    ),
  };
}

/** Restoring is itself a save: the document being replaced becomes a revision too. */
export async function restoreRevision(
  db: Db,
  ctx: Ctx,
  id: string,
  revisionId: string,
  version: number,
) {
  const current = await writable(db, ctx, id, version);
  const rev = await getRevision(db, ctx.actor, ctx.townId, id, revisionId);
  return replaceDocument(db, ctx, current, rev.document, 'restore');
}
