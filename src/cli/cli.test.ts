/**
 * The `lvzhi` command as an operator runs it: separate processes, configured only through the
 * environment. The round trip goes PGlite → the suite's second database → PGlite. Under
 * TEST_DATABASE_URL (CI's PostgreSQL run) the middle database is PostgreSQL, so the dump crosses
 * engines both ways; without it, the middle is a second PGlite directory.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { verifyPassword } from '../domains/auth/password.ts';
import { lvzhi, PASSWORD, startServe, stopServe } from './cli.testkit.ts';

/** The per-table lines (`name  rows 行  checksum`) that backup and restore print. */
function tableLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /^\s+\w+\s+\d+ 行\s+[0-9a-f]{12}$/.test(line))
    .map((line) => line.trim().replace(/\s+/g, ' '));
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
  it(
    'demo, backup, restore into an empty database and back, audit verify: identical per-table checksums',
    { timeout: 300_000 },
    async () => {
      const source = { dataDir: path.join(dir, 'source') };
      const demo = await lvzhi(source, 'demo');
      expect(demo.stderr).toBe('');
      expect(demo.stdout).toMatch(/已创建青石镇：\d+ 个村\/社区/);
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
          await sql`
            update audit_entry set actor_name = 'someone else'
            where seq = (select max(seq) from audit_entry)`.execute(trx);
          await sql`alter table audit_entry enable trigger user`.execute(trx);
        });
      } finally {
        await opened.close();
      }
      const tampered = await lvzhi(back, 'audit', 'verify');
      expect(tampered.code).toBe(2);
      expect(tampered.stderr).toMatch(/✗ 乡镇 /);
    },
  );

  it(
    'migrate, then user add creates a user who signs in with the printed password, and refuses an unknown town',
    { timeout: 180_000 },
    async () => {
      const db = { dataDir: path.join(dir, 'users') };
      expect((await lvzhi(db, 'migrate')).stdout).toMatch(/已执行迁移：0001_foundation, /);
      expect((await lvzhi(db, 'migrate')).stdout).toContain('数据库已是最新');
      // A bare town is enough here (the demo town would cost a full demo build).
      const county = ['--name', '某某县', '--code', 'mouxian'];
      expect((await lvzhi(db, 'county', 'add', ...county)).code).toBe(0);
      const town = ['--county', 'mouxian', '--name', '青石镇', '--code', 'qingshi'];
      expect((await lvzhi(db, 'town', 'add', ...town)).code).toBe(0);
      const added = await lvzhi(
        db,
        'user',
        'add',
        '--town',
        'qingshi',
        '--username',
        'wangwu',
        '--name',
        '王五',
        '--role',
        'staff',
      );
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
      const unknown = await lvzhi(
        db,
        'user',
        'add',
        '--town',
        'nowhere',
        '--username',
        'x1',
        '--name',
        '某',
        '--role',
        'staff',
      );
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/乡镇编码 nowhere 不存在/);
    },
  );
});

// ---- first start and a real install -------------------------------------------------------------

/** Every file under src/, so a "random" password can be shown not to be written in the code. */
async function sourceTexts(
  root = fileURLToPath(new URL('..', import.meta.url)),
): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(await readFile(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return out;
}

describe('lvzhi serve on a fresh data directory', () => {
  it(
    'prints admin and a generated password on stdout only; it signs in; no log line holds it; SIGTERM stops cleanly',
    { timeout: 240_000 },
    async () => {
      const served = await startServe(path.join(dir, 'first-start'));
      try {
        const password = /管理员账号：admin\s+初始密码：(\S+)/.exec(served.stdout())?.[1] ?? '';
        expect(password.length).toBeGreaterThanOrEqual(12);
        expect(password).toMatch(/[a-z]/);
        expect(password).toMatch(/[A-Z]/);
        expect(password).toMatch(/\d/);
        expect((await sourceTexts()).some((text) => text.includes(password))).toBe(false);

        const login = await fetch(`http://127.0.0.1:${served.port}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password }),
        });
        expect(login.status).toBe(200);
        expect(((await login.json()) as { username: string }).username).toBe('admin');

        // Logs are JSON lines on stderr (the login request among them); stdout is only for people.
        const logLines = served.stderr().split('\n').filter(Boolean);
        expect(logLines.length).toBeGreaterThan(0);
        for (const line of logLines) expect(() => JSON.parse(line)).not.toThrow();
        expect(logLines.some((line) => line.includes('/api/v1/auth/login'))).toBe(true);
        expect(logLines.filter((line) => line.includes(password))).toEqual([]);
        expect(served.stdout()).not.toMatch(/"level":/);
      } finally {
        expect(await stopServe(served)).toEqual({ code: 0, signal: null });
      }
    },
  );

  it(
    'with LVZHI_NO_DEMO=1 prints the set-up commands; run as printed they create the county, the town and its admin',
    { timeout: 240_000 },
    async () => {
      const dataDir = path.join(dir, 'real-install');
      const served = await startServe(dataDir, { LVZHI_NO_DEMO: '1' });
      const banner = served.stdout();
      expect(await stopServe(served)).toEqual({ code: 0, signal: null });
      expect(banner).toContain('Ctrl+C');
      const commands = banner
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('node bin/lvzhi.js '));
      expect(commands).toEqual([
        'node bin/lvzhi.js county add --name 某某县 --code mouxian',
        'node bin/lvzhi.js town add --county mouxian --name 某某镇 --code mouzhen --admin admin',
      ]);
      const target = { dataDir };
      const args = (command: string) => command.replace('node bin/lvzhi.js ', '').split(' ');
      const county = await lvzhi(target, ...args(commands[0]!));
      expect(county).toMatchObject({ code: 0, stderr: '' });
      expect(county.stdout).toContain('已创建县（区）：某某县（mouxian）');
      const town = await lvzhi(target, ...args(commands[1]!));
      expect(town.code).toBe(0);
      expect(town.stdout).toContain('已创建乡镇：某某镇（mouzhen），属 某某县');
      const password = /管理员账号：admin\s+初始密码：(\S+)（/.exec(town.stdout)?.[1];
      expect(password).toBeTruthy();
      expect(
        (
          await lvzhi(
            target,
            'town',
            'add',
            '--county',
            'mouxian',
            '--name',
            '另一镇',
            '--code',
            'mouzhen',
          )
        ).stderr,
      ).toMatch(/乡镇编码“mouzhen”已被“某某镇”使用/);
      expect(
        (
          await lvzhi(
            target,
            'town',
            'add',
            '--county',
            'mouxian',
            '--name',
            '东山镇',
            '--code',
            'dongshan',
          )
        ).code,
      ).toBe(0);
      expect((await lvzhi(target, 'town', 'list')).stdout).toMatch(
        /dongshan\s+东山镇（某某县，mouxian）\n/,
      );

      const opened = await openDatabase({ dataDir });
      try {
        const admin = await opened.db
          .selectFrom('app_user')
          .select(['id', 'password_hash', 'town_id'])
          .where('username', '=', 'admin')
          .executeTakeFirstOrThrow();
        expect(await verifyPassword(admin.password_hash, password!)).toBe(true);
        // The first town's admin is the county's admin, so the second town was granted to them too.
        const grants = await opened.db
          .selectFrom('user_role')
          .innerJoin('town', 'town.id', 'user_role.scope_town_id')
          .select(['user_role.role', 'town.code'])
          .where('user_id', '=', admin.id)
          .orderBy('town.code')
          .execute();
        expect(grants).toEqual([
          { role: 'admin', code: 'dongshan' },
          { role: 'admin', code: 'mouzhen' },
        ]);
        const townId = admin.town_id;
        await opened.db
          .insertInto('unit')
          .values({
            town_id: townId,
            id: '01900000-0000-7000-8000-0000000000c1',
            parent_id: null,
            kind: 'village',
            name: '石桥村',
            code: 'shiqiao',
          })
          .execute();
        await opened.db
          .insertInto('person')
          .values({ town_id: townId, id: '01900000-0000-7000-8000-0000000000c2', name: '李四' })
          .execute();
      } finally {
        await opened.close();
      }
      const user = await lvzhi(
        target,
        'user',
        'add',
        '--town',
        'mouzhen',
        '--username',
        'lisi',
        '--name',
        '李四',
        '--role',
        'village_cadre',
        '--unit',
        'shiqiao',
        '--person',
        '李四',
        '--grant',
        'county_supervisor:dongshan',
        '--grant',
        'county_supervisor:mouzhen',
      );
      expect(user.code).toBe(0);
      expect(
        (
          await lvzhi(
            target,
            'user',
            'add',
            '--town',
            'mouzhen',
            '--username',
            'x2',
            '--name',
            '某',
            '--role',
            'staff',
            '--unit',
            'nowhere',
          )
        ).stderr,
      ).toMatch(/本乡镇没有编码或名称为“nowhere”的单位/);
      const again = await openDatabase({ dataDir });
      try {
        const lisi = await again.db
          .selectFrom('app_user')
          .select(['id', 'person_id'])
          .where('username', '=', 'lisi')
          .executeTakeFirstOrThrow();
        expect(lisi.person_id).toBe('01900000-0000-7000-8000-0000000000c2');
        const grants = await again.db
          .selectFrom('user_role')
          .innerJoin('town', 'town.id', 'user_role.scope_town_id')
          .select(['user_role.role', 'town.code', 'user_role.scope_unit_id'])
          .where('user_id', '=', lisi.id)
          .orderBy('user_role.role')
          .orderBy('town.code')
          .execute();
        expect(grants).toEqual([
          { role: 'county_supervisor', code: 'dongshan', scope_unit_id: null },
          { role: 'county_supervisor', code: 'mouzhen', scope_unit_id: null },
          {
            role: 'village_cadre',
            code: 'mouzhen',
            scope_unit_id: '01900000-0000-7000-8000-0000000000c1',
          },
        ]);
      } finally {
        await again.close();
      }
    },
  );
});
