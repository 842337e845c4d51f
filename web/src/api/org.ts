/**
 * The organisation of one town (`/api/v1/towns/{townId}/…`): units, people, positions, village
 * liaisons and user accounts, plus towns and counties. Writes carry `version` for optimistic
 * locking. Types come from the OpenAPI document (schema.d.ts).
 */
import { api, type RequestBody, type ResponseBody, type Schemas } from './client.ts';

/** 单位 — a node of the town's unit tree. */
export type Unit = Schemas['Unit'];
export type UnitKind = Unit['kind'];
export type UnitInput = RequestBody<'/api/v1/towns/{townId}/units', 'post'>;
/** 人员 — a cadre or party member; may have no login. */
export type Person = Schemas['Person'];
export type PersonInput = RequestBody<'/api/v1/towns/{townId}/people', 'post'>;
/** 任职 — a person's title in a unit, with the portfolios (分管领域) it holds. */
export type Position = Schemas['Position'];
export type PositionInput = RequestBody<'/api/v1/towns/{townId}/positions', 'post'>;
/** 包联 — a town leader assigned to look after one village. */
export type VillageLiaison = Schemas['VillageLiaison'];
export type User = Schemas['User'];
export type UserCreate = RequestBody<'/api/v1/towns/{townId}/users', 'post'>;
export type UserUpdate = RequestBody<'/api/v1/towns/{townId}/users/{id}', 'patch'>;
export type RoleGrantInput = UserCreate['roles'][number];
export type Portfolio = Schemas['Portfolio'];
/** A town the signed-in user holds any grant in (the town switcher, grant pickers). */
export type Town = ResponseBody<'/api/v1/towns', 'get'>[number];
/** 乡镇信息 — name, code and settings of one town. */
export type TownDetail = Schemas['Town'];
export type TownUpdate = RequestBody<'/api/v1/towns/{townId}', 'patch'>;
/** One office period (办公时间段), "HH:MM". */
export type OfficePeriod = Schemas['TownSettings']['officeHours'][number];
/** 县（区） with its towns in the caller's scope; a county admin administers every town of it. */
export type County = Schemas['County'];

const inTown = (townId: string) => ({ params: { path: { townId } } });
const entity = (townId: string, id: string) => ({ params: { path: { townId, id } } });
const versioned = (townId: string, id: string, version: number) => ({
  params: { path: { townId, id }, query: { version } },
});

export const orgApi = {
  towns: () => api.GET('/api/v1/towns'),
  town: (townId: string) => api.GET('/api/v1/towns/{townId}', inTown(townId)),
  updateTown: (townId: string, body: TownUpdate) =>
    api.PATCH('/api/v1/towns/{townId}', { ...inTown(townId), body }),
  deleteTown: (t: { id: string; version: number }) =>
    api.DELETE('/api/v1/towns/{townId}', {
      params: { path: { townId: t.id }, query: { version: t.version } },
    }),
  counties: () => api.GET('/api/v1/counties'),
  updateCounty: (c: County, name: string) =>
    api.PATCH('/api/v1/counties/{countyId}', {
      params: { path: { countyId: c.id } },
      body: { version: c.version, name },
    }),
  createTown: (countyId: string, body: { name: string; code: string }) =>
    api.POST('/api/v1/counties/{countyId}/towns', { params: { path: { countyId } }, body }),
  portfolios: () => api.GET('/api/v1/portfolios'),

  units: async (townId: string) =>
    (await api.GET('/api/v1/towns/{townId}/units', inTown(townId))).items,
  createUnit: (townId: string, body: UnitInput) =>
    api.POST('/api/v1/towns/{townId}/units', { ...inTown(townId), body }),
  updateUnit: (
    townId: string,
    id: string,
    body: RequestBody<'/api/v1/towns/{townId}/units/{id}', 'patch'>,
  ) => api.PATCH('/api/v1/towns/{townId}/units/{id}', { ...entity(townId, id), body }),
  deleteUnit: (townId: string, unit: Unit) =>
    api.DELETE('/api/v1/towns/{townId}/units/{id}', versioned(townId, unit.id, unit.version)),

  people: (
    townId: string,
    query: { q?: string; unitId?: string; cursor?: string; limit?: number },
    signal?: AbortSignal,
  ) =>
    api.GET('/api/v1/towns/{townId}/people', {
      params: { path: { townId }, query },
      signal,
    }),
  createPerson: (townId: string, body: PersonInput) =>
    api.POST('/api/v1/towns/{townId}/people', { ...inTown(townId), body }),
  updatePerson: (
    townId: string,
    id: string,
    body: RequestBody<'/api/v1/towns/{townId}/people/{id}', 'patch'>,
  ) => api.PATCH('/api/v1/towns/{townId}/people/{id}', { ...entity(townId, id), body }),
  deletePerson: (townId: string, person: Person) =>
    api.DELETE('/api/v1/towns/{townId}/people/{id}', versioned(townId, person.id, person.version)),

  positions: async (
    townId: string,
    query: { personId?: string; unitId?: string; activeOn?: string } = {},
  ) =>
    (await api.GET('/api/v1/towns/{townId}/positions', { params: { path: { townId }, query } }))
      .items,
  createPosition: (townId: string, body: PositionInput) =>
    api.POST('/api/v1/towns/{townId}/positions', { ...inTown(townId), body }),
  updatePosition: (
    townId: string,
    id: string,
    body: RequestBody<'/api/v1/towns/{townId}/positions/{id}', 'patch'>,
  ) => api.PATCH('/api/v1/towns/{townId}/positions/{id}', { ...entity(townId, id), body }),
  deletePosition: (townId: string, p: Position) =>
    api.DELETE('/api/v1/towns/{townId}/positions/{id}', versioned(townId, p.id, p.version)),

  liaisons: async (townId: string) =>
    (await api.GET('/api/v1/towns/{townId}/village-liaisons', inTown(townId))).items,
  createLiaison: (
    townId: string,
    body: RequestBody<'/api/v1/towns/{townId}/village-liaisons', 'post'>,
  ) => api.POST('/api/v1/towns/{townId}/village-liaisons', { ...inTown(townId), body }),
  updateLiaison: (
    townId: string,
    l: VillageLiaison,
    input: { startsOn?: string; endsOn?: string | null },
  ) =>
    api.PATCH('/api/v1/towns/{townId}/village-liaisons/{id}', {
      ...entity(townId, l.id),
      body: { version: l.version, ...input },
    }),
  deleteLiaison: (townId: string, l: VillageLiaison) =>
    api.DELETE('/api/v1/towns/{townId}/village-liaisons/{id}', versioned(townId, l.id, l.version)),

  users: async (townId: string) =>
    (await api.GET('/api/v1/towns/{townId}/users', inTown(townId))).items,
  createUser: (townId: string, body: UserCreate) =>
    api.POST('/api/v1/towns/{townId}/users', { ...inTown(townId), body }),
  updateUser: (townId: string, id: string, body: UserUpdate) =>
    api.PATCH('/api/v1/towns/{townId}/users/{id}', { ...entity(townId, id), body }),
  resetPassword: (townId: string, id: string) =>
    api.POST('/api/v1/towns/{townId}/users/{id}/reset-password', {
      ...entity(townId, id),
      body: {},
    }),
};

/** Follows `nextCursor` to the end; for small reference lists (a town has a few hundred cadres). */
export async function allPeople(townId: string, signal?: AbortSignal): Promise<Person[]> {
  const out: Person[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await orgApi.people(townId, { cursor, limit: 500 }, signal);
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}
