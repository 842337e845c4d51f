/**
 * `lvzhi demo --scale city`: the demo town plus a city around it (DESIGN 11: 200 towns,
 * 1,000,000 appeals and 5,000,000 ledger records in one year), for the benches and load tests.
 * `--towns`, `--appeals`, `--records` shrink it (a reduced run on a shared machine).
 * Meant for PostgreSQL (COPY); on the embedded database only small cities are practical.
 */
import cliProgress from 'cli-progress';
import { CITY, type CityScale } from '../demo/city-rows.ts';
import { loadCity } from '../demo/city.repository.ts';
import { createDemoTown, townExists } from '../demo/demo-town.ts';
import { generatePassword } from '../domains/auth/password.ts';
import { fail, openForCli } from './context.ts';

export interface CityOptions {
  towns?: string;
  appeals?: string;
  records?: string;
  year?: string;
  password?: string;
}

function count(value: string | undefined, fallback: number, label: string, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min) fail(`${label}应为不小于 ${min} 的整数`);
  return n;
}

export async function runCityDemo(opts: CityOptions): Promise<void> {
  const scale: CityScale = {
    towns: count(opts.towns, CITY.towns, '乡镇数', 1),
    appeals: count(opts.appeals, CITY.appeals, '诉求件数'),
    records: count(opts.records, CITY.records, '台账记录数'),
    year: count(opts.year, new Date().getFullYear() - 1, '年度', 2000),
  };
  const { database, env } = await openForCli('create');
  if (await townExists(database.db)) fail('数据库中已有乡镇：城市规模数据只能生成到空数据库');
  if (database.kind !== 'postgres' && scale.appeals + scale.records > 200_000)
    fail(
      '城市规模数据请用 PostgreSQL（设置 DATABASE_URL）；内嵌数据库只适合小规模（--appeals、--records 合计 ≤ 20 万）',
    );
  const password = opts.password ?? env.LVZHI_ADMIN_PASSWORD ?? generatePassword();
  const started = Date.now();
  const demo = await createDemoTown(database.db, password);
  const bars = new cliProgress.MultiBar(
    {
      format: '{name} {bar} {percentage}% | {value}/{total}',
      hideCursor: true,
      stream: process.stderr,
      // Without a terminal (a log file) the bars still print, every few seconds.
      noTTYOutput: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const towns = bars.create(scale.towns - 1, 0, { name: '乡镇    ' });
  const rows = bars.create(scale.appeals + scale.records, 0, { name: '工单+台账' });
  const loaded = await loadCity(
    { db: database.db, databaseUrl: database.kind === 'postgres' ? env.DATABASE_URL : undefined },
    demo.townId,
    scale,
    { towns: (n) => towns.increment(n), rows: (n) => rows.increment(n) },
  );
  bars.stop();
  console.log(
    `已生成城市：${loaded.towns} 个乡镇（含青石镇）、${scale.year} 年诉求 ${loaded.appeals.toLocaleString('en-US')} 件、` +
      `台账记录 ${loaded.records.toLocaleString('en-US')} 条，用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒。` +
      `演示账号：${demo.users.join('、')}；密码：${password}`,
  );
  await database.close();
}
