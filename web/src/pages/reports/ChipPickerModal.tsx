/**
 * 插入数据 — picks a metric (searchable, grouped by ledger; the appeals KPIs under 接诉即办) and a
 * period (the report year by default); the scope is the report's own, as drafting counts it. The
 * server values the chip live before it is inserted at the caret; saving checks it again.
 */
import { useMemo, useState } from 'react';
import { Alert, Descriptions, Empty, Modal, Select, Spin, Statistic, Typography } from 'antd';
import type { MetricChip } from '../../api/reports.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { reportAdminApi, type ChipMetric } from './reportAdminApi.ts';

interface Props {
  open: boolean;
  reportId: string;
  onCancel: () => void;
  onInsert: (chip: MetricChip) => void;
  /** A hand-typed number the chip will replace (from 检查), shown so the author picks the matching metric. */
  replacing?: string;
}

/**
 * The picker's state: the catalogue (asked for when the picker opens, not with the editor), the
 * metric and period picked, and the chip valued live for them.
 */
function useChipPicker(open: boolean, reportId: string) {
  const { townId } = useSession();
  const [metricId, setMetricId] = useState<string>();
  const [periodKey, setPeriodKey] = useState('year');
  const catalogue = useLoader(
    async () => (open ? await reportAdminApi.chipCatalogue(townId, reportId) : undefined),
    [open, townId, reportId],
  ).data;

  const period = catalogue?.periods.find((p) => p.key === periodKey);
  // The chip valued live for the picked metric and period; insert waits until it is in.
  const valued = useLoader(
    async (signal): Promise<{ chip: MetricChip; metric: ChipMetric } | null> =>
      open && metricId && period
        ? await reportAdminApi.chipPreview(
            townId,
            reportId,
            { metricId, from: period.from, to: period.to },
            signal,
          )
        : null,
    [open, metricId, period?.from, period?.to, townId, reportId],
  );

  const options = useMemo(() => {
    const groups = new Map<string, ChipMetric[]>();
    for (const m of catalogue?.metrics ?? [])
      groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
    return [...groups].map(([group, metrics]) => ({
      label: group,
      title: group,
      options: metrics.map((m) => ({
        value: m.id,
        label: `${m.label}（${m.unit}）`,
        search: `${group} ${m.label} ${m.id}`,
      })),
    }));
  }, [catalogue]);

  const selected = catalogue?.metrics.find((m) => m.id === metricId);
  const scope = selected
    ? selected.group === '接诉即办'
      ? catalogue!.scope.appeals
      : catalogue!.scope.ledger
    : null;
  return {
    catalogue,
    options,
    metricId,
    setMetricId,
    periodKey,
    setPeriodKey,
    scope,
    preview: valued.data ?? null,
    valuing: valued.loading && !!(open && metricId && period),
  };
}

type Picker = ReturnType<typeof useChipPicker>;

/** 指标, 统计期间 and the scope the chip is counted over. */
function PickerFields({ picker }: { picker: Picker }) {
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 96 } }}>
      <Descriptions.Item label="指标">
        <Select
          data-testid="chip-metric"
          aria-label="指标"
          style={{ width: '100%' }}
          placeholder="输入名称搜索指标"
          showSearch={{ optionFilterProp: 'search' }}
          value={picker.metricId}
          onChange={picker.setMetricId}
          options={picker.options}
          notFoundContent={
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有可引用的指标" />
          }
        />
      </Descriptions.Item>
      <Descriptions.Item label="统计期间">
        <Select
          data-testid="chip-period"
          aria-label="统计期间"
          style={{ width: '100%' }}
          value={picker.periodKey}
          onChange={picker.setPeriodKey}
          options={picker.catalogue?.periods.map((p) => ({ value: p.key, label: p.label }))}
        />
      </Descriptions.Item>
      <Descriptions.Item label="统计范围">
        {picker.scope ?? <Typography.Text type="secondary">按本报告的统计范围</Typography.Text>}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The chip's current value, or why there is none yet. */
function ChipPreview({ picker }: { picker: Picker }) {
  const { preview } = picker;
  return (
    <div className="chip-preview" data-testid="chip-preview">
      {picker.valuing ? (
        <Spin />
      ) : preview ? (
        <>
          <Statistic
            title={preview.metric.label}
            value={preview.chip.display}
            styles={{ content: { color: '#1677ff' } }}
          />
          {preview.metric.description && (
            <Typography.Text type="secondary">{preview.metric.description}</Typography.Text>
          )}
          {preview.chip.value === null && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              message="该指标在此期间没有数据，插入后将显示为待取数。"
            />
          )}
        </>
      ) : (
        <Typography.Text type="secondary">选择指标后显示当前值</Typography.Text>
      )}
    </div>
  );
}

export function ChipPickerModal({ open, reportId, onCancel, onInsert, replacing }: Props) {
  const picker = useChipPicker(open, reportId);
  const { preview, setMetricId } = picker;
  const close = () => {
    setMetricId(undefined);
    onCancel();
  };

  return (
    <Modal
      open={open}
      title={replacing ? '改为引用指标' : '插入数据'}
      width={620}
      okText={replacing ? '替换' : '插入'}
      cancelText="取消"
      onCancel={close}
      destroyOnHidden
      okButtonProps={
        { disabled: !preview || picker.valuing, 'data-testid': 'chip-insert' } as never
      }
      onOk={() => {
        if (preview) {
          onInsert(preview.chip);
          setMetricId(undefined);
        }
      }}
    >
      {!picker.catalogue ? (
        <Spin style={{ display: 'block', margin: '32px auto' }} />
      ) : (
        <>
          {replacing ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={`选择与手工录入的“${replacing}”对应的指标，原文中的这个数字将替换为与台账关联的数字。`}
            />
          ) : (
            <Typography.Paragraph type="secondary">
              从台账指标中选取数字插入到光标处。数字与台账保持关联，定稿前随台账更新，点击可查看背后的记录。
            </Typography.Paragraph>
          )}
          <PickerFields picker={picker} />
          <ChipPreview picker={picker} />
        </>
      )}
    </Modal>
  );
}
