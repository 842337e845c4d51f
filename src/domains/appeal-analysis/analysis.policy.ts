/**
 * Who may see and change 问题清单 and 承诺事项 (DESIGN 2): everyone in the town reads, the county
 * supervisor only reads; rows are narrowed with the same scope as appeals (village, unit subtree,
 * portfolio categories, own person), so a village cadre sees their village's problems only.
 * County rankings are for county supervisors and admins, over the towns they hold grants in.
 * Who may do what is the permissions table's `appeal_analysis` (src/core/access/permissions.ts).
 */
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { may, mayAnywhere, townsWhere } from '../../core/access/permissions.ts';
import { Forbidden } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { appealScope, scopeSql, type AppealScope } from '../appeals/appeal-access.service.ts';
import type { RoutePolicy } from '../../core/access/policy.ts';
import { ownedScopeSql } from './analysis-scope.repository.ts';

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
