/** The records behind one number of a report (GET …/reports/{id}/chips/{n}/records), cursor paged. */
import { useEffect, useMemo, useState } from 'react';
import { Button, Descriptions, Drawer, Table, Typography, type TableColumnsType } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { reportsApi, type ChipRecordRow, type ChipRecords } from '../../api/reports.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { ledgersApi, type LedgerType } from '../../api/ledgers.ts';
import { liveFields, renderValue, useRefData } from '../ledgers/fieldValues.tsx';
import type { ChipAttrs } from './docConvert.ts';

const PAGE_SIZE = 20;

function text(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

interface Props {
  reportId: string;
  chip: { index: number; attrs: ChipAttrs } | null;
  onClose: () => void;
}

export function ChipRecordsDrawer({ reportId, chip, onClose }: Props) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<ChipRecords | null>(null);
  const [loading, setLoading] = useState(false);
  const cursor = cursors[cursors.length - 1];
  const refData = useRefData();
  const [type, setType] = useState<LedgerType>();
  const typeCode = typeof page?.metric.typeCode === 'string' ? page.metric.typeCode : undefined;
  useEffect(() => {
    if (!typeCode) return setType(undefined);
    const ctrl = new AbortController();
    ledgersApi.type(townId, typeCode, ctrl.signal).then(setType, () => setType(undefined));
    return () => ctrl.abort();
  }, [townId, typeCode]);

  useEffect(() => setCursors([undefined]), [chip?.index]);
  useEffect(() => {
    if (!chip) return;
    const ctrl = new AbortController();
    setLoading(true);
    reportsApi
      .chipRecords(townId, reportId, chip.index, { cursor, limit: PAGE_SIZE }, ctrl.signal)
      .then(setPage, (err) => !ctrl.signal.aborted && onError(err))
      .finally(() => !ctrl.signal.aborted && setLoading(false));
    return () => ctrl.abort();
  }, [townId, reportId, chip, cursor, onError]);

  const columns = useMemo(() => {
    const cols: TableColumnsType<ChipRecordRow> = [
      { title: '日期', dataIndex: 'occurredOn', width: 110 },
    ];
    const items = page?.items ?? [];
    if (items.some((r) => r.measure !== null && r.measure !== undefined))
      cols.push({
        title: '计入数值',
        key: 'measure',
        width: 100,
        render: (_: unknown, r) => text(r.measure),
      });
    if (items.some((r) => r.inNumerator !== null && r.inNumerator !== undefined))
      cols.push({
        title: '计入分子',
        key: 'inNumerator',
        width: 90,
        render: (_: unknown, r) => text(r.inNumerator),
      });
    const data = (r: ChipRecordRow) =>
      r.data && typeof r.data === 'object' ? (r.data as Record<string, unknown>) : {};
    if (type) {
      const shown = liveFields(type)
        .filter(
          (f) => f.type !== 'long_text' && f.type !== 'attachment' && f.key !== type.dateField,
        )
        .slice(0, 6);
      for (const f of shown)
        cols.push({
          title: f.label,
          key: f.key,
          ellipsis: f.type === 'text',
          render: (_: unknown, r) => renderValue(f, data(r)[f.key], refData, townId),
        });
    } else if (items[0] && !typeCode) {
      // not a ledger metric (e.g. appeals orders): show the record's own scalar fields
      const keys = Object.keys(items[0])
        .filter(
          (k) =>
            ![
              'id',
              'occurredOn',
              'data',
              'version',
              'measure',
              'inNumerator',
              'groupKey',
              'unitId',
              'personId',
            ].includes(k),
        )
        .slice(0, 6);
      for (const k of keys)
        cols.push({ title: k, key: k, ellipsis: true, render: (_: unknown, r) => text(r[k]) });
    }
    return cols;
  }, [page, type, typeCode, refData, townId]);

  return (
    <Drawer
      open={!!chip}
      onClose={onClose}
      size="large"
      width={860}
      title={page?.metric.label ?? '数字明细'}
      destroyOnHidden
    >
      {chip && (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="报告中的数字">{chip.attrs.display}</Descriptions.Item>
          <Descriptions.Item label="指标">
            {page?.metric.label ?? chip.attrs.metricId}
          </Descriptions.Item>
          {typeof chip.attrs.params.from === 'string' && (
            <Descriptions.Item label="统计期间">{`${chip.attrs.params.from} 至 ${String(chip.attrs.params.to ?? '')}`}</Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Table<ChipRecordRow>
        rowKey="id"
        data-testid="chip-records"
        size="small"
        columns={columns}
        dataSource={page?.items ?? []}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有记录' }}
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
          disabled={!page?.nextCursor}
          onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor!])}
        >
          下一页 <RightOutlined />
        </Button>
      </div>
    </Drawer>
  );
}
