/**
 * Add or edit one ledger record in a drawer; the form is generated from the type's live fields.
 * Edits send the record's version: a 409 (someone saved first) shows the Chinese reason and the
 * list reloads so the user edits the latest version. Field errors land next to their inputs.
 */
import { useEffect } from 'react';
import { Form } from 'antd';
import { ledgersApi, type LedgerRecord, type LedgerType } from '../../api/ledgers.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { FormDrawer } from '../../layout/FormDrawer.tsx';
import { useSession } from '../../session/session.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { FieldInput } from './FieldInput.tsx';
import { fromFormValues, liveFields, toFormValues, type RefData } from './fieldValues.tsx';

interface Props {
  type: LedgerType;
  record: LedgerRecord | null;
  refData: RefData;
  onClose: () => void;
  onSaved: () => void;
  onConflict: () => void;
}

/** One input per live field; names are ['data', key] so server errors (data.title) land here. */
function RecordFields({ type, refData }: { type: LedgerType; refData: RefData }) {
  return liveFields(type).map((f) => (
    <Form.Item
      key={f.key}
      name={['data', f.key]}
      label={f.label}
      tooltip={f.help}
      valuePropName={f.type === 'boolean' ? 'value' : undefined}
      rules={
        f.required && f.type !== 'boolean'
          ? [{ required: true, message: `请填写${f.label}` }]
          : undefined
      }
      extra={f.unique ? '不能与已有记录重复' : undefined}
    >
      <FieldInput field={f} refData={refData} />
    </Form.Item>
  ));
}

export function RecordDrawer({ type, record, refData, onClose, onSaved, onConflict }: Props) {
  const { townId } = useSession();
  const [form] = Form.useForm<{ data?: Record<string, unknown> }>();
  const { busy, save } = useFormSave(form, () => {
    onClose();
    onConflict();
  });

  useEffect(() => {
    form.resetFields();
    // A new record starts with 是/否 fields at 否 so required switches are never left unset.
    const blank = Object.fromEntries(
      liveFields(type)
        .filter((f) => f.type === 'boolean')
        .map((f) => [f.key, false]),
    );
    form.setFieldsValue({ data: record ? toFormValues(type, record.data) : blank });
  }, [form, record, type]);

  const submit = () =>
    save(async (values) => {
      const data = fromFormValues(type, values.data ?? {});
      if (record) await ledgersApi.updateRecord(townId, type.code, record, data);
      else await ledgersApi.createRecord(townId, type.code, data);
      onSaved();
      return record ? '已保存' : '已新增';
    });

  return (
    <FormDrawer
      title={`${record ? '编辑' : '新增'}：${type.name}`}
      size={560}
      busy={busy}
      onClose={onClose}
      onSave={submit}
      saveTestId="record-save"
    >
      <Form form={form} layout="vertical" data-testid="record-form" requiredMark>
        <RecordFields type={type} refData={refData} />
      </Form>
      {record && (
        <div style={{ color: '#8c8c8c', fontSize: 12 }}>
          最后修改 {formatDateTime(record.updatedAt)}
        </div>
      )}
    </FormDrawer>
  );
}
