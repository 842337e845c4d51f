/**
 * One ledger's records: columns, filters and sort generated from the type definition, a column
 * chooser (remembered per type), cursor paging, add/edit/delete with optimistic locking, and
 * Excel (blank template, export of the filtered list, import with an error report).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  Checkbox,
  Dropdown,
  Popover,
  Result,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import {
  DownloadOutlined,
  LeftOutlined,
  MoreOutlined,
  PlusOutlined,
  RightOutlined,
  SettingOutlined,
  TableOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  exportUrl,
  ledgersApi,
  templateUrl,
  type LedgerRecord,
  type LedgerType,
} from '../../api/ledgers.ts';
import type { Page } from '../../api/client.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { useLoader } from '../../api/useLoader.ts';
import { liveFields, renderValue, useRefData } from './fieldValues.tsx';
import { ImportModal } from './ImportModal.tsx';
import { RecordDrawer } from './RecordDrawer.tsx';
import { RecordFilters, toQuery, type FilterValues } from './RecordFilters.tsx';

const PAGE_SIZE = 20;
const hiddenKey = (code: string) => `lvzhi.ledger.hidden.${code}`;

function initialHidden(type: LedgerType): string[] {
  const saved = localStorage.getItem(hiddenKey(type.code));
  if (saved) return JSON.parse(saved) as string[];
  // By default long texts, attachments and anything past the 8th column stay hidden.
  return liveFields(type)
    .filter((f, i) => f.type === 'long_text' || f.type === 'attachment' || i >= 8)
    .map((f) => f.key);
}

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

function RecordsOfType({
  type,
  canWrite,
  isAdmin,
}: {
  type: LedgerType;
  canWrite: boolean;
  isAdmin: boolean;
}) {
  const { townId } = useSession();
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const refData = useRefData();
  const fields = useMemo(() => liveFields(type), [type]);

  const [filterValues, setFilterValues] = useState<FilterValues>({});
  const [sort, setSort] = useState(type.defaultSort);
  const [hidden, setHidden] = useState<string[]>(() => initialHidden(type));
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page<LedgerRecord>>({ items: [], nextCursor: null });
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const [editing, setEditing] = useState<LedgerRecord | 'new' | null>(null);
  const [importing, setImporting] = useState(false);

  const query = useMemo(
    () => ({ ...toQuery(type, filterValues), sort: sort.field, direction: sort.direction }),
    [type, filterValues, sort],
  );
  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    ledgersApi
      .records(townId, type.code, { ...query, cursor, limit: PAGE_SIZE }, ctrl.signal)
      .then(setPage, (err) => !ctrl.signal.aborted && onError(err))
      .finally(() => !ctrl.signal.aborted && setLoading(false));
    return () => ctrl.abort();
  }, [townId, type.code, query, cursor, tick, onError]);

  const restart = useCallback(() => setCursors([undefined]), []);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const saveHidden = (keys: string[]) => {
    setHidden(keys);
    localStorage.setItem(hiddenKey(type.code), JSON.stringify(keys));
  };

  const remove = (r: LedgerRecord) =>
    modal.confirm({
      title: '删除这条记录？',
      content: '删除后不再计入指标，可由管理员在审计记录中查到。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await ledgersApi.deleteRecord(townId, type.code, r);
          void message.success('已删除');
          reload();
        } catch (err) {
          onError(err, { onConflict: reload });
        }
      },
    });

  const columns: TableColumnsType<LedgerRecord> = fields
    .filter((f) => !hidden.includes(f.key))
    .map((f, i) => ({
      key: f.key,
      title: f.label,
      dataIndex: ['data', f.key],
      width: f.type === 'long_text' ? 260 : f.type === 'date' ? 120 : undefined,
      ellipsis: f.type === 'text',
      sorter: f.type !== 'attachment',
      sortOrder: sort.field === f.key ? (sort.direction === 'asc' ? 'ascend' : 'descend') : null,
      render: (v: unknown, r) => {
        const cell = renderValue(f, v, refData, townId);
        return i === 0 && canWrite ? (
          <a onClick={() => setEditing(r)}>
            {v === undefined || v === null || v === '' ? '（空）' : cell}
          </a>
        ) : (
          cell
        );
      },
    }));
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: '操作',
      width: 120,
      fixed: 'right',
      render: (_, r) => (
        <Space size="small">
          <Button type="link" size="small" onClick={() => setEditing(r)}>
            编辑
          </Button>
          <Button type="link" size="small" danger onClick={() => remove(r)}>
            删除
          </Button>
        </Space>
      ),
    });
  }

  const chooser = (
    <Checkbox.Group
      style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      value={fields.map((f) => f.key).filter((k) => !hidden.includes(k))}
      options={fields.map((f) => ({ value: f.key, label: f.label }))}
      onChange={(shown) => saveHidden(fields.map((f) => f.key).filter((k) => !shown.includes(k)))}
    />
  );

  return (
    <Card
      title={
        <Space>
          <Link to="/ledgers">台账</Link>
          <span>/</span>
          <span data-testid="ledger-title">{type.name}</span>
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          第 {type.version} 版 · {type.description}
        </Typography.Text>
      }
      styles={{
        header: { gap: 16 },
        extra: {
          maxWidth: '55%',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        },
      }}
    >
      <div className="page-toolbar" style={{ alignItems: 'flex-start' }}>
        <RecordFilters
          type={type}
          refData={refData}
          values={filterValues}
          onChange={(v) => {
            setFilterValues(v);
            restart();
          }}
        />
        <div className="spacer" />
        <Space wrap>
          <Popover content={chooser} title="显示的列" trigger="click" placement="bottomRight">
            <Button icon={<TableOutlined />}>列</Button>
          </Popover>
          <Button
            icon={<DownloadOutlined />}
            href={exportUrl(townId, type.code, query)}
            data-testid="ledger-export"
          >
            导出
          </Button>
          {canWrite && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入
            </Button>
          )}
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="record-new"
            >
              新增记录
            </Button>
          )}
          <Dropdown
            menu={{
              items: [
                {
                  key: 'template',
                  icon: <DownloadOutlined />,
                  label: <a href={templateUrl(townId, type.code)}>下载导入模板</a>,
                },
                ...(isAdmin
                  ? [
                      {
                        key: 'design',
                        icon: <SettingOutlined />,
                        label: <Link to={`/ledgers/${type.code}/design`}>修改台账字段</Link>,
                      },
                    ]
                  : []),
              ],
            }}
          >
            <Button icon={<MoreOutlined />} aria-label="更多" />
          </Dropdown>
        </Space>
      </div>
      <Table<LedgerRecord>
        rowKey="id"
        data-testid="record-table"
        columns={columns}
        dataSource={page.items}
        loading={loading || refData.loading}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = s?.order ? String(s.columnKey) : type.defaultSort.field;
          const direction = s?.order
            ? s.order === 'ascend'
              ? 'asc'
              : 'desc'
            : type.defaultSort.direction;
          setSort({ field, direction });
          restart();
        }}
        locale={{ emptyText: '暂无记录' }}
      />
      <div
        style={{
          display: 'flex',
          justifyContent: 'flex-end',
          alignItems: 'center',
          gap: 8,
          marginTop: 16,
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
          disabled={!page.nextCursor}
          onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor!])}
        >
          下一页 <RightOutlined />
        </Button>
      </div>
      {editing && (
        <RecordDrawer
          type={type}
          record={editing === 'new' ? null : editing}
          refData={refData}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onConflict={reload}
        />
      )}
      {importing && (
        <ImportModal
          type={type}
          onClose={() => setImporting(false)}
          onImported={() => {
            restart();
            reload();
          }}
        />
      )}
    </Card>
  );
}
