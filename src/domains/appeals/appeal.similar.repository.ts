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
   * form has either (a re-told matter shares its place or its kind of problem), else with the
   * town's orders; in each case only the newest TEXT_CANDIDATES of them (of the village, and of
   * the root): similarity() costs 30–600 µs an order (PostgreSQL, PGlite), and a large town's
   * 90 days hold thousands, a big village over a thousand (bench/problems-intake.ts).
   */
  text: { text: string; villageId: string | null; categoryRoot: string | null } | null;
  threshold: number;
  limit: number;
}

/** Newest orders of the village, and of the category root, whose text is compared. */
export const TEXT_CANDIDATES = 200;

export async function findSimilarAppeals(db: Kysely<DB>, s: SimilarSearch): Promise<SimilarRow[]> {
  const samePhone = s.phone
    ? sql`regexp_replace(coalesce(a.contact_phone, ''), '\\D', '', 'g') = ${s.phone}`
    : sql`false`;
  const samePlace = s.place
    ? sql`(a.village_id = ${s.place.village} and a.category_code = ${s.place.category}
          and a.received_at >= ${s.place.since})`
    : sql`false`;
  const t = s.text;
  const newest = (where: RawBuilder<SqlBool>, n: number) => sql`(
    select n.id from appeal n
    where n.town_id = ${s.townId} and n.received_on >= ${s.since} and n.merged_into is null
      and ${where}
    order by n.received_at desc limit ${n})`;
  const none = sql`(select null::uuid)`;
  const ofVillage = t?.villageId
    ? newest(sql`n.village_id = ${t.villageId}`, TEXT_CANDIDATES)
    : none;
  const ofRoot = t?.categoryRoot
    ? newest(sql`n.category_root = ${t.categoryRoot}`, TEXT_CANDIDATES)
    : none;
  const near = !t
    ? sql`(select null::uuid)`
    : t.villageId || t.categoryRoot
      ? sql`${ofVillage} union ${ofRoot}`
      : newest(sql`true`, 2 * TEXT_CANDIDATES);
  const text = t?.text ?? '';
  const sim = t
    ? sql`case when a.id in (select id from near)
            then similarity(a.title || ' ' || a.content, ${text}) else 0 end`
    : sql`0::real`;
  // Only the orders some reason can pick are read: the text's candidates, the place's orders (by
  // index) and, when matching by phone, the orders of that number; not the town's whole 90 days.
  const ofPlace = s.place
    ? sql`union (select p.id from appeal p where p.town_id = ${s.townId}
        and p.village_id = ${s.place.village} and p.received_at >= ${s.place.since}
        and p.category_code = ${s.place.category})`
    : sql``;
  const ofPhone = s.phone
    ? sql`union (select f.id from appeal f where f.town_id = ${s.townId}
        and f.received_on >= ${s.since}
        and regexp_replace(coalesce(f.contact_phone, ''), '\D', '', 'g') = ${s.phone})`
    : sql``;
  const rows = await sql<SimilarRow>`
    with near(id) as materialized (${near}),
      candidate(id) as materialized (select id from near ${ofPlace} ${ofPhone})
    select * from (
      select a.*, ${samePhone} as same_phone, ${samePlace} as same_place, ${sim} as sim
      from appeal a
      where a.town_id = ${s.townId} and a.id in (select id from candidate)
        and a.received_on >= ${s.since} and a.merged_into is null
        and ${s.scope} ${s.excludeId ? sql`and a.id <> ${s.excludeId}` : sql``}
    ) c
    where c.same_phone or c.same_place or c.sim >= ${s.threshold}
    order by (case when c.same_phone then 2 else 0 end) + (case when c.same_place then 0.5 else 0 end)
      + c.sim desc, c.received_at desc
    limit ${s.limit}`.execute(db);
  return rows.rows;
}
