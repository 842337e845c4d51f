/**
 * Fixture builders for the organisation of an empty migrated town: units, people, positions with
 * portfolios, 包联 villages and users holding one grant each, so a test sets up exactly the cast
 * it talks about (one village, one office, one cadre) instead of reading the demo town's names.
 * Rows go in directly; users are made by the user service so grants are validated as in the app.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../core/actor.ts';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import { createUser } from '../domains/auth/user.service.ts';
import type { TestApp } from './app.ts';
import { TEST_PASSWORD } from './app.ts';

/** Positions and 包联 start here unless a test dates them: every "today" is inside them. */
export const LONG_AGO = '2020-01-01';

/** A signed-in user of the test town: ids for assertions, a session cookie for calls. */
export interface TestUser {
  username: string;
  userId: string;
  personId: string | null;
  cookie: string;
}

export interface UnitSpec {
  kind?: string;
  parentId?: string | null;
  code?: string;
  /** 本单位承担的业务 (unit_portfolio). */
  portfolios?: string[];
}

export interface PositionSpec {
  unitId: string;
  title?: string;
  portfolios?: string[];
  leadership?: boolean;
  startsOn?: string;
  endsOn?: string | null;
}

export interface PersonaSpec {
  /** The unit the person sits in (default: the town government). */
  unitId?: string;
  /** Portfolios held through the person's position (分管领域). */
  portfolios?: string[];
  /** Villages the person is 包联 leader of (from LONG_AGO, open-ended). */
  liaisonVillages?: string[];
  title?: string;
  /** A 班子成员's position (default: when it carries portfolios). */
  leadership?: boolean;
}

export interface TownFixture {
  townId: string;
  db: Kysely<DB>;
  /** `/api/v1/towns/{townId}` */
  base: string;
  /** The town government (root unit), created on first use. */
  government(): Promise<string>;
  unit(name: string, spec?: UnitSpec): Promise<string>;
  /** An office under the government, carrying `portfolios`. */
  office(name: string, portfolios?: string[]): Promise<string>;
  /** A village (村) under the government. */
  village(name: string): Promise<string>;
  person(name: string, unitId?: string | null, phone?: string | null): Promise<string>;
  position(personId: string, spec: PositionSpec): Promise<string>;
  liaison(
    personId: string,
    villageId: string,
    dates?: { startsOn?: string; endsOn?: string | null },
  ): Promise<string>;
  /**
   * A user with these grants (a role, or roles each narrowed to a unit subtree) and a session
   * (none with `signIn: false`: `cookie` is then empty).
   */
  user(
    username: string,
    grants: Role | { role: Role; unitId?: string | null }[],
    options?: { personId?: string | null; displayName?: string; signIn?: boolean },
  ): Promise<TestUser>;
  /** A person with a position (and portfolios, 包联) and a user holding `role` over the town. */
  persona(username: string, role: Role, spec?: PersonaSpec): Promise<TestUser>;
  /** As `persona`, with the grant narrowed to `unitId` (staff of an office, cadre of a village). */
  unitPersona(username: string, role: Role, unitId: string, title?: string): Promise<TestUser>;
}

type Db = Kysely<DB>;

/** A position row (and its portfolios) of a person; see TownFixture.position. */
async function addPosition(db: Db, townId: string, personId: string, spec: PositionSpec) {
  const id = newId();
  await db
    .insertInto('position')
    .values({
      town_id: townId,
      id,
      person_id: personId,
      unit_id: spec.unitId,
      title: spec.title ?? '干部',
      leadership: spec.leadership ?? !!spec.portfolios?.length,
      starts_on: spec.startsOn ?? LONG_AGO,
      ends_on: spec.endsOn ?? null,
    })
    .execute();
  if (spec.portfolios?.length)
    await db
      .insertInto('position_portfolio')
      .values(spec.portfolios.map((p) => ({ town_id: townId, position_id: id, portfolio_code: p })))
      .execute();
  return id;
}

/** A 包联 row; see TownFixture.liaison. */
async function addLiaison(
  db: Db,
  townId: string,
  personId: string,
  villageId: string,
  dates: Parameters<TownFixture['liaison']>[2] = {},
) {
  const id = newId();
  await db
    .insertInto('village_liaison')
    .values({
      town_id: townId,
      id,
      village_id: villageId,
      person_id: personId,
      starts_on: dates.startsOn ?? LONG_AGO,
      ends_on: dates.endsOn ?? null,
    })
    .execute();
  return id;
}

/** A user made by the user service, signed in unless told; see TownFixture.user. */
async function addUser(
  t: TestApp,
  username: string,
  grants: Parameters<TownFixture['user']>[1],
  options: Parameters<TownFixture['user']>[2] = {},
): Promise<TestUser> {
  const db = t.database.db;
  const townId = t.townId;
  const roles = typeof grants === 'string' ? [{ role: grants }] : grants;
  const created = await db.transaction().execute((trx) =>
    createUser(
      trx,
      { actor: null, townId, ip: null },
      {
        username,
        displayName: options.displayName ?? username,
        personId: options.personId ?? undefined,
        roles: roles.map((g) => ({ role: g.role, unitId: g.unitId ?? null })),
        password: TEST_PASSWORD,
      },
    ),
  );
  return {
    username,
    userId: created.id,
    personId: options.personId ?? null,
    cookie: options.signIn === false ? '' : await t.login(username),
  };
}

export function townFixture(t: TestApp): TownFixture {
  const db = t.database.db;
  const townId = t.townId;
  let gov: Promise<string> | null = null;
  let sort = 0;

  const unit: TownFixture['unit'] = async (name, spec = {}) => {
    const id = newId();
    await db
      .insertInto('unit')
      .values({
        town_id: townId,
        id,
        parent_id: spec.parentId === undefined ? await government() : spec.parentId,
        kind: spec.kind ?? 'office',
        name,
        code: spec.code ?? null,
        sort_order: ++sort,
      })
      .execute();
    if (spec.portfolios?.length)
      await db
        .insertInto('unit_portfolio')
        .values(spec.portfolios.map((p) => ({ town_id: townId, unit_id: id, portfolio_code: p })))
        .execute();
    return id;
  };
  const government = () =>
    (gov ??= unit('测试镇人民政府', { kind: 'government', parentId: null, code: 'gov' }));

  const person: TownFixture['person'] = async (name, unitId = null, phone = null) => {
    const id = newId();
    await db
      .insertInto('person')
      .values({ town_id: townId, id, name, unit_id: unitId, phone })
      .execute();
    return id;
  };

  const position: TownFixture['position'] = (personId, spec) =>
    addPosition(db, townId, personId, spec);

  const liaison: TownFixture['liaison'] = (personId, villageId, dates) =>
    addLiaison(db, townId, personId, villageId, dates);

  const user: TownFixture['user'] = (username, grants, options) =>
    addUser(t, username, grants, options);

  const persona: TownFixture['persona'] = async (username, role, spec = {}) => {
    const unitId = spec.unitId ?? (await government());
    const personId = await person(`${username}本人`, unitId);
    const { title, portfolios, leadership } = spec;
    await position(personId, { unitId, title, portfolios, leadership });
    for (const v of spec.liaisonVillages ?? []) await liaison(personId, v);
    return user(username, role, { personId });
  };

  const unitPersona: TownFixture['unitPersona'] = async (username, role, unitId, title) => {
    const personId = await person(`${username}本人`, unitId);
    await position(personId, { unitId, title });
    return user(username, [{ role, unitId }], { personId });
  };

  return {
    townId,
    db,
    base: `/api/v1/towns/${townId}`,
    government,
    unit,
    office: (name, portfolios = []) => unit(name, { kind: 'office', portfolios }),
    village: (name) => unit(name, { kind: 'village' }),
    person,
    position,
    liaison,
    user,
    persona,
    unitPersona,
  };
}
