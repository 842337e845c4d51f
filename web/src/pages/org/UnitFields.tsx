/** The inputs of the unit form: name, kind, parent (never inside its own subtree), portfolios. */
import { Form, Input, InputNumber, Select, Space } from 'antd';
import type { Portfolio } from '../../api/org.ts';
import { UNIT_KIND_OPTIONS } from './labels.ts';

interface Props {
  parentOptions: { value: string; label: string }[];
  portfolios: Portfolio[];
}

export function UnitFields({ parentOptions, portfolios }: Props) {
  return (
    <>
      <Form.Item
        name="name"
        label="单位名称"
        rules={[{ required: true, whitespace: true, message: '请输入单位名称' }, { max: 60 }]}
      >
        <Input placeholder="如：石桥村第四网格" />
      </Form.Item>
      <Form.Item
        name="kind"
        label="单位类型"
        rules={[{ required: true, message: '请选择单位类型' }]}
      >
        <Select options={UNIT_KIND_OPTIONS} />
      </Form.Item>
      <Form.Item name="parentId" label="上级单位" tooltip="不选则为顶级单位">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={parentOptions}
          placeholder="无（顶级单位）"
        />
      </Form.Item>
      <Form.Item
        name="portfolios"
        label="承担业务（分管领域）"
        tooltip="本单位专干可使用这些分管领域的台账类型，查看和填报全镇的记录；不选则只管本单位及下级单位的记录"
        data-testid="unit-portfolios"
      >
        <Select
          mode="multiple"
          allowClear
          placeholder="如：宣传和精神文明、意识形态"
          showSearch={{ optionFilterProp: 'label' }}
          options={portfolios.map((p) => ({ value: p.code, label: p.name }))}
        />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="code"
          label="单位编码"
          style={{ flex: 1 }}
          rules={[
            { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: '只能用字母、数字、- 和 _，最多 32 位' },
          ]}
        >
          <Input placeholder="可不填" />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序" style={{ width: 120, marginInlineStart: 12 }}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
    </>
  );
}
