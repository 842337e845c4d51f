/**
 * The caller's scope over 问题清单 and 承诺事项 as SQL (analysis.policy.ts resolves the scope):
 * the same village / unit subtree / portfolio category / own-person rule as appeals, over the
 * owner columns of a problem or commitment.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** The part of an appeal scope (appeals' policy resolves it) that narrows problems and commitments. */
export type OwnedScope =
  | { all: true }
  | {
      all: false;
      categoryRoots: string[];
      villageIds: string[];
      unitIds: string[];
      personId: string | null;
    };

/** The caller's scope over problems/commitments, as SQL over the table (aliased) — fails closed. */
export function ownedScopeSql(
  scope: OwnedScope,
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
