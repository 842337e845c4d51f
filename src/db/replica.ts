/**
 * Read replica routing (DATABASE_REPLICA_URL): a PostgreSQL hot standby fed by streaming
 * replication answers the read-only routes (src/server/replica-routing.ts lists them); writes and
 * everything else stay on the primary.
 *
 * How stale may a replica read be? A poller samples the primary's WAL position every `pollMs`
 * and the standby's replay position. The standby holds everything the primary had at the time of
 * the newest sample whose position it has replayed, so `now − that sample's time` bounds its lag
 * (a standby that replayed the primary's current position has lag 0, however long the primary
 * has been idle). Above `maxLagSeconds`, unreachable, or no longer in recovery (promoted), the
 * standby is set aside and reads go to the primary until it is back.
 *
 * Read-after-write: after a write the primary's WAL position is handed to the writer (a cookie,
 * see replica-routing.ts); a read carrying a position the standby has not replayed yet goes to
 * the primary, so a person always sees their own change, whichever app server answers.
 */
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Database } from './database.ts';
import type { DB } from './schema.ts';

export type ReadTarget = 'replica' | 'primary';

export interface ReplicaStatus {
  usable: boolean;
  /** Why reads are (not) on the replica: ok, lagging, unreachable, promoted, starting. */
  state: 'ok' | 'lagging' | 'unreachable' | 'promoted' | 'starting';
  /** Upper bound of the standby's staleness in seconds (null before the first poll). */
  lagSeconds: number | null;
  replayLsn: string | null;
}

export interface ReplicaRouter {
  replica: Database;
  /** The database a read-only request should use, and which one it is. */
  readDb(writtenLsn?: string | null): Promise<{ db: Kysely<DB>; target: ReadTarget }>;
  /** The primary's WAL position now: a read carrying it sees everything committed before. */
  primaryLsn(): Promise<string>;
  status(): ReplicaStatus;
  /** Polls once now (tests; the timer polls on its own). */
  poll(): Promise<ReplicaStatus>;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  maxLagSeconds?: number;
  pollMs?: number;
  poolSize?: number;
  onChange?: (status: ReplicaStatus) => void;
}

/** '16/B374D848' → a comparable number (pg_lsn's text form: two hex halves). */
export function lsnValue(lsn: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  if (!match) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function isLsn(value: string | null | undefined): value is string {
  return !!value && /^[0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8}$/.test(value);
}

interface Sample {
  at: number;
  lsn: bigint;
}

/**
 * The lag bound from the primary's recent positions (oldest first) and the standby's replay
 * position: time since the newest sample the standby has reached (it holds every commit made
 * before that moment), 0 when it reached the latest; past all samples, at least the oldest's age.
 */
export function lagSeconds(samples: readonly Sample[], replay: bigint, now: number): number {
  const latest = samples.at(-1);
  if (!latest || replay >= latest.lsn) return 0;
  for (let i = samples.length - 2; i >= 0; i--) {
    if (replay >= samples[i]!.lsn) return (now - samples[i]!.at) / 1000;
  }
  return (now - samples[0]!.at) / 1000;
}

const STARTING: ReplicaStatus = {
  usable: false,
  state: 'starting',
  lagSeconds: null,
  replayLsn: null,
};

async function primaryPosition(db: Kysely<DB>): Promise<string> {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(db);
  return rows[0]!.lsn;
}

async function standbyPosition(db: Kysely<DB>) {
  const { rows } = await sql<{ recovery: boolean; lsn: string | null }>`
    select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as lsn`.execute(db);
  return rows[0]!;
}

export async function openReplicaRouter(
  primary: Kysely<DB>,
  replicaUrl: string,
  options: ReplicaOptions = {},
): Promise<ReplicaRouter> {
  const maxLag = options.maxLagSeconds ?? 5;
  const pollMs = options.pollMs ?? 500;
  const replica = await openDatabase({ databaseUrl: replicaUrl, poolSize: options.poolSize });
  const samples: Sample[] = [];
  let status: ReplicaStatus = STARTING;
  let replay = -1n;

  const primaryLsn = () => primaryPosition(primary);
  const standby = () => standbyPosition(replica.db);

  const set = (next: ReplicaStatus) => {
    const changed = next.state !== status.state;
    status = next;
    if (changed) options.onChange?.(next);
    return next;
  };

  const poll = async (): Promise<ReplicaStatus> => {
    const now = Date.now();
    try {
      samples.push({ at: now, lsn: lsnValue(await primaryLsn()) });
      // Keep enough history to tell how far past the limit a stalled standby is.
      while (samples.length > 2 && now - samples[1]!.at > maxLag * 4000) samples.shift();
      const s = await standby();
      if (!s.recovery || !s.lsn)
        return set({ usable: false, state: 'promoted', lagSeconds: null, replayLsn: s.lsn });
      replay = lsnValue(s.lsn);
      const lag = lagSeconds(samples, replay, Date.now());
      return set({
        usable: lag <= maxLag,
        state: lag <= maxLag ? 'ok' : 'lagging',
        lagSeconds: lag,
        replayLsn: s.lsn,
      });
    } catch {
      return set({ usable: false, state: 'unreachable', lagSeconds: null, replayLsn: null });
    }
  };

  let polling: Promise<unknown> = poll();
  await polling;
  const timer = setInterval(() => {
    polling = poll();
  }, pollMs);
  timer.unref();

  const readDb: ReplicaRouter['readDb'] = async (writtenLsn) => {
    if (!status.usable) return { db: primary, target: 'primary' };
    if (isLsn(writtenLsn) && lsnValue(writtenLsn) > replay) {
      // The poller's position may be a moment old: ask the standby before giving up on it.
      try {
        const s = await standby();
        if (s.lsn) replay = lsnValue(s.lsn);
      } catch {
        return { db: primary, target: 'primary' };
      }
      if (lsnValue(writtenLsn) > replay) return { db: primary, target: 'primary' };
    }
    return { db: replica.db, target: 'replica' };
  };

  return {
    replica,
    readDb,
    primaryLsn,
    status: () => status,
    poll: () => (polling = poll()) as Promise<ReplicaStatus>,
    close: async () => {
      clearInterval(timer);
      await polling.catch(() => {});
      await replica.close();
    },
  };
}
