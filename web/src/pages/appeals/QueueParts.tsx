/**
 * Parts of 我的工单: the order columns (with the actions open to me on 待我办理) and the filters
 * of the list tabs (kind, category, village, dates, keywords).
 */
import { DatePicker, Input, Select, Space, Tag, TreeSelect } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import type { AppealSummary } from '../../api/appeals.ts';
import { DueTag, formatTime } from './DueTag.tsx';
import type { AppealRefs } from './refs.ts';
import type { QueueData } from './useQueueData.ts';

type QueueRow = AppealSummary & { actions?: string[] };

/** Each opens the order with that action's form (the detail page offers what the server allows). */
function ActionLinks({ a, r }: { a: string[]; r: QueueRow }) {
  return (
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
  );
}

export function queueColumns(refs: AppealRefs, mine: boolean): ColumnsType<QueueRow> {
  const columns: ColumnsType<QueueRow> = [
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
  if (mine)
    columns.push({
      title: '可办操作',
      dataIndex: 'actions',
      width: 170,
      fixed: 'right',
      render: (a: string[] = [], r) => <ActionLinks a={a} r={r} />,
    });
  return columns;
}

export function QueueFilters({ data, refs }: { data: QueueData; refs: AppealRefs }) {
  const { kind, setKind, filter, setFilter, q, setQ } = data;
  return (
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
  );
}
