/**
 * The audit log (DESIGN 9): every write, login and failed login appends one entry to its town's
 * hash chain, inside the same transaction as the change it records. Secrets never enter it.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface AuditInput {
  townId: string;
  actorUserId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

const GENESIS = '0'.repeat(64);
const SECRET_KEYS = /password|secret|token|hash/i;

/** Drops secret-looking keys, recursively, so no password hash or token reaches the log. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.test(k))
        .map(([k, v]) => [k, redactSecrets(v)]),
    );
  }
  return value;
}

/** JSON with sorted keys: the same value always hashes the same, whatever jsonb did to order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainFields {
  townId: string;
  seq: number;
  at: string;
  actorUserId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  prevHash: string;
}

export function entryHash(f: ChainFields): string {
  return createHash('sha256').update(canonicalJson(f)).digest('hex');
}

/** Appends one entry; the head row lock serialises writers of the same town. */
export async function recordAudit(db: Kysely<DB>, input: AuditInput): Promise<void> {
  await db
    .insertInto('audit_head')
    .values({ town_id: input.townId, seq: 0, hash: GENESIS })
    .onConflict((oc) => oc.column('town_id').doNothing())
    .execute();
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('town_id', '=', input.townId)
    .forUpdate()
    .executeTakeFirst();
  const prevSeq = head?.seq ?? 0;
  const prevHash = head?.hash ?? GENESIS;
  const fields: ChainFields = {
    townId: input.townId,
    seq: prevSeq + 1,
    at: new Date().toISOString(),
    actorUserId: input.actorUserId,
    actorName: input.actorName,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: JSON.parse(canonicalJson(redactSecrets(input.before ?? null))),
    after: JSON.parse(canonicalJson(redactSecrets(input.after ?? null))),
    ip: input.ip ?? null,
    prevHash,
  };
  const hash = entryHash(fields);
  await db
    .insertInto('audit_entry')
    .values({
      town_id: fields.townId,
      seq: fields.seq,
      at: fields.at,
      actor_user_id: fields.actorUserId,
      actor_name: fields.actorName,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      before: JSON.stringify(fields.before),
      after: JSON.stringify(fields.after),
      ip: fields.ip,
      prev_hash: prevHash,
      hash,
    })
    .execute();
  await sql`update audit_head set seq = ${fields.seq}, hash = ${hash} where town_id = ${input.townId}`.execute(db);
}
