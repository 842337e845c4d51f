/**
 * `lvzhi doctor`: each check goes red or amber on the condition it names (missing migrations, a
 * calendar without next year, little disk, no LibreOffice), and the command exits 1 on a failure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { formatFindings, runDoctor, type DoctorOptions, type Finding } from './doctor.ts';
import { lvzhi } from '../fault/served.ts';

let database: TestDatabase;
let dir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-doctor-'));
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

const GiB = 1024 ** 3;
const healthy: Omit<DoctorOptions, 'database'> = {
  diskPath: '/srv/lvzhi',
  now: new Date('2025-12-01T02:00:00Z'),
  soffice: async () => '/usr/bin/soffice（LibreOffice 7.4）',
  disk: async () => ({ free: 50 * GiB, total: 100 * GiB }),
};

/** The test database is opened again by the doctor (PostgreSQL), or shared in memory (PGlite). */
async function doctor(options: Partial<DoctorOptions> = {}): Promise<Record<string, Finding>> {
  const findings = database.url
    ? await runDoctor({ database: { databaseUrl: database.url }, ...healthy, ...options })
    : await runDoctorOnShared(options);
  return Object.fromEntries(findings.map((f) => [f.check, f]));
}

/** In-memory PGlite cannot be opened twice: point the doctor at the same handle. */
async function runDoctorOnShared(options: Partial<DoctorOptions>) {
  const { runDoctorOn } = await import('./doctor.ts');
  return runDoctorOn(database, { ...healthy, ...options });
}

describe('lvzhi doctor', () => {
  it('is all green on a migrated database with the calendar of this year and the next', async () => {
    await database.db
      .insertInto('scheduler_state')
      .values({
        job: 'appeal_deadlines',
        last_tick_at: new Date('2025-12-01T01:59:00Z'),
        updated_at: new Date(),
      })
      .execute();
    const f = await doctor();
    expect(f['数据库连接']!.status).toBe('ok');
    expect(f['数据库迁移']).toMatchObject({ status: 'ok' });
    expect(f['数据库迁移']!.detail).toMatch(/已是最新/);
    expect(f['工作日历']).toMatchObject({ status: 'ok' });
    expect(f['定时任务']).toMatchObject({ status: 'ok' });
    expect(f['磁盘空间']).toMatchObject({ status: 'ok' });
    expect(f['LibreOffice']).toMatchObject({ status: 'ok' });
    expect(formatFindings(Object.values(f))).toMatch(/^✓ 数据库连接：/);
  });

  it('says what is wrong: calendars missing, a stale scheduler, little disk, no LibreOffice', async () => {
    const nextYear = await doctor({ now: new Date('2026-12-01T02:00:00Z') });
    expect(nextYear['工作日历']).toMatchObject({ status: 'warn' });
    expect(nextYear['工作日历']!.detail).toMatch(/2027 年的放假安排尚未录入/);
    expect(nextYear['定时任务']).toMatchObject({ status: 'warn' });
    const thisYear = await doctor({ now: new Date('2027-03-01T02:00:00Z') });
    expect(thisYear['工作日历']).toMatchObject({ status: 'fail' });
    const low = await doctor({ disk: async () => ({ free: 0.2 * GiB, total: 100 * GiB }) });
    expect(low['磁盘空间']).toMatchObject({ status: 'fail' });
    const tight = await doctor({ disk: async () => ({ free: 1.5 * GiB, total: 100 * GiB }) });
    expect(tight['磁盘空间']).toMatchObject({ status: 'warn' });
    const noOffice = await doctor({ soffice: async () => null });
    expect(noOffice['LibreOffice']).toMatchObject({ status: 'warn' });
    expect(noOffice['LibreOffice']!.detail).toMatch(/不能导出 PDF/);
  });

  it('names the migrations not applied, and those the program does not know', async () => {
    await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(
      database.db,
    );
    const missing = await doctor();
    expect(missing['数据库迁移']).toMatchObject({ status: 'fail' });
    expect(missing['数据库迁移']!.detail).toMatch(
      /有 1 个迁移未执行（0\d{3}_\w+）：执行 lvzhi migrate/,
    );
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', now()::text)`.execute(
      database.db,
    );
    const newer = await doctor();
    expect(newer['数据库迁移']!.detail).toMatch(/不认识的迁移 9999_from_the_future/);
  });

  it(
    'as a command: exits 1 on a data directory that does not exist, 0 on a migrated one',
    { timeout: 120_000 },
    async () => {
      const dataDir = path.join(dir, 'data');
      const absent = await lvzhi({ dataDir }, 'doctor');
      expect(absent.code).toBe(1);
      expect(absent.stdout).toMatch(/✗ 数据库连接：.*不存在/);
      expect((await lvzhi({ dataDir }, 'migrate')).code).toBe(0);
      const fine = await lvzhi({ dataDir }, 'doctor', '--json');
      const findings = JSON.parse(fine.stdout) as Finding[];
      expect(findings.find((f) => f.check === '数据库迁移')?.status).toBe('ok');
      expect(findings.some((f) => f.status === 'fail')).toBe(false);
      expect(fine.code).toBe(0);
    },
  );
});
