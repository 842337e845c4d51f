/**
 * Test support for appeal route tests: cookies per user (a username of the demo town, or a
 * fixture's TestUser), unit and person ids by code/title in the demo town, and `act` to fire a
 * transition with the current version. Used only by tests.
 */
import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { townFixture, type TestUser, type TownFixture } from './town.ts';

/** Who acts: a username (logged in on first use) or a fixture user with its session. */
export type Who = string | TestUser;

export interface AppealKit {
  t: TestApp;
  base: string;
  cookie(user: Who): Promise<string>;
  unit(code: string): Promise<string>;
  village(name: string): Promise<string>;
  personOf(username: string): Promise<string>;
  intake(user: Who, body: Record<string, unknown>): Promise<any>;
  act(
    user: Who,
    appeal: { id: string; version: number },
    action: string,
    payload?: Record<string, unknown>,
    expectStatus?: number,
  ): Promise<any>;
}

export function appealKit(t: TestApp): AppealKit {
  const cookies = new Map<string, string>();
  const base = `/api/v1/towns/${t.townId}`;
  const cookie = async (u: Who) => {
    if (typeof u !== 'string') return u.cookie;
    if (!cookies.has(u)) cookies.set(u, await t.login(u));
    return cookies.get(u)!;
  };
  const db = t.database.db;
  return {
    t,
    base,
    cookie,
    unit: async (code) =>
      (
        await db
          .selectFrom('unit')
          .select('id')
          .where('town_id', '=', t.townId)
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id,
    village: async (name) =>
      (
        await db
          .selectFrom('unit')
          .select('id')
          .where('town_id', '=', t.townId)
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).id,
    personOf: async (username) =>
      (
        await db
          .selectFrom('app_user')
          .select('person_id')
          .where('town_id', '=', t.townId)
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).person_id!,
    async intake(user, body) {
      const res = await t.call('POST', `${base}/appeals`, { cookie: await cookie(user), body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    },
    async act(user, appeal, action, payload = {}, expectStatus = 200) {
      const res = await t.call('POST', `${base}/appeals/${appeal.id}/transitions`, {
        cookie: await cookie(user),
        body: { action, version: appeal.version, payload },
      });
      expect(
        res.status,
        `${action} by ${typeof user === 'string' ? user : user.username}: ${JSON.stringify(res.body)}`,
      ).toBe(expectStatus);
      return res.body;
    },
  };
}

/**
 * The people of an appeal test in an empty town: a dispatch desk, a town leader, two offices
 * (宣传办 carrying propaganda, 综治中心 carrying politics_law and petitions) with a staff member in
 * 宣传办, two villages with a cadre in 东村, a 政法委员 holding politics_law and petitions who is
 * 包联 leader of 西村, a 宣传委员 holding propaganda, a county supervisor and an admin. Usernames
 * are the role names below.
 */
export interface AppealCast {
  town: TownFixture;
  propagandaOffice: string;
  governanceOffice: string;
  /** 东村: the cadre's village. */
  village: string;
  /** 西村: the 政法委员's 包联 village. */
  otherVillage: string;
  users: Record<
    | 'admin'
    | 'leader'
    | 'dispatcher'
    | 'staff'
    | 'cadre'
    | 'politics'
    | 'propaganda'
    | 'supervisor',
    TestUser
  >;
}

export async function appealCast(t: TestApp): Promise<AppealCast> {
  const town = townFixture(t);
  const gov = await town.government();
  const propagandaOffice = await town.unit('宣传办', {
    code: 'office_propaganda',
    portfolios: ['propaganda', 'ideology'],
  });
  const governanceOffice = await town.unit('综治中心', {
    code: 'office_governance',
    portfolios: ['politics_law', 'petitions'],
  });
  const village = await town.unit('东村', { kind: 'village', code: 'v01' });
  const otherVillage = await town.unit('西村', { kind: 'village', code: 'v02' });
  const users = {
    admin: await town.user('admin', 'admin'),
    leader: await town.persona('leader', 'leader', {
      unitId: gov,
      title: '党委书记',
      leadership: true,
    }),
    dispatcher: await town.persona('dispatcher', 'dispatcher', {
      unitId: governanceOffice,
      title: '派单员',
    }),
    staff: await town.unitPersona('staff', 'staff', propagandaOffice, '宣传专干'),
    cadre: await town.unitPersona('cadre', 'village_cadre', village, '东村党支部书记'),
    politics: await town.persona('politics', 'portfolio_leader', {
      title: '党委委员、政法委员',
      portfolios: ['politics_law', 'petitions'],
      liaisonVillages: [otherVillage],
    }),
    propaganda: await town.persona('propaganda', 'portfolio_leader', {
      title: '党委委员、宣传委员',
      portfolios: ['propaganda', 'ideology'],
    }),
    supervisor: await town.user('supervisor', 'county_supervisor'),
  };
  return { town, propagandaOffice, governanceOffice, village, otherVillage, users };
}
