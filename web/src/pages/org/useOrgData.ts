/**
 * The reference lists most forms need (units, portfolios, people) for the current town, unit
 * options labelled with their path, and a unit's subtree.
 */
import { useMemo } from 'react';
import { allPeople, orgApi, type Person, type Portfolio, type Unit } from '../../api/org.ts';
import { useLoader, type Loaded } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';

export function useUnits(): Loaded<Unit[]> {
  const { townId } = useSession();
  return useLoader(() => orgApi.units(townId), [townId]);
}

export function usePortfolios(): Loaded<Portfolio[]> {
  return useLoader(() => orgApi.portfolios(), []);
}

export function usePeopleOptions(): Loaded<Person[]> {
  const { townId } = useSession();
  return useLoader((signal) => allPeople(townId, signal), [townId]);
}

/** Unit options for a Select, labelled with the path ("青石镇人民政府 / 石桥村") so equal names differ. */
export function useUnitOptions(units: Unit[] | undefined, filter?: (u: Unit) => boolean) {
  return useMemo(() => {
    const byId = new Map((units ?? []).map((u) => [u.id, u]));
    const pathOf = (u: Unit): string => {
      const parent = u.parentId ? byId.get(u.parentId) : undefined;
      return parent ? `${pathOf(parent)} / ${u.name}` : u.name;
    };
    return (units ?? [])
      .filter((u) => !filter || filter(u))
      .map((u) => ({ value: u.id, label: pathOf(u), name: u.name }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [units, filter]);
}

/** Ids of a unit and everything below it; a unit cannot be moved under its own subtree. */
export function subtreeIds(units: Unit[], rootId: string): Set<string> {
  const out = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}
