/**
 * 超期/督办: overdue orders (server list) and near-due orders from my queue, grouped by handling
 * unit or by village, each with its 督办 status (the supervision reminders the scheduler raised).
 */
import { Card, Collapse, Empty, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { appealsApi, type AppealSummary, type Reminder } from '../../api/appeals.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../org/useOrgData.ts';
import { DueTag, formatTime, isNearDue } from './DueTag.tsx';
import { useAppealRefs, type AppealRefs } from './refs.ts';

type GroupBy = 'unitId' | 'villageId';

/** Loads each order's reminders a few at a time; the list endpoint does not carry them. */
function useSupervision(ids: string[]) {
  const { townId } = useSession();
  const [byId, setById] = useState<Record<string, Reminder[]>>({});
  const key = ids.join(',');
  useEffect(() => {
    let stop = false;
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id && !stop; id = queue.shift()) {
        try {
          const d = await appealsApi.detail(townId, id);
          if (!stop) setById((m) => ({ ...m, [id]: d.reminders.filter((r) => r.kind === 'supervision') }));
        } catch {
          // shown as unknown
        }
      }
    };
    void Promise.all([worker(), worker(), worker(), worker()]);
    return () => {
      stop = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [townId, key]);
  return byId;
}

function groups(rows: AppealSummary[], by: GroupBy, refs: AppealRefs) {
  const map = new Map<string, AppealSummary[]>();
  for (const r of rows) {
    const k = r[by] ?? '';
    map.set(k, [...(map.get(k) ?? []), r]);
  }
  return [...map].map(([k, items]) => ({ key: k || 'none', label: k ? refs.unitName(k) : by === 'villageId' ? '不涉及村（社区）' : '无承办单位', items }));
}

export default function OverduePage() {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const [by, setBy] = useState<GroupBy>('unitId');
  const overdue = useLoader((signal) => appealsApi.overdue(townId, signal), [townId]);
  const queue = useLoader((signal) => appealsApi.queue(townId, signal), [townId]);
  const near = useMemo(() => (queue.data ?? []).filter((a) => isNearDue(a.nextDueAt, a.overdue)), [queue.data]);
  const supervision = useSupervision((overdue.data ?? []).map((a) => a.id));

  const columns: ColumnsType<AppealSummary> = [
    { title: '编号', dataIndex: 'code', width: 110, render: (c: string, r) => <Link to={`/appeals/orders/${r.id}`}>{c}</Link> },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '状态', dataIndex: 'stateLabel', width: 110 },
    { title: by === 'unitId' ? '村（社区）' : '承办单位', width: 150, render: (_, r) => refs.unitName(by === 'unitId' ? r.villageId : r.unitId) },
    { title: '期限', dataIndex: 'nextDueAt', width: 160, render: (d: string | null, r) => <DueTag dueAt={d} overdue={r.overdue} /> },
    {
      title: '督办',
      width: 190,
      render: (_, r) => {
        if (!r.overdue) return <Tag color="orange">临期提醒</Tag>;
        const s = supervision[r.id];
        if (!s) return <Typography.Text type="secondary">…</Typography.Text>;
        return s.length ? <Tag color="volcano">已督办 {formatTime(s[s.length - 1]!.createdAt).slice(5)}</Tag> : <Tag>待督办</Tag>;
      },
    },
  ];

  const board = (rows: AppealSummary[], empty: string) =>
    rows.length === 0 ? (
      <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} />
    ) : (
      <Collapse
        defaultActiveKey={groups(rows, by, refs).map((g) => g.key)}
        items={groups(rows, by, refs).map((g) => ({
          key: g.key,
          label: <Typography.Text strong>{g.label}</Typography.Text>,
          children: <Table rowKey="id" size="small" columns={columns} dataSource={g.items} pagination={false} />,
        }))}
      />
    );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<span><Tag color="red">超期</Tag>超期工单</span>}
        loading={overdue.loading && !overdue.data}
        extra={
          <Radio.Group value={by} onChange={(e) => setBy(e.target.value as GroupBy)} optionType="button" buttonStyle="solid"
            options={[{ value: 'unitId', label: '按承办单位' }, { value: 'villageId', label: '按村（社区）' }]} />
        }
        data-testid="overdue-board"
      >
        {board(overdue.data ?? [], '没有超期工单')}
      </Card>
      <Card title={<span><Tag color="orange">临期</Tag>24 小时内到期（我的待办）</span>} loading={queue.loading && !queue.data}>
        {board(near, '没有临近到期的待办')}
      </Card>
    </Space>
  );
}
