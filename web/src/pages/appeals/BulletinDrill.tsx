/**
 * The orders behind one bulletin figure: the figure's own params are the drill-down query. A
 * county ranking figure names its town: the server checks the caller holds a grant there, and the
 * list is read-only (no links into another town's order pages).
 */
import { Button, Drawer, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useCursorPages } from '../../api/useCursorPages.ts';
import { useSession } from '../../session/session.tsx';
import { analysisApi, type DrillOrder } from './analysisApi.ts';
import { formatTime } from './DueTag.tsx';
import { ORDER_FIELD_LABELS } from '../../../../src/core/workflow/order-fields.ts';

export interface BulletinFigure {
  metricId: string;
  params: Record<string, unknown>;
  title: string;
  townId?: string;
}

export function BulletinDrill({
  figure,
  onClose,
}: {
  figure: BulletinFigure | null;
  onClose: () => void;
}) {
  const { townId: homeTown } = useSession();
  const townId = figure?.townId ?? homeTown;
  const sameTown = townId === homeTown;
  const { rows, cursor, loading, loadMore } = useCursorPages<DrillOrder>(
    figure && ((after) => analysisApi.drill(townId, figure.metricId, figure.params, after)),
    [figure],
  );
  const isRate = rows.some((r) => r.inNumerator !== undefined);
  return (
    <Drawer open={!!figure} onClose={onClose} title={figure?.title} size="large" destroyOnHidden>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        data-testid="bulletin-drill"
        columns={[
          {
            title: '编号',
            dataIndex: 'code',
            width: 100,
            render: (c: string, r) =>
              sameTown ? <Link to={`/appeals/orders/${r.id}`}>{c}</Link> : c,
          },
          { title: '标题', dataIndex: 'title', ellipsis: true },
          { title: '受理日期', dataIndex: 'receivedOn', width: 110 },
          { title: '办结时间', dataIndex: 'closedAt', width: 150, render: formatTime },
          ...(isRate
            ? [
                {
                  title: ORDER_FIELD_LABELS.inNumerator,
                  dataIndex: 'inNumerator',
                  width: 90,
                  render: (v: boolean) => (v ? <Tag color="green">是</Tag> : <Tag>否</Tag>),
                },
              ]
            : []),
        ]}
      />
      {cursor && figure && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={loading} onClick={loadMore}>
            加载更多
          </Button>
        </div>
      )}
    </Drawer>
  );
}
