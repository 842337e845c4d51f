/**
 * Queries of 党支部星级评定: the year's scheme, the 星级评定 ledger records of a year range with
 * their indicator scores, and the records a score may cite as evidence.
 */
import { sql, type Kysely } from 'kysely';
import type { RatingScheme } from '../../core/party/rating.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

/** Evidence comes from the organisation work's own books (三会一课, 主题党日, 发展党员 …). */
export const EVIDENCE_PORTFOLIOS = ['organization', 'party_building'] as const;

export async function findScheme(db: Db, townId: string, year: number) {
  const row = await db
    .selectFrom('branch_rating_scheme')
    .select(['indicators', 'thresholds', 'version'])
    .where('town_id', '=', townId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row
    ? {
        indicators: row.indicators as RatingScheme['indicators'],
        thresholds: row.thresholds as RatingScheme['thresholds'],
        version: row.version,
      }
    : null;
}

export async function insertScheme(db: Db, townId: string, year: number, s: RatingScheme) {
  await db
    .insertInto('branch_rating_scheme')
    .values({
      town_id: townId,
      year,
      indicators: JSON.stringify(s.indicators),
      thresholds: JSON.stringify(s.thresholds),
    })
    .execute();
}

/** The new version, or undefined when `version` is stale. */
export async function updateScheme(
  db: Db,
  townId: string,
  year: number,
  version: number,
  s: RatingScheme,
) {
  const row = await db
    .updateTable('branch_rating_scheme')
    .set({
      indicators: JSON.stringify(s.indicators),
      thresholds: JSON.stringify(s.thresholds),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('town_id', '=', townId)
    .where('year', '=', year)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

export interface RatingRecordRow {
  id: string;
  branchId: string | null;
  data: Record<string, unknown>;
  version: number;
}

/** 星级评定 records of `years` (the ledger keeps one per branch and year). */
export async function ratingRecords(
  db: Db,
  townId: string,
  years: readonly number[],
): Promise<RatingRecordRow[]> {
  const rows = await db
    .selectFrom('ledger_record')
    .select(['id', 'unit_id as branchId', 'data', 'version'])
    .where('town_id', '=', townId)
    .where('type_code', '=', 'branch_star_rating')
    .where('deleted_at', 'is', null)
    .where(sql<string>`data->>'year'`, 'in', years.map(String))
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, data: r.data as Record<string, unknown> }));
}

export interface ScoreRow {
  recordId: string;
  indicator: string;
  score: number;
  evidence: string[];
  note: string | null;
}

export async function scoresOf(db: Db, townId: string, recordIds: readonly string[]) {
  if (recordIds.length === 0) return [];
  const rows = await db
    .selectFrom('branch_rating_score')
    .select(['record_id', 'indicator', 'score', 'evidence', 'note'])
    .where('town_id', '=', townId)
    .where('record_id', 'in', recordIds)
    .orderBy('record_id')
    .orderBy('indicator')
    .execute();
  return rows.map((r): ScoreRow => ({
    recordId: r.record_id,
    indicator: r.indicator,
    score: Number(r.score),
    evidence: r.evidence as string[],
    note: r.note,
  }));
}

export async function replaceScores(
  db: Db,
  townId: string,
  recordId: string,
  rows: { indicator: string; score: number; evidence: string[]; note: string | null }[],
) {
  await db
    .deleteFrom('branch_rating_score')
    .where('town_id', '=', townId)
    .where('record_id', '=', recordId)
    .execute();
  if (rows.length === 0) return;
  await db
    .insertInto('branch_rating_score')
    .values(
      rows.map((r) => ({
        town_id: townId,
        record_id: recordId,
        indicator: r.indicator,
        score: r.score,
        evidence: JSON.stringify(r.evidence),
        note: r.note,
      })),
    )
    .execute();
}

export interface EvidenceRow {
  id: string;
  typeCode: string;
  typeName: string;
  occurredOn: string;
  data: Record<string, unknown>;
}

/** Live records of the organisation work's ledgers among `ids` (evidence must be one). */
export async function evidenceRecords(db: Db, townId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('ledger_record as r')
    .innerJoin('ledger_type as t', (j) =>
      j
        .onRef('t.town_id', '=', 'r.town_id')
        .onRef('t.code', '=', 'r.type_code')
        .onRef('t.version', '=', 'r.type_version'),
    )
    .select(['r.id', 'r.type_code', 't.name', 'r.occurred_on', 'r.data', 'r.unit_id'])
    .where('r.town_id', '=', townId)
    .where('r.id', 'in', ids)
    .where('r.deleted_at', 'is', null)
    .where('t.portfolio', 'in', [...EVIDENCE_PORTFOLIOS])
    .orderBy('r.occurred_on')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    typeCode: r.type_code,
    typeName: r.name,
    occurredOn: String(r.occurred_on),
    unitId: r.unit_id,
    data: r.data as Record<string, unknown>,
  }));
}

/** Records of a branch (or its village) in a year in those ledgers: what a score may cite. */
export async function candidateEvidence(
  db: Db,
  townId: string,
  unitIds: readonly string[],
  year: number,
) {
  const rows = await db
    .selectFrom('ledger_record as r')
    .innerJoin('ledger_type as t', (j) =>
      j
        .onRef('t.town_id', '=', 'r.town_id')
        .onRef('t.code', '=', 'r.type_code')
        .onRef('t.version', '=', 'r.type_version'),
    )
    .select(['r.id', 'r.type_code', 't.name', 'r.occurred_on', 'r.data'])
    .where('r.town_id', '=', townId)
    .where('r.unit_id', 'in', unitIds)
    .where('r.deleted_at', 'is', null)
    .where('r.type_code', '<>', 'branch_star_rating')
    .where('t.portfolio', 'in', [...EVIDENCE_PORTFOLIOS])
    .where('r.occurred_on', '>=', `${year}-01-01`)
    .where('r.occurred_on', '<=', `${year}-12-31`)
    .orderBy('r.occurred_on', 'desc')
    .orderBy('r.id')
    .limit(300)
    .execute();
  return rows.map((r): EvidenceRow => ({
    id: r.id,
    typeCode: r.type_code,
    typeName: r.name,
    occurredOn: String(r.occurred_on),
    data: r.data as Record<string, unknown>,
  }));
}

/** The branch and the village it sits under (records of either may be cited). */
export async function branchAndVillage(db: Db, townId: string, branchId: string) {
  const row = await db
    .selectFrom('unit')
    .select(['id', 'parent_id'])
    .where('town_id', '=', townId)
    .where('id', '=', branchId)
    .executeTakeFirst();
  return row ? [row.id, ...(row.parent_id ? [row.parent_id] : [])] : [];
}
