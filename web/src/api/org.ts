/**
 * Types and calls for the organisation of one town (`/api/v1/towns/{townId}/…`): units, people,
 * positions, village liaisons and user accounts. Writes carry `version` for optimistic locking.
 */
import { api } from './client.ts';
import type { Role } from './auth.ts';

export type UnitKind = 'party_committee' | 'government' | 'office' | 'village' | 'branch' | 'grid';

/** 单位 — a node of the town's unit tree. */
export interface Unit {
  id: string;
  townId: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  code: string | null;
  sortOrder: number;
  version: number;
}
export type UnitInput = Pick<Unit, 'parentId' | 'kind' | 'name' | 'code' | 'sortOrder'>;

/** 人员 — a cadre or party member; may have no login. */
export interface Person {
  id: string;
  townId: string;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  partyMember: boolean;
  unitId: string | null;
  note: string | null;
  titles: string[];
  version: number;
}
export type PersonInput = Omit<Person, 'id' | 'townId' | 'titles' | 'version'>;

/** 任职 — a person's title in a unit, with the portfolios (分管领域) it holds. */
export interface Position {
  id: string;
  townId: string;
  personId: string;
  personName: string;
  unitId: string;
  unitName: string;
  title: string;
  leadership: boolean;
  portfolios: string[];
  startsOn: string;
  endsOn: string | null;
  version: number;
}
export type PositionInput = Pick<
  Position,
  'personId' | 'unitId' | 'title' | 'leadership' | 'portfolios' | 'startsOn' | 'endsOn'
>;

/** 包联 — a town leader assigned to look after one village. */
export interface VillageLiaison {
  id: string;
  villageId: string;
  villageName: string;
  personId: string;
  personName: string;
  startsOn: string;
  endsOn: string | null;
  version: number;
}

export interface RoleGrantInput {
  role: Role;
  townId?: string;
  unitId?: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  version: number;
  roles: { role: Role; townId: string; unitId: string | null }[];
}

export interface Portfolio {
  code: string;
  name: string;
}

/** A town the signed-in user holds any grant in (the town switcher, grant pickers). */
export interface Town {
  id: string;
  name: string;
  code: string;
  countyId: string;
  countyName: string;
}

/** One office period (办公时间段), "HH:MM". */
export interface OfficePeriod {
  start: string;
  end: string;
}

/** 乡镇信息 — name, code and settings of one town. */
export interface TownDetail {
  id: string;
  countyId: string;
  countyName: string;
  name: string;
  code: string;
  settings: { officeHours: OfficePeriod[] };
  /** Office hours are the built-in default (08:30–12:00, 14:00–17:30), not set for this town. */
  defaultOfficeHours: boolean;
  version: number;
}

/** 县（区） with its towns in the caller's scope; a county admin administers every town of it. */
export interface County {
  id: string;
  name: string;
  code: string;
  version: number;
  isCountyAdmin: boolean;
  towns: { id: string; name: string; code: string; version: number }[];
}

interface Items<T> {
  items: T[];
}
export interface Page<T> extends Items<T> {
  nextCursor: string | null;
}

const town = (townId: string) => `/api/v1/towns/${encodeURIComponent(townId)}`;

export const orgApi = {
  towns: () => api.get<Town[]>('/api/v1/towns'),
  town: (townId: string) => api.get<TownDetail>(town(townId)),
  updateTown: (
    townId: string,
    input: {
      version: number;
      name?: string;
      code?: string;
      settings?: { officeHours?: OfficePeriod[] };
    },
  ) => api.patch<TownDetail>(town(townId), input),
  deleteTown: (t: { id: string; version: number }) => api.del(town(t.id), t.version),
  counties: () => api.get<County[]>('/api/v1/counties'),
  updateCounty: (c: County, name: string) =>
    api.patch<County>(`/api/v1/counties/${c.id}`, { version: c.version, name }),
  createTown: (countyId: string, input: { name: string; code: string }) =>
    api.post<TownDetail>(`/api/v1/counties/${countyId}/towns`, input),
  portfolios: () => api.get<Portfolio[]>('/api/v1/portfolios'),

  units: async (townId: string) => (await api.get<Items<Unit>>(`${town(townId)}/units`)).items,
  createUnit: (townId: string, input: UnitInput) => api.post<Unit>(`${town(townId)}/units`, input),
  updateUnit: (townId: string, id: string, input: Partial<UnitInput> & { version: number }) =>
    api.patch<Unit>(`${town(townId)}/units/${id}`, input),
  deleteUnit: (townId: string, unit: Unit) =>
    api.del(`${town(townId)}/units/${unit.id}`, unit.version),

  people: (
    townId: string,
    query: { q?: string; unitId?: string; cursor?: string; limit?: number },
    signal?: AbortSignal,
  ) => api.get<Page<Person>>(`${town(townId)}/people`, query, signal),
  createPerson: (townId: string, input: PersonInput) =>
    api.post<Person>(`${town(townId)}/people`, input),
  updatePerson: (townId: string, id: string, input: Partial<PersonInput> & { version: number }) =>
    api.patch<Person>(`${town(townId)}/people/${id}`, input),
  deletePerson: (townId: string, person: Person) =>
    api.del(`${town(townId)}/people/${person.id}`, person.version),

  positions: async (
    townId: string,
    query: { personId?: string; unitId?: string; activeOn?: string } = {},
  ) => (await api.get<Items<Position>>(`${town(townId)}/positions`, query)).items,
  createPosition: (townId: string, input: PositionInput) =>
    api.post<Position>(`${town(townId)}/positions`, input),
  updatePosition: (
    townId: string,
    id: string,
    input: Partial<PositionInput> & { version: number },
  ) => api.patch<Position>(`${town(townId)}/positions/${id}`, input),
  deletePosition: (townId: string, p: Position) =>
    api.del(`${town(townId)}/positions/${p.id}`, p.version),

  liaisons: async (townId: string) =>
    (await api.get<Items<VillageLiaison>>(`${town(townId)}/village-liaisons`)).items,
  createLiaison: (
    townId: string,
    input: { villageId: string; personId: string; startsOn: string; endsOn?: string | null },
  ) => api.post<VillageLiaison>(`${town(townId)}/village-liaisons`, input),
  updateLiaison: (
    townId: string,
    l: VillageLiaison,
    input: { startsOn?: string; endsOn?: string | null },
  ) =>
    api.patch<VillageLiaison>(`${town(townId)}/village-liaisons/${l.id}`, {
      version: l.version,
      ...input,
    }),
  deleteLiaison: (townId: string, l: VillageLiaison) =>
    api.del(`${town(townId)}/village-liaisons/${l.id}`, l.version),

  users: async (townId: string) => (await api.get<Items<User>>(`${town(townId)}/users`)).items,
  createUser: (
    townId: string,
    input: {
      username: string;
      displayName: string;
      personId?: string | null;
      roles: RoleGrantInput[];
      password?: string;
    },
  ) => api.post<{ id: string; initialPassword: string | null }>(`${town(townId)}/users`, input),
  updateUser: (
    townId: string,
    id: string,
    input: {
      version: number;
      displayName?: string;
      personId?: string | null;
      disabled?: boolean;
      roles?: RoleGrantInput[];
    },
  ) => api.patch<User>(`${town(townId)}/users/${id}`, input),
  resetPassword: (townId: string, id: string) =>
    api.post<{ password: string | null }>(`${town(townId)}/users/${id}/reset-password`, {}),
};

/** Follows `nextCursor` until the end; for small reference lists (a town has at most a few hundred cadres). */
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
