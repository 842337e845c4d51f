/**
 * Ledger records of the demo town for its three years (demo-clock.ts): every catalogue type has a
 * generator (demo-profiles-*.ts) sized for a town of ~30,000 and spread over the villages by
 * population and over the months by season; each ledger's volume moves from year to year by its
 * own trend (a few fall, so 同比 has something to say). Every record is validated like a user's.
 */
import type { Kysely } from 'kysely';
import { ledgerCatalogue } from '../core/ledger/catalogue/index.ts';
import {
  recordColumns,
  uniqueKeys,
  validateRecordData,
  type RecordData,
} from '../core/ledger/record.ts';
import type { LedgerType } from '../core/ledger/type.ts';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import { installCatalogue } from '../domains/ledgers/ledger-type.repository.ts';
import { lastDayOf, type DemoClock } from './demo-clock.ts';
import { buildDirectory, type Directory } from './demo-directory.ts';
import type { Gen, Profile } from './demo-gen.ts';
import { GOV_PROFILES } from './demo-profiles-gov.ts';
import { PARTY_PROFILES } from './demo-profiles-party.ts';
import { VILLAGE_PROFILES } from './demo-profiles-village.ts';
import { WORK_PROFILES } from './demo-profiles-work.ts';
import { AFFAIRS_PROFILES } from './demo-profiles-affairs.ts';
import { OFFICE_PROFILES } from './demo-profiles-office.ts';
import { OWN_PROFILES } from './demo-profiles-own.ts';
import { PROPAGANDA_PROFILES } from './demo-profiles-propaganda.ts';
import { insertRecords, loadOrg, type RecordRow } from './demo.repository.ts';
import type { SeededRandom } from './random.ts';

type Db = Kysely<DB>;

const PROFILES: Record<string, Profile> = {
  ...PARTY_PROFILES,
  ...VILLAGE_PROFILES,
  ...GOV_PROFILES,
  ...WORK_PROFILES,
  ...AFFAIRS_PROFILES,
  ...OFFICE_PROFILES,
  ...OWN_PROFILES,
  ...PROPAGANDA_PROFILES,
};

/**
 * Volume of [two years ago, last year, this year] against last year's base. Most ledgers grow a
 * little; these fell last year (the drafts' 不足 and 同比 have something real to report).
 */
const TRENDS: Record<string, [number, number, number]> = {
  volunteer_service: [1.17, 1, 1.06],
  publicity_site: [1.24, 1, 0.95],
  legal_publicity: [1.13, 1, 1.08],
  micro_wish: [1.15, 1, 1.02],
  integrity_education: [1.14, 1, 1.05],
  talent_pool: [1.2, 1, 0.9],
  member_care_visit: [1.03, 1, 1.04],
};

function trendOf(code: string, rng: SeededRandom): [number, number, number] {
  const own = TRENDS[code];
  if (own) return own;
  const before = 0.88 + rng.next() * 0.1;
  return [before, 1, 1.02 + rng.next() * 0.08];
}

/** Drops empty optional values so a record reads as a person would have saved it. */
function clean(data: RecordData): RecordData {
  return Object.fromEntries(
    Object.entries(data).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  );
}

function rowsFor(type: LedgerType, townId: string, drafts: ReturnType<Profile>) {
  return drafts.map((d) => {
    const valid = validateRecordData(type, clean(d.data), 'write');
    const cols = recordColumns(type, valid);
    const row: RecordRow = {
      town_id: townId,
      id: newId(),
      type_code: type.code,
      type_version: type.version,
      unit_id: cols.unitId,
      person_id: cols.personId,
      occurred_on: cols.occurredOn!,
      data: JSON.stringify(valid),
      created_by: null,
    };
    return { row, valid };
  });
}

export async function seedLedgerYears(
  db: Db,
  townId: string,
  dir: Directory,
  rng: SeededRandom,
  clock: DemoClock,
): Promise<number> {
  let total = 0;
  for (const type of ledgerCatalogue) {
    const profile = PROFILES[type.code];
    if (!profile) throw new Error(`demo: no generator for ledger type ${type.code}`);
    const trend = trendOf(type.code, rng);
    const built = clock.years.flatMap((year, i) => {
      const g: Gen = {
        rng,
        dir,
        year,
        until: lastDayOf(clock, year),
        today: clock.today,
        factor: trend[i]!,
        names: new Set(),
      };
      return rowsFor(type, townId, profile(g));
    });
    const claims = built.flatMap(({ row, valid }) =>
      uniqueKeys(type, valid).map((k) => ({
        town_id: townId,
        type_code: type.code,
        field_key: k.key,
        value: k.value,
        record_id: row.id,
      })),
    );
    await insertRecords(
      db,
      built.map((b) => b.row),
      claims,
    );
    total += built.length;
  }
  return total;
}

/** Installs the catalogue in the town and writes the demo years of records; returns the count. */
export async function seedDemoLedgers(
  db: Db,
  townId: string,
  rng: SeededRandom,
  clock: DemoClock,
): Promise<number> {
  await installCatalogue(db, townId);
  const dir = buildDirectory(await loadOrg(db, townId));
  return seedLedgerYears(db, townId, dir, rng, clock);
}
