/**
 * The "记录规则" part of the ledger type form builder: composite unique rules (e.g. 党支部 +
 * 评定年度 at most once) and minimum gaps between two dates (e.g. 确定为发展对象 at least 1 年
 * after 确定为入党积极分子, only when 所处阶段 = 发展对象). Rules are saved with the type and
 * carried into its next versions; the server checks them against the fields.
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
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldDraft } from '../../api/ledgers.ts';
import type { RuleValue } from './ruleValues.ts';

const KIND_OPTIONS = [
  { value: 'unique', label: '组合唯一（这些字段的值合起来不能重复）' },
  { value: 'date_gap', label: '日期间隔（后一日期至少晚于前一日期）' },
];

function RuleRow({
  name,
  fields,
  onRemove,
}: {
  name: number;
  fields: FieldDraft[];
  onRemove: () => void;
}) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['rules', name, 'kind'], form) as RuleValue['kind'] | undefined;
  const whenField = Form.useWatch(['rules', name, 'whenField'], form) as string | undefined;
  const whenRaw = Form.useWatch(['rules', name, 'whenRaw'], form) as unknown[] | undefined;
  const named = fields.filter((f) => f?.key);
  const option = (f: FieldDraft) => ({ value: f.key, label: f.label || f.key });
  const uniqueable = named
    .filter((f) => f.type !== 'attachment' && f.type !== 'long_text')
    .map(option);
  const dates = named.filter((f) => f.type === 'date').map(option);
  const enums = named.filter((f) => f.type === 'enum').map(option);
  const choices = (named.find((f) => f.key === whenField)?.options ?? []).map((o) => ({
    value: o.code,
    label: o.label,
  }));
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="rule-editor"
      extra={
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
          删除规则
        </Button>
      }
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={[name, 'kind']} label="规则类型" rules={[{ required: true }]}>
            <Select options={KIND_OPTIONS} />
          </Form.Item>
        </Col>
        {kind === 'unique' && (
          <Col span={16}>
            <Form.Item
              name={[name, 'fields']}
              label="字段组合"
              rules={[
                {
                  validator: async (_r, v: string[]) => {
                    if (!v || v.length < 2) throw new Error('至少选择两个字段');
                  },
                },
              ]}
            >
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={uniqueable}
                placeholder="如：党支部、评定年度"
              />
            </Form.Item>
          </Col>
        )}
        {kind === 'date_gap' && (
          <>
            <Col span={8}>
              <Form.Item
                name={[name, 'from']}
                label="前一日期"
                rules={[{ required: true, message: '请选择' }]}
              >
                <Select options={dates} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name={[name, 'to']}
                label="后一日期"
                rules={[{ required: true, message: '请选择' }]}
              >
                <Select options={dates} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="至少间隔">
                <Space.Compact>
                  <Form.Item name={[name, 'years']} noStyle>
                    <InputNumber min={0} max={100} placeholder="年" addonAfter="年" />
                  </Form.Item>
                  <Form.Item name={[name, 'months']} noStyle>
                    <InputNumber min={0} max={1200} placeholder="月" addonAfter="月" />
                  </Form.Item>
                  <Form.Item name={[name, 'days']} noStyle>
                    <InputNumber min={0} max={36500} placeholder="天" addonAfter="天" />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
            {whenRaw?.length ? (
              <Col span={8}>
                <Form.Item label="适用条件">
                  <Tag>已设置 {whenRaw.length} 项条件（保持不变）</Tag>
                </Form.Item>
              </Col>
            ) : (
              <>
                <Col span={4}>
                  <Form.Item name={[name, 'whenField']} label="仅当字段">
                    <Select allowClear options={enums} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[name, 'whenValue']} label="等于">
                    <Select allowClear options={choices} disabled={!whenField} />
                  </Form.Item>
                </Col>
              </>
            )}
            <Col span={8}>
              <Form.Item name={[name, 'required']} label=" " valuePropName="checked">
                <Checkbox>适用时两个日期都必须填写</Checkbox>
              </Form.Item>
            </Col>
          </>
        )}
        <Col span={24}>
          <Form.Item name={[name, 'message']} label="提示（说明依据）" rules={[{ max: 100 }]}>
            <Input placeholder="如：每个党支部每年只评定一次星级" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export function RulesEditor({ fields }: { fields: FieldDraft[] }) {
  return (
    <Form.List name="rules">
      {(items, { add, remove }) => (
        <div style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>记录规则</Typography.Title>
          {items.map((item) => (
            <RuleRow
              key={item.key}
              name={item.name}
              fields={fields}
              onRemove={() => remove(item.name)}
            />
          ))}
          <Button
            block
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ kind: 'unique', fields: [] })}
            data-testid="rule-add"
          >
            添加规则
          </Button>
        </div>
      )}
    </Form.List>
  );
}
