/**
 * Open311 API keys (接入密钥): one per external system allowed to file requests for a town. Only
 * a SHA-256 hash is stored; the key names its town the way a username does, and is shown once
 * when created. Creating and revoking are audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite } from '../audit/audit.service.ts';
import {
  checkRateLimit,
  hitRateLimit,
  type RateRule,
} from '../public-intake/rate-limit.service.ts';
import { Open311Error } from './open311.format.ts';
import * as keys from './open311-key.repository.ts';
import type { WriteCtx } from '../../core/actor.ts';

type Db = Kysely<DB>;

/** The demo town's key (src/demo/demo-town.ts), documented in docs/open311.md. Demo data only. */
export const DEMO_OPEN311_KEY = 'demo-qingshi-open311-key';

export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** Stores a key (a fresh random one unless given) and returns it; the caller shows it once. */
export async function createApiKey(
  db: Db,
  townId: string,
  label: string,
  key = `o311_${randomBytes(24).toString('base64url')}`,
): Promise<{ id: string; key: string }> {
  const id = newId();
  await keys.insertApiKey(db, { town_id: townId, id, key_hash: hashApiKey(key), label });
  return { id, key };
}

/** The live key's town and id, or undefined for an unknown or revoked key. */
export function findLiveKey(db: Db, key: string) {
  return keys.findLiveKeyByHash(db, hashApiKey(key));
}

export function listApiKeys(db: Db, townId: string) {
  return keys.listApiKeys(db, townId);
}

export async function issueApiKey(db: Db, ctx: WriteCtx, label: string) {
  const created = await createApiKey(db, ctx.townId, label);
  await auditWrite(db, ctx, 'open311.key_create', 'open311_api_key', created.id, null, { label });
  return { ...created, label };
}

export async function revokeApiKey(db: Db, ctx: WriteCtx, id: string): Promise<void> {
  if (!(await keys.revokeLiveKey(db, ctx.townId, id))) throw new NotFound('有效的接入密钥');
  await auditWrite(db, ctx, 'open311.key_revoke', 'open311_api_key', id, null, null);
}

/** Requests per API key in 10 minutes: a client system relays residents, not a flood. */
export const OPEN311_POST_RATE: RateRule = {
  name: 'open311_post',
  limit: 120,
  windowSeconds: 600,
  message: '提交过于频繁：每个接入密钥 10 分钟内最多提交 120 件诉求，请 {minutes} 分钟后再试',
};
/** Missing or wrong api_keys per address in 10 minutes, before the address is refused outright. */
export const OPEN311_BAD_KEY_RATE: RateRule = {
  name: 'open311_bad_key',
  limit: 20,
  windowSeconds: 600,
  message: 'api_key 错误次数过多：同一地址 10 分钟内最多 20 次，请 {minutes} 分钟后再试',
};

/** The live key of a POST; a missing or wrong one is counted against the caller's address. */
export async function postingKey(db: Db, apiKey: string | undefined, ip: string | null) {
  const address = ip ?? 'unknown';
  await checkRateLimit(db, OPEN311_BAD_KEY_RATE, address);
  const key = apiKey ? await findLiveKey(db, apiKey) : undefined;
  if (key) return key;
  await hitRateLimit(db, OPEN311_BAD_KEY_RATE, address);
  if (!apiKey) throw new Open311Error(403, '缺少 api_key：提交诉求须使用乡镇发放的接入密钥');
  throw new Open311Error(403, 'api_key 无效或已停用，请联系乡镇系统管理员');
}
