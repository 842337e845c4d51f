/**
 * The records behind a metric value (drill-down), paged with the server's cursor: date, group,
 * the measured value for sums / distinct counts / rates, and the ledger's leading fields.
 * The parent remounts it (key) when metric, period or scope change, so paging restarts.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { LedgerType } from '../../api/ledgers.ts';
import {
  metricsApi,
  type DrillItem,
  type MetricInfo,
  type MetricQuery,
} from '../../api/metrics.ts';
import type { Page } from '../../api/client.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { liveFields, renderValue, valueText, type RefData } from '../ledgers/fieldValues.tsx';

const PAGE_SIZE = 50;

interface Props {
  metric: MetricInfo;
  query: MetricQuery;
  type: LedgerType | undefined;
  refData: RefData;
}

export function DrillTable({ metric, query, type, refData }: Props) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page<DrillItem>>({ items: [], nextCursor: null });
  const [loading, setLoading] = useState(false);
  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    metricsApi
      .records(townId, metric.id, { ...query, cursor, limit: PAGE_SIZE }, ctrl.signal)
      .then(setPage, (err) => !ctrl.signal.aborted && onError(err))
      .finally(() => !ctrl.signal.aborted && setLoading(false));
    return () => ctrl.abort();
  }, [townId, metric.id, query, cursor, onError]);

  const columns = useMemo(() => {
    const fields = liveFields(type);
    const groupField = fields.find((f) => f.key === query.groupBy);
    const cols: TableColumnsType<DrillItem> = [
      { title: '日期', dataIndex: 'occurredOn', width: 110 },
    ];
    if (query.groupBy)
      cols.push({
        title: groupField?.label ?? '分组',
        dataIndex: 'groupKey',
        width: 130,
        render: (k: string | null) => valueText(groupField, k, refData),
      });
    if (metric.aggregation === 'sum' || metric.aggregation === 'count_distinct') {
      cols.push({
        title: metric.aggregation === 'sum' ? '计入数值' : '计数对象',
        dataIndex: 'measure',
        width: 110,
        render: (m: unknown) => (m === null ? '—' : String(m)),
      });
    }
    if (metric.aggregation === 'rate') {
      cols.push({
        title: '计入分子',
        dataIndex: 'inNumerator',
        width: 90,
        render: (v: boolean | null) => (v ? <Tag color="green">是</Tag> : <Tag>否</Tag>),
      });
    }
    const shown = fields
      .filter(
        (f) =>
          f.type !== 'long_text' &&
          f.type !== 'attachment' &&
          f.key !== type?.dateField &&
          f.key !== query.groupBy,
      )
      .slice(0, 5);
    for (const f of shown)
      cols.push({
        title: f.label,
        key: f.key,
        dataIndex: ['data', f.key],
        ellipsis: f.type === 'text',
        render: (v: unknown) => renderValue(f, v, refData, townId),
      });
    return cols;
  }, [type, query.groupBy, metric.aggregation, refData, townId]);

  return (
    <>
      <Table<DrillItem>
        rowKey="id"
        data-testid="drill-table"
        size="small"
        columns={columns}
        dataSource={page.items}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '该期间和范围内没有记录' }}
      />
      <div
        style={{
          display: 'flex',
          justifyContent: 'flex-end',
          alignItems: 'center',
          gap: 8,
          marginTop: 12,
        }}
      >
        <Link to={`/ledgers/${metric.typeCode}`} style={{ marginRight: 'auto' }}>
          打开“{metric.typeName}”台账
        </Link>
        <Typography.Text type="secondary">
          第 {cursors.length} 页 · 每页 {PAGE_SIZE} 条
        </Typography.Text>
        <Button
          icon={<LeftOutlined />}
          disabled={cursors.length <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          上一页
        </Button>
        <Button
          disabled={!page.nextCursor}
          onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor!])}
        >
          下一页 <RightOutlined />
        </Button>
      </div>
    </>
  );
}
