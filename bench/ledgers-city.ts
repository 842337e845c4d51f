/**
 * A city's ledgers for the benches (DESIGN 11: 200 towns, 5,000,000 ledger records a year): the
 * demo town plus generated towns, every town with the demo town's catalogue, and `records`
 * ledger records spread over every town × type (generated in SQL, 2024–2025). Shared by the
 * ledgers bench (metrics) and the report bench (compose + export at city scale).
 */
import { performance } from 'node:perf_hooks';
import type { LedgerType } from '../src/core/ledger/type.ts';
import { createDemoTown } from '../src/demo/demo-town.ts';
import { currentTypes } from '../src/domains/ledgers/ledger-type.repository.ts';
import type { CopyDatabase } from './ledgers-data.ts';
import { generateRecords } from './ledgers-data.ts';
import { generateTowns } from './org-data.ts';

export interface City {
  townId: string;
  types: LedgerType[];
  total: number;
  perTown: number;
  orgMs: number;
  loadMs: number;
}

export async function loadCity(
  database: Pick<CopyDatabase, 'db' | 'raw'>,
  opts: { towns: number; records: number; password: string },
): Promise<City> {
  let t0 = performance.now();
  const demo = await createDemoTown(database.db, opts.password);
  const town = await database.db
    .selectFrom('town')
    .select('county_id')
    .where('id', '=', demo.townId)
    .executeTakeFirstOrThrow();
  await generateTowns(database.db, town.county_id, {
    towns: opts.towns - 1,
    units: 80,
    people: 60,
    positions: 70,
  });
  const types = await currentTypes(database.db, demo.townId);
  // Every town gets the demo town's catalogue (the generated towns have none yet).
  await database.raw(
    `insert into ledger_type (town_id, code, version, name, portfolio, definition)
    select t.id, lt.code, lt.version, lt.name, lt.portfolio, lt.definition from ledger_type lt cross join town t
    where lt.town_id = $1 and t.id <> $1 on conflict do nothing`,
    [demo.townId],
  );
  const orgMs = performance.now() - t0;

  t0 = performance.now();
  const perTown = Math.max(1, Math.round(opts.records / opts.towns / types.length));
  // The rows are built valid; replica mode skips the per-row foreign-key triggers while loading.
  await database.raw(`set session_replication_role = replica`);
  for (const [i, type] of types.entries()) await generateRecords(database.raw, type, perTown, i);
  await database.raw(`set session_replication_role = default`);
  await database.raw(`analyze`);
  const loadMs = performance.now() - t0;
  const total = Number(
    (await database.raw<{ n: number }>(`select count(*) as n from ledger_record`))[0]!.n,
  );
  return { townId: demo.townId, types, total, perTown, orgMs, loadMs };
}
