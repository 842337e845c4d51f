/**
 * The `lvzhi` command as an operator runs it: separate processes, configured only through the
 * environment. The round trip goes PGlite → the suite's second database → PGlite. Under
 * TEST_DATABASE_URL (CI's PostgreSQL run) the middle database is PostgreSQL, so the dump crosses
 * engines both ways; without it, the middle is a second PGlite directory.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../db/testing.ts';
import { verifyPassword } from '../domains/auth/password.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/lvzhi.js', import.meta.url));
const PASSWORD = 'Cli-test-2025';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `lvzhi …` against one database, chosen the way an operator chooses it. */
async function lvzhi(target: { dataDir?: string; url?: string }, ...args: string[]): Promise<Result> {
  const env: NodeJS.ProcessEnv = { ...process.env, LVZHI_LOG_LEVEL: 'warn', LVZHI_ADMIN_PASSWORD: PASSWORD };
  delete env.DATABASE_URL;
  delete env.LVZHI_DATA_DIR;
  if (target.url) env.DATABASE_URL = target.url;
  else env.LVZHI_DATA_DIR = target.dataDir;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The per-table lines (`name  rows 行  checksum`) that backup and restore print. */
function tableLines(output: string): string[] {
  return output.split('\n').filter((line) => /^\s+\w+\s+\d+ 行\s+[0-9a-f]{12}$/.test(line)).map((line) => line.trim().replace(/\s+/g, ' '));
}

let dir: string;
let middle: TestDatabase | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-cli-'));
});

afterAll(async () => {
  await middle?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('lvzhi command', () => {
  it('demo, backup, restore into an empty database and back, audit verify: identical per-table checksums', { timeout: 180_000 }, async () => {
    const source = { dataDir: path.join(dir, 'source') };
    const demo = await lvzhi(source, 'demo');
    expect(demo.stderr).toBe('');
    expect(demo.stdout).toMatch(/已创建青石镇：16 个村\/社区/);
    expect(demo.stdout).toContain(PASSWORD);

    const first = await lvzhi(source, 'backup', '--out', path.join(dir, 'first.lvzhi.gz'));
    expect(first.code).toBe(0);
    const sourceTables = tableLines(first.stdout);
    expect(sourceTables.length).toBeGreaterThan(40);
    expect(sourceTables).toContainEqual(expect.stringMatching(/^appeal \d{3,} 行/));

    // The middle database: PostgreSQL under TEST_DATABASE_URL, else another PGlite directory.
    let target: { dataDir?: string; url?: string } = { dataDir: path.join(dir, 'middle') };
    if (process.env.TEST_DATABASE_URL) {
      middle = await createTestDatabase({ migrate: false });
      target = { url: middle.url };
    }
    const restored = await lvzhi(target, 'restore', path.join(dir, 'first.lvzhi.gz'));
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('✓ 校验一致');
    expect(tableLines(restored.stdout)).toEqual(sourceTables);
    const verified = await lvzhi(target, 'audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/✓ 审计链完好：1 个乡镇，\d+ 条记录/);

    const second = await lvzhi(target, 'backup', '--out', path.join(dir, 'second.lvzhi.gz'));
    expect(tableLines(second.stdout)).toEqual(sourceTables);
    const back = { dataDir: path.join(dir, 'back') };
    const again = await lvzhi(back, 'restore', path.join(dir, 'second.lvzhi.gz'));
    expect(again.stdout).toContain('✓ 校验一致');
    expect(tableLines(again.stdout)).toEqual(sourceTables);
    expect((await lvzhi(back, 'audit', 'verify')).code).toBe(0);

    // A second restore into the now non-empty database is refused and changes nothing.
    const refused = await lvzhi(back, 'restore', path.join(dir, 'first.lvzhi.gz'));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/目标数据库已有数据/);
    const after = await lvzhi(back, 'backup', '--out', path.join(dir, 'third.lvzhi.gz'));
    expect(tableLines(after.stdout)).toEqual(sourceTables);

    // Tampering with the newest audit entry (as the database owner, past the append-only
    // trigger) makes `audit verify` fail with a non-zero exit code.
    const opened = await openDatabase({ dataDir: back.dataDir });
    try {
      await opened.db.transaction().execute(async (trx) => {
        await sql`alter table audit_entry disable trigger user`.execute(trx);
        await sql`update audit_entry set actor_name = 'someone else' where seq = (select max(seq) from audit_entry)`.execute(trx);
        await sql`alter table audit_entry enable trigger user`.execute(trx);
      });
    } finally {
      await opened.close();
    }
    const tampered = await lvzhi(back, 'audit', 'verify');
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toMatch(/✗ 乡镇 /);
  });

  it('migrate, then user add creates a user who signs in with the printed password, and refuses an unknown town', { timeout: 60_000 }, async () => {
    const db = { dataDir: path.join(dir, 'users') };
    expect((await lvzhi(db, 'migrate')).stdout).toMatch(/已执行迁移：0001_foundation, /);
    expect((await lvzhi(db, 'migrate')).stdout).toContain('数据库已是最新');
    expect((await lvzhi(db, 'demo')).code).toBe(0);
    const added = await lvzhi(db, 'user', 'add', '--town', 'qingshi', '--username', 'wangwu', '--name', '王五', '--role', 'staff');
    expect(added.code).toBe(0);
    const password = /初始密码：(\S+)（/.exec(added.stdout)?.[1];
    expect(password).toBeTruthy();
    const opened = await openDatabase({ dataDir: db.dataDir });
    try {
      const row = await opened.db
        .selectFrom('app_user')
        .innerJoin('town', 'town.id', 'app_user.town_id')
        .select(['app_user.password_hash', 'app_user.display_name', 'town.code'])
        .where('app_user.username', '=', 'wangwu')
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ display_name: '王五', code: 'qingshi' });
      expect(await verifyPassword(row.password_hash, password!)).toBe(true);
    } finally {
      await opened.close();
    }
    const unknown = await lvzhi(db, 'user', 'add', '--town', 'nowhere', '--username', 'x1', '--name', '某', '--role', 'staff');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/乡镇编码 nowhere 不存在/);
  });
});
