/**
 * Verifies each town's audit chain: every entry's hash recomputes from its fields and the
 * previous hash, sequence numbers have no gaps, and the head (kept apart) matches the newest
 * entry, so an edited, deleted or truncated-at-the-end log is detected.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import * as repo from './audit.repository.ts';
import { entryHash } from './audit.service.ts';

export interface ChainProblem {
  townId: string;
  seq: number | null;
  message: string;
}

export interface VerifyResult {
  towns: number;
  entries: number;
  problems: ChainProblem[];
}

const GENESIS = '0'.repeat(64);
const PAGE = 2000;

export async function verifyAuditChains(db: Kysely<DB>, townIds?: string[]): Promise<VerifyResult> {
  let towns = townIds;
  if (!towns) {
    towns = await repo.allTownIds(db);
  }
  const result: VerifyResult = { towns: towns.length, entries: 0, problems: [] };
  for (const townId of towns) {
    const { entries, problems } = await verifyTown(db, townId);
    result.entries += entries;
    result.problems.push(...problems);
  }
  return result;
}

async function verifyTown(db: Kysely<DB>, townId: string) {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  for (;;) {
    const rows = await repo.entriesFrom(db, townId, expectedSeq, PAGE);
    for (const row of rows) {
      entries++;
      if (row.seq !== expectedSeq) {
        problems.push({
          townId,
          seq: expectedSeq,
          message: `缺少第 ${expectedSeq}–${row.seq - 1} 条审计记录（已被删除）`,
        });
      }
      const hash = entryHash({
        townId,
        seq: row.seq,
        at: new Date(row.at).toISOString(),
        actorUserId: row.actor_user_id,
        actorName: row.actor_name,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        before: row.before,
        after: row.after,
        ip: row.ip,
        prevHash,
      });
      if (row.prev_hash !== prevHash)
        problems.push({ townId, seq: row.seq, message: `第 ${row.seq} 条的前序哈希与链不符` });
      if (row.hash !== hash)
        problems.push({
          townId,
          seq: row.seq,
          message: `第 ${row.seq} 条内容已被篡改（哈希不符）`,
        });
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
    }
    if (rows.length < PAGE) break;
  }
  const head = await repo.readHead(db, townId);
  const lastSeq = expectedSeq - 1;
  if (head && (head.seq !== lastSeq || head.hash !== prevHash)) {
    problems.push({
      townId,
      seq: head.seq,
      message: `链头指向第 ${head.seq} 条，但最后一条是第 ${lastSeq} 条（最新记录被删除或篡改）`,
    });
  }
  if (!head && entries > 0) problems.push({ townId, seq: null, message: '缺少审计链头' });
  return { entries, problems };
}
