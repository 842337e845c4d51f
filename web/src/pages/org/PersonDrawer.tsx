/** Create or edit one person; field errors from the server land next to their inputs. */
import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  Radio,
  Space,
  Switch,
  Tag,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { orgApi, type Person, type PersonInput } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';

interface Values extends Omit<PersonInput, 'birthDate'> {
  birthDate: Dayjs | null;
}

interface Props {
  person: Person | null;
  unitOptions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (p: Person) => void;
  onConflict: () => void;
}

export function PersonDrawer({ person, unitOptions, onClose, onSaved, onConflict }: Props) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const initial: Partial<Values> = person
    ? { ...person, birthDate: person.birthDate ? dayjs(person.birthDate) : null }
    : { partyMember: false, gender: null, unitId: null };

  const submit = async () => {
    const v = await form.validateFields();
    const input: PersonInput = {
      name: v.name.trim(),
      gender: v.gender ?? null,
      birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
      phone: v.phone?.trim() || null,
      partyMember: !!v.partyMember,
      unitId: v.unitId ?? null,
      note: v.note?.trim() || null,
    };
    setBusy(true);
    try {
      const saved = person
        ? await orgApi.updatePerson(townId, person.id, { ...input, version: person.version })
        : await orgApi.createPerson(townId, input);
      void message.success(person ? '已保存' : `已新增人员「${saved.name}」`);
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
      title={person ? `编辑人员：${person.name}` : '新增人员'}
      size={480}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={submit} data-testid="person-save">
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="person-form">
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
            disabledDate={(d) => d.isAfter(dayjs())}
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
        {person && person.titles.length > 0 && (
          <Form.Item label="现任职务" tooltip="在「任职」中维护">
            {person.titles.map((t) => (
              <Tag key={t}>{t}</Tag>
            ))}
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
