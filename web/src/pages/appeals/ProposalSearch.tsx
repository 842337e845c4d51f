/**
 * The search of 重复诉求识别: period, kind, village and the least group size, the button that runs
 * the detection on the server, and the result (proposals leave it as they are decided).
 */
import { Button, DatePicker, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/errors.ts';
import { townToday } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';
import { analysisApi, type Proposal, type ProposalKind } from './analysisApi.ts';
import type { AppealRefs } from './refs.ts';

const KINDS = [
  { value: 'hotline', label: '12345热线工单' },
  { value: 'all', label: '全部类型' },
];

export interface ProposalQuery {
  range: [Dayjs, Dayjs];
  setRange: (r: [Dayjs, Dayjs]) => void;
  kind: ProposalKind;
  setKind: (k: ProposalKind) => void;
  villageId: string | undefined;
  setVillageId: (id: string | undefined) => void;
  minSize: number;
  setMinSize: (n: number) => void;
}

export interface ProposalResult {
  items: Proposal[];
  scanned: number;
}

export function useProposalSearch() {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    townToday().subtract(1, 'year').startOf('year'),
    townToday(),
  ]);
  const [kind, setKind] = useState<ProposalKind>('hotline');
  const [villageId, setVillageId] = useState<string>();
  const [minSize, setMinSize] = useState(3);
  const [result, setResult] = useState<ProposalResult | null>(null);
  const [loading, setLoading] = useState(false);

  const run = async () => {
    setLoading(true);
    try {
      setResult(
        await analysisApi.proposals(townId, {
          from: range[0].format('YYYY-MM-DD'),
          to: range[1].format('YYYY-MM-DD'),
          kind,
          villageId,
          minSize,
        }),
      );
    } catch (err) {
      onError(err);
    } finally {
      setLoading(false);
    }
  };
  /** Takes a decided proposal out of the result. */
  const drop = (p: Proposal) =>
    setResult((r) => (r ? { ...r, items: r.items.filter((x) => x.key !== p.key) } : r));
  const query: ProposalQuery = {
    range,
    setRange,
    kind,
    setKind,
    villageId,
    setVillageId,
    minSize,
    setMinSize,
  };
  return { query, result, loading, run, drop };
}

export function ProposalToolbar({
  query,
  refs,
  loading,
  onRun,
}: {
  query: ProposalQuery;
  refs: AppealRefs;
  loading: boolean;
  onRun: () => void;
}) {
  return (
    <Space wrap>
      <DatePicker.RangePicker
        value={query.range}
        allowClear={false}
        onChange={(v) => v && v[0] && v[1] && query.setRange([v[0], v[1]])}
      />
      <Select
        style={{ width: 140 }}
        value={query.kind}
        onChange={query.setKind}
        options={KINDS}
        aria-label="工单类型"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder="全部村（社区）"
        style={{ width: 160 }}
        value={query.villageId}
        onChange={query.setVillageId}
        options={refs.villageOptions}
        data-testid="proposal-village"
      />
      <Space size={4}>
        <span>至少</span>
        <InputNumber
          min={2}
          max={50}
          value={query.minSize}
          onChange={(n) => query.setMinSize(n ?? 3)}
          style={{ width: 64 }}
        />
        <span>件</span>
      </Space>
      <Button type="primary" loading={loading} onClick={onRun}>
        开始识别
      </Button>
    </Space>
  );
}
