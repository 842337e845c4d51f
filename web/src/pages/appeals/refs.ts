/**
 * Reference data the appeal pages share: kinds (states, actions), the category tree, and the
 * town's units (names for ids, village options). Loaded once per page through useLoader.
 */
import { useMemo } from 'react';
import { appealsApi, type AppealCategory, type AppealKind } from '../../api/appeals.ts';
import { orgApi, type Unit } from '../../api/org.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';

export interface AppealRefs {
  kinds: AppealKind[];
  categories: AppealCategory[];
  units: Unit[];
  unitName: (id: string | null | undefined) => string;
  categoryName: (code: string | null | undefined) => string;
  villageOptions: { value: string; label: string }[];
  unitOptions: { value: string; label: string }[];
  categoryTree: CategoryNode[];
  loading: boolean;
}

export interface CategoryNode {
  value: string;
  title: string;
  children?: CategoryNode[];
}

export function useAppealRefs(): AppealRefs {
  const { townId } = useSession();
  const kinds = useLoader(() => appealsApi.kinds(townId), [townId]);
  const categories = useLoader(() => appealsApi.categories(townId), [townId]);
  const units = useLoader(() => orgApi.units(townId), [townId]);
  return useMemo(() => {
    const unitList = units.data ?? [];
    const catList = categories.data ?? [];
    const unitById = new Map(unitList.map((u) => [u.id, u]));
    const catByCode = new Map(catList.map((c) => [c.code, c]));
    const roots = catList.filter((c) => !c.parentCode);
    const categoryTree = roots.map((r) => ({
      value: r.code,
      title: r.name,
      children: catList
        .filter((c) => c.parentCode === r.code)
        .map((c) => ({ value: c.code, title: c.name })),
    }));
    const byName = (a: { label: string }, b: { label: string }) =>
      a.label.localeCompare(b.label, 'zh-CN');
    return {
      kinds: kinds.data ?? [],
      categories: catList,
      units: unitList,
      unitName: (id) => (id ? (unitById.get(id)?.name ?? '—') : '—'),
      categoryName: (code) => {
        if (!code) return '—';
        const c = catByCode.get(code);
        if (!c) return code;
        const parent = c.parentCode ? catByCode.get(c.parentCode) : undefined;
        return parent ? `${parent.name} / ${c.name}` : c.name;
      },
      villageOptions: unitList
        .filter((u) => u.kind === 'village')
        .map((u) => ({ value: u.id, label: u.name }))
        .sort(byName),
      unitOptions: unitList
        .filter((u) => u.kind === 'office' || u.kind === 'village' || u.kind === 'government')
        .map((u) => ({ value: u.id, label: u.name })),
      categoryTree,
      loading: kinds.loading || categories.loading || units.loading,
    };
  }, [kinds.data, categories.data, units.data, kinds.loading, categories.loading, units.loading]);
}
