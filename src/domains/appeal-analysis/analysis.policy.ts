/**
 * Who may see and change 问题清单 and 承诺事项 (DESIGN 2): everyone in the town reads, the county
 * supervisor only reads; rows are narrowed with the same scope as appeals (village, unit subtree,
 * portfolio categories, own person), so a village cadre sees their village's problems only.
 * County rankings are for county supervisors and admins, over the towns they hold grants in.
 * Who may do what is the permissions table's `appeal_analysis` (src/core/access/permissions.ts).
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { may, mayAnywhere, townsWhere } from '../../core/access/permissions.ts';
import { Forbidden } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { appealScope, scopeSql, type AppealScope } from '../appeals/appeal.policy.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';

type Db = Kysely<DB>;

export const analysisRead: RoutePolicy = {
  name: 'appeal_analysis.read',
  allows: (a, p) => may(a, p.townId ?? '', 'appeal_analysis', 'read'),
};
export const analysisWrite: RoutePolicy = {
  name: 'appeal_analysis.write',
  allows: (a, p) => may(a, p.townId ?? '', 'appeal_analysis', 'write'),
};
/** 签发 an official bulletin: the town's leaders (and admins), not every writer. */
export const bulletinIssue: RoutePolicy = {
  name: 'appeal_analysis.issue',
  allows: (a, p) => may(a, p.townId ?? '', 'appeal_analysis', 'issue'),
};
export const countyRanking: RoutePolicy = {
  name: 'appeal_analysis.county',
  allows: (a) => mayAnywhere(a, 'appeal_analysis', 'read_ranking'),
};

/** Towns a county ranking covers for this caller. */
export function rankingTowns(actor: Actor): string[] {
  return townsWhere(actor, 'appeal_analysis', 'read_ranking');
}

/** The caller's scope over problems/commitments, as SQL over the table (aliased) — fails closed. */
export function ownedScopeSql(
  scope: AppealScope,
  alias: string,
  withCategory: boolean,
): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const parts: RawBuilder<SqlBool>[] = [];
  if (withCategory && scope.categoryRoots.length)
    parts.push(sql<SqlBool>`${col('category_root')} in (${sql.join(scope.categoryRoots)})`);
  if (scope.villageIds.length)
    parts.push(sql<SqlBool>`${col('village_id')} in (${sql.join(scope.villageIds)})`);
  if (scope.unitIds.length)
    parts.push(sql<SqlBool>`${col('owner_unit_id')} in (${sql.join(scope.unitIds)})`);
  if (scope.personId) parts.push(sql<SqlBool>`${col('owner_person_id')} = ${scope.personId}`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

export interface AnalysisScope {
  appeal: AppealScope;
  /** Predicate over `appeal` rows (unaliased, as the KPI metrics use it). */
  appealSql: RawBuilder<SqlBool>;
  /** Predicate over `appeal as a`. */
  appealAliased: RawBuilder<SqlBool>;
  problemSql: RawBuilder<SqlBool>;
  commitmentSql: RawBuilder<SqlBool>;
}

export async function analysisScope(db: Db, actor: Actor, townId: string): Promise<AnalysisScope> {
  const appeal = await appealScope(db, actor, townId);
  return {
    appeal,
    appealSql: scopeSql(appeal),
    appealAliased: scopeSql(appeal, 'a'),
    problemSql: ownedScopeSql(appeal, 'p', true),
    commitmentSql: ownedScopeSql(appeal, 'c', false),
  };
}

/** A row written by a scoped user must stay inside their scope (e.g. a cadre's own village). */
export function outOfScope(what: string): Forbidden {
  return new Forbidden(`只能在您负责的村（社区）、单位或分管领域内${what}`);
}
