/**
 * Organisation reads through the whole HTTP stack (session cookie → actor → policy → Kysely →
 * JSON) against the same queries sent as raw SQL through the bare driver, on a county of many
 * demo-like towns. The API may cost at most TARGET times the floor: auth (session, grants) and
 * serialisation are worth a few queries' time, not an order of magnitude.
 */
import { createDemoTown } from '../src/demo/demo-town.ts';
import { openBenchDatabase } from './database.ts';
import { compare, type Bench, type Figure } from './lib.ts';
import { generateTowns, type OrgScale } from './org-data.ts';
import { benchApp } from './app.ts';

const TARGET = 5;
const PAGE = 20;
const SCALE: OrgScale = {
  towns: Number(process.env.BENCH_TOWNS ?? 200),
  units: 80,
  people: 60,
  positions: 70,
};
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const PASSWORD = 'Bench-password-2025';

const bench: Bench = {
  description: `组织机构读取：API 对比裸 SQL（${SCALE.towns} 个乡镇 × ${SCALE.units} 单位 / ${SCALE.people} 人 / ${SCALE.positions} 任职）`,
  async run() {
    const database = await openBenchDatabase();
    try {
      const started = Date.now();
      const demo = await createDemoTown(database.db, PASSWORD);
      const town = await database.db
        .selectFrom('town')
        .select('county_id')
        .where('id', '=', demo.townId)
        .executeTakeFirstOrThrow();
      const towns = await generateTowns(database.db, town.county_id, SCALE);
      const loadSeconds = (Date.now() - started) / 1000;
      // The demo admin reads every generated town, as a county user would (one grant per town).
      const admin = await database.db
        .selectFrom('app_user')
        .select('id')
        .where('town_id', '=', demo.townId)
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      await database.raw(
        `insert into user_role (town_id, id, user_id, role, scope_town_id)
         select $1, gen_random_uuid(), $2, 'leader', id from town where code like 'bench%'`,
        [demo.townId, admin.id],
      );
      const townId = towns[Math.floor(towns.length / 2)]!;

      const app = benchApp(database.db);
      const login = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: PASSWORD }),
      });
      if (login.status !== 200)
        throw new Error(`login failed: ${login.status} ${await login.text()}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const get = async (path: string) => {
        const res = await app.request(path, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        return res.json() as Promise<any>;
      };
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

      // ---- the floor: what the routes ask the database, sent straight to the driver
      const rawPage = async (after: [string, string] | null) => {
        const rows = after
          ? await database.raw<{ id: string; name: string }>(
              `select * from person where town_id = $1 and (name > $2 or (name = $2 and id > $3))
               order by name, id limit ${PAGE + 1}`,
              [townId, ...after],
            )
          : await database.raw<{ id: string; name: string }>(
              `select * from person where town_id = $1 order by name, id limit ${PAGE + 1}`,
              [townId],
            );
        const page = rows.slice(0, PAGE);
        await database.raw(
          `select person_id, title from position
           where town_id = $1 and person_id = any($2::uuid[]) and starts_on <= $3
             and (ends_on is null or ends_on >= $3)
           order by starts_on`,
          [townId, page.map((r) => r.id), today],
        );
        const last = page[page.length - 1];
        return {
          page,
          next: rows.length > PAGE && last ? ([last.name, last.id] as [string, string]) : null,
        };
      };
      const rawAllPages = async () => {
        let n = 0;
        for (
          let cursor: [string, string] | null = null, first = true;
          first || cursor;
          first = false
        ) {
          const r = await rawPage(cursor);
          n += r.page.length;
          cursor = r.next;
        }
        return n;
      };
      const apiAllPages = async () => {
        let n = 0;
        let cursor: string | null = null;
        do {
          const body: any = await get(
            `/api/v1/towns/${townId}/people?limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          n += body.items.length;
          cursor = body.nextCursor;
        } while (cursor);
        return n;
      };
      const rawUnits = () =>
        database.raw(`select * from unit where town_id = $1 order by sort_order, name`, [townId]);
      const apiUnits = () => get(`/api/v1/towns/${townId}/units`);

      // Both sides must read the same rows, or the ratio means nothing.
      const [a, b] = [await apiAllPages(), await rawAllPages()];
      const [ua, ub] = [(await apiUnits()).items.length, (await rawUnits()).length];
      if (a !== b || a !== SCALE.people || ua !== ub || ua !== SCALE.units)
        throw new Error(`row counts differ: people ${a}/${b}, units ${ua}/${ub}`);

      const figures: Figure[] = [
        {
          name: `人员列表首页（${PAGE} 条）`,
          ...(await compare(
            () => get(`/api/v1/towns/${townId}/people?limit=${PAGE}`),
            () => rawPage(null),
            ITERATIONS,
          )),
          target: TARGET,
        },
        {
          name: `人员列表翻完全部 ${SCALE.people} 人`,
          ...(await compare(apiAllPages, rawAllPages, ITERATIONS)),
          target: TARGET,
        },
        {
          name: `单位列表（${SCALE.units} 个）`,
          ...(await compare(apiUnits, rawUnits, ITERATIONS)),
          target: TARGET,
        },
      ];
      const counts = await database.raw<{ n: number }>(
        `select (select count(*) from person) + (select count(*) from unit) + (select count(*) from position) as n`,
      );
      return {
        title: '组织机构读取 — API（进程内 app.request，已登录）对比同一查询的裸 SQL',
        setting:
          `后端 ${database.kind}；${towns.length + 1} 个乡镇，共 ${counts[0]!.n} 行单位/人员/任职，` +
          `装载 ${loadSeconds.toFixed(1)} s；每项 ${ITERATIONS} 次`,
        figures,
      };
    } finally {
      await database.close();
    }
  },
};

export default bench;
