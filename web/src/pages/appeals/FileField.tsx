/**
 * 文件字段: the control of a declared `file` field of an action (答复意见书、调解协议书的扫描件).
 * Each chosen file is uploaded to the order's 附件 at once (the server checks its type by content
 * and its size) and the field's value is the list of their ids, which the action then cites; the
 * server accepts only files of this order. Removing a file drops it from the field, not the order.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { operationsApi } from './operations.api.ts';

const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';

interface Props {
  /** The order the files are uploaded to; none (registration): no order to upload to yet. */
  appealId?: string;
  value?: string[];
  onChange?: (v: string[] | undefined) => void;
  id?: string;
}

export function FileField({ appealId, value, onChange, id }: Props) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const [names, setNames] = useState(() => new Map<string, string>());
  const [busy, setBusy] = useState(0);
  // Several files upload at once: each adds to the ids as they are then, not as first rendered
  // (the handlers write and read `latest`; the render reads `value`).
  const latest = useRef<string[]>([]);
  useEffect(() => {
    latest.current = value ?? [];
  }, [value]);
  if (!appealId) return <Typography.Text type="secondary">工单登记后才能上传文件</Typography.Text>;
  const set = (next: string[]) => {
    latest.current = next;
    onChange?.(next.length ? next : undefined);
  };
  const fileList: UploadFile[] = (value ?? []).map((x) => ({
    uid: x,
    name: names.get(x) ?? '已上传的文件',
    status: 'done',
  }));
  return (
    <Upload
      id={id}
      accept={ACCEPT}
      multiple
      fileList={fileList}
      onRemove={(f) => set(latest.current.filter((x) => x !== f.uid))}
      customRequest={async ({ file }) => {
        setBusy((n) => n + 1);
        try {
          const a = await operationsApi.upload(townId, appealId, file as File);
          setNames((m) => new Map(m).set(a.id, a.filename));
          set([...latest.current, a.id]);
        } catch (err) {
          onError(err);
        } finally {
          setBusy((n) => n - 1);
        }
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy > 0} data-testid="file-field-upload">
        上传文件
      </Button>
    </Upload>
  );
}
