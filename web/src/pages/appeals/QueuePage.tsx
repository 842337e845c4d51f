/**
 * 我的工单: 待我办理 (orders on which I have an action now) and every order in my scope by state,
 * with filters and cursor paging. Due times are tagged red (overdue) or amber (within 24 hours).
 * 导出 Excel downloads what the tab shows (the whole queue, or the list with its filters — every page,
 * streamed by the server), contacts masked. The queue on screen holds the newest 200; beyond that
 * the page says so and points to the export.
 */
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { appealsApi, type AppealFilter, type AppealSummary } from '../../api/appeals.ts';
import { useCursorPages } from '../../api/useCursorPages.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { DueTag, formatTime } from './DueTag.tsx';
import { exportUrls, operationsApi } from './operations.api.ts';
import { useAppealRefs } from './refs.ts';

const MINE = 'mine';
const ALL = 'all';

export default function QueuePage() {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? MINE;
  const [kind, setKind] = useState<string>('hotline');
  const [filter, setFilter] = useState<AppealFilter>({});
  const [q, setQ] = useState('');
  const queue = useLoader(
    (signal) =>
      tab === MINE
        ? operationsApi.queue(townId, signal)
        : Promise.resolve({ items: [], truncated: false }),
    [townId, tab],
  );
  const listFilter = useMemo<AppealFilter>(
    () => ({ ...filter, kind, state: tab === ALL || tab === MINE ? undefined : tab }),
    [filter, kind, tab],
  );

  const { rows, cursor, loading, loadMore } = useCursorPages<AppealSummary>(
    tab === MINE ? null : (after) => appealsApi.list(townId, listFilter, after, 50),
    [townId, tab, listFilter],
  );

  const kindDef = refs.kinds.find((k) => k.kind === kind);
  const tabs = [
    { key: MINE, label: '待我办理' },
    { key: ALL, label: '全部' },
    ...(kindDef?.states ?? []).map((s) => ({ key: s.id, label: s.label })),
  ];

  const columns: ColumnsType<AppealSummary & { actions?: string[] }> = [
    {
      title: '编号',
      dataIndex: 'code',
      width: 110,
      render: (code: string, r) => <Link to={`/appeals/orders/${r.id}`}>{code}</Link>,
    },
    {
      title: '标题',
      dataIndex: 'title',
      width: 260,
      ellipsis: { showTitle: true },
      render: (t: string, r) => <Link to={`/appeals/orders/${r.id}`}>{t}</Link>,
    },
    {
      title: '类别',
      dataIndex: 'categoryCode',
      width: 150,
      ellipsis: true,
      render: (c: string | null) => refs.categoryName(c),
    },
    {
      title: '村（社区）',
      dataIndex: 'villageId',
      width: 100,
      render: (v: string | null) => (v ? refs.unitName(v) : '—'),
    },
    {
      title: '承办单位',
      dataIndex: 'unitId',
      width: 130,
      ellipsis: true,
      render: (v: string | null) => refs.unitName(v),
    },
    {
      title: '状态',
      dataIndex: 'stateLabel',
      width: 110,
      render: (s: string, r) => <Tag color={r.closedAt ? 'default' : 'blue'}>{s}</Tag>,
    },
    { title: '受理时间', dataIndex: 'receivedAt', width: 140, render: formatTime },
    {
      title: '办理期限',
      dataIndex: 'nextDueAt',
      width: 150,
      render: (d: string | null, r) => <DueTag dueAt={d} overdue={r.overdue} />,
    },
  ];
  if (tab === MINE)
    columns.push({
      title: '可办操作',
      dataIndex: 'actions',
      width: 170,
      fixed: 'right',
      // Each opens the order with that action's form (the detail page offers what the server allows).
      render: (a: string[] = [], r) => (
        <Space size={0} wrap>
          {a.map((x) => (
            <Link
              key={x}
              to={`/appeals/orders/${r.id}?do=${encodeURIComponent(x)}`}
              style={{ marginRight: 8 }}
              data-testid="queue-action"
            >
              {x}
            </Link>
          ))}
        </Space>
      ),
    });

  const data = tab === MINE ? (queue.data?.items ?? []) : rows;
  return (
    <Card
      title="我的工单"
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={tab === MINE ? exportUrls.queue(townId) : exportUrls.list(townId, listFilter)}
          data-testid="appeal-export"
        >
          导出 Excel
        </Button>
      }
    >
      {tab === MINE ? (
        <Typography.Paragraph type="secondary" data-testid="queue-filter-note">
          “待我办理”列出您现在可以办理的全部工单（按受理时间由新到旧）；按类型、类别、村（社区）、日期或关键字筛选，请切换到“全部”或各状态页。
        </Typography.Paragraph>
      ) : (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 150 }}
            value={kind}
            onChange={setKind}
            options={refs.kinds.map((k) => ({ value: k.kind, label: k.label }))}
          />
          <TreeSelect
            style={{ width: 200 }}
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder="诉求类别"
            treeData={refs.categoryTree}
            value={filter.categoryCode}
            onChange={(categoryCode?: string) => setFilter((f) => ({ ...f, categoryCode }))}
          />
          <Select
            style={{ width: 140 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="村（社区）"
            options={refs.villageOptions}
            value={filter.villageId}
            onChange={(villageId?: string) => setFilter((f) => ({ ...f, villageId }))}
          />
          <DatePicker.RangePicker
            onChange={(r) => {
              const [a, b] = (r ?? []) as (Dayjs | null)[];
              setFilter((f) => ({
                ...f,
                from: a?.format('YYYY-MM-DD'),
                to: b?.format('YYYY-MM-DD'),
              }));
            }}
          />
          <Input.Search
            placeholder="编号、标题、内容"
            allowClear
            style={{ width: 220 }}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => setFilter((f) => ({ ...f, q: v.trim() || undefined }))}
          />
        </Space>
      )}
      <Tabs activeKey={tab} onChange={(t) => setParams({ tab: t })} items={tabs} />
      {tab === MINE && queue.data?.truncated && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="queue-truncated"
          message={`待办较多，这里只列出最新受理的 ${queue.data.items.length} 件；“导出 Excel”包含全部待办，也可在“全部”或各状态页按条件筛选。`}
        />
      )}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data}
        loading={tab === MINE ? queue.loading : loading}
        pagination={false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: tab === MINE ? '暂无待办工单' : '没有符合条件的工单' }}
      />
      {tab !== MINE && cursor && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={loadMore} loading={loading}>
            加载更多
          </Button>
        </div>
      )}
    </Card>
  );
}
