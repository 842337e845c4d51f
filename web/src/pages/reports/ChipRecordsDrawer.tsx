/** The records behind one number of a report (GET …/reports/{id}/chips/{n}/records), cursor paged. */
import { useMemo, useState } from 'react';
import { Descriptions, Drawer, Table, type TableColumnsType } from 'antd';
import { reportsApi, type ChipRecordRow, type ChipRecords } from '../../api/reports.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { ledgersApi, type LedgerType } from '../../api/ledgers.ts';
import { PrevNextPager } from '../../layout/PrevNextPager.tsx';
import type { RefData } from '../ledgers/fieldFormat.ts';
import { liveFields, renderValue, useRefData } from '../ledgers/fieldValues.tsx';
import type { ChipAttrs } from './docConvert.ts';
import { appealsApi, type AppealKind } from '../../api/appeals.ts';
import { formatDate, formatDateTime } from '../../lib/time.ts';
import {
  isOrderField,
  ORDER_FIELD_LABELS,
  type OrderField,
} from '../../../../src/core/workflow/order-fields.ts';

const PAGE_SIZE = 20;
/** Fields of a record that are no column of their own when the metric counts no ledger. */
const OWN_FIELDS = [
  'id',
  'occurredOn',
  'data',
  'version',
  'measure',
  'inNumerator',
  'groupKey',
  'unitId',
  'personId',
];

function text(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

interface ColumnSource {
  page: ChipRecords | undefined;
  type: LedgerType | undefined;
  typeCode: string | undefined;
  refData: RefData;
  townId: string;
  kinds: AppealKind[];
}

/** 日期, 计入数值/分子 when the metric has them, then the ledger's first fields (or the record's own). */
function chipColumns({ page, type, typeCode, refData, townId, kinds }: ColumnSource) {
  const cols: TableColumnsType<ChipRecordRow> = [
    { title: '日期', dataIndex: 'occurredOn', width: 110 },
  ].filter(() => (page?.items ?? []).some((r) => typeof r.occurredOn === 'string'));
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
      title: ORDER_FIELD_LABELS.inNumerator,
      key: 'inNumerator',
      width: 90,
      render: (_: unknown, r) => text(r.inNumerator),
    });
  const data = (r: ChipRecordRow) =>
    r.data && typeof r.data === 'object' ? (r.data as Record<string, unknown>) : {};
  if (type) {
    const shown = liveFields(type)
      .filter((f) => f.type !== 'long_text' && f.type !== 'attachment' && f.key !== type.dateField)
      .slice(0, 6);
    for (const f of shown)
      cols.push({
        title: f.label,
        key: f.key,
        ellipsis: f.type === 'text',
        render: (_: unknown, r) => renderValue(f, data(r)[f.key], refData, townId),
      });
  } else if (items[0] && !typeCode) {
    // Not a ledger metric (appeals orders): the order's fields by their declared names and values
    // by their labels; a field without a declared name is not shown.
    const keys = Object.keys(items[0])
      .filter((k) => !OWN_FIELDS.includes(k) && isOrderField(k))
      .slice(0, 7);
    for (const k of keys)
      cols.push({
        title: ORDER_FIELD_LABELS[k as OrderField],
        key: k,
        ellipsis: k === 'title',
        render: (_: unknown, r) => orderValue(k, r, kinds),
      });
  }
  return cols;
}

/** An order field as people read it: kind and state by their labels, times on the town's clock. */
function orderValue(key: string, r: ChipRecordRow, kinds: AppealKind[]): string {
  const v = r[key];
  const kind = kinds.find((k) => k.kind === r.kind);
  if (key === 'kind') return kind?.label ?? text(v);
  if (key === 'state') return kind?.states.find((st) => st.id === v)?.label ?? text(v);
  if (key.endsWith('At')) return formatDateTime(typeof v === 'string' ? v : null);
  if (key.endsWith('On')) return formatDate(typeof v === 'string' ? v : null);
  return text(v);
}

interface Props {
  reportId: string;
  chip: { index: number; attrs: ChipAttrs } | null;
  onClose: () => void;
}

export function ChipRecordsDrawer({ reportId, chip, onClose }: Props) {
  const { townId } = useSession();
  // The cursors of the pages before this one, kept for the chip they were paged through.
  const [paging, setPaging] = useState<{ chip?: number; cursors: (string | undefined)[] }>({
    cursors: [undefined],
  });
  const cursors = paging.chip === chip?.index ? paging.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const pageOf = (next: (string | undefined)[]) => setPaging({ chip: chip?.index, cursors: next });
  const refData = useRefData();
  const records = useLoader(
    (signal) =>
      chip
        ? reportsApi.chipRecords(townId, reportId, chip.index, { cursor, limit: PAGE_SIZE }, signal)
        : Promise.resolve(undefined),
    [townId, reportId, chip?.index, cursor],
  );
  const page = records.data;
  const typeCode = typeof page?.metric.typeCode === 'string' ? page.metric.typeCode : undefined;
  // The ledger type names the columns; without it (no access, not a ledger) plain values show.
  const type = useLoader(
    (signal) =>
      typeCode
        ? ledgersApi.type(townId, typeCode, signal).catch(() => undefined)
        : Promise.resolve(undefined),
    [townId, typeCode],
  ).data;
  // Appeals figures count orders: their kinds name the kind and state of each.
  const isOrders = !!page && !typeCode && page.items.some((r) => 'state' in r);
  const kinds = useLoader(
    () => (isOrders ? appealsApi.kinds(townId).catch(() => []) : Promise.resolve([])),
    [townId, isOrders],
  ).data;
  const columns = useMemo(
    () => chipColumns({ page, type, typeCode, refData, townId, kinds: kinds ?? [] }),
    [page, type, typeCode, refData, townId, kinds],
  );
  const from = chip?.attrs.params.from;

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
          {typeof from === 'string' && (
            <Descriptions.Item label="统计期间">
              {`${from} 至 ${String(chip.attrs.params.to ?? '')}`}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Table<ChipRecordRow>
        rowKey="id"
        data-testid="chip-records"
        size="small"
        columns={columns}
        dataSource={page?.items ?? []}
        loading={records.loading && !!chip}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有记录' }}
      />
      <PrevNextPager
        page={cursors.length}
        pageSize={PAGE_SIZE}
        hasNext={!!page?.nextCursor}
        onPrev={() => pageOf(cursors.slice(0, -1))}
        onNext={() => page?.nextCursor && pageOf([...cursors, page.nextCursor])}
      />
    </Drawer>
  );
}
