/** The audit log's queries: the chain head, appending an entry, paging entries for reading and verifying. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

/** The town's chain head, locked until the transaction ends: writers of one town queue here. */
export function lockHead(db: Db, townId: string) {
  return db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('town_id', '=', townId)
    .forUpdate()
    .executeTakeFirst();
}

/** The head without a lock (verification reads it after the entries). */
export function readHead(db: Db, townId: string) {
  return db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('town_id', '=', townId)
    .executeTakeFirst();
}

/** A town's first entry starts from a genesis head (a concurrent first writer may have made it). */
export async function createGenesisHead(db: Db, townId: string, genesis: string): Promise<void> {
  await db
    .insertInto('audit_head')
    .values({ town_id: townId, seq: 0, hash: genesis })
    .onConflict((oc) => oc.column('town_id').doNothing())
    .execute();
}

export interface EntryValues {
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
  hash: string;
}

/**
 * Inserts the entry and moves the head onto it in one statement; returns how many heads moved.
 * Raw SQL: the builder cannot put an INSERT in a WITH under an UPDATE. `returning` feeds the
 * update, so the entry is written before the head's trigger looks for it.
 */
export async function appendEntry(db: Db, e: EntryValues): Promise<number> {
  const moved = await sql<{ seq: string }>`
    with entry as (
      insert into audit_entry (town_id, seq, at, actor_user_id, actor_name, action, entity_type,
                               entity_id, before, after, ip, prev_hash, hash)
      values (${e.townId}, ${e.seq}, ${e.at}, ${e.actorUserId}, ${e.actorName}, ${e.action},
              ${e.entityType}, ${e.entityId}, ${JSON.stringify(e.before)}::jsonb,
              ${JSON.stringify(e.after)}::jsonb, ${e.ip}, ${e.prevHash}, ${e.hash})
      returning town_id, seq, hash)
    update audit_head h set seq = entry.seq, hash = entry.hash from entry where h.town_id = entry.town_id
    returning h.seq`.execute(db);
  return moved.rows.length;
}

export interface EntryFilter {
  entityType?: string;
  entityId?: string;
  /** Entries older than this sequence number (the cursor). */
  beforeSeq?: number;
  limit: number;
}

/** A page of the town's entries, newest first. */
export function listEntries(db: Db, townId: string, f: EntryFilter) {
  let query = db.selectFrom('audit_entry').selectAll().where('town_id', '=', townId);
  if (f.entityType) query = query.where('entity_type', '=', f.entityType);
  if (f.entityId) query = query.where('entity_id', '=', f.entityId);
  if (f.beforeSeq !== undefined) query = query.where('seq', '<', f.beforeSeq);
  return query.orderBy('seq', 'desc').limit(f.limit).execute();
}

/** Up to `limit` entries from sequence number `fromSeq` on, oldest first (verification). */
export function entriesFrom(db: Db, townId: string, fromSeq: number, limit: number) {
  return db
    .selectFrom('audit_entry')
    .selectAll()
    .where('town_id', '=', townId)
    .where('seq', '>=', fromSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function allTownIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('town').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}
