/**
 * Finding an order by its tracking code (查询码), for everything a resident does with one: look
 * it up, rate it, add photos. A code has a 6-character random part, so guessing is hopeless unless
 * unthrottled; wrong codes are counted per address and, past the limit, every look-up from that
 * address is refused for the rest of the window (so a guesser cannot tell a hit from a refusal).
 */
import type { Kysely } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import * as repo from './public-intake.repository.ts';
import { checkRateLimit, hitRateLimit, type RateRule } from './rate-limit.service.ts';

/** Wrong codes per address in 10 minutes: plenty for typos, nothing for a guesser. */
export const TRACKING_MISS_RATE: RateRule = {
  name: 'tracking_miss',
  limit: 20,
  windowSeconds: 600,
  message:
    '查询码输错次数过多：同一网络 10 分钟内最多输错 20 次，请 {minutes} 分钟后再试；忘记查询码请拨打 12345 热线，报工单编号或联系电话查询',
};

/** The order behind a tracking code, with its public_request row and town; 404 and counted when unknown. */
export async function orderByTrackingCode(db: Kysely<DB>, code: string, ip: string | null) {
  const subject = ip ?? 'unknown';
  await checkRateLimit(db, TRACKING_MISS_RATE, subject);
  const request = await repo.findByTrackingCode(db, code.toUpperCase());
  const town = request && (await repo.findTownById(db, request.town_id));
  const order = request && town && (await repo.findPublicOrder(db, town.id, request.appeal_id));
  if (!request || !town || !order) {
    await hitRateLimit(db, TRACKING_MISS_RATE, subject);
    throw new NotFound('查询码对应的诉求');
  }
  return { request, town, order };
}

/** Wrong phone digits per order in an hour: a code holder cannot walk the 10,000 endings. */
export const PROOF_MISS_RATE: RateRule = {
  name: 'tracking_proof_miss',
  limit: 10,
  windowSeconds: 3600,
  message:
    '手机号后四位输错次数过多，为保护群众信息，该诉求 {minutes} 分钟内不能再验证；如需帮助请拨打 12345 热线',
};

/** The last four digits of a phone as given (any separators; none when no phone was given). */
export function phoneEnding(phone: string | null): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/**
 * The order behind a tracking code, proven to be the caller's: the code plus the last four digits
 * of the phone the resident gave (an order filed without a phone has only its code to prove with).
 * A wrong ending answers exactly like a wrong code (404, counted against the address) and is also
 * counted against the order, so a wrong proof reveals nothing and cannot be repeated at will.
 */
export async function provenOrder(
  db: Kysely<DB>,
  code: string,
  phoneLast4: string | undefined,
  ip: string | null,
) {
  const notFound = () => new NotFound('与查询码和手机号后四位相符的诉求');
  let found;
  try {
    found = await orderByTrackingCode(db, code, ip);
  } catch (err) {
    throw err instanceof NotFound ? notFound() : err;
  }
  const facts = await repo.findProofFacts(db, found.town.id, found.order.id);
  const ending = phoneEnding(facts.contact_phone);
  if (ending !== null) {
    await checkRateLimit(db, PROOF_MISS_RATE, found.order.id);
    if (phoneLast4 !== ending) {
      await hitRateLimit(db, TRACKING_MISS_RATE, ip ?? 'unknown');
      await hitRateLimit(db, PROOF_MISS_RATE, found.order.id);
      throw notFound();
    }
  }
  return { ...found, version: facts.version };
}

/** Whether the order was filed with a phone (then the code alone shows only the progress). */
export async function needsProof(db: Kysely<DB>, townId: string, appealId: string) {
  return phoneEnding((await repo.findProofFacts(db, townId, appealId)).contact_phone) !== null;
}
