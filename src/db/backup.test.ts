import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTown } from '../demo/demo-town.ts';
import { verifyAuditChains } from '../domains/audit/audit.verify.ts';
import { backupDatabase, BackupError, restoreDatabase, tableChecksums } from './backup.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';

let dir: string;
let source: TestDatabase;
let dumpFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-backup-'));
  source = await createTestDatabase();
  await createDemoTown(source.db, 'Backup-test-2025');
  dumpFile = path.join(dir, 'demo.lvzhi.gz');
  await backupDatabase(source.db, dumpFile, { sourceKind: source.kind });
});

afterAll(async () => {
  await source?.close();
  await rm(dir, { recursive: true, force: true });
});

async function rewriteDump(from: string, to: string, edit: (lines: string[]) => string[]) {
  const lines = gunzipSync(await readFile(from))
    .toString('utf8')
    .split('\n');
  await writeFile(to, gzipSync(edit(lines).join('\n')));
}

// The round trip PGlite → the suite's database (PostgreSQL under TEST_DATABASE_URL) → PGlite is
// tested once, through the command line, in src/cli/cli.test.ts.
describe('backup and restore', () => {
  it('restores the demo town into an empty database with identical checksums and an intact audit chain', async () => {
    const target = await createTestDatabase();
    try {
      const restored = await restoreDatabase(target.db, dumpFile);
      const expected = await tableChecksums(source.db);
      expect(await tableChecksums(target.db)).toEqual(expected);
      expect(restored.tables).toEqual(expected);
      expect(expected.person!.rows).toBeGreaterThan(0);
      expect(expected.audit_entry!.rows).toBeGreaterThan(0);
      const audit = await verifyAuditChains(target.db);
      expect(audit.problems).toEqual([]);
      expect(audit.entries).toBe(expected.audit_entry!.rows);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore into a database that already has data, and changes nothing', async () => {
    const before = await tableChecksums(source.db);
    await expect(restoreDatabase(source.db, dumpFile)).rejects.toThrow(/目标数据库已有数据/);
    expect(await tableChecksums(source.db)).toEqual(before);
  });

  it('refuses a database whose migrations differ from the dump', async () => {
    const target = await createTestDatabase({ migrate: false });
    try {
      await expect(restoreDatabase(target.db, dumpFile)).rejects.toThrow(/迁移.*不一致/);
    } finally {
      await target.close();
    }
  });

  it('detects an edited row by its table checksum and leaves the target empty', async () => {
    const corrupted = path.join(dir, 'corrupted.gz');
    let edited = false;
    await rewriteDump(dumpFile, corrupted, (lines) => {
      let table = '';
      return lines.map((line) => {
        if (line.startsWith('{"table"')) table = JSON.parse(line).table;
        if (table === 'person' && line.startsWith('[') && !edited) {
          edited = true;
          return line.replace(/"[\u4e00-\u9fa5]{2,3}"/, '"张冒名"');
        }
        return line;
      });
    });
    expect(edited).toBe(true);
    const target = await createTestDatabase();
    try {
      const error = await restoreDatabase(target.db, corrupted).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).tables).toEqual(['person']);
      expect((await tableChecksums(target.db)).town!.rows).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('rejects a truncated dump', async () => {
    const truncated = path.join(dir, 'truncated.gz');
    await rewriteDump(dumpFile, truncated, (lines) => lines.slice(0, Math.floor(lines.length / 2)));
    const target = await createTestDatabase();
    try {
      await expect(restoreDatabase(target.db, truncated)).rejects.toThrow(BackupError);
      expect((await tableChecksums(target.db)).unit!.rows).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('pages through tables larger than one page, whatever the collation of text keys', async () => {
    const big = await createTestDatabase();
    const target = await createTestDatabase();
    try {
      // Mixed case and punctuation sort differently under C and natural-language collations.
      const keys = Array.from(
        { length: 2500 },
        (_, i) => `${i % 2 ? 'K' : 'k'}-${i % 7 ? 'ip' : 'IP'}:${i}`,
      );
      await big.db
        .insertInto('login_throttle')
        .values(
          keys.map((key, i) => ({
            key,
            failures: i % 5,
            window_started_at: new Date(Date.UTC(2025, 0, 1, 0, 0, 0, i)),
          })),
        )
        .execute();
      const file = path.join(dir, 'big.gz');
      const { tables } = await backupDatabase(big.db, file, { sourceKind: big.kind });
      expect(tables.login_throttle!.rows).toBe(2500);
      await restoreDatabase(target.db, file);
      expect(await tableChecksums(target.db)).toEqual(await tableChecksums(big.db));
    } finally {
      await Promise.all([big.close(), target.close()]);
    }
  });
});
