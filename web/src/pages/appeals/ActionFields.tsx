/**
 * Renders the inputs a workflow action declares (server data: name, label, type, required) as
 * antd form items under `payload.<name>`, so server errors on `payload.reason` land on the field.
 */
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ActionField } from '../../api/appeals.ts';
import type { AppealRefs } from './refs.ts';

function input(f: ActionField, refs: AppealRefs) {
  switch (f.type) {
    case 'text':
      return <Input.TextArea rows={3} maxLength={2000} />;
    case 'enum':
      return f.options && f.options.length <= 4 ? (
        <Radio.Group options={f.options.map((o) => ({ value: o, label: o }))} />
      ) : (
        <Select options={(f.options ?? []).map((o) => ({ value: o, label: o }))} />
      );
    case 'boolean':
      return (
        <Radio.Group
          options={[
            { value: true, label: '是' },
            { value: false, label: '否' },
          ]}
        />
      );
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'datetime':
      return <DatePicker showTime style={{ width: '100%' }} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} />;
    case 'unit_id':
      return (
        <Select
          showSearch
          optionFilterProp="label"
          options={refs.unitOptions}
          placeholder="选择单位"
        />
      );
    case 'unit_ids':
      return (
        <Select
          mode="multiple"
          showSearch
          optionFilterProp="label"
          options={refs.unitOptions}
          placeholder="可多选"
        />
      );
    case 'string_list':
    case 'person_ids':
      return (
        <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder="输入后回车，可多项" />
      );
    default:
      return <Input maxLength={200} />;
  }
}

export function ActionFields({
  fields,
  refs,
  skip = [],
}: {
  fields: ActionField[];
  refs: AppealRefs;
  skip?: string[];
}) {
  return (
    <>
      {fields
        .filter((f) => !skip.includes(f.name))
        .map((f) => (
          <Form.Item
            key={f.name}
            name={['payload', f.name]}
            label={f.label}
            rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : []}
          >
            {input(f, refs)}
          </Form.Item>
        ))}
    </>
  );
}

/** Converts form values (dayjs objects) into the JSON the server expects. */
export function toPayload(
  fields: ActionField[],
  values: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined || v === null || v === '') continue;
    if (f.type === 'date') out[f.name] = (v as Dayjs).format('YYYY-MM-DD');
    else if (f.type === 'datetime') out[f.name] = (v as Dayjs).format();
    else out[f.name] = v;
  }
  return out;
}
