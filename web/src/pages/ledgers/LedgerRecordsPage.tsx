/**
 * One ledger's records: columns, filters and sort generated from the type definition, a column
 * chooser (remembered per type), cursor paging, add/edit/delete with optimistic locking, and
 * Excel (blank template, export of the filtered list, import with an error report).
 */
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Card, Result, Space, Table, Typography } from 'antd';
import { exportUrl, ledgersApi, type LedgerRecord, type LedgerType } from '../../api/ledgers.ts';
import { useConfirmedWrite } from '../../api/useConfirmedWrite.ts';
import { useLoader } from '../../api/useLoader.ts';
import { usePagedList } from '../../api/usePagedList.ts';
import { PrevNextPager } from '../../layout/PrevNextPager.tsx';
import { useSession } from '../../session/session.tsx';
import { liveFields, useRefData, type RefData } from './fieldValues.tsx';
import { useHiddenColumns } from './hiddenColumns.ts';
import { ImportModal } from './ImportModal.tsx';
import { recordColumns, sortOf } from './recordColumns.tsx';
import { RecordDrawer } from './RecordDrawer.tsx';
import { RecordFilters, toQuery, type FilterValues } from './RecordFilters.tsx';
import { RecordsToolbar } from './RecordsToolbar.tsx';

const PAGE_SIZE = 20;

export default function LedgerRecordsPage() {
  const { code = '' } = useParams();
  const { townId, isAdmin, grantsInTown } = useSession();
  const canWrite = grantsInTown.some(
    (g) => g.role !== 'county_supervisor' && g.role !== 'dispatcher',
  );
  const typeLoad = useLoader((signal) => ledgersApi.type(townId, code, signal), [townId, code]);
  const type = typeLoad.data?.code === code ? typeLoad.data : undefined;
  if (!type)
    return (
      <Card loading={typeLoad.loading}>
        {!typeLoad.loading && (
          <Result
            status="404"
            title="台账不存在或您无权查看"
            extra={<Link to="/ledgers">返回台账目录</Link>}
          />
        )}
      </Card>
    );
  return (
    <RecordsOfType
      key={`${type.code}@${type.version}`}
      type={type}
      canWrite={canWrite}
      isAdmin={isAdmin}
    />
  );
}

/** Filters and sort of the list, the records page by page. */
function useRecords(townId: string, type: LedgerType) {
  const [filterValues, setFilterValues] = useState<FilterValues>({});
  const [sort, setSort] = useState(type.defaultSort);
  const query = useMemo(
    () => ({ ...toQuery(type, filterValues), sort: sort.field, direction: sort.direction }),
    [type, filterValues, sort],
  );
  const list = usePagedList(
    (cursor, signal) =>
      ledgersApi.records(townId, type.code, { ...query, cursor, limit: PAGE_SIZE }, signal),
    [townId, type.code, query],
  );
  return { list, query, filterValues, setFilterValues, sort, setSort };
}

function TypeTitle({ type }: { type: LedgerType }) {
  return (
    <Space>
      <Link to="/ledgers">台账</Link>
      <span>/</span>
      <span data-testid="ledger-title">{type.name}</span>
    </Space>
  );
}

const extraStyle = {
  maxWidth: '55%',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;

interface DialogProps {
  type: LedgerType;
  refData: RefData;
  editing: LedgerRecord | 'new' | null;
  importing: boolean;
  list: ReturnType<typeof useRecords>['list'];
  close: () => void;
}

/** The record drawer (new or edit) and the Excel import. */
function RecordDialogs({ type, refData, editing, importing, list, close }: DialogProps) {
  return (
    <>
      {editing && (
        <RecordDrawer
          type={type}
          record={editing === 'new' ? null : editing}
          refData={refData}
          onClose={close}
          onSaved={() => {
            close();
            list.reload();
          }}
          onConflict={list.reload}
        />
      )}
      {importing && (
        <ImportModal
          type={type}
          onClose={close}
          onImported={() => {
            list.restart();
            list.reload();
          }}
        />
      )}
    </>
  );
}

interface Props {
  type: LedgerType;
  canWrite: boolean;
  isAdmin: boolean;
}

function RecordsOfType({ type, canWrite, isAdmin }: Props) {
  const { townId } = useSession();
  const confirm = useConfirmedWrite();
  const refData = useRefData();
  const fields = useMemo(() => liveFields(type), [type]);
  const records = useRecords(townId, type);
  const { list } = records;
  const [hidden, setHidden] = useHiddenColumns(type);
  const [editing, setEditing] = useState<LedgerRecord | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const remove = (r: LedgerRecord) =>
    confirm({
      title: '删除这条记录？',
      content: '删除后不再计入指标，可由管理员在审计记录中查到。',
      run: () => ledgersApi.deleteRecord(townId, type.code, r),
      reload: list.reload,
    });
  const columns = recordColumns({
    ...{ fields, hidden, sort: records.sort, refData, townId },
    actions: canWrite ? { edit: setEditing, remove } : null,
  });

  return (
    <Card
      title={<TypeTitle type={type} />}
      extra={
        <Typography.Text type="secondary" data-version={type.version}>
          {type.description}
        </Typography.Text>
      }
      styles={{ header: { gap: 16 }, extra: extraStyle }}
    >
      <div className="page-toolbar" style={{ alignItems: 'flex-start' }}>
        <RecordFilters
          type={type}
          refData={refData}
          values={records.filterValues}
          onChange={records.setFilterValues}
        />
        <div className="spacer" />
        <RecordsToolbar
          {...{ type, townId, fields, hidden, isAdmin }}
          onHidden={setHidden}
          exportHref={exportUrl(townId, type.code, records.query)}
          onImport={canWrite ? () => setImporting(true) : null}
          onNew={canWrite ? () => setEditing('new') : null}
        />
      </div>
      <Table<LedgerRecord>
        rowKey="id"
        data-testid="record-table"
        columns={columns}
        dataSource={list.rows}
        loading={list.loading || refData.loading}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        onChange={(_p, _f, sorter) => records.setSort(sortOf(sorter, type.defaultSort))}
        locale={{ emptyText: '暂无记录' }}
      />
      <PrevNextPager
        page={list.number}
        pageSize={PAGE_SIZE}
        hasNext={list.hasNext}
        onPrev={list.prev}
        onNext={list.next}
      />
      <RecordDialogs
        {...{ type, refData, editing, importing, list }}
        close={() => {
          setEditing(null);
          setImporting(false);
        }}
      />
    </Card>
  );
}
