/**
 * The demo town's organisation: party committee, government, offices, villages with their
 * branches and grids, the leadership, office staff and village cadres with their positions, and
 * each village's liaison leader (包联). All drawn from the caller's seeded random stream, in a
 * fixed order (the records seeded after it depend on that order).
 */
import type { Kysely } from 'kysely';
import type { Role } from '../core/actor.ts';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import type { DemoClock } from './demo-clock.ts';
import { PLACES } from './demo-places.ts';
import { LEADERS, OFFICES, STAFF } from './demo-staffing.ts';
import * as repo from './demo-town.repository.ts';
import { mobile, personName, type SeededRandom } from './random.ts';

type Db = Kysely<DB>;

/** A demo account to create for a person of the town. */
export interface DemoUser {
  username: string;
  role: Role;
  personId: string;
  displayName: string;
  unitId?: string;
}

/** Units by code (party, gov, office codes), and the villages in PLACES order. */
async function insertUnits(trx: Db, townId: string, rng: SeededRandom) {
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
  for (const [i, { name }] of PLACES.entries())
    villageIds.push(await insertVillage(trx, townId, rng, gov, i, name));
  return { units, villageIds };
}

/** A village with its party branch and one to three grids. */
async function insertVillage(
  trx: Db,
  townId: string,
  rng: SeededRandom,
  gov: string,
  i: number,
  name: string,
) {
  const vid = await repo.insertUnit(trx, townId, {
    parentId: gov,
    kind: 'village',
    name,
    code: `v${String(i + 1).padStart(2, '0')}`,
    sort: 100 + i,
  });
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
  return vid;
}

/** Adds people (names and birth dates drawn from the stream) and their positions. */
function peopleWriter(trx: Db, townId: string, rng: SeededRandom, clock: DemoClock) {
  const usedNames = new Set<string>();
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    async addPerson(unitId: string, partyMember: boolean, birthYear: [number, number]) {
      const { name, gender } = personName(rng, usedNames);
      const id = newId();
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
    },
    async addPosition(
      personId: string,
      unitId: string,
      title: string,
      leadership: boolean,
      portfolios: string[],
    ) {
      const row = { town_id: townId, id: newId(), person_id: personId, unit_id: unitId };
      await repo.insertPosition(
        trx,
        { ...row, title, leadership, starts_on: clock.start },
        portfolios,
      );
    },
  };
}

type Writer = ReturnType<typeof peopleWriter>;

/** The leadership and the office staff; returns the leaders' person ids in LEADERS order. */
async function insertLeadersAndStaff(
  w: Writer,
  rng: SeededRandom,
  units: Map<string, string>,
  users: DemoUser[],
) {
  const leaderIds: string[] = [];
  for (const l of LEADERS) {
    const unitId = units.get(l.office)!;
    const p = await w.addPerson(unitId, true, [1970, 1988]);
    await w.addPosition(p.id, unitId, l.title, true, l.portfolios);
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
    const p = await w.addPerson(unitId, rng.chance(0.7), [1985, 2000]);
    await w.addPosition(p.id, unitId, s.title, false, []);
    if (s.user)
      users.push({
        ...s.user,
        personId: p.id,
        displayName: `${p.name}（${s.title}）`,
        unitId: s.user.role === 'staff' ? unitId : undefined,
      });
  }
  return leaderIds;
}

/** Each village's secretary and grid worker, and its liaison leader, rotating through them. */
async function insertVillageCadres(
  trx: Db,
  townId: string,
  w: Writer,
  rng: SeededRandom,
  clock: DemoClock,
  village: { villageIds: string[]; leaderIds: string[]; users: DemoUser[] },
) {
  const { villageIds, leaderIds, users } = village;
  for (const [i, vid] of villageIds.entries()) {
    const vname = PLACES[i]!.name;
    const sec = await w.addPerson(vid, true, [1968, 1990]);
    const head = vname.endsWith('社区') ? '居委会主任' : '村委会主任';
    await w.addPosition(sec.id, vid, `${vname}党支部书记、${head}`, false, []);
    const grid = await w.addPerson(vid, rng.chance(0.5), [1980, 1998]);
    await w.addPosition(grid.id, vid, `${vname}网格员`, false, []);
    if (i === 0)
      users.push({
        username: 'cunganbu',
        role: 'village_cadre',
        personId: sec.id,
        displayName: `${sec.name}（${vname}书记）`,
        unitId: vid,
      });
    await repo.insertLiaison(trx, {
      town_id: townId,
      id: newId(),
      village_id: vid,
      person_id: leaderIds[2 + (i % (leaderIds.length - 2))]!,
      starts_on: clock.start,
    });
  }
}

/** Units, people, positions and liaisons of the town; the demo accounts to create for them. */
export async function seedDemoOrg(trx: Db, townId: string, rng: SeededRandom, clock: DemoClock) {
  const { units, villageIds } = await insertUnits(trx, townId, rng);
  const users: DemoUser[] = [];
  const w = peopleWriter(trx, townId, rng, clock);
  const leaderIds = await insertLeadersAndStaff(w, rng, units, users);
  await insertVillageCadres(trx, townId, w, rng, clock, { villageIds, leaderIds, users });
  return { villageIds, users };
}
