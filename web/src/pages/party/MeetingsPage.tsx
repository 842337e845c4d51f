/**
 * 三会一课: per quarter, each branch's meetings held against those required and its attendance
 * rate (click a branch to see the meetings behind the figures), the meetings themselves, and
 * 登记会议 with the roll call. Branch secretaries see their own branch only.
 */
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { partyApi, type MeetingSummary } from '../../api/party.ts';
import { useLoader } from '../../api/useLoader.ts';
import { currentYear, todayKey } from '../../lib/time.ts';
import { useSession } from '../../session/session.tsx';
import { MeetingFormModal } from './MeetingFormModal.tsx';
import { QuarterTable } from './QuarterTable.tsx';
import { RequirementsButton } from './RequirementsModal.tsx';
import { RosterModal } from './RosterModal.tsx';

const rate = (present: number, expected: number) =>
  expected > 0 ? `${Math.round((present * 1000) / expected) / 10}%` : '—';

function quarterOptions() {
  const year = currentYear();
  return [year, year - 1].flatMap((y) =>
    [4, 3, 2, 1].map((q) => ({ value: `${y}-${q}`, label: `${y}年第${'一二三四'[q - 1]}季度` })),
  );
}

function currentQuarter() {
  const [y, m] = todayKey().split('-').map(Number);
  return `${y}-${Math.ceil(m! / 3)}`;
}

function MeetingTable(props: {
  items: MeetingSummary[] | undefined;
  loading: boolean;
  onOpen: (id: string) => void;
}) {
  return (
    <Table<MeetingSummary>
      rowKey="id"
      size="small"
      loading={props.loading}
      dataSource={props.items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '召开日期', dataIndex: 'heldOn', width: 110 },
        { title: '党支部', dataIndex: 'branchName' },
        { title: '会议类型', dataIndex: 'typeLabel', width: 120 },
        {
          title: '会议主题',
          dataIndex: 'topic',
          render: (t: string, m) => <a onClick={() => props.onOpen(m.id)}>{t}</a>,
        },
        {
          title: '出勤',
          key: 'attendance',
          width: 170,
          render: (_, m) => `${m.present}/${m.expected}人（${rate(m.present, m.expected)}）`,
        },
      ]}
    />
  );
}

function useMeetingData(townId: string, quarter: string, branchId: string | undefined) {
  const [year, q] = quarter.split('-').map(Number) as [number, number];
  const branches = useLoader(() => partyApi.branches(townId), [townId]);
  const overview = useLoader(() => partyApi.overview(townId, year, q), [townId, year, q]);
  const from = overview.data?.from;
  const to = overview.data?.to;
  const meetings = useLoader(
    async () =>
      from && to
        ? (await partyApi.meetings(townId, { from, to, ...(branchId ? { branchId } : {}) })).items
        : [],
    [townId, from, to, branchId],
  );
  return { branches, overview, meetings };
}

export default function MeetingsPage() {
  const { townId, allows } = useSession();
  const [quarter, setQuarter] = useState(currentQuarter);
  const [branchId, setBranchId] = useState<string | undefined>();
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [roster, setRoster] = useState(false);
  const { branches, overview, meetings } = useMeetingData(townId, quarter, branchId);
  const items = branches.data?.items ?? [];
  const selected = branchId ?? (items.length === 1 ? items[0]!.id : undefined);
  const toolbar = (
    <Space wrap>
      <Select
        aria-label="季度"
        value={quarter}
        onChange={setQuarter}
        options={quarterOptions()}
        style={{ width: 170 }}
      />
      <Select
        aria-label="党支部"
        allowClear
        placeholder="全部党支部"
        value={branchId}
        onChange={setBranchId}
        options={items.map((b) => ({ value: b.id, label: b.name }))}
        style={{ width: 200 }}
      />
      <Button icon={<TeamOutlined />} disabled={!selected} onClick={() => setRoster(true)}>
        党员名册
      </Button>
      {branches.data?.manage && <RequirementsButton onSaved={overview.reload} />}
      {allows('party.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          登记会议
        </Button>
      )}
    </Space>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="三会一课 · 季度概况" extra={toolbar}>
        <Typography.Paragraph type="secondary">
          “已开/应开”按召开频次要求计算，只计已结束的月份或季度；出勤率＝实到人次÷应到人次，由各次会议的出勤登记重新计算。点击党支部查看其会议。
        </Typography.Paragraph>
        <QuarterTable
          data={overview.data}
          loading={overview.loading}
          selected={branchId}
          onSelect={setBranchId}
        />
      </Card>
      <Card
        title={`会议记录${branchId ? `（${items.find((b) => b.id === branchId)?.name ?? ''}）` : ''}`}
      >
        <MeetingTable items={meetings.data} loading={meetings.loading} onOpen={setEditing} />
      </Card>
      {editing !== undefined && (
        <MeetingFormModal
          id={editing}
          branches={items}
          defaultBranchId={selected}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            overview.reload();
            meetings.reload();
          }}
        />
      )}
      {roster && selected && <RosterModal branchId={selected} onClose={() => setRoster(false)} />}
    </Space>
  );
}
