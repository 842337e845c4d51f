/**
 * The settings a field type has in the form builder: max length of texts, unit and integer of
 * numbers, max files of attachments, and the options (name and code) of 选项.
 */
import { Button, Checkbox, Col, Form, Input, InputNumber, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldType } from '../../api/ledgers.ts';

/** Field keys and option codes: what records and Excel columns refer to. */
export const KEY_RULE = {
  pattern: /^[a-z][a-z0-9_]*$/,
  message: '小写字母开头，只含小写字母、数字、下划线',
};

/** Columns of the field card's row for the type's own settings. */
export function FieldTypeSettings({ name, type }: { name: number; type: FieldType | undefined }) {
  if (type === 'text' || type === 'long_text')
    return (
      <Col span={6}>
        <Form.Item name={[name, 'maxLength']} label="最多字数">
          <InputNumber min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    );
  if (type === 'number')
    return (
      <>
        <Col span={6}>
          <Form.Item name={[name, 'unit']} label="单位" rules={[{ max: 10 }]}>
            <Input placeholder="如：人、次、亩" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'integer']} label="取整" valuePropName="checked">
            <Checkbox>只能填整数</Checkbox>
          </Form.Item>
        </Col>
      </>
    );
  if (type === 'attachment')
    return (
      <Col span={6}>
        <Form.Item name={[name, 'maxCount']} label="最多文件数">
          <InputNumber min={1} max={100} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    );
  return null;
}

const atLeastOne = {
  validator: async (_r: unknown, v: unknown[]) => {
    if (!v || v.length === 0) throw new Error('至少需要一个选项');
  },
};

/** The options of a 选项 field: a name people see and a code records store. */
export function EnumOptionsList({ name }: { name: number }) {
  return (
    <Form.List name={[name, 'options']} rules={[atLeastOne]}>
      {(opts, { add, remove }, { errors }) => (
        <div>
          <div style={{ marginBottom: 8, color: '#595959' }}>选项</div>
          {opts.map((o) => (
            <Space key={o.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item
                name={[o.name, 'label']}
                rules={[{ required: true, message: '请填写选项名称' }]}
              >
                <Input placeholder="选项名称，如：省级" style={{ width: 200 }} />
              </Form.Item>
              <Form.Item
                name={[o.name, 'code']}
                rules={[{ required: true, message: '请填写选项代码' }, KEY_RULE]}
              >
                <Input placeholder="代码，如：provincial" style={{ width: 200 }} />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                onClick={() => remove(o.name)}
                aria-label="删除选项"
              />
            </Space>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({ label: '', code: `o${opts.length + 1}` })}
          >
            添加选项
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}
