/** The county admin's dialogs: 新增乡镇 and 修改县（区）名称. */
import { Form, Input, Modal } from 'antd';
import { orgApi, type County } from '../../api/org.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { TOWN_CODE_RULE } from './townCode.ts';

interface AddProps {
  countyId: string;
  onClose: () => void;
  onSaved: (name: string) => void;
}

export function AddTownModal({ countyId, onClose, onSaved }: AddProps) {
  const [form] = Form.useForm<{ name: string; code: string }>();
  const { busy, save } = useFormSave(form);
  const submit = () =>
    save(async (v) => {
      const town = await orgApi.createTown(countyId, { name: v.name.trim(), code: v.code.trim() });
      onSaved(town.name);
    });
  return (
    <Modal
      open
      title="新增乡镇"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText="新增"
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label="乡镇名称"
          rules={[{ required: true, whitespace: true, message: '请输入乡镇名称' }, { max: 30 }]}
        >
          <Input placeholder="如：东山镇" />
        </Form.Item>
        <Form.Item
          name="code"
          label="乡镇编码"
          extra="小写字母开头，一般用拼音，如 dongshan；建立后不宜再改"
          rules={[{ required: true, message: '请输入乡镇编码' }, TOWN_CODE_RULE]}
        >
          <Input placeholder="dongshan" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RenameProps {
  county: County;
  onClose: () => void;
  onSaved: () => void;
}

export function RenameCountyModal({ county, onClose, onSaved }: RenameProps) {
  const [form] = Form.useForm<{ name: string }>();
  const { busy, save } = useFormSave(form, onSaved);
  const submit = () =>
    save(async (v) => {
      await orgApi.updateCounty(county, v.name.trim());
      onSaved();
      return '已修改';
    });
  return (
    <Modal
      open
      title="修改县（区）名称"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText="保存"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ name: county.name }}>
        <Form.Item
          name="name"
          label="县（区）名称"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 30 }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
