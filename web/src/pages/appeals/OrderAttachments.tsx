/**
 * 附件 of an order: every file with who uploaded it and which timeline step it illustrates, a
 * download link (the server audits each download), and an upload button (JPG/PNG/PDF/Word/Excel,
 * ≤ 10 MB; the server checks the content, not the name). On orders a resident filed through a
 * public channel, each photo has a 公开给群众 switch: staff photos start private (they may show a
 * home or papers), the resident's own start public. Also the photo picker of an action form.
 */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  List,
  Space,
  Switch,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { formatTime } from './DueTag.tsx';
import { attachmentUrl, operationsApi, type OrderAttachment } from './operations.api.ts';

const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';
const size = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(n / 1024))} KB`;

export function AttachmentLink({ appealId, a }: { appealId: string; a: OrderAttachment }) {
  const { townId } = useSession();
  return (
    <a href={attachmentUrl(townId, appealId, a.id)} data-testid="attachment-link">
      <PaperClipOutlined /> {a.filename}
    </a>
  );
}

const isPhoto = (a: OrderAttachment) =>
  a.contentType === 'image/jpeg' || a.contentType === 'image/png';

/** 公开给群众: audited on the server; withdrawing makes the old public address a 404 at once. */
function PublishSwitch({
  appealId,
  a,
  canPublish,
  onChanged,
}: {
  appealId: string;
  a: OrderAttachment;
  canPublish: boolean;
  onChanged: () => void;
}) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const toggle = async (visible: boolean) => {
    setBusy(true);
    try {
      await operationsApi.setVisibility(townId, appealId, a.id, visible);
      void message.success(
        visible ? '已公开给群众（群众查询页、对外接口可见）' : '已取消公开，原公开地址已失效',
      );
      onChanged();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  const hint = a.public
    ? `${a.publishedByName ?? ''} ${formatTime(a.publishedAt)} 公开`
    : '公开后群众可在查询页和对外接口看到这张照片';
  return (
    <Tooltip title={hint}>
      <Space size={4}>
        <Switch
          size="small"
          checked={a.public}
          loading={busy}
          disabled={!canPublish && !a.public}
          onChange={(v) => void toggle(v)}
          aria-label="公开给群众"
          data-testid="attachment-public"
        />
        <Typography.Text type="secondary">公开给群众</Typography.Text>
      </Space>
    </Tooltip>
  );
}

/** One row of the attachment list: link, who uploaded it when, and the publish switch for photos. */
function AttachmentItem({
  appealId,
  a,
  canUpload,
  publicChannel,
  onChanged,
  stepLabel,
}: {
  appealId: string;
  a: OrderAttachment;
  canUpload: boolean;
  publicChannel: boolean;
  onChanged: () => void;
  stepLabel: (seq: number) => string;
}) {
  return (
    <List.Item
      extra={
        publicChannel &&
        isPhoto(a) && (
          <PublishSwitch appealId={appealId} a={a} canPublish={canUpload} onChanged={onChanged} />
        )
      }
    >
      <Space direction="vertical" size={0}>
        <Space size={4}>
          <AttachmentLink appealId={appealId} a={a} />
          {a.fromResident && <Tag color="gold">群众上传</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {a.uploadedByName} · {formatTime(a.createdAt)} · {size(a.size)}
          {a.eventSeq !== null ? ` · ${stepLabel(a.eventSeq)}` : ''}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

export function OrderAttachments({
  appealId,
  items,
  canUpload,
  publicChannel,
  onChanged,
  stepLabel,
}: {
  appealId: string;
  items: OrderAttachment[];
  canUpload: boolean;
  /** Filed through the resident page or Open311: its photos can be shown to the public. */
  publicChannel: boolean;
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
      extra={
        canUpload && (
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            multiple
            customRequest={async ({ file }) => {
              setBusy((n) => n + 1);
              try {
                await operationsApi.upload(townId, appealId, file as File);
                onChanged();
              } catch (err) {
                onError(err);
              } finally {
                setBusy((n) => n - 1);
              }
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy > 0}>
              上传
            </Button>
          </Upload>
        )
      }
    >
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: '暂无附件' }}
        renderItem={(a) => (
          <AttachmentItem
            appealId={appealId}
            a={a}
            canUpload={canUpload}
            publicChannel={publicChannel}
            onChanged={onChanged}
            stepLabel={stepLabel}
          />
        )}
      />
    </Card>
  );
}

/** Photos for an action (办理/答复): uploaded to the order at once, their ids sent with the action. */
export function PhotoPicker({
  appealId,
  value,
  onAdd,
  onRemove,
}: {
  appealId: string;
  value: OrderAttachment[];
  onAdd: (a: OrderAttachment) => void;
  onRemove: (id: string) => void;
}) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const [busy, setBusy] = useState(0);
  const fileList: UploadFile[] = value.map((a) => ({
    uid: a.id,
    name: a.filename,
    status: 'done',
  }));
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
      <Button icon={<UploadOutlined />} loading={busy > 0}>
        添加现场照片
      </Button>
    </Upload>
  );
}
