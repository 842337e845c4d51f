/** The choices above the metric: which metric, the period, and the scope (town, unit, person). */
import { DatePicker, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import type { RefData } from '../ledgers/fieldFormat.ts';
import { periodPresets, type MetricScope } from './metricChoices.ts';

interface Props {
  metricOptions: { label: string; options: { value: string; label: string }[] }[];
  loading: boolean;
  metricId: string | undefined;
  from: string;
  to: string;
  scope: MetricScope;
  unitId: string | undefined;
  personId: string | undefined;
  refData: RefData;
  update: (patch: Record<string, string | undefined>) => void;
}

export function MetricControls({ refData, update, ...v }: Props) {
  return (
    <Space wrap size={[12, 12]}>
      <Select
        data-testid="metric-select"
        style={{ width: 380 }}
        placeholder="选择指标（按台账分组，可输入查找）"
        showSearch={{ optionFilterProp: 'label' }}
        loading={v.loading}
        options={v.metricOptions}
        value={v.metricId}
        onChange={(id: string) => update({ metric: id, groupBy: undefined })}
      />
      <DatePicker.RangePicker
        data-testid="metric-period"
        allowClear={false}
        presets={periodPresets()}
        value={[dayjs(v.from), dayjs(v.to)]}
        onChange={(r) =>
          r?.[0] &&
          r[1] &&
          update({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })
        }
      />
      <Segmented<MetricScope>
        value={v.scope}
        options={[
          { value: 'town', label: '全镇' },
          { value: 'unit', label: '单位及下级' },
          { value: 'person', label: '责任人' },
        ]}
        onChange={(s) => update({ scope: s === 'town' ? undefined : s })}
      />
      {v.scope === 'unit' && (
        <Select
          style={{ width: 220 }}
          placeholder="选择单位或村"
          showSearch={{ optionFilterProp: 'label' }}
          value={v.unitId}
          options={refData.units.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(id: string) => update({ unitId: id })}
        />
      )}
      {v.scope === 'person' && (
        <Select
          style={{ width: 220 }}
          placeholder="选择人员"
          showSearch={{ optionFilterProp: 'label' }}
          value={v.personId}
          options={refData.people.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(id: string) => update({ personId: id })}
        />
      )}
    </Space>
  );
}
