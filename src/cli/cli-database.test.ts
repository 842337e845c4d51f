/**
 * Which database a verb opens, and that two processes never open one PGlite directory (issue 10,
 * items 3 and 12): verbs refuse while `serve` holds the directory, naming it; read-only verbs
 * never create or migrate a database and every verb says which one it opened.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lvzhi, spawnServe, startServe, stopServe } from './cli.testkit.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-clidb-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const HELD_BY_SERVE = /正被另一个程序使用：进程 (\d+)（lvzhi serve --no-web-build），自 .+ 起/;

describe('one writer per PGlite directory', () => {
  it(
    'while serve runs, import-ledger, backup, audit verify and a second serve are refused, naming it',
    { timeout: 600_000 },
    async () => {
      const dataDir = path.join(dir, 'served');
      const served = await startServe(dataDir, { LVZHI_NO_DEMO: '1' });
      const xlsx = path.join(dir, 'rows.xlsx');
      await writeFile(xlsx, 'not opened: the lock is checked first');
      try {
        const verbs = [
          ['import-ledger', 'poverty_household', xlsx, '--town', 'qingshi'],
          ['backup', '--out', path.join(dir, 'while-serving.lvzhi.gz')],
          ['audit', 'verify'],
        ];
        for (const verb of verbs) {
          const r = await lvzhi({ dataDir }, ...verb);
          expect(r.code, verb.join(' ')).toBe(1);
          expect(r.stderr).toMatch(HELD_BY_SERVE);
          expect(Number(HELD_BY_SERVE.exec(r.stderr)![1])).toBe(served.child.pid);
        }
        expect(existsSync(path.join(dir, 'while-serving.lvzhi.gz'))).toBe(false);
        const second = await spawnServe(dataDir, { LVZHI_NO_DEMO: '1' });
        expect((await second.exited).code).toBe(1);
        expect(second.stderr()).toMatch(HELD_BY_SERVE);
        // The first server kept working throughout.
        expect((await fetch(`http://127.0.0.1:${served.port}/healthz`)).status).toBe(200);
      } finally {
        expect(await stopServe(served)).toEqual({ code: 0, signal: null });
      }
      const verified = await lvzhi({ dataDir }, 'audit', 'verify');
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/✓ 审计链完好：0 个乡镇/);
    },
  );

  it(
    'read-only verbs refuse a directory with no database and create nothing; verbs name their database',
    { timeout: 400_000 },
    async () => {
      const absent = path.join(dir, 'typo');
      for (const verb of [
        ['backup', '--out', path.join(dir, 'x.gz')],
        ['audit', 'verify'],
      ]) {
        const r = await lvzhi({ dataDir: absent }, ...verb);
        expect(r.code, verb.join(' ')).toBe(1);
        expect(r.stderr).toContain(`数据目录 ${absent} 中没有 lvzhi 数据库（未新建）`);
        expect(r.stdout).not.toMatch(/✓|已备份/);
      }
      expect(existsSync(absent)).toBe(false);
      expect(existsSync(path.join(dir, 'x.gz'))).toBe(false);

      const dataDir = path.join(dir, 'named');
      const created = await lvzhi({ dataDir }, 'migrate');
      expect(created.stdout.split('\n')[0]).toBe(`已新建数据库：PGlite ${dataDir}`);
      const verified = await lvzhi({ dataDir }, 'audit', 'verify');
      expect(verified.stdout.split('\n')[0]).toBe(`数据库：PGlite ${dataDir}`);
      expect(verified.stdout).toContain('✓ 审计链完好：0 个乡镇');
    },
  );
});
