/**
 * One writer per PGlite data directory (DESIGN 3). PGlite is PostgreSQL compiled to WebAssembly
 * with no shared-memory coordination between processes: a second process opening the same files
 * (an `import-ledger` while `serve` runs) corrupts them (`RuntimeError: Aborted()` on every later
 * start). The opener therefore creates `<dir>.lock` beside the directory, exclusively, holding who
 * it is; a second opener is refused with a Chinese message naming the holder. A lock left by a
 * process that died (kill -9, power cut) is detected — its pid is gone, or the pid now belongs to
 * a process started later — and taken over.
 *
 * Hand-written rather than proper-lockfile: that package decides staleness by an mtime it keeps
 * refreshing on a timer and records no holder, while the operator needs "who, since when".
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { formatDateTime } from '../core/calendar/display.ts';

export interface LockHolder {
  pid: number;
  /** The command line that took the lock (`lvzhi serve`, `lvzhi backup --out …`). */
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  host: string;
  /** Linux process start time (clock ticks since boot), to tell a reused pid from the holder. */
  startTicks: number | null;
}

/** The data directory is held by another live process. */
export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(describeHolder(dataDir, holder));
    this.name = 'DataDirLocked';
  }
}

export const lockPathOf = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

/** "数据目录 … 正被另一个程序使用：进程 123（lvzhi serve），自 2026-03-01 08:00 起。" */
export function describeHolder(dataDir: string, holder: LockHolder): string {
  const since = formatDateTime(holder.since);
  const where = holder.host === hostname() ? '' : `，主机 ${holder.host}`;
  return (
    `数据目录 ${path.resolve(dataDir)} 正被另一个程序使用：进程 ${holder.pid}（${holder.command}）${where}，` +
    `自 ${since} 起。内嵌数据库（PGlite）同一时间只能由一个程序打开：请先停止该程序` +
    `（服务用 Ctrl+C 或 systemctl stop），再执行本命令；需要在服务运行时执行命令，请改用 PostgreSQL（DATABASE_URL）。`
  );
}

/** Linux /proc/PID/stat: the process state and its start time (clock ticks since boot). */
function procStat(pid: number): { state: string; ticks: number | null } | null {
  try {
    // The command may contain spaces and parentheses, so count from the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return { state: fields[0] ?? '', ticks: Number.isFinite(ticks) ? ticks : null };
  } catch {
    return null;
  }
}

const processStartTicks = (pid: number) => procStat(pid)?.ticks ?? null;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the holder recorded in a lock file is still running on this machine. */
export function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // another machine's process: cannot tell, assume so
  if (!alive(holder.pid)) return false;
  const now = procStat(holder.pid);
  // A zombie (killed, not yet reaped by its parent) holds no files any more.
  if (now?.state === 'Z') return false;
  if (holder.startTicks === null) return true;
  return now?.ticks == null || now.ticks === holder.startTicks;
}

/** The current holder of a directory's lock, or null when it is free (or the lock is stale). */
export function readLockHolder(dataDir: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(lockPathOf(dataDir), 'utf8');
  } catch {
    return null;
  }
  const holder = parseHolder(text);
  return holder && holderAlive(holder) ? holder : null;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.since !== 'string') return null;
    return {
      pid: h.pid,
      command: String(h.command ?? '?'),
      since: h.since,
      host: String(h.host ?? hostname()),
      startTicks: typeof h.startTicks === 'number' ? h.startTicks : null,
    };
  } catch {
    return null;
  }
}

export interface DataDirLock {
  holder: LockHolder;
  /** A stale lock this one replaced (its holder died without releasing it). */
  replaced: LockHolder | null;
  release(): void;
}

/** The command line as an operator would recognise it: `lvzhi backup --out x.gz`. */
export function currentCommand(): string {
  const args = process.argv.slice(2).join(' ');
  return /lvzhi(\.js)?$/.test(process.argv[1] ?? '')
    ? `lvzhi ${args}`.trim()
    : 'node（测试或脚本）';
}

/**
 * Takes the lock of `dataDir` or throws DataDirLocked. A lock file that cannot be parsed (a crash
 * mid-write) or whose holder is gone is replaced; the caller may say so.
 */
export function acquireDataDirLock(dataDir: string, command = currentCommand()): DataDirLock {
  const file = lockPathOf(dataDir);
  const holder: LockHolder = {
    pid: process.pid,
    command,
    since: new Date().toISOString(),
    host: hostname(),
    startTicks: processStartTicks(process.pid),
  };
  let replaced: LockHolder | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(holder));
      } finally {
        closeSync(fd);
      }
      return { holder, replaced, release: () => releaseIfOurs(file, holder) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // released between our attempt and the read: try again
    }
    const current = parseHolder(text);
    // A half-written file is younger than a second; only its creator can be mid-write.
    if (current && holderAlive(current)) throw new DataDirLocked(dataDir, current);
    if (!current && attempt === 0) {
      sleepSync(200);
      continue;
    }
    // Stale: remove it only if it is still the file we judged (another opener may have won).
    try {
      if (readFileSync(file, 'utf8') === text) unlinkSync(file);
    } catch {
      // gone already
    }
    replaced = current;
  }
  throw new Error(`无法取得数据目录锁 ${file}`);
}

function releaseIfOurs(file: string, holder: LockHolder) {
  try {
    const current = parseHolder(readFileSync(file, 'utf8'));
    if (current?.pid === holder.pid && current.since === holder.since) unlinkSync(file);
  } catch {
    // already gone
  }
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
