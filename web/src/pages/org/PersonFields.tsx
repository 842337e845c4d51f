/** The inputs of the person form: name, gender, birth date, phone, unit, party member, note. */
import { DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import { townToday } from '../../lib/time.ts';

export function PersonFields({ unitOptions }: { unitOptions: { value: string; label: string }[] }) {
  return (
    <>
      <Form.Item
        name="name"
        label="姓名"
        rules={[
          { required: true, whitespace: true, message: '请输入姓名' },
          { max: 30, message: '最多 30 个字' },
        ]}
      >
        <Input placeholder="如：张三" />
      </Form.Item>
      <Form.Item name="gender" label="性别">
        <Radio.Group
          options={[
            { value: 'male', label: '男' },
            { value: 'female', label: '女' },
            { value: null, label: '不填' },
          ]}
        />
      </Form.Item>
      <Form.Item name="birthDate" label="出生日期">
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(townToday())}
          placeholder="选择日期"
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label="联系电话"
        rules={[
          {
            pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/,
            message: '请输入 11 位手机号或带区号的座机号',
          },
        ]}
      >
        <Input placeholder="手机号或座机号" />
      </Form.Item>
      <Form.Item name="unitId" label="所在单位">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={unitOptions}
          placeholder="选择单位"
        />
      </Form.Item>
      <Form.Item name="partyMember" label="是否党员" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <Form.Item name="note" label="备注" rules={[{ max: 500, message: '最多 500 字' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}
