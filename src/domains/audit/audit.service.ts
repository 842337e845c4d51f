/**
 * The audit log (DESIGN 9): every write, login and failed login appends one entry to its town's
 * hash chain, inside the same transaction as the change it records. Secrets never enter it.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { WriteCtx } from '../../core/actor.ts';
import type { DB } from '../../db/schema.ts';
import * as repo from './audit.repository.ts';

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

/**
 * Appends one entry in two statements: lock and read the head, then one statement that inserts
 * the entry and moves the head onto it (a data-modifying CTE; the head's trigger still checks
 * that the entry it points at exists with that hash, and that it only moves forward). A town's
 * first entry creates its genesis head first (once per town, so not worth a statement per write).
 * Call it inside the transaction of the change it records; called outside one, it opens its own.
 */
export async function recordAudit(db: Kysely<DB>, input: AuditInput): Promise<void> {
  // The head's row lock must last until the entry is written: outside a transaction it would end
  // with the SELECT … FOR UPDATE, and two concurrent writers would take the same seq.
  if (!db.isTransaction) return db.transaction().execute((trx) => recordAudit(trx, input));
  let head = await repo.lockHead(db, input.townId);
  if (!head) {
    await repo.createGenesisHead(db, input.townId, GENESIS);
    head = await repo.lockHead(db, input.townId);
  }
  const prevSeq = Number(head?.seq ?? 0);
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
  const moved = await repo.appendEntry(db, { ...fields, hash });
  if (moved !== 1) throw new Error(`audit head of town ${input.townId} did not move`);
}

/**
 * The audit entry of a write made by `ctx`'s caller (their account, name and address): the one
 * helper every service uses instead of spelling the caller out. `actorUserId` overrides the
 * account stored (reports store none for a caller from another town, see report-audit.ts).
 */
export function auditWrite(
  db: Kysely<DB>,
  ctx: WriteCtx,
  action: string,
  entityType: string,
  entityId: string | null,
  before: unknown,
  after: unknown,
  actorUserId: string | null = ctx.actor.userId,
): Promise<void> {
  return recordAudit(db, {
    townId: ctx.townId,
    actorUserId,
    actorName: ctx.actor.displayName,
    action,
    entityType,
    entityId,
    before,
    after,
    ip: ctx.ip,
  });
}
