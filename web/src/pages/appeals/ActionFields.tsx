/**
 * Renders the inputs a workflow action declares (server data: name, label, type, required) as
 * antd form items under `payload.<name>`, so server errors on `payload.reason` land on the field.
 * `controlFor` is the one place a declared field type becomes a control: people and units are
 * pickers searching by name (values are ids, shown by name), villages a list of the town's villages,
 * other orders a picker searching by code or title, money a number of 元 with two decimals, enums
 * radio buttons or a list, files an upload to the order's 附件 whose ids the action cites.
 */
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { ActionField, FieldType } from '../../api/appeals.ts';
import { FileField } from './FileField.tsx';
import { OrderPicker } from './OrderPicker.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import type { AppealRefs } from './refs.ts';

const YES_NO = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

function unitPicker(refs: AppealRefs, multiple: boolean) {
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      optionFilterProp="label"
      options={refs.unitOptions}
      placeholder={multiple ? '输入名称搜索，可多选' : '输入名称搜索单位或村（社区）'}
    />
  );
}

/** The control for one declared field type; a type without a case here fails the type check. */
/** The order and action a form fires: files upload to the order, pickers ask for its choices. */
export interface ActionContext {
  appealId?: string;
  action?: string;
}

export function controlFor(f: ActionField, refs: AppealRefs, at: ActionContext = {}): ReactNode {
  const type: FieldType = f.type;
  // A person field that declares who may be named lists only those people (the server says who).
  const choices =
    f.who && at.appealId && at.action
      ? { appealId: at.appealId, action: at.action, field: f.name }
      : undefined;
  switch (type) {
    case 'string':
      return <Input maxLength={200} />;
    case 'text':
      return <Input.TextArea rows={3} maxLength={2000} />;
    case 'enum':
      return f.options && f.options.length <= 6 ? (
        <Radio.Group options={f.options.map((o) => ({ value: o, label: o }))} />
      ) : (
        <Select options={(f.options ?? []).map((o) => ({ value: o, label: o }))} />
      );
    case 'boolean':
      return <Radio.Group options={YES_NO} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} placeholder="选择日期" />;
    case 'datetime':
      return <DatePicker showTime style={{ width: '100%' }} placeholder="选择日期和时间" />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} min={f.min} max={f.max} />;
    case 'unit_id':
      return unitPicker(refs, false);
    case 'unit_ids':
      return unitPicker(refs, true);
    case 'person_id':
      return <PersonPicker refs={refs} choices={choices} />;
    case 'person_ids':
      return <PersonPicker refs={refs} multiple choices={choices} />;
    case 'village_id':
      return (
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          options={refs.villageOptions}
          placeholder="输入名称搜索村（社区）"
        />
      );
    case 'money':
      return (
        <InputNumber
          style={{ width: '100%' }}
          min={0}
          precision={2}
          step={100}
          addonAfter="元"
          placeholder="金额，最多两位小数"
        />
      );
    case 'appeal_ref':
      return <OrderPicker />;
    case 'file':
      return <FileField appealId={at.appealId} />;
    case 'string_list':
      return (
        <Select
          mode="tags"
          tokenSeparators={[',', '，', '、']}
          placeholder="输入后回车，可填多项"
        />
      );
    default: {
      const missing: never = type;
      throw new Error(`字段类型 ${String(missing)} 没有对应的输入控件`);
    }
  }
}

/** The Chinese message of an empty required field, by what the user does with the control. */
function requiredMessage(f: ActionField): string {
  if (f.type === 'file') return `请上传${f.label}`;
  const pick = [
    'enum',
    'boolean',
    'date',
    'datetime',
    'unit_id',
    'unit_ids',
    'person_id',
    'person_ids',
    'village_id',
    'appeal_ref',
  ];
  return `请${pick.includes(f.type) ? '选择' : '填写'}${f.label}`;
}

export function ActionFields({
  fields,
  refs,
  skip = [],
  at,
}: {
  fields: ActionField[];
  refs: AppealRefs;
  skip?: string[];
  /** The order and action fired (files upload there, pickers ask it); none at registration. */
  at?: ActionContext;
}) {
  return (
    <>
      {fields
        .filter((f) => !skip.includes(f.name))
        .map((f) => (
          <div key={f.name} data-field={f.name} data-field-type={f.type}>
            <Form.Item
              name={['payload', f.name]}
              label={f.label}
              rules={f.required ? [{ required: true, message: requiredMessage(f) }] : []}
            >
              {controlFor(f, refs, at)}
            </Form.Item>
          </div>
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
    if (Array.isArray(v) && v.length === 0) continue;
    if (f.type === 'date') out[f.name] = (v as Dayjs).format('YYYY-MM-DD');
    else if (f.type === 'datetime') out[f.name] = (v as Dayjs).format();
    else out[f.name] = v;
  }
  return out;
}
