/**
 * 已忽略: the proposals someone dismissed (who, when, why, which orders). 撤销忽略 lets detection
 * propose the group again; the record and its audit entries stay.
 */
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { analysisApi, type Dismissal } from './analysisApi.ts';
import { useCanWriteAnalysis } from './analysisShared.tsx';
import { formatTime } from './DueTag.tsx';
import { useAppealRefs } from './refs.ts';

export function DismissedList() {
  const { townId } = useSession();
  const refs = useAppealRefs();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const canWrite = useCanWriteAnalysis();
  const list = useLoader((signal) => analysisApi.dismissals(townId, signal), [townId]);
  const undo = async (d: Dismissal) => {
    try {
      await analysisApi.undoDismissal(townId, d.id);
      void message.success(`已撤销忽略「${d.title}」，下次识别会再次建议`);
      list.reload();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Table<Dismissal>
      rowKey="id"
      size="small"
      loading={list.loading}
      dataSource={list.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="dismissed-list"
      locale={{ emptyText: '没有被忽略的建议' }}
      expandable={{
        expandedRowRender: (d) => (
          <Space wrap>
            {d.orders.map((o) => (
              <Link key={o.id} to={`/appeals/orders/${o.id}`}>
                <Tag>
                  {o.code} {o.title}
                </Tag>
              </Link>
            ))}
          </Space>
        ),
      }}
      columns={[
        {
          title: '建议',
          dataIndex: 'title',
          render: (t: string, d) => (
            <>
              {d.problemId && <Tag color="purple">并入已有问题</Tag>}
              {t}
            </>
          ),
        },
        {
          title: '村（社区）',
          dataIndex: 'villageId',
          width: 110,
          render: (v: string | null) => refs.unitName(v),
        },
        { title: '工单', width: 70, align: 'right', render: (_, d) => `${d.orders.length} 件` },
        { title: '忽略理由', dataIndex: 'reason', ellipsis: true },
        { title: '忽略人', dataIndex: 'dismissedByName', width: 100 },
        { title: '时间', dataIndex: 'dismissedAt', width: 140, render: formatTime },
        {
          title: '操作',
          width: 100,
          render: (_, d) =>
            canWrite && (
              <Popconfirm
                title="撤销后，识别会再次建议这组工单。确定撤销？"
                okText="撤销忽略"
                onConfirm={() => void undo(d)}
              >
                <Button size="small">撤销忽略</Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
