/**
 * 人员选择: searches people by name on the server and shows each with their post or unit, so two
 * people of the same name can be told apart. A field that declares who may be named (包案领导: a
 * current 班子成员 …) asks the server for that field's choices on this order, so only those people
 * are listed and the rule is said in the placeholder; other fields search the town's people
 * (`/people?q=`, the caller's town only). The value is the person's id; the field shows the name.
 */
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { orgApi } from '../../api/org.ts';
import { useSession } from '../../session/session.tsx';
import { operationsApi } from './operations.api.ts';
import type { AppealRefs } from './refs.ts';

interface Choice {
  id: string;
  name: string;
  unitId: string | null;
  titles: string[];
}

/** The field an order's action asks a person for, when the field declares who may be named. */
export interface ChoiceSource {
  appealId: string;
  action: string;
  field: string;
}

interface Props {
  value?: string | string[];
  onChange?: (v: string | string[] | undefined) => void;
  multiple?: boolean;
  refs: AppealRefs;
  id?: string;
  /** Ask the server for the people this field may name (its rule), instead of the whole town. */
  choices?: ChoiceSource;
}

function describe(p: Choice, refs: AppealRefs): string {
  const where = p.titles[0] ?? (p.unitId ? refs.unitName(p.unitId) : '');
  return where && where !== '—' ? `${p.name}（${where}）` : p.name;
}

async function search(
  townId: string,
  q: string,
  choices: ChoiceSource | undefined,
  signal: AbortSignal,
) {
  const name = q.trim() || undefined;
  if (!choices)
    return { items: (await orgApi.people(townId, { q: name, limit: 30 }, signal)).items };
  const { appealId, action, field } = choices;
  return operationsApi.peopleChoices(townId, appealId, { action, field, q: name }, signal);
}

export function PersonPicker({ value, onChange, multiple, refs, id, choices }: Props) {
  const { townId } = useSession();
  const [q, setQ] = useState('');
  const [people, setPeople] = useState<Choice[]>([]);
  const [rule, setRule] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // Everyone seen in a search, so a chosen person keeps their label when the next search drops them.
  const [known, setKnown] = useState(() => new Map<string, Choice>());
  const source = choices ? `${choices.appealId}/${choices.action}/${choices.field}` : '';

  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      search(townId, q, choices, ctrl.signal)
        .then((page) => {
          setKnown((m) => new Map([...m, ...page.items.map((p) => [p.id, p] as const)]));
          setPeople(page.items);
          if ('rule' in page) setRule(page.rule);
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
    // `choices` is a new object each render; `source` says when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [townId, q, source]);

  const options = useMemo(() => {
    const chosen = (Array.isArray(value) ? value : value ? [value] : [])
      .map((v) => known.get(v))
      .filter((p): p is Choice => !!p && !people.some((x) => x.id === p.id));
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
      placeholder={rule ? `输入姓名搜索，只列${rule}` : '输入姓名搜索本乡镇人员'}
      notFoundContent={
        loading ? <Spin size="small" /> : rule ? `没有找到此人（只列${rule}）` : '没有找到此人'
      }
      data-testid="person-picker"
    />
  );
}
