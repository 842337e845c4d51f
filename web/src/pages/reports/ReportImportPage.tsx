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
  Row,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Tree,
  Typography,
} from 'antd';
import { BranchesOutlined } from '@ant-design/icons';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { ImportComparePanel } from './ImportComparePanel.tsx';
import { ImportFigures } from './ImportFigures.tsx';
import { ImportListCard } from './ImportListCard.tsx';
import { ImportUploadCard } from './ImportUploadCard.tsx';
import { ImportedTextView } from './ImportedTextView.tsx';
import {
  reportAdminApi,
  type ImportedNumber,
  type ImportedReport,
  type ParsedSection,
} from './reportAdminApi.ts';
import { SeedTemplateModal } from './SeedTemplateModal.tsx';
import './reports.css';

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

/** How many placeholders each section holds, its subsections' included. */
function placeholderCounts(outline: ImportedReport['outline']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of outline.placeholders)
    for (
      let path = p.sectionPath;
      path;
      path = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : ''
    )
      counts.set(path, (counts.get(path) ?? 0) + 1);
  return counts;
}

/** 原文标注: the heading tree beside the marked-up text. */
function MarkedText({ imported }: { imported: ImportedReport }) {
  const tree = treeOf(imported.outline.sections, placeholderCounts(imported.outline));
  return (
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
  );
}

/** Every number the report states, placeholders in red. */
function NumbersTable({ numbers }: { numbers: ImportedNumber[] }) {
  return (
    <Table<ImportedNumber>
      data-testid="import-numbers"
      size="small"
      rowKey={(n) => String(n.offset)}
      dataSource={numbers}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          title: '原文',
          dataIndex: 'raw',
          width: 120,
          render: (raw: string, n) => <Tag color={n.placeholder ? 'red' : 'blue'}>{raw}</Tag>,
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
  );
}

/** Breadcrumb of the imported report, with 导入其他报告 and (admins) 以此提纲生成模板. */
function ImportHeader({
  imported,
  onSeed,
}: {
  imported: ImportedReport;
  onSeed: (() => void) | null;
}) {
  const navigate = useNavigate();
  return (
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
          {onSeed && (
            <Button type="primary" icon={<BranchesOutlined />} onClick={onSeed}>
              以此提纲生成模板
            </Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}

/** One imported report: its figures, then its text, numbers and the comparison as tabs. */
function ImportedReportView({ imported }: { imported: ImportedReport }) {
  const { isAdmin } = useSession();
  const [seeding, setSeeding] = useState(false);
  const o = imported.outline;
  const filled = o.numbers.filter((n) => !n.placeholder).length;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} className="report-import">
      <ImportHeader imported={imported} onSeed={isAdmin ? () => setSeeding(true) : null} />
      <ImportFigures outline={o} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'text', label: '原文标注', children: <MarkedText imported={imported} /> },
            {
              key: 'numbers',
              label: `数字（已填写 ${filled}，未填写 ${o.numbers.length - filled}）`,
              children: <NumbersTable numbers={o.numbers} />,
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

export default function ReportImportPage() {
  const { importId } = useParams();
  const { townId } = useSession();
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

  if (!importId) {
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }} className="report-import">
        <ImportUploadCard
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
  return <ImportedReportView imported={imported} />;
}
