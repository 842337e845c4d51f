/**
 * 述职报告 — my reports (leaders, admins and county supervisors also see the town's, the server
 * decides) and 生成初稿: year (default last year on the town's clock, the year 述职 looks back on)
 * and, for admins, the person; others draft their own.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type FormInstance,
  type TableColumnsType,
} from 'antd';
import {
  FileAddOutlined,
  FileSearchOutlined,
  LayoutOutlined,
  LockOutlined,
} from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import { reportsApi, type ReportSummary } from '../../api/reports.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { currentYear, formatDateTime } from '../../lib/time.ts';
import { usePeopleOptions } from '../org/useOrgData.ts';
import { useLoader } from '../../api/useLoader.ts';

const DEFAULT_YEAR = currentYear() - 1;
const YEARS = [0, 1, 2, 3, 4].map((back) => currentYear() - back);

function PersonSelect(props: { value?: string; onChange?: (v: string) => void }) {
  const people = usePeopleOptions();
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={people.loading}
      placeholder="选择人员"
      options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
    />
  );
}

type DraftForm = FormInstance<{ year: number; personId?: string }>;

function reportColumns(mine: (r: ReportSummary) => boolean): TableColumnsType<ReportSummary> {
  return [
    {
      title: '人员',
      dataIndex: 'personName',
      render: (n: string | null, r) => (
        <Space>
          {n ?? '—'}
          {mine(r) && <Tag color="red">本人</Tag>}
        </Space>
      ),
    },
    { title: '年度', dataIndex: 'year', width: 90 },
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (s: string) =>
        s === 'frozen' ? (
          <Tag icon={<LockOutlined />} color="green">
            已定稿
          </Tag>
        ) : (
          <Tag color="blue">草稿</Tag>
        ),
    },
    {
      title: '修改次数',
      dataIndex: 'version',
      width: 90,
      render: (v: number) => `${v - 1} 次`,
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 180,
      render: (t: string) => formatDateTime(t),
    },
    {
      title: '',
      key: 'op',
      width: 80,
      render: (_: unknown, r) => <Link to={`/reports/${r.id}`}>打开</Link>,
    },
  ];
}

/** 生成初稿: the year, and for admins the person (others draft their own). */
function DraftModal({
  open,
  form,
  creating,
  onCreate,
  onCancel,
}: {
  open: boolean;
  form: DraftForm;
  creating: boolean;
  onCreate: () => void;
  onCancel: () => void;
}) {
  const { user, isAdmin } = useSession();
  return (
    <Modal
      open={open}
      title="生成述职报告初稿"
      okText="生成"
      cancelText="取消"
      confirmLoading={creating}
      onOk={onCreate}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        系统按台账、接诉即办数据和报告模板起草初稿，数字与台账保持关联，定稿前随台账实时更新。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ year: DEFAULT_YEAR }}>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
          <Select options={YEARS.map((y) => ({ value: y, label: `${y} 年度` }))} />
        </Form.Item>
        {isAdmin && (
          <Form.Item
            name="personId"
            label="人员"
            rules={[{ required: !user?.personId, message: '请选择人员' }]}
            extra="管理员可为他人起草"
          >
            <PersonSelect />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/**
 * Drafts the report of the form's year and person and opens it; if that report exists already
 * (409), opens the existing one.
 */
function useCreateReport(form: DraftForm, existing: ReportSummary[]) {
  const { townId, user, isAdmin } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const create = async () => {
    const values = await form.validateFields();
    const personId = isAdmin && values.personId ? values.personId : user?.personId;
    if (!personId) return;
    setCreating(true);
    try {
      const report = await reportsApi.create(townId, { personId, year: values.year });
      void message.success('初稿已生成');
      navigate(`/reports/${report.id}`);
    } catch (err) {
      const same = existing.find((r) => r.personId === personId && r.year === values.year);
      if (err instanceof ApiError && err.status === 409 && same) {
        void message.info(`${values.year} 年度的报告已存在，已为您打开`);
        navigate(`/reports/${same.id}`);
      } else onError(err, { form });
    } finally {
      setCreating(false);
    }
  };
  return { create, creating };
}

export default function ReportsListPage() {
  const { townId, user, isAdmin } = useSession();
  const navigate = useNavigate();
  const list = useLoader((signal) => reportsApi.list(townId, { limit: 200 }, signal), [townId]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ year: number; personId?: string }>();
  const { create, creating } = useCreateReport(form, list.data?.items ?? []);
  const mine = (r: ReportSummary) => !!user?.personId && r.personId === user.personId;
  const canDraft = isAdmin || !!user?.personId;

  const items = [...(list.data?.items ?? [])].sort(
    (a, b) => Number(mine(b)) - Number(mine(a)) || b.year - a.year,
  );

  return (
    <Card
      title="述职报告"
      extra={
        <Space>
          <Button icon={<FileSearchOutlined />} onClick={() => navigate('/reports/import')}>
            往年报告对照
          </Button>
          {isAdmin && (
            <Button icon={<LayoutOutlined />} onClick={() => navigate('/reports/templates')}>
              报告模板
            </Button>
          )}
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            disabled={!canDraft}
            onClick={() => {
              form.setFieldsValue({ year: DEFAULT_YEAR, personId: user?.personId ?? undefined });
              setOpen(true);
            }}
          >
            生成初稿
          </Button>
        </Space>
      }
    >
      {!canDraft && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="您的账号未关联人员，不能起草本人述职报告。"
        />
      )}
      <Table<ReportSummary>
        rowKey="id"
        data-testid="report-list"
        loading={list.loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有述职报告，点击“生成初稿”由台账数据起草' }}
        columns={reportColumns(mine)}
      />
      <DraftModal
        open={open}
        form={form}
        creating={creating}
        onCreate={() => void create()}
        onCancel={() => setOpen(false)}
      />
    </Card>
  );
}
