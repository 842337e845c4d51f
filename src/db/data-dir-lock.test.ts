import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLocked, lockPathOf, readLockHolder } from './data-dir-lock.ts';
import { DatabaseMissing, openDatabase } from './database.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-lock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A pid that certainly ran and is certainly gone: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('PGlite data directory lock', () => {
  it('refuses a second opener, naming the holder (pid, command, since), until the first closes', async () => {
    const dataDir = path.join(dir, 'one');
    const first = await openDatabase({ dataDir, command: 'lvzhi serve' });
    try {
      const error = await openDatabase({ dataDir, command: 'lvzhi backup' }).catch((e) => e);
      expect(error).toBeInstanceOf(DataDirLocked);
      expect(error.holder).toMatchObject({ pid: process.pid, command: 'lvzhi serve' });
      expect(error.message).toContain(`进程 ${process.pid}（lvzhi serve）`);
      expect(error.message).toMatch(/自 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 起/);
      expect(error.message).toContain(path.resolve(dataDir));
      expect(readLockHolder(dataDir)?.pid).toBe(process.pid);
    } finally {
      await first.close();
    }
    expect(existsSync(lockPathOf(dataDir))).toBe(false);
    const again = await openDatabase({ dataDir, command: 'lvzhi backup' });
    expect(again.staleLock).toBeNull();
    await again.close();
  });

  it('takes over a lock whose holder died, and one whose pid now belongs to a later process', async () => {
    const dataDir = path.join(dir, 'stale');
    const pid = deadPid();
    const stale = { pid, command: 'lvzhi import-ledger x y', since: new Date().toISOString() };
    writeFileSync(lockPathOf(dataDir), JSON.stringify({ ...stale, host: hostname() }));
    expect(readLockHolder(dataDir)).toBeNull();
    const opened = await openDatabase({ dataDir });
    expect(opened.staleLock).toMatchObject({ pid, command: 'lvzhi import-ledger x y' });
    await opened.close();

    // Our own (live) pid, but recorded with another start time: the pid was reused.
    const reused = { ...stale, pid: process.pid, host: hostname(), startTicks: 1 };
    writeFileSync(lockPathOf(dataDir), JSON.stringify(reused));
    const second = await openDatabase({ dataDir });
    expect(second.staleLock).toMatchObject({ pid: process.pid, startTicks: 1 });
    await second.close();
  });

  it('a read-only opener finds no database where none exists and creates nothing', async () => {
    const dataDir = path.join(dir, 'absent');
    await expect(openDatabase({ dataDir, mustExist: true })).rejects.toBeInstanceOf(
      DatabaseMissing,
    );
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(lockPathOf(dataDir))).toBe(false);
  });
});
