/**
 * Queries of ledger types: a town's current versions, one version, and the append of a new
 * version. Definitions are immutable per (town, code, version), so parsed types are cached.
 */
import { sql, type Kysely } from 'kysely';
import { ledgerCatalogue } from '../../core/ledger/catalogue/index.ts';
import { ledgerTypeSchema, type LedgerType } from '../../core/ledger/type.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

const parsed = new Map<string, LedgerType>();

function parseDefinition(townId: string, code: string, version: number, definition: unknown): LedgerType {
  const key = `${townId}:${code}:${version}`;
  let t = parsed.get(key);
  if (!t) {
    t = ledgerTypeSchema.parse(typeof definition === 'string' ? JSON.parse(definition) : definition);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(key, t);
  }
  return t;
}

/** Installs the shipped catalogue (version 1 of every type the town lacks). Idempotent. */
export async function installCatalogue(db: Db, townId: string): Promise<void> {
  await db
    .insertInto('ledger_type')
    .values(ledgerCatalogue.map((t) => ({ town_id: townId, code: t.code, version: t.version, name: t.name, portfolio: t.portfolio, definition: JSON.stringify(t) })))
    .onConflict((oc) => oc.columns(['town_id', 'code', 'version']).doNothing())
    .execute();
}

/** The current (highest) version of every type of the town; installs the catalogue on first use. */
export async function currentTypes(db: Db, townId: string): Promise<LedgerType[]> {
  const load = () =>
    sql<{ code: string; version: number; definition: unknown }>`
      select distinct on (code) code, version, definition from ledger_type
      where town_id = ${townId} order by code, version desc`.execute(db);
  let rows = (await load()).rows;
  if (rows.length === 0) {
    const town = await db.selectFrom('town').select('id').where('id', '=', townId).executeTakeFirst();
    if (!town) return [];
    await installCatalogue(db, townId);
    rows = (await load()).rows;
  }
  return rows.map((r) => parseDefinition(townId, r.code, r.version, r.definition));
}

export async function findTypeVersion(db: Db, townId: string, code: string, version: number): Promise<LedgerType | undefined> {
  const row = await db.selectFrom('ledger_type').select(['definition']).where('town_id', '=', townId).where('code', '=', code).where('version', '=', version).executeTakeFirst();
  return row ? parseDefinition(townId, code, version, row.definition) : undefined;
}

export async function listVersions(db: Db, townId: string, code: string) {
  return db.selectFrom('ledger_type').select(['version', 'created_at', 'created_by']).where('town_id', '=', townId).where('code', '=', code).orderBy('version').execute();
}

export async function insertTypeVersion(db: Db, townId: string, type: LedgerType, userId: string | null): Promise<void> {
  await db
    .insertInto('ledger_type')
    .values({ town_id: townId, code: type.code, version: type.version, name: type.name, portfolio: type.portfolio, definition: JSON.stringify(type), created_by: userId })
    .execute();
}
