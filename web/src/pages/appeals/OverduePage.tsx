/**
 * 超期/督办: 领导督办 not yet answered, 我的提醒, overdue orders (server list, with their latest
 * 督办) and near-due orders from my queue, grouped by handling unit or by village. Town leaders
 * issue 督办 from any row; the overdue list exports to Excel.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Empty, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { appealsApi, type AppealSummary } from '../../api/appeals.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { DueTag, isNearDue } from './DueTag.tsx';
import { canSupervise, exportUrls } from './operations.api.ts';
import { useAppealRefs, type AppealRefs } from './refs.ts';
import { SuperviseModal, type SuperviseTarget } from './SuperviseModal.tsx';
import { MyReminders, SupervisionBoard } from './SupervisionCards.tsx';
import { formatDateTimeShort } from '../../lib/time.ts';

type GroupBy = 'unitId' | 'villageId';
/** The overdue list carries the time of the order's latest 督办. */
type Row = AppealSummary & { supervisedAt?: string | null };

function groups(rows: Row[], by: GroupBy, refs: AppealRefs) {
  const map = new Map<string, Row[]>();
  for (const r of rows) {
    const k = r[by] ?? '';
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return [...map].map(([k, items]) => ({
    key: k || 'none',
    label: k ? refs.unitName(k) : by === 'villageId' ? '不涉及村（社区）' : '无承办单位',
    items,
  }));
}

export default function OverduePage() {
  const { townId, grantsInTown } = useSession();
  const refs = useAppealRefs();
  const [by, setBy] = useState<GroupBy>('unitId');
  const [tick, setTick] = useState(0);
  const [target, setTarget] = useState<SuperviseTarget | null>(null);
  const overdue = useLoader(
    (signal) =>
      appealsApi.overduePage(townId, signal) as Promise<{ items: Row[]; truncated: boolean }>,
    [townId, tick],
  );
  const queue = useLoader((signal) => appealsApi.queue(townId, signal), [townId, tick]);
  const near = useMemo(
    () => (queue.data ?? []).filter((a) => isNearDue(a.nextDueAt, a.overdue)),
    [queue.data],
  );
  const leader = canSupervise(grantsInTown);
  const refresh = () => setTick((n) => n + 1);

  const columns: ColumnsType<Row> = [
    {
      title: '编号',
      dataIndex: 'code',
      width: 110,
      render: (c: string, r) => <Link to={`/appeals/orders/${r.id}`}>{c}</Link>,
    },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '状态', dataIndex: 'stateLabel', width: 110 },
    {
      title: by === 'unitId' ? '村（社区）' : '承办单位',
      width: 150,
      render: (_, r) => refs.unitName(by === 'unitId' ? r.villageId : r.unitId),
    },
    {
      title: '期限',
      dataIndex: 'nextDueAt',
      width: 160,
      render: (d: string | null, r) => <DueTag dueAt={d} overdue={r.overdue} />,
    },
    {
      title: '督办',
      width: leader ? 230 : 170,
      render: (_, r) => (
        <Space size={4}>
          {!r.overdue ? (
            <Tag color="orange">临期提醒</Tag>
          ) : r.supervisedAt ? (
            <Tag color="volcano">已督办 {formatDateTimeShort(r.supervisedAt)}</Tag>
          ) : (
            <Tag>待督办</Tag>
          )}
          {leader && (
            <Button size="small" onClick={() => setTarget(r)} data-testid="supervise">
              督办
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const board = (rows: Row[], empty: string) =>
    rows.length === 0 ? (
      <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />
    ) : (
      <Collapse
        defaultActiveKey={groups(rows, by, refs).map((g) => g.key)}
        items={groups(rows, by, refs).map((g) => ({
          key: g.key,
          label: <Typography.Text strong>{g.label}</Typography.Text>,
          children: (
            <Table
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={g.items}
              pagination={false}
            />
          ),
        }))}
      />
    );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <SupervisionBoard refs={refs} tick={tick} />
      <MyReminders tick={tick} onChanged={refresh} />
      <Card
        title={
          <span>
            <Tag color="red">超期</Tag>超期工单
          </span>
        }
        loading={overdue.loading && !overdue.data}
        extra={
          <Space>
            <Radio.Group
              value={by}
              onChange={(e) => setBy(e.target.value as GroupBy)}
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'unitId', label: '按承办单位' },
                { value: 'villageId', label: '按村（社区）' },
              ]}
            />
            <Button
              icon={<DownloadOutlined />}
              href={exportUrls.overdue(townId)}
              data-testid="overdue-export"
            >
              导出 Excel
            </Button>
          </Space>
        }
        data-testid="overdue-board"
      >
        {overdue.data?.truncated && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="overdue-truncated"
            message={`这里只列出最近受理的 ${overdue.data.items.length} 件超期工单，另有更多；导出 Excel 可得到完整清单（上限 1 万件）。`}
          />
        )}
        {board(overdue.data?.items ?? [], '没有超期工单')}
      </Card>
      <Card
        title={
          <span>
            <Tag color="orange">临期</Tag>24 小时内到期（我的待办）
          </span>
        }
        loading={queue.loading && !queue.data}
      >
        {board(near, '没有临近到期的待办')}
      </Card>
      <SuperviseModal
        order={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          refresh();
        }}
      />
    </Space>
  );
}
