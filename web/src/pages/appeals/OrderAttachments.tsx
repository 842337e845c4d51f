/**
 * 附件 of an order: every file with who uploaded it and which timeline step it illustrates, a
 * download link (the server audits each download), and an upload button (JPG/PNG/PDF/Word/Excel,
 * ≤ 10 MB; the server checks the content, not the name). Also the photo picker of an action form.
 */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, List, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { formatTime } from './DueTag.tsx';
import { attachmentUrl, operationsApi, type OrderAttachment } from './operations.api.ts';

const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function AttachmentLink({ appealId, a }: { appealId: string; a: OrderAttachment }) {
  const { townId } = useSession();
  return (
    <a href={attachmentUrl(townId, appealId, a.id)} data-testid="attachment-link">
      <PaperClipOutlined /> {a.filename}
    </a>
  );
}

export function OrderAttachments({ appealId, items, canUpload, onChanged, stepLabel }: {
  appealId: string;
  items: OrderAttachment[];
  canUpload: boolean;
  onChanged: () => void;
  stepLabel: (seq: number) => string;
}) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(0);
  return (
    <Card
      title="附件"
      data-testid="order-attachments"
      extra={canUpload && (
        <Upload accept={ACCEPT} showUploadList={false} multiple customRequest={async ({ file }) => {
          setBusy((n) => n + 1);
          try {
            await operationsApi.upload(townId, appealId, file as File);
            onChanged();
          } catch (err) {
            onError(err);
          } finally {
            setBusy((n) => n - 1);
          }
        }}>
          <Button icon={<UploadOutlined />} loading={busy > 0}>上传</Button>
        </Upload>
      )}
    >
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: '暂无附件' }}
        renderItem={(a) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <AttachmentLink appealId={appealId} a={a} />
              <Typography.Text type="secondary">
                {a.uploadedByName} · {formatTime(a.createdAt)} · {size(a.size)}{a.eventSeq !== null ? ` · ${stepLabel(a.eventSeq)}` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** Photos for an action (办理/答复): uploaded to the order at once, their ids sent with the action. */
export function PhotoPicker({ appealId, value, onAdd, onRemove }: { appealId: string; value: OrderAttachment[]; onAdd: (a: OrderAttachment) => void; onRemove: (id: string) => void }) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(0);
  const fileList: UploadFile[] = value.map((a) => ({ uid: a.id, name: a.filename, status: 'done' }));
  return (
    <Upload
      accept=".jpg,.jpeg,.png"
      listType="text"
      fileList={fileList}
      onRemove={(f) => onRemove(f.uid)}
      customRequest={async ({ file }) => {
        setBusy((n) => n + 1);
        try {
          onAdd(await operationsApi.upload(townId, appealId, file as File));
        } catch (err) {
          onError(err);
        } finally {
          setBusy((n) => n - 1);
        }
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy > 0}>添加现场照片</Button>
    </Upload>
  );
}
