/**
 * The orders behind one KPI figure (drill-down endpoint), keyset-paged, each linking to its detail;
 * 导出 Excel downloads every one of them (the same drill-down, all pages).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Drawer, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { appealsApi, type KpiOrder, type KpiQuery } from '../../api/appeals.ts';
import { useCursorPages } from '../../api/useCursorPages.ts';
import { useSession } from '../../session/session.tsx';
import { formatTime } from './DueTag.tsx';
import { ORDER_FIELD_LABELS } from '../../../../src/core/workflow/order-fields.ts';
import { exportUrls } from './operations.api.ts';

export interface Drill {
  metricId: string;
  title: string;
  query: KpiQuery;
  group?: string;
}

export function KpiOrdersDrawer({ drill, onClose }: { drill: Drill | null; onClose: () => void }) {
  const { townId } = useSession();
  const { rows, cursor, loading, loadMore } = useCursorPages<KpiOrder>(
    drill &&
      ((after) =>
        appealsApi.kpiOrders(townId, drill.metricId, {
          ...drill.query,
          group: drill.group,
          cursor: after ?? undefined,
          limit: 100,
        })),
    [drill],
  );

  return (
    <Drawer
      open={!!drill}
      onClose={onClose}
      title={drill?.title}
      size="large"
      destroyOnHidden
      extra={
        drill && (
          <Button
            icon={<DownloadOutlined />}
            href={exportUrls.kpiOrders(townId, drill.metricId, {
              ...drill.query,
              group: drill.group,
            })}
            data-testid="kpi-orders-export"
          >
            导出 Excel
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        data-testid="kpi-orders"
        columns={[
          {
            title: '编号',
            dataIndex: 'code',
            width: 100,
            render: (c: string, r) => <Link to={`/appeals/orders/${r.id}`}>{c}</Link>,
          },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '受理日期', dataIndex: 'receivedOn', width: 110 },
          { title: '办结时间', dataIndex: 'closedAt', width: 150, render: formatTime },
          {
            title: ORDER_FIELD_LABELS.inNumerator,
            dataIndex: 'inNumerator',
            width: 90,
            render: (v: boolean) => (v ? <Tag color="green">是</Tag> : <Tag>否</Tag>),
          },
        ]}
      />
      {cursor && drill && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={loadMore} loading={loading}>
            加载更多
          </Button>
        </div>
      )}
    </Drawer>
  );
}
