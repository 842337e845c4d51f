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

function parseDefinition(
  townId: string,
  code: string,
  version: number,
  definition: unknown,
): LedgerType {
  const key = `${townId}:${code}:${version}`;
  let t = parsed.get(key);
  if (!t) {
    t = ledgerTypeSchema.parse(
      typeof definition === 'string' ? JSON.parse(definition) : definition,
    );
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(key, t);
  }
  return t;
}

/** Installs the shipped catalogue (version 1 of every type the town lacks). Idempotent. */
export async function installCatalogue(db: Db, townId: string): Promise<void> {
  await db
    .insertInto('ledger_type')
    .values(
      ledgerCatalogue.map((t) => ({
        town_id: townId,
        code: t.code,
        version: t.version,
        name: t.name,
        portfolio: t.portfolio,
        definition: JSON.stringify(t),
      })),
    )
    .onConflict((oc) => oc.columns(['town_id', 'code', 'version']).doNothing())
    .execute();
}

/** The current (highest) version of every type of the town; installs the catalogue on first use. */
export async function currentTypes(db: Db, townId: string): Promise<LedgerType[]> {
  // Versions first (a few bytes a type); definitions only for versions not parsed yet, so the
  // metric and report paths, which ask for the types once per number, stay cheap.
  const versions = () =>
    sql<{ code: string; version: number }>`
      select code, max(version)::int as version from ledger_type
      where town_id = ${townId} group by code order by code`.execute(db);
  let rows = (await versions()).rows;
  if (rows.length === 0) {
    const town = await db
      .selectFrom('town')
      .select('id')
      .where('id', '=', townId)
      .executeTakeFirst();
    if (!town) return [];
    await installCatalogue(db, townId);
    rows = (await versions()).rows;
  }
  const missing = rows.filter((r) => !parsed.has(`${townId}:${r.code}:${r.version}`));
  if (missing.length) {
    const defs = await db
      .selectFrom('ledger_type')
      .select(['code', 'version', 'definition'])
      .where('town_id', '=', townId)
      .where((eb) =>
        eb.or(missing.map((m) => eb.and([eb('code', '=', m.code), eb('version', '=', m.version)]))),
      )
      .execute();
    for (const d of defs) parseDefinition(townId, d.code, d.version, d.definition);
  }
  return rows.map(
    (r) =>
      parsed.get(`${townId}:${r.code}:${r.version}`) ??
      parseDefinition(townId, r.code, r.version, null),
  );
}

export async function findTypeVersion(
  db: Db,
  townId: string,
  code: string,
  version: number,
): Promise<LedgerType | undefined> {
  const row = await db
    .selectFrom('ledger_type')
    .select(['definition'])
    .where('town_id', '=', townId)
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? parseDefinition(townId, code, version, row.definition) : undefined;
}

export async function listVersions(db: Db, townId: string, code: string) {
  return db
    .selectFrom('ledger_type')
    .select(['version', 'created_at', 'created_by'])
    .where('town_id', '=', townId)
    .where('code', '=', code)
    .orderBy('version')
    .execute();
}

export async function insertTypeVersion(
  db: Db,
  townId: string,
  type: LedgerType,
  userId: string | null,
): Promise<void> {
  await db
    .insertInto('ledger_type')
    .values({
      town_id: townId,
      code: type.code,
      version: type.version,
      name: type.name,
      portfolio: type.portfolio,
      definition: JSON.stringify(type),
      created_by: userId,
    })
    .execute();
}
