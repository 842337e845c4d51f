/** The editor's top bar: where we are, the report's state, and 插入数据 / 保存 / 检查 / 定稿 / 历史版本 / 导出. */
import { Link } from 'react-router-dom';
import { Button, Card, Divider, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import {
  CheckCircleOutlined,
  DownloadOutlined,
  FieldNumberOutlined,
  HistoryOutlined,
  LockOutlined,
  SaveOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { reportsApi, type Report } from '../../api/reports.ts';

interface Props {
  townId: string;
  report: Report;
  chipCount: number;
  dirty: boolean;
  canWrite: boolean;
  saving: boolean;
  linting: boolean;
  onInsertChip: () => void;
  onSave: () => void;
  onLint: () => void;
  onFreeze: () => void;
  onRevisions: () => void;
}

const FORMATS = { docx: '导出 Word', md: '导出纯文本', html: '导出网页' } as const;

export function EditorToolbar(p: Props) {
  const frozen = p.report.state === 'frozen';
  const exportItems = (Object.keys(FORMATS) as (keyof typeof FORMATS)[]).map((f) => ({
    key: f,
    label: (
      <a href={reportsApi.exportUrl(p.townId, p.report.id, f)} download data-testid={`export-${f}`}>
        {FORMATS[f]}
      </a>
    ),
  }));
  return (
    <Card size="small" className="report-toolbar">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Link to="/reports">述职报告</Link>
          <Typography.Text type="secondary">/</Typography.Text>
          <Typography.Text strong>
            {p.report.personName ?? '—'} · {p.report.year} 年度
          </Typography.Text>
          {frozen ? (
            <Tag icon={<LockOutlined />} color="green">
              已定稿
            </Tag>
          ) : (
            <Tag color="blue" data-testid="report-draft" data-version={p.report.version}>
              草稿
            </Tag>
          )}
          {p.dirty && <Tag color="orange">有未保存的修改</Tag>}
          <Typography.Text type="secondary">{p.chipCount} 个数字</Typography.Text>
        </Space>
        <Space wrap>
          {p.canWrite && (
            <Tooltip title="在光标处插入一个与台账关联的数字">
              <Button icon={<FieldNumberOutlined />} onClick={p.onInsertChip}>
                插入数据
              </Button>
            </Tooltip>
          )}
          {p.canWrite && <Divider orientation="vertical" />}
          {p.canWrite && (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={p.saving}
              disabled={!p.dirty}
              onClick={p.onSave}
            >
              保存
            </Button>
          )}
          <Button icon={<SearchOutlined />} loading={p.linting} onClick={p.onLint}>
            检查
          </Button>
          {p.canWrite && (
            <Button icon={<CheckCircleOutlined />} onClick={p.onFreeze}>
              定稿
            </Button>
          )}
          <Button icon={<HistoryOutlined />} onClick={p.onRevisions}>
            历史版本
          </Button>
          <Dropdown menu={{ items: exportItems }}>
            <Button icon={<DownloadOutlined />}>导出</Button>
          </Dropdown>
        </Space>
      </Space>
    </Card>
  );
}
