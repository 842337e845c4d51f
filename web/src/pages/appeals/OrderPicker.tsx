/**
 * 工单选择 (e.g. 主工单 of 合并): searches the caller's orders on the server (`/appeals?q=`: the
 * full tracking code, or words of the title; only orders the caller may read) and shows each as
 * code and title. The value is the tracking code, which the server resolves within the town.
 */
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { appealsApi } from '../../api/appeals.ts';
import { useSession } from '../../session/session.tsx';

interface Props {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}

export function OrderPicker({ value, onChange, id }: Props) {
  const { townId } = useSession();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      appealsApi
        .list(townId, { q: q.trim() || undefined }, null, 20, ctrl.signal)
        .then((page) =>
          setOptions(
            page.items
              .filter((o) => !o.mergedInto)
              .map((o) => ({ value: o.code, label: `${o.code} ${o.title}` })),
          ),
        )
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

  return (
    <Select
      id={id}
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={
        value && !options.some((o) => o.value === value)
          ? [{ value, label: value }, ...options]
          : options
      }
      notFoundContent={loading ? <Spin size="small" /> : '没有找到工单'}
      placeholder="输入工单编号或标题搜索"
      data-testid="order-picker"
    />
  );
}
