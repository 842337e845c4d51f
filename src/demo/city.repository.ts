/**
 * Loads a city (`lvzhi demo --scale city`, city-rows.ts) next to the demo town: generated towns
 * with the shipped ledger catalogue, villages and people, then the year's appeals and ledger
 * records streamed with `COPY … FROM STDIN` on PostgreSQL (pg-copy-streams; a batched INSERT on
 * PGlite, for small test cities), with progress reported per 10,000 rows. Rows are built valid,
 * so the load runs with `session_replication_role = replica` (no per-row foreign-key triggers).
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { LedgerType } from '../core/ledger/type.ts';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import { currentTypes } from '../domains/ledgers/ledger-type.repository.ts';
import { createTown } from '../domains/org/town.service.ts';
import * as rows from './city-rows.ts';

export interface CityTarget {
  db: Kysely<DB>;
  /** PostgreSQL connection string: COPY; absent (PGlite): batched INSERT. */
  databaseUrl?: string;
}

export interface CityLoaded {
  towns: number;
  appeals: number;
  records: number;
}

type Progress = (done: number) => void;

/** COPY text format: tab-separated, \N for null, backslash escapes. */
function copyLine(values: unknown[]): string {
  return `${values
    .map((v) =>
      v === null || v === undefined
        ? '\\N'
        : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'),
    )
    .join('\t')}\n`;
}

interface Sink {
  write(
    table: string,
    columns: readonly string[],
    produce: () => Iterable<unknown[]>,
    progress: Progress,
  ): Promise<void>;
  close(): Promise<void>;
}

async function copySink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set session_replication_role = replica');
  return {
    async write(table, columns, produce, progress) {
      const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      const done = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      let n = 0;
      let chunk = '';
      for (const values of produce()) {
        chunk += copyLine(values);
        if (++n % 10_000 === 0) {
          if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
          chunk = '';
          progress(10_000);
        }
      }
      stream.end(chunk);
      await done;
      progress(n % 10_000);
    },
    close: () => client.end(),
  };
}

function insertSink(db: Kysely<DB>): Sink {
  return {
    async write(table, columns, produce, progress) {
      let batch: unknown[][] = [];
      const flush = async () => {
        if (!batch.length) return;
        const values = batch.map((r) => sql`(${sql.join(r.map((v) => sql`${v}`))})`);
        await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
          values ${sql.join(values)}`.execute(db);
        progress(batch.length);
        batch = [];
      };
      for (const values of produce()) {
        batch.push(values);
        if (batch.length === 500) await flush();
      }
      await flush();
    },
    close: async () => {},
  };
}

/** Towns 2…n of the city in the demo town's county, each with a government, villages and people. */
async function generatedTowns(db: Kysely<DB>, countyId: string, n: number, rnd: () => number) {
  const towns: { id: string; units: string[]; people: string[] }[] = [];
  for (let i = 1; i <= n; i++) {
    const town = await createTown(db, { actor: null, ip: null }, countyId, {
      name: `城市样本镇${i}`,
      code: `city${String(i).padStart(3, '0')}`,
    });
    await currentTypes(db, town.id); // installs the shipped ledger catalogue
    const gov = newId();
    const villages = Array.from({ length: 10 + Math.floor(rnd() * 20) }, () => newId());
    await db
      .insertInto('unit')
      .values([
        {
          town_id: town.id,
          id: gov,
          parent_id: null,
          kind: 'government',
          name: `城市样本镇${i}人民政府`,
        },
        ...villages.map((id, k) => ({
          town_id: town.id,
          id,
          parent_id: gov,
          kind: 'village',
          name: `第${k + 1}村`,
          sort_order: k + 1,
        })),
      ])
      .execute();
    const people = Array.from({ length: 30 + Math.floor(rnd() * 50) }, () => newId());
    await db
      .insertInto('person')
      .values(people.map((id, k) => ({ town_id: town.id, id, name: `干部${k + 1}`, unit_id: gov })))
      .execute();
    towns.push({ id: town.id, units: [gov, ...villages], people });
  }
  return towns;
}

async function townOrg(db: Kysely<DB>, townId: string) {
  const units = await db.selectFrom('unit').select('id').where('town_id', '=', townId).execute();
  const people = await db.selectFrom('person').select('id').where('town_id', '=', townId).execute();
  return { id: townId, units: units.map((u) => u.id), people: people.map((p) => p.id) };
}

export async function loadCity(
  target: CityTarget,
  demoTownId: string,
  scale: rows.CityScale,
  progress: { towns: Progress; rows: Progress },
  seed = 2026,
): Promise<CityLoaded> {
  const { db } = target;
  const rnd = rows.random(seed);
  const demo = await db
    .selectFrom('town')
    .select('county_id')
    .where('id', '=', demoTownId)
    .executeTakeFirstOrThrow();
  const towns = [await townOrg(db, demoTownId)];
  for (const t of await generatedTowns(db, demo.county_id, scale.towns - 1, rnd)) {
    towns.push(t);
    progress.towns(1);
  }
  const categories = (
    await db
      .selectFrom('appeal_category')
      .select(['code', 'parent_code'])
      .where('parent_code', 'is not', null)
      .orderBy('code')
      .execute()
  ).map((c) => ({ code: c.code, root: c.parent_code! }));
  const types: LedgerType[] = await currentTypes(db, demoTownId);
  const shares = rows.townShares(towns.length, rnd);
  const appealsPerTown = rows.apportion(scale.appeals, shares);
  const recordsPerTown = rows.apportion(scale.records, shares);
  const categoryCdf = rows.zipf(categories.length);
  const typeCdf = rows.zipf(types.length, 0.8);
  const sink = target.databaseUrl ? await copySink(target.databaseUrl) : insertSink(db);
  try {
    await sink.write(
      'appeal',
      rows.APPEAL_COLUMNS,
      function* () {
        for (const [t, town] of towns.entries())
          for (let k = 1; k <= appealsPerTown[t]!; k++)
            yield rows.appealRow(
              town,
              newId(),
              `CITY-${scale.year}-${t}-${k}`,
              scale.year,
              categories,
              categoryCdf,
              rnd,
            );
      },
      progress.rows,
    );
    await sink.write(
      'ledger_record',
      rows.RECORD_COLUMNS,
      function* () {
        for (const [t, town] of towns.entries())
          for (let k = 1; k <= recordsPerTown[t]!; k++)
            yield rows.recordRow(
              town.id,
              newId(),
              types[rows.pick(typeCdf, rnd())]!,
              town,
              scale.year,
              rnd,
            );
      },
      progress.rows,
    );
  } finally {
    await sink.close();
  }
  await sql`analyze appeal`.execute(db);
  await sql`analyze ledger_record`.execute(db);
  return { towns: towns.length, appeals: scale.appeals, records: scale.records };
}
