/**
 * The demo town 青石镇 (DESIGN 10): a fictional county and town with 16 villages/communities,
 * offices, party branches and grids, ~60 cadres with positions and portfolios, village
 * liaison leaders and one user per role, all generated from a fixed seed. Later domains add a
 * year of records on top through their own seeders.
 */
import { seedDemoBranchRatings } from './demo-branch-rating.ts';
import { seedDemoPartyLife } from './demo-party-life.ts';
import type { Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import { recordAudit } from '../domains/audit/audit.service.ts';
import { createUser } from '../domains/auth/user.service.ts';
import { seedDemoMemberDevelopment } from './demo-member-development.ts';
import { seedDemoLedgers } from './demo-ledgers.ts';
import { SeededRandom } from './random.ts';
import { demoClock, type DemoClock } from './demo-clock.ts';
import { seedDemoOrg, type DemoUser } from './demo-org.ts';
import { seedDemoAppeals } from './demo-appeals.ts';
import { seedDemoAnalysis } from './demo-analysis.ts';
import { createApiKey, DEMO_OPEN311_KEY } from '../domains/open311/open311.keys.ts';
import * as repo from './demo-town.repository.ts';

export const DEMO_SEED = 20250101;
export const DEMO_TOWN_CODE = 'qingshi';

export interface DemoResult {
  townId: string;
  people: number;
  villages: number;
  users: string[];
  /** The dates the demo covers (two past years and this year to `today`). */
  clock: DemoClock;
}

export interface DemoOptions {
  /** Beijing date to generate for (YYYY-MM-DD); today when absent. Tests pin it. */
  today?: string;
}

type Db = Kysely<DB>;

export function townExists(db: Db, code = DEMO_TOWN_CODE): Promise<boolean> {
  return repo.townExists(db, code);
}

/** The demo accounts: admin, one per role of the town's people, the county and the operator. */
async function createDemoUsers(trx: Db, townId: string, users: DemoUser[], password: string) {
  const ctx = { actor: null, townId, ip: null };
  await createUser(trx, ctx, {
    username: 'admin',
    displayName: '系统管理员',
    roles: [{ role: 'admin' }, { role: 'leader' }],
    password,
  });
  for (const u of users) {
    await createUser(trx, ctx, {
      username: u.username,
      displayName: u.displayName,
      personId: u.personId,
      roles: [{ role: u.role, unitId: u.unitId ?? null }],
      password,
    });
  }
  await createUser(trx, ctx, {
    username: 'ducha',
    displayName: '县督查室（演示）',
    roles: [{ role: 'county_supervisor' }],
    password,
  });
  // 系统运维: keeps the national work calendar; holds no role in the town it belongs to.
  await createUser(trx, ctx, {
    username: 'yunwei',
    displayName: '系统运维（演示）',
    roles: [{ role: 'system_operator' }],
    password,
  });
}

/** A few years of records on top of the organisation, each seeder from its own stream. */
async function seedDemoRecords(trx: Db, townId: string, clock: DemoClock) {
  await seedDemoAppeals(trx, townId, clock);
  await seedDemoAnalysis(trx, townId, clock);
  await createApiKey(trx, townId, '演示：县 12345 平台接入', DEMO_OPEN311_KEY);
  const people = { n: await repo.countPeople(trx, townId) };
  await seedDemoLedgers(trx, townId, new SeededRandom(DEMO_SEED + 6), clock);
  await seedDemoPartyLife(trx, townId, new SeededRandom(DEMO_SEED + 14), clock.today);
  await seedDemoMemberDevelopment(trx, townId, new SeededRandom(DEMO_SEED + 15), clock);
  await seedDemoBranchRatings(trx, townId, new SeededRandom(DEMO_SEED + 16));
  return people;
}

/**
 * Creates 青石镇 in an empty database; all demo users get `password`. Its records cover the two
 * calendar years before `today` and this year up to `today` (demo-clock.ts).
 */
export async function createDemoTown(
  db: Db,
  password: string,
  options: DemoOptions = {},
): Promise<DemoResult> {
  const clock = demoClock(options.today);
  return db.transaction().execute(async (trx) => {
    const rng = new SeededRandom(DEMO_SEED);
    const countyId = newId();
    const townId = newId();
    await repo.insertCounty(trx, { id: countyId, name: '云溪县', code: 'yunxi' });
    await repo.insertTown(trx, {
      id: townId,
      county_id: countyId,
      name: '青石镇',
      code: DEMO_TOWN_CODE,
      settings: JSON.stringify({
        officeHours: [
          ['08:30', '12:00'],
          ['14:00', '17:30'],
        ],
      }),
    });

    const { villageIds, users } = await seedDemoOrg(trx, townId, rng, clock);

    await createDemoUsers(trx, townId, users, password);
    await repo.clearMustChangePassword(trx, townId);

    const people = await seedDemoRecords(trx, townId, clock);
    await recordAudit(trx, {
      townId,
      actorUserId: null,
      actorName: '系统',
      action: 'demo_seed',
      entityType: 'town',
      entityId: townId,
      after: {
        seed: DEMO_SEED,
        people: people.n,
        villages: villageIds.length,
        today: clock.today,
      },
    });
    return {
      townId,
      people: Number(people.n),
      villages: villageIds.length,
      users: ['admin', ...users.map((u) => u.username), 'ducha', 'yunwei'],
      clock,
    };
  });
}
