/**
 * Excel import of one ledger: pick an .xlsx, watch upload and row-checking progress, then either
 * "imported N rows" or the server's report (sheet, row, column, problem) as a table. The server
 * writes all rows of a file or none, so after errors nothing has changed.
 */
import { useState } from 'react';
import { Alert, Button, Modal, Progress, Space, Typography, Upload } from 'antd';
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
import { ImportIssuesTable } from './ImportIssuesTable.tsx';

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

function ImportRunning({ filename, progress }: { filename: string; progress: ImportProgress }) {
  return (
    <div data-testid="import-progress">
      <Typography.Text>{filename}</Typography.Text>
      {progress.phase === 'upload' ? (
        <Progress percent={progress.percent} status="active" format={(p) => `上传 ${p}%`} />
      ) : (
        <Progress percent={100} status="active" format={() => `已校验 ${progress.rows} 行`} />
      )}
      {progress.errors > 0 && (
        <Typography.Text type="danger">已发现 {progress.errors} 处问题</Typography.Text>
      )}
    </div>
  );
}

/** One import at a time: its progress, then the count imported or the problem. */
function useExcelImport(townId: string, code: string, onImported: () => void) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const start = async (file: File) => {
    const filename = file.name;
    setState({
      kind: 'running',
      filename,
      progress: { phase: 'upload', percent: 0, rows: 0, errors: 0 },
    });
    try {
      const imported = await ledgersApi.importExcel(townId, code, file, (progress) =>
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
        issues: problem?.errors ?? [],
      });
    }
  };
  return [state, start] as const;
}

export function ImportModal({ type, onClose, onImported }: Props) {
  const { townId } = useSession();
  const [state, start] = useExcelImport(townId, type.code, onImported);

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
          <ImportRunning filename={state.filename} progress={state.progress} />
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
            {state.issues.length > 0 && <ImportIssuesTable issues={state.issues} />}
          </>
        )}
      </Space>
    </Modal>
  );
}
