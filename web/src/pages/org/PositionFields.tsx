/** The inputs of the position form: person, unit, title, portfolios, 班子成员, dates. */
import { Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Person, Portfolio } from '../../api/org.ts';

interface Props {
  unitOptions: { value: string; label: string }[];
  people: Person[];
  portfolios: Portfolio[];
}

export function PositionFields({ unitOptions, people, portfolios }: Props) {
  return (
    <>
      <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="输入姓名查找"
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
      <Form.Item
        name="unitId"
        label="任职单位"
        rules={[{ required: true, message: '请选择任职单位' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择单位"
          options={unitOptions}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label="职务"
        rules={[
          { required: true, whitespace: true, message: '请输入职务' },
          { max: 40, message: '最多 40 字' },
        ]}
      >
        <Input placeholder="如：党委委员、副镇长" />
      </Form.Item>
      <Form.Item
        name="portfolios"
        label="分管领域"
        tooltip="决定述职报告中纳入哪些诉求、台账和指标"
      >
        <Select
          mode="multiple"
          allowClear
          placeholder="可多选"
          options={portfolios.map((p) => ({ value: p.code, label: p.name }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item name="leadership" valuePropName="checked">
        <Checkbox>班子成员</Checkbox>
      </Form.Item>
      <Space.Compact block style={{ gap: 12 }}>
        <Form.Item
          name="startsOn"
          label="任职开始日期"
          style={{ flex: 1 }}
          rules={[{ required: true, message: '请选择开始日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label="任职结束日期"
          style={{ flex: 1 }}
          dependencies={['startsOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | null) =>
                !v || !getFieldValue('startsOn') || !v.isBefore(getFieldValue('startsOn'))
                  ? Promise.resolve()
                  : Promise.reject(new Error('结束日期不能早于开始日期')),
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} placeholder="在任可不填" />
        </Form.Item>
      </Space.Compact>
    </>
  );
}
