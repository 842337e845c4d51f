/**
 * 签发 a bulletin: compute it once (as the issuer sees it), number it 第N期 per town and year, and
 * store the document and data with every figure's value and metric reference. An issued bulletin
 * is read back from the row, never recomputed, so later changes to orders do not touch it; its
 * figures still drill down through their metric reference (the live orders behind that query).
 */
import type { Kysely } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import type { ReportDocument } from '../../core/report/model.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite } from '../audit/audit.service.ts';
import { chineseDate, defaultIssuer, type BulletinData } from './bulletin.compose.ts';
import { buildBulletin, type BulletinQuery } from './bulletin.service.ts';
import type { WriteCtx } from '../../core/actor.ts';
import * as issues from './bulletin-issue.repository.ts';
import type { BulletinIssueRow as Row } from './bulletin-issue.repository.ts';

type Db = Kysely<DB>;
const iso = (d: Date | string) => new Date(d).toISOString();
const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export interface IssuedBulletin {
  id: string;
  year: number;
  number: number;
  label: string;
  title: string;
  from: string;
  to: string;
  scopeKind: string;
  scopeId: string | null;
  scopeName: string | null;
  asOf: string;
  issuedByName: string;
  issuedAt: string;
}

function summary(r: Row): IssuedBulletin {
  return {
    id: r.id,
    year: r.year,
    number: r.number,
    label: `${r.year}年第${r.number}期`,
    title: r.title,
    from: r.period_from,
    to: r.period_to,
    scopeKind: r.scope_kind,
    scopeId: r.scope_id,
    scopeName: r.scope_name,
    asOf: iso(r.as_of),
    issuedByName: r.issued_by_name,
    issuedAt: iso(r.issued_at),
  };
}

/** 机关代字 unless the issuer gives one: "青石镇" → "青石政通" (政府 + 通报). */
export const defaultDocCode = (townName: string) =>
  `${townName.replace(/(街道办事处|街道|镇|乡|苏木)$/u, '') || townName}政通`;

/** Who signs the bulletin: the issuing body (发文机关) and its 机关代字 for the 发文字号. */
export interface IssueAs {
  issuer?: string | undefined;
  docCode?: string | undefined;
}

export async function issueBulletin(db: Db, ctx: WriteCtx, q: BulletinQuery, as: IssueAs = {}) {
  const asOf = new Date();
  const b = await buildBulletin(db, ctx.actor, ctx.townId, q, asOf);
  const year = asOf.getUTCFullYear();
  const number = await issues.nextBulletinNumber(db, ctx.townId, year);
  const id = newId();
  const issuer = as.issuer ?? defaultIssuer(b.data.townName);
  const docCode = as.docCode ?? defaultDocCode(b.data.townName);
  const document: ReportDocument = {
    ...b.document,
    byline: `（${year}年第${number}期\u3000${b.data.periodLabel}）`,
    // GB/T 9704 版头 and 落款: 发文字号 "机关代字〔年份〕序号号", the issuing body and the issue date.
    header: { issuer, docNumber: `${docCode}〔${year}〕${number}号` },
    signature: { issuer, date: chineseDate(b.data.issuedOn) },
    frozenAt: asOf.toISOString(),
  };
  await issues.insertBulletinIssue(db, {
    town_id: ctx.townId,
    id,
    year,
    number,
    title: document.title,
    period_from: q.from,
    period_to: q.to,
    scope_kind: q.villageId ? 'village' : q.unitId ? 'unit' : 'town',
    scope_id: q.villageId ?? q.unitId ?? null,
    scope_name: b.data.scopeName,
    as_of: asOf,
    document: JSON.stringify(document),
    data: JSON.stringify(b.data),
    issued_by: ctx.actor.userId,
    issued_by_name: ctx.actor.displayName,
  });
  await auditWrite(db, ctx, 'issue', 'appeal_bulletin_issue', id, null, {
    year,
    number,
    title: document.title,
    from: q.from,
    to: q.to,
    scopeId: q.villageId ?? q.unitId ?? null,
  });
  return getIssuedBulletin(db, ctx.townId, id);
}

export async function listIssuedBulletins(
  db: Db,
  townId: string,
  limit = 100,
): Promise<IssuedBulletin[]> {
  const rows = await issues.listBulletinIssues(db, townId, limit);
  return rows.map((r) => summary(r as Row));
}

export async function getIssuedBulletin(db: Db, townId: string, id: string) {
  const r = await issues.findBulletinIssue(db, townId, id);
  if (!r) throw new NotFound('通报');
  return {
    ...summary(r as Row),
    document: parse<ReportDocument>(r.document),
    data: parse<BulletinData>(r.data),
  };
}
