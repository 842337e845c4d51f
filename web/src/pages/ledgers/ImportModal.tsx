/**
 * Excel import of one ledger: pick an .xlsx, watch upload and row-checking progress, then either
 * "imported N rows" or the server's report (sheet, row, column, problem) as a table. The server
 * writes all rows of a file or none, so after errors nothing has changed.
 */
import { useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import {
  ledgersApi,
  templateUrl,
  type ImportIssue,
  type ImportProgress,
  type LedgerType,
} from '../../api/ledgers.ts';
import { useSession } from '../../session/session.tsx';

interface Props {
  type: LedgerType;
  onClose: () => void;
  onImported: () => void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ImportProgress; filename: string }
  | { kind: 'done'; imported: number; filename: string }
  | { kind: 'failed'; detail: string; issues: ImportIssue[]; filename: string };

export function ImportModal({ type, onClose, onImported }: Props) {
  const { townId } = useSession();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const start = async (file: File) => {
    const filename = file.name;
    setState({
      kind: 'running',
      filename,
      progress: { phase: 'upload', percent: 0, rows: 0, errors: 0 },
    });
    try {
      const imported = await ledgersApi.importExcel(townId, type.code, file, (progress) =>
        setState({ kind: 'running', filename, progress }),
      );
      setState({ kind: 'done', imported, filename });
      onImported();
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : undefined;
      setState({
        kind: 'failed',
        filename,
        detail: problem?.detail ?? '导入失败，请稍后重试',
        issues: (problem?.errors ?? []) as unknown as ImportIssue[],
      });
    }
  };

  const running = state.kind === 'running';
  return (
    <Modal
      open
      width={820}
      title={`从 Excel 导入：${type.name}`}
      onCancel={running ? undefined : onClose}
      closable={!running}
      maskClosable={false}
      footer={
        <Button onClick={onClose} disabled={running}>
          关闭
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          请使用本台账的导入模板填写（第一行为表头，带 *
          的列必填；人员、单位填写姓名/名称）。整个文件全部校验通过才会写入，有错误时不导入任何一行。
          <a href={templateUrl(townId, type.code)} style={{ marginLeft: 8 }}>
            <DownloadOutlined /> 下载模板
          </a>
        </Typography.Paragraph>
        {!running && (
          <Upload.Dragger
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
            data-testid="import-dragger"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入 .xlsx 文件开始导入</p>
          </Upload.Dragger>
        )}
        {state.kind === 'running' && (
          <div data-testid="import-progress">
            <Typography.Text>{state.filename}</Typography.Text>
            {state.progress.phase === 'upload' ? (
              <Progress
                percent={state.progress.percent}
                status="active"
                format={(p) => `上传 ${p}%`}
              />
            ) : (
              <Progress
                percent={100}
                status="active"
                format={() => `已校验 ${state.progress.rows} 行`}
              />
            )}
            {state.progress.errors > 0 && (
              <Typography.Text type="danger">已发现 {state.progress.errors} 处问题</Typography.Text>
            )}
          </div>
        )}
        {state.kind === 'done' && (
          <Alert
            type="success"
            showIcon
            message={`“${state.filename}”已导入 ${state.imported} 条记录`}
          />
        )}
        {state.kind === 'failed' && (
          <>
            <Alert
              type="error"
              showIcon
              message={`“${state.filename}”未导入`}
              description={state.detail}
            />
            {state.issues.length > 0 && (
              <Table<ImportIssue>
                data-testid="import-errors"
                size="small"
                rowKey={(r, i) => `${r.path}-${i}`}
                dataSource={state.issues}
                pagination={
                  state.issues.length > 10 ? { pageSize: 10, showSizeChanger: false } : false
                }
                columns={[
                  {
                    title: '工作表',
                    dataIndex: 'sheet',
                    width: 110,
                    render: (v?: string) => v ?? '—',
                  },
                  { title: '行', dataIndex: 'row', width: 64, render: (v?: number) => v ?? '—' },
                  {
                    title: '列',
                    dataIndex: 'column',
                    width: 120,
                    render: (v: string | undefined, r) =>
                      v ? `${v}${r.header ? `（${r.header}）` : ''}` : (r.header ?? '—'),
                  },
                  // The message repeats sheet/row/column for the CLI; the table already shows them.
                  {
                    title: '问题',
                    dataIndex: 'message',
                    render: (m: string) =>
                      m.replace(/^工作表“[^”]*”第 \d+ 行 [A-Z]+ 列“[^”]*”：/, ''),
                  },
                ]}
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
