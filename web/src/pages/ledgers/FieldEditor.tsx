/**
 * One field row of the ledger type form builder: identifier, name, type, required/unique, help
 * text and the settings of its type (unit and integer for numbers, options for 选项, max length,
 * max files). Identifiers of fields already saved cannot change (records refer to them).
 */
import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tooltip,
} from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { FieldType } from '../../api/ledgers.ts';
import { FIELD_TYPE_LABELS } from './fieldValues.tsx';

const KEY_RULE = {
  pattern: /^[a-z][a-z0-9_]*$/,
  message: '小写字母开头，只含小写字母、数字、下划线',
};
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

export function FieldEditor({ name, index, count, existing, onRemove, onMove }: Props) {
  const form = Form.useFormInstance();
  const type = Form.useWatch(['fields', name, 'type'], form) as FieldType | undefined;
  const label = Form.useWatch(['fields', name, 'label'], form) as string | undefined;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={`${index + 1}. ${label || '新字段'}`}
      data-testid="field-editor"
      extra={
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
      }
    >
      <Row gutter={12}>
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
            <Input placeholder="如：title" disabled={existing} />
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
        {(type === 'text' || type === 'long_text') && (
          <Col span={6}>
            <Form.Item name={[name, 'maxLength']} label="最多字数">
              <InputNumber min={1} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        {type === 'number' && (
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
        )}
        {type === 'attachment' && (
          <Col span={6}>
            <Form.Item name={[name, 'maxCount']} label="最多文件数">
              <InputNumber min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {type === 'enum' && (
        <Form.List
          name={[name, 'options']}
          rules={[
            {
              validator: async (_r, v: unknown[]) => {
                if (!v || v.length === 0) throw new Error('至少需要一个选项');
              },
            },
          ]}
        >
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
      )}
    </Card>
  );
}
