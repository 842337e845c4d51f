/** 办公时间 in the town form: one to six periods, in order of the day. */
import { Button, Form, Space, TimePicker } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { toRange } from './officeHours.ts';

const atLeastOne = {
  validator: async (_: unknown, v?: unknown[]) =>
    v?.length ? undefined : Promise.reject(new Error('至少填写一个办公时段')),
};

export function OfficeHoursField() {
  return (
    <Form.List name="periods" rules={[atLeastOne]}>
      {(fields, { add, remove }, { errors }) => (
        <Form.Item
          label="办公时间"
          required
          extra="按时间先后填写，如上午 08:30–12:00、下午 14:00–17:30"
        >
          {fields.map((field, i) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item
                name={field.name}
                rules={[{ required: true, message: '请选择时段' }]}
                style={{ marginBottom: 8 }}
              >
                <TimePicker.RangePicker
                  format="HH:mm"
                  minuteStep={5}
                  order
                  aria-label={`办公时段 ${i + 1}`}
                />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label="移除时段"
                />
              )}
            </Space>
          ))}
          {fields.length < 6 && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add(toRange({ start: '14:00', end: '17:30' }))}
            >
              添加时段
            </Button>
          )}
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
