/**
 * Sessions live in the database (app servers are stateless). The cookie carries
 * `townId.sessionId.secret`: the town keeps the lookup on the tenant's shard, and only a hash
 * of the secret is stored, so a database leak does not leak live sessions.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  ROLES,
  SYSTEM_ROLES,
  type Actor,
  type Grant,
  type Role,
  type SystemRole,
} from '../../core/actor.ts';
import type { DB } from '../../db/schema.ts';
import { newId, UUID_RE } from '../../db/ids.ts';
import * as repo from './session.repository.ts';

export const SESSION_COOKIE = 'lvzhi_session';

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export async function createSession(
  db: Kysely<DB>,
  user: { townId: string; userId: string },
  meta: { ip: string | null; userAgent: string | null; maxDays: number },
): Promise<string> {
  const id = newId();
  const secret = randomBytes(32).toString('base64url');
  await repo.insertSession(db, {
    townId: user.townId,
    id,
    userId: user.userId,
    secretHash: sha256(secret),
    expiresAt: new Date(Date.now() + meta.maxDays * 86_400_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return `${user.townId}.${id}.${secret}`;
}

function parseCookie(value: string): { townId: string; id: string; secret: string } | null {
  const [townId, id, secret] = value.split('.');
  if (!townId || !id || !secret || !UUID_RE.test(townId) || !UUID_RE.test(id)) return null;
  return { townId, id, secret };
}

/** Resolves a cookie to the acting user, or null when absent, expired, idle or disabled. */
export async function actorFromCookie(
  db: Kysely<DB>,
  cookie: string,
  idleHours: number,
): Promise<Actor | null> {
  const parsed = parseCookie(cookie);
  if (!parsed) return null;
  const row = await repo.findSessionWithUser(db, parsed.townId, parsed.id);
  if (!row || row.disabled) return null;
  const a = Buffer.from(row.secret_hash);
  const b = Buffer.from(sha256(parsed.secret));
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const now = Date.now();
  if (new Date(row.expires_at).getTime() < now) return null;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (lastSeen + idleHours * 3_600_000 < now) return null;
  if (now - lastSeen > 60_000) await repo.touchSession(db, parsed.townId, parsed.id);
  return {
    userId: row.id,
    homeTownId: row.town_id,
    username: row.username,
    displayName: row.display_name,
    personId: row.person_id,
    ...(await loadRoles(db, row.town_id, row.id)),
    sessionId: parsed.id,
  };
}

/** A user's town grants and, apart from them, the installation-wide roles they hold. */
export async function loadRoles(
  db: Kysely<DB>,
  townId: string,
  userId: string,
): Promise<{ grants: Grant[]; systemRoles: SystemRole[] }> {
  const rows = await repo.userRoleRows(db, townId, userId);
  return {
    grants: rows
      .filter((r) => (ROLES as readonly string[]).includes(r.role))
      .map((r) => ({ role: r.role as Role, townId: r.scope_town_id, unitId: r.scope_unit_id })),
    systemRoles: rows
      .map((r) => r.role)
      .filter((r): r is SystemRole => (SYSTEM_ROLES as readonly string[]).includes(r)),
  };
}

export async function destroySession(
  db: Kysely<DB>,
  townId: string,
  sessionId: string,
): Promise<void> {
  await repo.deleteSession(db, townId, sessionId);
}

export async function destroyUserSessions(
  db: Kysely<DB>,
  townId: string,
  userId: string,
  except?: string,
): Promise<void> {
  await repo.deleteUserSessions(db, townId, userId, except);
}
