/**
 * 疑似重复 hints while an order is being typed: recent orders from the same phone number, of the
 * same village and category, or with near-duplicate text (pg_trgm `similarity()` over title and
 * content, among orders of the form's village or category root when it has them; PostgreSQL's
 * trigrams cover Chinese characters under a UTF-8 ctype). Ranked, each with
 * the reasons it matched, and always within the caller's scope — a hint never reveals an order
 * the caller could not open.
 *
 * Matching by phone tells whether a guessed number is a resident's masked contact, so it is only
 * for those who may see any contact anyway (the desk and leaders); each number they look up is
 * audited once per window and counted against a per-user limit. Everyone else is matched by
 * village, category and text only.
 */
import { createHash } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  hitRateLimit,
  markSeen,
  wasSeen,
  type RateRule,
} from '../public-intake/rate-limit.service.ts';
import { categoryRoots } from './appeal.context.ts';
import { appealScope, revealsAnyContact, scopeSql } from './appeal.policy.ts';
import { maskPhone } from './appeal-read.service.ts';
import { findSimilarAppeals } from './appeal.similar.repository.ts';
import { toSummary } from './appeal-read.service.ts';
import { AppealSummary } from './appeal.schema.ts';

type Db = Kysely<DB>;

/** Calls from one number within this many days are likely the same matter. */
const WINDOW_DAYS = 90;
/** Same village and category counts as "recent" within this many days. */
const PLACE_DAYS = 30;
/**
 * Trigram similarity from which two texts read as the same matter. Chinese paraphrases share few
 * three-character runs, so scores run low: on the demo town's orders a re-told complaint scores
 * 0.15–0.2, the same problem told differently 0.1–0.12, an unrelated order of the same village
 * ≤ 0.06 (punctuation splits words, and removing it made the separation worse).
 */
export const TEXT_THRESHOLD = 0.1;
const LIMIT = 10;

export const REASONS = { phone: '同一来电号码', place: '同村同类', text: '内容相似' } as const;

export const SimilarQuery = z.object({
  text: z.string().max(2000).optional().meta({ title: '诉求内容' }),
  phone: z.string().max(30).optional().meta({ title: '联系电话' }),
  villageId: z.uuid().optional().meta({ title: '村（社区）' }),
  categoryCode: z.string().max(80).optional().meta({ title: '诉求类别' }),
  excludeId: z.uuid().optional().meta({ title: '排除的工单' }),
});
export type SimilarQueryInput = z.infer<typeof SimilarQuery>;

export const SimilarItem = AppealSummary.extend({
  reasons: z.array(z.string()),
  reason: z.string(),
  similarity: z.number(),
}).openapi('AppealSimilar');

/** Distinct numbers one user may match in 10 minutes: a desk takes a call every few minutes. */
export const SIMILAR_PHONE_RATE: RateRule = {
  name: 'similar_phone',
  limit: 30,
  windowSeconds: 600,
  message:
    '按电话号码查重过于频繁：10 分钟内最多查询 30 个不同号码，请 {minutes} 分钟后再试；按村、类别和内容查重不受影响',
};
const SEEN = 'similar_phone_seen';

/**
 * The digits to match by phone, or null: too short, or the caller may not see contacts. A number
 * new to this user in the window counts against SIMILAR_PHONE_RATE (429 past it); re-sending it
 * while the rest of the form is typed does not.
 */
async function phoneToMatch(db: Db, actor: Actor, townId: string, raw: string | undefined) {
  const digits = (raw ?? '').replace(/\D/g, '');
  if (digits.length < 7 || !revealsAnyContact(actor, townId)) return null;
  const subject = `${actor.userId}:${createHash('sha256').update(`${townId}:${digits}`).digest('hex')}`;
  const fresh = !(await wasSeen(db, SEEN, subject, SIMILAR_PHONE_RATE.windowSeconds));
  if (fresh) {
    await hitRateLimit(db, SIMILAR_PHONE_RATE, actor.userId);
    await markSeen(db, SEEN, subject, SIMILAR_PHONE_RATE.windowSeconds);
  }
  return { digits, fresh };
}

/** 查重 by phone is a look-up of a resident's contact: audited with the number masked and what matched. */
async function auditPhoneMatch(
  db: Db,
  actor: Actor,
  townId: string,
  ip: string | null,
  digits: string,
  codes: string[],
) {
  await recordAudit(db, {
    townId,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    action: 'appeal.similar_phone',
    entityType: 'appeal',
    after: { phone: maskPhone(digits), matched: codes },
    ip,
  });
}

export async function similarAppeals(
  db: Db,
  actor: Actor,
  townId: string,
  q: SimilarQueryInput,
  at: { ip: string | null; now?: Date } = { ip: null },
) {
  const now = at.now ?? new Date();
  const match = await phoneToMatch(db, actor, townId, q.phone);
  const phone = match?.digits ?? null;
  const text = (q.text ?? '').trim();
  const useText = [...text].length >= 4 ? text : null;
  const place =
    q.villageId && q.categoryCode ? { village: q.villageId, category: q.categoryCode } : null;
  if (!phone && !useText && !place) return { items: [] };
  const scope = scopeSql(await appealScope(db, actor, townId), 'a');
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const placeSince = new Date(now.getTime() - PLACE_DAYS * 86_400_000);
  const root = q.categoryCode ? ((await categoryRoots(db)).get(q.categoryCode) ?? null) : null;
  const rows = await findSimilarAppeals(db, {
    townId,
    scope,
    since,
    excludeId: q.excludeId ?? null,
    phone,
    place: place && { ...place, since: placeSince },
    text: useText ? { text: useText, villageId: q.villageId ?? null, categoryRoot: root } : null,
    threshold: TEXT_THRESHOLD,
    limit: LIMIT,
  });
  if (match?.fresh)
    await auditPhoneMatch(
      db,
      actor,
      townId,
      at.ip,
      match.digits,
      rows.filter((r) => r.same_phone).map((r) => r.code),
    );
  return {
    items: rows.map((r) => {
      const reasons: string[] = [];
      if (r.same_phone) reasons.push(REASONS.phone);
      if (r.same_place) reasons.push(REASONS.place);
      if (Number(r.sim) >= TEXT_THRESHOLD) reasons.push(REASONS.text);
      return {
        ...toSummary(r, now),
        reasons,
        reason: reasons[0]!,
        similarity: Math.round(Number(r.sim) * 100) / 100,
      };
    }),
  };
}
