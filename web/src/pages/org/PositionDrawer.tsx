/** Create or edit one position: person, unit, title, portfolios held, dates, 班子成员 flag. */
import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  orgApi,
  type Person,
  type Portfolio,
  type Position,
  type PositionInput,
} from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';

interface Values extends Omit<PositionInput, 'startsOn' | 'endsOn'> {
  startsOn: Dayjs;
  endsOn: Dayjs | null;
}

interface Props {
  position: Position | null;
  unitOptions: { value: string; label: string }[];
  people: Person[];
  portfolios: Portfolio[];
  onClose: () => void;
  onSaved: (p: Position) => void;
  onConflict: () => void;
}

export function PositionDrawer({
  position,
  unitOptions,
  people,
  portfolios,
  onClose,
  onSaved,
  onConflict,
}: Props) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const initial: Partial<Values> = position
    ? {
        ...position,
        startsOn: dayjs(position.startsOn),
        endsOn: position.endsOn ? dayjs(position.endsOn) : null,
      }
    : { leadership: false, portfolios: [], startsOn: dayjs(), endsOn: null };

  const submit = async () => {
    const v = await form.validateFields();
    const input: PositionInput = {
      personId: v.personId,
      unitId: v.unitId,
      title: v.title.trim(),
      leadership: !!v.leadership,
      portfolios: v.portfolios ?? [],
      startsOn: v.startsOn.format('YYYY-MM-DD'),
      endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
    };
    setBusy(true);
    try {
      const saved = position
        ? await orgApi.updatePosition(townId, position.id, { ...input, version: position.version })
        : await orgApi.createPosition(townId, input);
      void message.success(position ? '已保存' : '已新增任职');
      onSaved(saved);
    } catch (err) {
      onError(err, {
        form,
        onConflict: () => {
          onConflict();
          onClose();
        },
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      title={position ? `编辑任职：${position.personName}` : '新增任职'}
      size={520}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={submit}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial}>
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
      </Form>
    </Drawer>
  );
}
