/**
 * The parts of the ledger type form: name, identifier (fixed once created), portfolio and
 * description; the field cards; and which fields give a record its date, unit, person and sort.
 */
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { FieldDraft, LedgerType } from '../../api/ledgers.ts';
import { FieldEditor } from './FieldEditor.tsx';
import { LEDGER_PORTFOLIOS } from './fieldValues.tsx';
import { KEY_RULE } from './FieldTypeSettings.tsx';

interface BasicsProps {
  creating: boolean;
  portfolioName: Map<string, string>;
}

export function TypeBasics({ creating, portfolioName }: BasicsProps) {
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Form.Item
          name="name"
          label="台账名称"
          rules={[{ required: true, message: '请填写台账名称' }, { max: 40 }]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name="code"
          label="台账标识"
          tooltip="英文标识，创建后不能修改"
          rules={[{ required: true, message: '请填写台账标识' }, KEY_RULE]}
        >
          <Input disabled={!creating} placeholder="小写字母、数字或下划线" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name="portfolio"
          label="分管领域"
          rules={[{ required: true, message: '请选择分管领域' }]}
        >
          <Select
            options={LEDGER_PORTFOLIOS.map((c) => ({ value: c, label: portfolioName.get(c) ?? c }))}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="description" label="说明" rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The field cards; a field saved before (its key is in `type`) is 停用 instead of deleted. */
export function FieldList({ type }: { type: LedgerType | undefined }) {
  const form = Form.useFormInstance();
  const savedKeys = new Set((type?.fields ?? []).map((f) => f.key));
  return (
    <Form.List name="fields">
      {(items, { add, remove, move }) => (
        <>
          {items.map((item, i) => (
            <FieldEditor
              key={item.key}
              name={item.name}
              index={i}
              count={items.length}
              existing={savedKeys.has(form.getFieldValue(['fields', item.name, 'key']) ?? '')}
              onRemove={() => remove(item.name)}
              onMove={(to) => move(i, to)}
            />
          ))}
          <Button
            block
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginBottom: 16 }}
            onClick={() =>
              add({ key: `field_${items.length + 1}`, label: '', type: 'text', required: false })
            }
            data-testid="field-add"
          >
            添加字段
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * Which fields place a record in time, in the unit tree and on a person; the default sort. The
 * choices are read from the form in the same render as the selected values, so a select never
 * shows a field's key (happened_on) while a watch of the field list has not caught up.
 */
export function FieldRoles() {
  return (
    <Form.Item noStyle shouldUpdate>
      {({ getFieldValue }) => (
        <FieldRoleSelects fields={(getFieldValue('fields') ?? []) as FieldDraft[]} />
      )}
    </Form.Item>
  );
}

function FieldRoleSelects({ fields }: { fields: FieldDraft[] }) {
  const named = fields.filter((f) => f?.key);
  const optionsOf = (t: string) =>
    named.filter((f) => f.type === t).map((f) => ({ value: f.key, label: f.label || f.key }));
  return (
    <Row gutter={16}>
      <Col span={6}>
        <Form.Item
          name="dateField"
          label="日期字段（决定记录所属期间，须必填）"
          rules={[{ required: true, message: '请选择日期字段' }]}
        >
          <Select options={optionsOf('date')} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="unitField" label="单位字段（决定查看范围）">
          <Select allowClear options={optionsOf('unit')} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="personField" label="责任人字段">
          <Select allowClear options={optionsOf('person')} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item
          name="sortField"
          label="默认排序"
          rules={[{ required: true, message: '请选择' }]}
        >
          <Select options={named.map((f) => ({ value: f.key, label: f.label || f.key }))} />
        </Form.Item>
      </Col>
      <Col span={2}>
        <Form.Item name="sortDirection" label=" ">
          <Select
            options={[
              { value: 'desc', label: '降序' },
              { value: 'asc', label: '升序' },
            ]}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
