/** The inputs of one record rule, by kind: the fields of a unique rule, or a date gap. */
import { Checkbox, Col, Form, InputNumber, Select, Space, Tag } from 'antd';

type Option = { value: string; label: string };

const atLeastTwo = {
  validator: async (_r: unknown, v: string[]) => {
    if (!v || v.length < 2) throw new Error('至少选择两个字段');
  },
};

export function UniqueRuleFields({ name, options }: { name: number; options: Option[] }) {
  return (
    <Col span={16}>
      <Form.Item name={[name, 'fields']} label="字段组合" rules={[atLeastTwo]}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          placeholder="如：党支部、评定年度"
        />
      </Form.Item>
    </Col>
  );
}

function GapInputs({ name }: { name: number }) {
  return (
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
  );
}

/** "Only when field = option"; a condition the form cannot edit is shown and kept as it is. */
function WhenCondition(props: { name: number; raw: number; enums: Option[]; choices: Option[] }) {
  const { name, raw, enums, choices } = props;
  const whenField = Form.useWatch(['rules', name, 'whenField']) as string | undefined;
  if (raw)
    return (
      <Col span={8}>
        <Form.Item label="适用条件">
          <Tag>已设置 {raw} 项条件（保持不变）</Tag>
        </Form.Item>
      </Col>
    );
  return (
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
  );
}

interface GapProps {
  name: number;
  dates: Option[];
  enums: Option[];
  choices: Option[];
  /** How many conditions the form cannot edit (0: none). */
  raw: number;
}

export function DateGapRuleFields({ name, dates, ...condition }: GapProps) {
  return (
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
        <GapInputs name={name} />
      </Col>
      <WhenCondition name={name} {...condition} />
      <Col span={8}>
        <Form.Item name={[name, 'required']} label=" " valuePropName="checked">
          <Checkbox>适用时两个日期都必须填写</Checkbox>
        </Form.Item>
      </Col>
    </>
  );
}
