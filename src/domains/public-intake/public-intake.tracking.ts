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
