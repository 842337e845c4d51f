/** 添加包联: a town leader starts looking after one village from a date. */
import { DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { orgApi, type Unit } from '../../api/org.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { useSession } from '../../session/session.tsx';
import { townToday } from '../../lib/time.ts';

interface Props {
  village: Unit;
  leaderOptions: { value: string; label: string }[];
  onClose: () => void;
  onSaved: () => void;
}

export function LiaisonAddModal({ village, leaderOptions, onClose, onSaved }: Props) {
  const { townId } = useSession();
  const [form] = Form.useForm<{ personId: string; startsOn: Dayjs }>();
  const { busy, save } = useFormSave(form);
  const add = () =>
    save(async (v) => {
      await orgApi.createLiaison(townId, {
        villageId: village.id,
        personId: v.personId,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
      });
      onSaved();
      return '已添加包联领导';
    });
  return (
    <Modal
      title={`为「${village.name}」添加包联领导`}
      open
      onOk={add}
      onCancel={onClose}
      confirmLoading={busy}
      okText="添加"
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ startsOn: townToday() }}
        preserve={false}
      >
        <Form.Item
          name="personId"
          label="包联领导"
          rules={[{ required: true, message: '请选择包联领导' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={leaderOptions}
            placeholder="选择班子成员"
          />
        </Form.Item>
        <Form.Item
          name="startsOn"
          label="开始日期"
          rules={[{ required: true, message: '请选择开始日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
