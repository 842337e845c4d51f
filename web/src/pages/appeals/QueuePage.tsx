/**
 * 我的工单: 待我办理 (orders on which I have an action now) and every order in my scope by state,
 * with filters and cursor paging. Due times are tagged red (overdue) or amber (within 24 hours).
 * 导出 Excel downloads what the tab shows (the whole queue, or the list with its filters — every page,
 * streamed by the server), contacts masked. The queue on screen holds the newest 200; beyond that
 * the page says so and points to the export.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { exportUrls } from './operations.api.ts';
import { queueColumns, QueueFilters } from './QueueParts.tsx';
import { useAppealRefs } from './refs.ts';
import { ALL, MINE, useQueueData } from './useQueueData.ts';

export default function QueuePage() {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? MINE;
  const d = useQueueData(tab);
  const { queue, listFilter } = d;
  const { rows, cursor, loading, loadMore } = d.list;

  const kindDef = refs.kinds.find((k) => k.kind === d.kind);
  const tabs = [
    { key: MINE, label: '待我办理' },
    { key: ALL, label: '全部' },
    ...(kindDef?.states ?? []).map((s) => ({ key: s.id, label: s.label })),
  ];
  const columns = queueColumns(refs, tab === MINE);

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
        <QueueFilters data={d} refs={refs} />
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
