/**
 * 人员选择: searches the town's people by name on the server (`/people?q=`, the caller's town
 * only) and shows each with their unit or post, so two people of the same name can be told apart.
 * The value is the person's id; the field shows the name.
 */
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { orgApi, type Person } from '../../api/org.ts';
import { useSession } from '../../session/session.tsx';
import type { AppealRefs } from './refs.ts';

interface Props {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  refs: AppealRefs;
  id?: string;
}

function describe(p: Person, refs: AppealRefs): string {
  const where = p.titles[0] ?? (p.unitId ? refs.unitName(p.unitId) : '');
  return where && where !== '—' ? `${p.name}（${where}）` : p.name;
}

export function PersonPicker({ value, onChange, multiple, refs, id }: Props) {
  const { townId } = useSession();
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [loading, setLoading] = useState(false);
  // Everyone seen in a search, so a chosen person keeps their label when the next search drops them.
  const [known, setKnown] = useState(() => new Map<string, Person>());

  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      orgApi
        .people(townId, { q: q.trim() || undefined, limit: 30 }, ctrl.signal)
        .then((page) => {
          setKnown((m) => new Map([...m, ...page.items.map((p) => [p.id, p] as const)]));
          setPeople(page.items);
        })
        .catch(() => {})
        .finally(() => {
          if (!ctrl.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [townId, q]);

  const options = useMemo(() => {
    const chosen = (Array.isArray(value) ? value : value ? [value] : [])
      .map((v) => known.get(v))
      .filter((p): p is Person => !!p && !people.some((x) => x.id === p.id));
    return [...chosen, ...people].map((p) => ({ value: p.id, label: describe(p, refs) }));
  }, [people, value, refs, known]);

  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      placeholder="输入姓名搜索本乡镇人员"
      notFoundContent={loading ? <Spin size="small" /> : '没有找到此人'}
      data-testid="person-picker"
    />
  );
}
