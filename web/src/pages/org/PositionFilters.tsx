/** The filters of the 任职 page: name or title, current or all, unit, leaders only. */
import { Input, Select } from 'antd';

export type PositionStatus = 'active' | 'all';

export interface PositionFilter {
  q: string;
  status: PositionStatus;
  unitId?: string;
  leadersOnly: boolean;
}

interface Props {
  value: PositionFilter;
  onChange: (next: PositionFilter) => void;
  unitOptions: { value: string; label: string }[];
}

export function PositionFilters({ value, onChange, unitOptions }: Props) {
  const set = (patch: Partial<PositionFilter>) => onChange({ ...value, ...patch });
  return (
    <>
      <Input.Search
        placeholder="姓名或职务"
        allowClear
        style={{ width: 220 }}
        onSearch={(v) => set({ q: v.trim() })}
        onChange={(e) => !e.target.value && set({ q: '' })}
      />
      <Select<PositionStatus>
        value={value.status}
        style={{ width: 130 }}
        onChange={(status) => set({ status })}
        options={[
          { value: 'active', label: '现任' },
          { value: 'all', label: '全部（含历史）' },
        ]}
      />
      <Select
        placeholder="按单位筛选"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 260 }}
        options={unitOptions}
        value={value.unitId}
        onChange={(unitId) => set({ unitId })}
      />
      <Select
        value={value.leadersOnly ? 'leaders' : 'all'}
        style={{ width: 130 }}
        onChange={(v) => set({ leadersOnly: v === 'leaders' })}
        options={[
          { value: 'all', label: '全部人员' },
          { value: 'leaders', label: '仅班子成员' },
        ]}
      />
    </>
  );
}
