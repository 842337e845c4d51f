/**
 * One field row of the ledger type form builder: identifier, name, type, required/unique, help
 * text and the settings of its type (unit and integer for numbers, options for 选项, max length,
 * max files). Identifiers of fields already saved cannot change (records refer to them).
 */
import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { FieldType } from '../../api/ledgers.ts';
import { FIELD_TYPE_LABELS } from './fieldValues.tsx';
import { EnumOptionsList, FieldTypeSettings, KEY_RULE } from './FieldTypeSettings.tsx';

const TYPE_OPTIONS = (Object.keys(FIELD_TYPE_LABELS) as FieldType[]).map((t) => ({
  value: t,
  label: FIELD_TYPE_LABELS[t],
}));

interface Props {
  name: number;
  index: number;
  count: number;
  existing: boolean;
  onRemove: () => void;
  onMove: (to: number) => void;
}

function FieldActions({ index, count, existing, onRemove, onMove }: Omit<Props, 'name'>) {
  return (
    <Space size={4}>
      <Tooltip title="上移">
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        />
      </Tooltip>
      <Tooltip title="下移">
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        />
      </Tooltip>
      <Tooltip title={existing ? '停用：已有记录的值仍可查看，不再填写' : '删除'}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
          {existing ? '停用' : '删除'}
        </Button>
      </Tooltip>
    </Space>
  );
}

/** Name, identifier (locked once saved), type, 必填/不可重复 and help text. */
function FieldBasics({ name, existing }: { name: number; existing: boolean }) {
  return (
    <>
      <Col span={6}>
        <Form.Item
          name={[name, 'label']}
          label="字段名称"
          rules={[{ required: true, message: '请填写字段名称' }, { max: 30 }]}
        >
          <Input placeholder="如：标题" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name={[name, 'key']}
          label="字段标识"
          tooltip="英文标识，保存后不能修改"
          rules={[{ required: true, message: '请填写字段标识' }, KEY_RULE]}
        >
          <Input placeholder="小写字母、数字或下划线" disabled={existing} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name={[name, 'type']} label="类型" rules={[{ required: true }]}>
          <Select options={TYPE_OPTIONS} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item label="规则" style={{ marginBottom: 0 }}>
          <Space>
            <Form.Item name={[name, 'required']} valuePropName="checked" noStyle>
              <Checkbox>必填</Checkbox>
            </Form.Item>
            <Form.Item name={[name, 'unique']} valuePropName="checked" noStyle>
              <Checkbox>不可重复</Checkbox>
            </Form.Item>
          </Space>
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name={[name, 'help']} label="填写说明" rules={[{ max: 200 }]}>
          <Input placeholder="可选，显示在输入框中" />
        </Form.Item>
      </Col>
    </>
  );
}

export function FieldEditor({ name, ...props }: Props) {
  const form = Form.useFormInstance();
  const type = Form.useWatch(['fields', name, 'type'], form) as FieldType | undefined;
  const label = Form.useWatch(['fields', name, 'label'], form) as string | undefined;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={`${props.index + 1}. ${label || '新字段'}`}
      data-testid="field-editor"
      extra={<FieldActions {...props} />}
    >
      <Row gutter={12}>
        <FieldBasics name={name} existing={props.existing} />
        <FieldTypeSettings name={name} type={type} />
      </Row>
      {type === 'enum' && <EnumOptionsList name={name} />}
    </Card>
  );
}
