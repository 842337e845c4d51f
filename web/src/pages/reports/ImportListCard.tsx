/**
 * 已导入的往年报告 — the imports the caller may see (their own; the town's for leaders, admins and
 * county supervisors, decided by the server), with person, year, file and what was found in it;
 * open one to see it marked up and compare it, delete one (its uploader or an admin; audited).
 */
import { Link } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { useLoader } from '../../api/useLoader.ts';
import { reportAdminApi, type ImportSummary } from './reportAdminApi.ts';

/** The server's page size limit; a town keeps far fewer past reports than that. */
const LIST_LIMIT = 200;

/** 打开 and, for its uploader or an admin, 删除 (asked again first). */
function ImportActions({ r, onDelete }: { r: ImportSummary; onDelete: () => Promise<void> }) {
  return (
    <Space>
      <Link to={`/reports/import/${r.id}`} data-testid="import-open">
        打开
      </Link>
      {r.canDelete && (
        <Popconfirm
          title={`删除“${r.filename}”？`}
          description="删除后不能恢复，需要时请重新上传。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => onDelete()}
        >
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined />}
            style={{ padding: 0 }}
            data-testid="import-delete"
          >
            删除
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function importColumns(
  remove: (r: ImportSummary) => Promise<void>,
): TableColumnsType<ImportSummary> {
  return [
    {
      title: '人员',
      dataIndex: 'personName',
      render: (n: string | null) => n ?? <Typography.Text type="secondary">未指定</Typography.Text>,
    },
    {
      title: '年度',
      dataIndex: 'year',
      width: 90,
      render: (y: number | null) => (y ? `${y} 年度` : '—'),
    },
    { title: '文件名', dataIndex: 'filename', ellipsis: true },
    {
      title: '已填写的数字',
      dataIndex: 'numberCount',
      width: 110,
      render: (n: number) => `${n} 处`,
    },
    {
      title: '未填写的占位符',
      dataIndex: 'placeholderCount',
      width: 130,
      render: (n: number) => (n > 0 ? <Tag color="red">{n} 处</Tag> : <Tag color="green">无</Tag>),
    },
    {
      title: '导入人',
      dataIndex: 'createdByName',
      width: 110,
      render: (n: string | null) => n ?? '—',
    },
    {
      title: '导入时间',
      dataIndex: 'createdAt',
      width: 170,
      render: (t: string) => formatDateTime(t),
    },
    {
      title: '',
      key: 'op',
      width: 120,
      render: (_: unknown, r) => <ImportActions r={r} onDelete={() => remove(r)} />,
    },
  ];
}

export function ImportListCard() {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const list = useLoader(
    (signal) => reportAdminApi.listImports(townId, { limit: LIST_LIMIT }, signal),
    [townId],
  );

  const remove = async (r: ImportSummary) => {
    try {
      await reportAdminApi.deleteImport(townId, r.id);
      void message.success(`已删除“${r.filename}”`);
      list.reload();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Card title="已导入的往年报告" size="small">
      <Table<ImportSummary>
        rowKey="id"
        size="small"
        data-testid="import-list"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有导入过往年报告' }}
        columns={importColumns(remove)}
      />
    </Card>
  );
}
