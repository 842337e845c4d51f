/**
 * 往年报告对照 — upload a past report (.docx/.txt) for a person and year, or open one imported
 * before from the list below the upload; see its heading tree,
 * every number it states (value, unit, what was counted) and every placeholder marked; compare it
 * side by side with that person's draft; admins may seed a template from its outline.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Button,
  Card,
  Col,
  Empty,
  Form,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Tree,
  Typography,
  Upload,
} from 'antd';
import { BranchesOutlined, InboxOutlined } from '@ant-design/icons';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { usePeopleOptions } from '../org/useOrgData.ts';
import { ImportComparePanel } from './ImportComparePanel.tsx';
import { ImportFigures } from './ImportFigures.tsx';
import { ImportListCard } from './ImportListCard.tsx';
import { ImportedTextView } from './ImportedTextView.tsx';
import {
  reportAdminApi,
  type ImportedNumber,
  type ImportedReport,
  type ParsedSection,
} from './reportAdminApi.ts';
import { SeedTemplateModal } from './SeedTemplateModal.tsx';
import './reports.css';

const YEARS = [2025, 2024, 2023, 2022, 2021];

function treeOf(
  sections: ParsedSection[],
  placeholderPaths: Map<string, number>,
): { key: string; title: React.ReactNode; children: ReturnType<typeof treeOf> }[] {
  return sections
    .filter((s) => s.level <= 3)
    .map((s) => ({
      key: s.path,
      title: (
        <span>
          {s.marker}
          {s.heading}
          {placeholderPaths.get(s.path) ? (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {placeholderPaths.get(s.path)} 处未填写
            </Tag>
          ) : null}
        </span>
      ),
      children: treeOf(s.children, placeholderPaths),
    }));
}

function UploadCard({ onDone }: { onDone: (r: ImportedReport) => void }) {
  const { townId, user, isAdmin } = useSession();
  const onError = useApiErrorHandler();
  const people = usePeopleOptions();
  const [form] = Form.useForm<{ personId?: string; year: number }>();
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    const v = form.getFieldsValue();
    setBusy(true);
    try {
      onDone(
        await reportAdminApi.uploadImport(townId, file, {
          personId: v.personId ?? user?.personId ?? '',
          year: String(v.year ?? ''),
        }),
      );
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="导入往年述职报告">
      <Form
        form={form}
        layout="inline"
        initialValues={{ year: 2024, personId: user?.personId ?? undefined }}
        style={{ marginBottom: 16 }}
      >
        {isAdmin && (
          <Form.Item name="personId" label="人员">
            <Select
              style={{ width: 200 }}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              placeholder="选择人员"
              loading={people.loading}
              options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="year" label="报告年度">
          <Select
            style={{ width: 120 }}
            options={YEARS.map((y) => ({ value: y, label: `${y} 年度` }))}
          />
        </Form.Item>
      </Form>
      <Spin spinning={busy} tip="正在解析…">
        <Upload.Dragger
          accept=".docx,.txt"
          showUploadList={false}
          multiple={false}
          data-testid="import-upload"
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入往年的述职报告</p>
          <p className="ant-upload-hint">
            支持 .docx 和 .txt，不超过 10 MB。系统将识别标题层级、文中数字和未填写的占位符（如
            **、XX、×、某某）。
          </p>
        </Upload.Dragger>
      </Spin>
    </Card>
  );
}

export default function ReportImportPage() {
  const { importId } = useParams();
  const { townId, isAdmin } = useSession();
  const navigate = useNavigate();
  // A report just uploaded is shown as the server answered it; any other is asked for by id.
  const [uploaded, setUploaded] = useState<ImportedReport | null>(null);
  const fetched = useLoader(
    async () =>
      importId && uploaded?.id !== importId
        ? await reportAdminApi.getImport(townId, importId)
        : undefined,
    [townId, importId],
  ).data;
  const imported =
    [uploaded, fetched].find((r) => r !== null && r !== undefined && r.id === importId) ?? null;
  const [seeding, setSeeding] = useState(false);

  if (!importId) {
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }} className="report-import">
        <UploadCard
          onDone={(r) => {
            setUploaded(r);
            navigate(`/reports/import/${r.id}`);
          }}
        />
        <ImportListCard />
      </Space>
    );
  }
  if (!imported) return <Spin style={{ display: 'block', margin: '80px auto' }} />;

  const o = imported.outline;
  const counts = new Map<string, number>();
  for (const p of o.placeholders)
    for (
      let path = p.sectionPath;
      path;
      path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
    )
      counts.set(path, (counts.get(path) ?? 0) + 1);
  const tree = treeOf(o.sections, counts);
  const filled = o.numbers.filter((n) => !n.placeholder).length;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} className="report-import">
      <Card size="small">
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Space>
            <Link to="/reports">述职报告</Link>
            <Typography.Text type="secondary">/</Typography.Text>
            <Link to="/reports/import">往年报告对照</Link>
            <Typography.Text type="secondary">/</Typography.Text>
            <Typography.Text strong>{imported.filename}</Typography.Text>
            {imported.year && <Tag>{imported.year} 年度</Tag>}
          </Space>
          <Space>
            <Button onClick={() => navigate('/reports/import')}>导入其他报告</Button>
            {isAdmin && (
              <Button type="primary" icon={<BranchesOutlined />} onClick={() => setSeeding(true)}>
                以此提纲生成模板
              </Button>
            )}
          </Space>
        </Space>
      </Card>
      <ImportFigures outline={o} />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'text',
              label: '原文标注',
              children: (
                <Row gutter={16}>
                  <Col flex="280px">
                    <Card size="small" title="标题结构" className="import-tree">
                      {tree.length ? (
                        <Tree treeData={tree} defaultExpandAll selectable={false} />
                      ) : (
                        <Empty description="未识别到标题" />
                      )}
                    </Card>
                  </Col>
                  <Col flex="1" style={{ minWidth: 0 }}>
                    <ImportedTextView report={imported} />
                  </Col>
                </Row>
              ),
            },
            {
              key: 'numbers',
              label: `数字（已填写 ${filled}，未填写 ${o.numbers.length - filled}）`,
              children: (
                <Table<ImportedNumber>
                  data-testid="import-numbers"
                  size="small"
                  rowKey={(n) => String(n.offset)}
                  dataSource={o.numbers}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  columns={[
                    {
                      title: '原文',
                      dataIndex: 'raw',
                      width: 120,
                      render: (raw: string, n) => (
                        <Tag color={n.placeholder ? 'red' : 'blue'}>{raw}</Tag>
                      ),
                    },
                    {
                      title: '数值',
                      dataIndex: 'value',
                      width: 100,
                      render: (v: number | null) =>
                        v ?? <Typography.Text type="danger">未填写</Typography.Text>,
                    },
                    { title: '单位', dataIndex: 'unit', width: 80 },
                    { title: '统计对象', dataIndex: 'subject', render: (s: string) => s || '—' },
                    {
                      title: '所在部分',
                      dataIndex: 'sectionPath',
                      width: 140,
                      render: (p: string) => p || '开头',
                    },
                  ]}
                />
              ),
            },
            {
              key: 'compare',
              label: '与本年度草稿对照',
              children: <ImportComparePanel imported={imported} />,
            },
          ]}
        />
      </Card>
      {isAdmin && (
        <SeedTemplateModal imported={imported} open={seeding} onClose={() => setSeeding(false)} />
      )}
    </Space>
  );
}
