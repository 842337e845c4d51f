/**
 * Attachments of a ledger record: each file is uploaded first (POST …/attachments) and the record
 * stores its id; files uploaded now show their name, older ones 附件 n.
 */
import { useState } from 'react';
import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { attachmentUrl, ledgersApi } from '../../api/ledgers.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import type { ControlProps } from './FieldInput.tsx';

export function AttachmentInput({
  value,
  onChange,
  id,
  maxCount,
}: ControlProps<string[]> & { maxCount?: number }) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const ids = value ?? [];
  // Names of files uploaded in this session; older attachments are shown as 附件 n.
  const [names, setNames] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(0);
  const fileList: UploadFile[] = ids.map((fid, i) => ({
    uid: fid,
    name: names[fid] ?? `附件${i + 1}`,
    status: 'done',
    url: attachmentUrl(townId, fid),
  }));
  return (
    <Upload
      id={id}
      fileList={fileList}
      maxCount={maxCount}
      accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
      onRemove={(f) => onChange?.(ids.filter((x) => x !== f.uid))}
      customRequest={async ({ file }) => {
        setUploading((n) => n + 1);
        try {
          const att = await ledgersApi.uploadAttachment(townId, file as File);
          setNames((n) => ({ ...n, [att.id]: att.filename }));
          onChange?.([...(value ?? []), att.id]);
        } catch (err) {
          onError(err);
        } finally {
          setUploading((n) => n - 1);
        }
      }}
    >
      <Button icon={<UploadOutlined />} loading={uploading > 0}>
        上传文件
      </Button>
      <span style={{ marginLeft: 8, color: '#8c8c8c' }}>
        PDF、图片、Word、Excel，单个不超过 2 MB
      </span>
    </Upload>
  );
}
