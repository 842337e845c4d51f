/**
 * The demo town 青石镇 (DESIGN 10): a fictional county and town with 16 villages/communities,
 * offices, party branches and grids, ~60 cadres with positions and portfolios, village
 * liaison leaders and one user per role, all generated from a fixed seed. Later domains add a
 * year of records on top through their own seeders.
 */
import { seedDemoBranchRatings } from './demo-branch-rating.ts';
import { seedDemoPartyLife } from './demo-party-life.ts';
import type { Kysely } from 'kysely';
import type { Role } from '../core/actor.ts';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import { recordAudit } from '../domains/audit/audit.service.ts';
import { createUser } from '../domains/auth/user.service.ts';
import { seedDemoMemberDevelopment } from './demo-member-development.ts';
import { seedDemoLedgers } from './demo-ledgers.ts';
import { mobile, personName, SeededRandom } from './random.ts';
import { demoClock, type DemoClock } from './demo-clock.ts';
import { PLACES } from './demo-places.ts';
import { seedDemoAppeals } from './demo-appeals.ts';
import { seedDemoAnalysis } from './demo-analysis.ts';
import { createApiKey, DEMO_OPEN311_KEY } from '../domains/open311/open311.keys.ts';
import * as repo from './demo-town.repository.ts';

export const DEMO_SEED = 20250101;
export const DEMO_TOWN_CODE = 'qingshi';

/**
 * Offices and what each carries (本单位承担的业务, unit_portfolio): their staff keep the ledger
 * types of these portfolios town-wide. 退役军人服务站 carries none of the catalogue's portfolios,
 * so its staff keep the old rule (the records of their own unit).
 */
const OFFICES: { name: string; code: string; under: 'party' | 'gov'; portfolios: string[] }[] = [
  {
    name: '党政综合办公室',
    code: 'office_general',
    under: 'party',
    portfolios: ['office_affairs'],
  },
  {
    name: '党建工作办公室',
    code: 'office_party',
    under: 'party',
    portfolios: ['party_building', 'organization'],
  },
  {
    name: '宣传统战办公室',
    code: 'office_propaganda',
    under: 'party',
    portfolios: ['propaganda', 'ideology'],
  },
  { name: '纪检监察办公室', code: 'office_discipline', under: 'party', portfolios: ['discipline'] },
  {
    name: '平安建设办公室',
    code: 'office_safety_peace',
    under: 'gov',
    portfolios: ['politics_law'],
  },
  {
    name: '社会治理综合服务中心',
    code: 'office_governance',
    under: 'gov',
    portfolios: ['politics_law', 'petitions'],
  },
  { name: '经济发展办公室', code: 'office_economy', under: 'gov', portfolios: ['economy'] },
  {
    name: '农业农村办公室',
    code: 'office_agriculture',
    under: 'gov',
    portfolios: ['agriculture', 'village_assistance'],
  },
  {
    name: '社会事务办公室',
    code: 'office_social',
    under: 'gov',
    portfolios: ['civil_affairs', 'social_security', 'education_health'],
  },
  {
    name: '应急管理办公室',
    code: 'office_emergency',
    under: 'gov',
    portfolios: ['safety', 'transport'],
  },
  {
    name: '规划建设办公室',
    code: 'office_construction',
    under: 'gov',
    portfolios: ['urban_construction', 'environment'],
  },
  { name: '退役军人服务站', code: 'office_veterans', under: 'gov', portfolios: [] },
  { name: '人民武装部', code: 'office_armed', under: 'party', portfolios: ['armed_forces'] },
];

/** Town leadership: title, portfolios, office they sit in, demo username if any. */
const LEADERS: {
  title: string;
  portfolios: string[];
  office: string;
  user?: { username: string; role: Role };
}[] = [
  {
    title: '党委书记',
    portfolios: ['party_building'],
    office: 'party',
    user: { username: 'shuji', role: 'leader' },
  },
  {
    title: '党委副书记、镇长',
    portfolios: ['economy'],
    office: 'gov',
    user: { username: 'zhenzhang', role: 'leader' },
  },
  { title: '党委副书记', portfolios: ['party_building', 'petitions'], office: 'party' },
  {
    title: '人大主席',
    portfolios: ['education_health', 'urban_construction', 'transport'],
    office: 'gov',
  },
  {
    title: '纪委书记',
    portfolios: ['discipline'],
    office: 'office_discipline',
    user: { username: 'jiwei', role: 'portfolio_leader' },
  },
  {
    title: '党委委员、组织委员',
    portfolios: ['organization'],
    office: 'office_party',
    user: { username: 'zuzhi', role: 'portfolio_leader' },
  },
  {
    title: '党委委员、宣传委员',
    portfolios: ['propaganda', 'ideology'],
    office: 'office_propaganda',
    user: { username: 'xuanchuan', role: 'portfolio_leader' },
  },
  {
    title: '党委委员、政法委员',
    portfolios: ['politics_law', 'petitions'],
    office: 'office_safety_peace',
    user: { username: 'zhengfa', role: 'portfolio_leader' },
  },
  {
    title: '党委委员、武装部长',
    portfolios: ['armed_forces'],
    office: 'office_armed',
    user: { username: 'wuzhuang', role: 'portfolio_leader' },
  },
  {
    title: '副镇长',
    portfolios: ['agriculture', 'village_assistance'],
    office: 'office_agriculture',
  },
  {
    title: '副镇长',
    portfolios: ['safety', 'environment'],
    office: 'office_emergency',
  },
  { title: '副镇长', portfolios: ['civil_affairs', 'social_security'], office: 'office_social' },
];

const STAFF: { title: string; office: string; user?: { username: string; role: Role } }[] = [
  { title: '党政办主任', office: 'office_general' },
  { title: '党建专干', office: 'office_party' },
  { title: '组织干事', office: 'office_party' },
  { title: '宣传专干', office: 'office_propaganda', user: { username: 'zhuangan', role: 'staff' } },
  { title: '纪检专干', office: 'office_discipline' },
  { title: '综治专干', office: 'office_safety_peace' },
  { title: '信访专干', office: 'office_governance' },
  {
    title: '12345热线派单员',
    office: 'office_governance',
    user: { username: 'paidan', role: 'dispatcher' },
  },
  { title: '12345热线接线员', office: 'office_governance' },
  { title: '经济发展专干', office: 'office_economy' },
  { title: '农业技术员', office: 'office_agriculture' },
  { title: '民政专干', office: 'office_social' },
  { title: '安全生产监管员', office: 'office_emergency' },
  { title: '规划建设专干', office: 'office_construction' },
  { title: '退役军人服务专干', office: 'office_veterans' },
  { title: '武装干事', office: 'office_armed' },
];

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

    const party = await repo.insertUnit(trx, townId, {
      parentId: null,
      kind: 'party_committee',
      name: '中共青石镇委员会',
      code: 'party',
      sort: 1,
    });
    const gov = await repo.insertUnit(trx, townId, {
      parentId: null,
      kind: 'government',
      name: '青石镇人民政府',
      code: 'gov',
      sort: 2,
    });
    const units = new Map<string, string>([
      ['party', party],
      ['gov', gov],
    ]);
    for (const [i, o] of OFFICES.entries()) {
      const id = await repo.insertUnit(trx, townId, {
        parentId: o.under === 'party' ? party : gov,
        kind: 'office',
        name: o.name,
        code: o.code,
        sort: 10 + i,
      });
      units.set(o.code, id);
      await repo.insertUnitPortfolios(trx, townId, id, o.portfolios);
    }
    const villageIds: string[] = [];
    for (const [i, { name }] of PLACES.entries()) {
      const vid = await repo.insertUnit(trx, townId, {
        parentId: gov,
        kind: 'village',
        name,
        code: `v${String(i + 1).padStart(2, '0')}`,
        sort: 100 + i,
      });
      villageIds.push(vid);
      await repo.insertUnit(trx, townId, {
        parentId: vid,
        kind: 'branch',
        name: `${name.replace(/村|社区/, '')}${name.endsWith('社区') ? '社区' : '村'}党支部`,
        sort: 1,
      });
      const grids = rng.int(1, 3);
      for (let g = 1; g <= grids; g++)
        await repo.insertUnit(trx, townId, {
          parentId: vid,
          kind: 'grid',
          name: `${name}第${'一二三'[g - 1]}网格`,
          sort: 10 + g,
        });
    }

    const usedNames = new Set<string>();
    const users: {
      username: string;
      role: Role;
      personId: string;
      displayName: string;
      unitId?: string;
    }[] = [];
    const addPerson = async (unitId: string, partyMember: boolean, birthYear: [number, number]) => {
      const { name, gender } = personName(rng, usedNames);
      const id = newId();
      const two = (n: number) => String(n).padStart(2, '0');
      const birth = `${rng.int(...birthYear)}-${two(rng.int(1, 12))}-${two(rng.int(1, 28))}`;
      await repo.insertPerson(trx, {
        town_id: townId,
        id,
        name,
        gender,
        birth_date: birth,
        phone: mobile(rng),
        party_member: partyMember,
        unit_id: unitId,
      });
      return { id, name };
    };
    const addPosition = async (
      personId: string,
      unitId: string,
      title: string,
      leadership: boolean,
      portfolios: string[],
    ) => {
      const row = { town_id: townId, id: newId(), person_id: personId, unit_id: unitId };
      await repo.insertPosition(
        trx,
        { ...row, title, leadership, starts_on: clock.start },
        portfolios,
      );
    };

    const leaderIds: string[] = [];
    for (const l of LEADERS) {
      const unitId = units.get(l.office)!;
      const p = await addPerson(unitId, true, [1970, 1988]);
      await addPosition(p.id, unitId, l.title, true, l.portfolios);
      leaderIds.push(p.id);
      if (l.user)
        users.push({
          ...l.user,
          personId: p.id,
          displayName: `${p.name}（${l.title.split('、').pop()}）`,
        });
    }
    for (const s of STAFF) {
      const unitId = units.get(s.office)!;
      const p = await addPerson(unitId, rng.chance(0.7), [1985, 2000]);
      await addPosition(p.id, unitId, s.title, false, []);
      if (s.user)
        users.push({
          ...s.user,
          personId: p.id,
          displayName: `${p.name}（${s.title}）`,
          unitId: s.user.role === 'staff' ? unitId : undefined,
        });
    }
    for (const [i, vid] of villageIds.entries()) {
      const vname = PLACES[i]!.name;
      const sec = await addPerson(vid, true, [1968, 1990]);
      await addPosition(
        sec.id,
        vid,
        `${vname}党支部书记、${vname.endsWith('社区') ? '居委会主任' : '村委会主任'}`,
        false,
        [],
      );
      const grid = await addPerson(vid, rng.chance(0.5), [1980, 1998]);
      await addPosition(grid.id, vid, `${vname}网格员`, false, []);
      if (i === 0)
        users.push({
          username: 'cunganbu',
          role: 'village_cadre',
          personId: sec.id,
          displayName: `${sec.name}（${vname}书记）`,
          unitId: vid,
        });
      // Each village has a liaison leader from the leadership (包联), rotating through them.
      await repo.insertLiaison(trx, {
        town_id: townId,
        id: newId(),
        village_id: vid,
        person_id: leaderIds[2 + (i % (leaderIds.length - 2))]!,
        starts_on: clock.start,
      });
    }

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
    await repo.clearMustChangePassword(trx, townId);

    await seedDemoAppeals(trx, townId, clock);
    await seedDemoAnalysis(trx, townId, clock);
    await createApiKey(trx, townId, '演示：县 12345 平台接入', DEMO_OPEN311_KEY);
    const people = { n: await repo.countPeople(trx, townId) };
    await seedDemoLedgers(trx, townId, new SeededRandom(DEMO_SEED + 6), clock);
    await seedDemoPartyLife(trx, townId, new SeededRandom(DEMO_SEED + 14), clock.today);
    await seedDemoMemberDevelopment(trx, townId, new SeededRandom(DEMO_SEED + 15), clock);
    await seedDemoBranchRatings(trx, townId, new SeededRandom(DEMO_SEED + 16));
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
