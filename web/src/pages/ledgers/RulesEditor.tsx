/**
 * The "记录规则" part of the ledger type form builder: composite unique rules (e.g. 党支部 +
 * 评定年度 at most once) and minimum gaps between two dates (e.g. 确定为发展对象 at least 1 年
 * after 确定为入党积极分子, only when 所处阶段 = 发展对象). Rules are saved with the type and
 * carried into its next versions; the server checks them against the fields.
 */
import { Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FieldDraft } from '../../api/ledgers.ts';
import { DateGapRuleFields, UniqueRuleFields } from './RuleFields.tsx';
import { ruleFieldOptions, type RuleValue } from './ruleValues.ts';

const KIND_OPTIONS = [
  { value: 'unique', label: '组合唯一（这些字段的值合起来不能重复）' },
  { value: 'date_gap', label: '日期间隔（后一日期至少晚于前一日期）' },
];

interface RowProps {
  name: number;
  fields: FieldDraft[];
  onRemove: () => void;
}

function RuleRow({ name, fields, onRemove }: RowProps) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['rules', name, 'kind'], form) as RuleValue['kind'] | undefined;
  const whenField = Form.useWatch(['rules', name, 'whenField'], form) as string | undefined;
  const whenRaw = Form.useWatch(['rules', name, 'whenRaw'], form) as unknown[] | undefined;
  const options = ruleFieldOptions(fields, whenField);
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
        {kind === 'unique' && <UniqueRuleFields name={name} options={options.uniqueable} />}
        {kind === 'date_gap' && (
          <DateGapRuleFields
            name={name}
            dates={options.dates}
            enums={options.enums}
            choices={options.choices}
            raw={whenRaw?.length ?? 0}
          />
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
