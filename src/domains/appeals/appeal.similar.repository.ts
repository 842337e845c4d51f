/**
 * The 疑似重复 query (appeal.similar.ts): recent orders of a town matched by phone, by village
 * and category, or by pg_trgm text similarity, with the per-reason flags computed once and
 * ranked on together.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AppealRow } from './appeal.repository.ts';

export type SimilarRow = AppealRow & { same_phone: boolean; same_place: boolean; sim: number };

export interface SimilarSearch {
  townId: string;
  /** The caller's scope over alias `a` (appeal.policy.ts scopeSql). */
  scope: RawBuilder<SqlBool>;
  /** Orders received on or after this date (YYYY-MM-DD) are searched. */
  since: string;
  excludeId: string | null;
  /** Digits of the caller's number, matched against the digits of each order's contact phone. */
  phone: string | null;
  /** Same village and category, received at or after `since`. */
  place: { village: string; category: string; since: Date } | null;
  /**
   * Text compared with the orders that share the form's village or its category's root when the
   * form has either (a re-told matter shares its place or its kind of problem), else with every
   * recent order: similarity() costs tens of microseconds an order, and a large town's 90 days
   * hold thousands (bench/problems-intake.ts).
   */
  text: { text: string; villageId: string | null; categoryRoot: string | null } | null;
  threshold: number;
  limit: number;
}

export async function findSimilarAppeals(db: Kysely<DB>, s: SimilarSearch): Promise<SimilarRow[]> {
  const samePhone = s.phone
    ? sql`regexp_replace(coalesce(a.contact_phone, ''), '\\D', '', 'g') = ${s.phone}`
    : sql`false`;
  const samePlace = s.place
    ? sql`(a.village_id = ${s.place.village} and a.category_code = ${s.place.category}
          and a.received_at >= ${s.place.since})`
    : sql`false`;
  const t = s.text;
  const near =
    t && (t.villageId || t.categoryRoot)
      ? sql`(${t.villageId ? sql`a.village_id = ${t.villageId}` : sql`false`}
            or ${t.categoryRoot ? sql`a.category_root = ${t.categoryRoot}` : sql`false`})`
      : sql`true`;
  const sim = t
    ? sql`case when ${near} then similarity(a.title || ' ' || a.content, ${t.text}) else 0 end`
    : sql`0::real`;
  const rows = await sql<SimilarRow>`
    select * from (
      select a.*, ${samePhone} as same_phone, ${samePlace} as same_place, ${sim} as sim
      from appeal a
      where a.town_id = ${s.townId} and a.received_on >= ${s.since} and a.merged_into is null
        and ${s.scope} ${s.excludeId ? sql`and a.id <> ${s.excludeId}` : sql``}
    ) c
    where c.same_phone or c.same_place or c.sim >= ${s.threshold}
    order by (case when c.same_phone then 2 else 0 end) + (case when c.same_place then 0.5 else 0 end)
      + c.sim desc, c.received_at desc
    limit ${s.limit}`.execute(db);
  return rows.rows;
}
