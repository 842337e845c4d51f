/**
 * The form control for one ledger field, chosen by field type: text, long text, number with its
 * unit, money in yuan, date, option list, 是/否 switch, person select, unit/village select and
 * attachment upload (files go to /attachments first; the record stores their ids).
 */
import { useState } from 'react';
import {
  Button,
  DatePicker,
  Input,
  InputNumber,
  Select,
  Switch,
  Upload,
  type UploadFile,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { attachmentUrl, ledgersApi, type LedgerField } from '../../api/ledgers.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import type { RefData } from './fieldValues.tsx';

interface ControlProps<T> {
  value?: T;
  onChange?: (v: T) => void;
  id?: string;
}

function AttachmentInput({
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

export function FieldInput({
  field,
  refData,
  ...control
}: ControlProps<unknown> & { field: LedgerField; refData: RefData }) {
  const ph = field.help ?? undefined;
  // The Form.Item hands value/onChange through; each control below knows its own value type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const c = control as ControlProps<any>;
  switch (field.type) {
    case 'long_text':
      return (
        <Input.TextArea
          {...c}
          rows={3}
          maxLength={field.maxLength}
          showCount={!!field.maxLength}
          placeholder={ph}
        />
      );
    case 'number':
      return (
        <InputNumber
          {...c}
          style={{ width: 220 }}
          min={typeof field.min === 'number' ? field.min : undefined}
          max={typeof field.max === 'number' ? field.max : undefined}
          precision={field.integer ? 0 : undefined}
          suffix={field.unit}
          placeholder={ph}
        />
      );
    case 'money':
      return (
        <InputNumber
          {...c}
          style={{ width: 220 }}
          precision={2}
          min={typeof field.min === 'number' ? field.min : undefined}
          prefix="¥"
          suffix="元"
          placeholder={ph}
        />
      );
    case 'date':
      return <DatePicker {...c} style={{ width: 220 }} placeholder="选择日期" />;
    case 'enum':
      return (
        <Select
          {...c}
          allowClear
          placeholder="请选择"
          options={(field.options ?? []).map((o) => ({ value: o.code, label: o.label }))}
        />
      );
    case 'boolean':
      return (
        <Switch
          id={c.id}
          checked={!!control.value}
          onChange={(v) => control.onChange?.(v)}
          checkedChildren="是"
          unCheckedChildren="否"
        />
      );
    case 'person':
      return (
        <Select
          {...c}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择人员"
          loading={refData.loading}
          options={refData.people.map((p) => ({
            value: p.id,
            label: p.titles.length ? `${p.name}（${p.titles[0]}）` : p.name,
          }))}
        />
      );
    case 'unit':
      return (
        <Select
          {...c}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择单位或村"
          loading={refData.loading}
          options={refData.units.map((u) => ({ value: u.id, label: u.name }))}
        />
      );
    case 'attachment':
      return <AttachmentInput {...(control as ControlProps<string[]>)} maxCount={field.maxCount} />;
    default:
      return <Input {...c} maxLength={field.maxLength} placeholder={ph} />;
  }
}
