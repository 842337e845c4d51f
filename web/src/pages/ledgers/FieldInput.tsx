/**
 * The form control for one ledger field, chosen by field type: text, long text, number with its
 * unit, money in yuan, date, option list, 是/否 switch, person select, unit/village select and
 * attachment upload (files go to /attachments first; the record stores their ids).
 */
import { DatePicker, Input, InputNumber, Select, Switch } from 'antd';
import type { LedgerField } from '../../api/ledgers.ts';
import { AttachmentInput } from './AttachmentInput.tsx';
import type { RefData } from './fieldValues.tsx';

/** What a Form.Item hands to its control. */
export interface ControlProps<T> {
  value?: T;
  onChange?: (v: T) => void;
  id?: string;
}

/** A select for 选项, 人员 (with the current title) or 单位/村. */
function ChoiceInput({
  field,
  refData,
  control,
}: {
  field: LedgerField;
  refData: RefData;
  control: ControlProps<any>;
}) {
  if (field.type === 'enum')
    return (
      <Select
        {...control}
        allowClear
        placeholder="请选择"
        options={field.options.map((o) => ({ value: o.code, label: o.label }))}
      />
    );
  const people = field.type === 'person';
  return (
    <Select
      {...control}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={people ? '选择人员' : '选择单位或村'}
      loading={refData.loading}
      options={
        people
          ? refData.people.map((p) => ({
              value: p.id,
              label: p.titles.length ? `${p.name}（${p.titles[0]}）` : p.name,
            }))
          : refData.units.map((u) => ({ value: u.id, label: u.name }))
      }
    />
  );
}

export function FieldInput({
  field,
  refData,
  ...control
}: ControlProps<unknown> & { field: LedgerField; refData: RefData }) {
  const ph = field.help ?? undefined;
  // The Form.Item hands value/onChange through; each control below knows its own value type.
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
    case 'person':
    case 'unit':
      return <ChoiceInput field={field} refData={refData} control={c} />;
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
    case 'attachment':
      return <AttachmentInput {...(control as ControlProps<string[]>)} maxCount={field.maxCount} />;
    default:
      return <Input {...c} maxLength={field.maxLength} placeholder={ph} />;
  }
}
