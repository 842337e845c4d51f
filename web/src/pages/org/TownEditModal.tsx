/** 编辑乡镇信息: name, code (county admins only: links and Open311 use it) and office hours. */
import { Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { orgApi, type TownDetail } from '../../api/org.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { fromRange, toRange } from './officeHours.ts';
import { OfficeHoursField } from './OfficeHoursField.tsx';
import { TOWN_CODE_RULE } from './townCode.ts';

interface Values {
  name: string;
  code: string;
  periods: [Dayjs, Dayjs][];
}

interface Props {
  town: TownDetail;
  canChangeCode: boolean;
  onClose: () => void;
  onSaved: () => void;
  onConflict: () => void;
}

export function TownEditModal({ town, canChangeCode, onClose, onSaved, onConflict }: Props) {
  const [form] = Form.useForm<Values>();
  const { busy, save } = useFormSave(form, () => {
    onConflict();
    onClose();
  });
  const submit = () =>
    save(async (v) => {
      await orgApi.updateTown(town.id, {
        version: town.version,
        name: v.name.trim(),
        ...(canChangeCode && v.code !== town.code ? { code: v.code.trim() } : {}),
        settings: { officeHours: v.periods.map(fromRange) },
      });
      onSaved();
      return '已保存乡镇信息';
    });

  return (
    <Modal
      open
      title="编辑乡镇信息"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText="保存"
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: town.name,
          code: town.code,
          periods: town.settings.officeHours.map(toRange),
        }}
      >
        <Form.Item
          name="name"
          label="乡镇名称"
          rules={[{ required: true, whitespace: true, message: '请输入乡镇名称' }, { max: 30 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="code"
          label="乡镇编码"
          rules={[{ required: true, message: '请输入乡镇编码' }, TOWN_CODE_RULE]}
          extra={
            canChangeCode
              ? '修改后，已发出的群众诉求链接和对外接口配置需同步更换'
              : '只有县级管理员可以修改编码'
          }
        >
          <Input disabled={!canChangeCode} />
        </Form.Item>
        <OfficeHoursField />
      </Form>
    </Modal>
  );
}
