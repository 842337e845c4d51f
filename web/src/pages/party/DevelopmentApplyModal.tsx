/** 登记入党申请: the applicant, their birth date (the 18-year rule) and branch, the date applied. */
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/errors.ts';
import { developmentApi } from '../../api/memberDevelopment.ts';
import { useSession } from '../../session/session.tsx';

interface Values {
  payload: {
    personName: string;
    birthDate: Dayjs;
    branchId: string;
    appliedOn: Dayjs;
    occupation?: string;
  };
}

function ApplyFields({ branches }: { branches: { id: string; name: string }[] }) {
  return (
    <>
      <Form.Item
        name={['payload', 'personName']}
        label="姓名"
        rules={[{ required: true, message: '请填写姓名' }]}
      >
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        name={['payload', 'birthDate']}
        label="出生日期"
        rules={[{ required: true, message: '请选择出生日期' }]}
      >
        <DatePicker style={{ width: '100%' }} placeholder="选择日期" />
      </Form.Item>
      <Form.Item
        name={['payload', 'branchId']}
        label="所在党支部"
        rules={[{ required: true, message: '请选择党支部' }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={branches.map((b) => ({ value: b.id, label: b.name }))}
        />
      </Form.Item>
      <Form.Item
        name={['payload', 'appliedOn']}
        label="递交入党申请书日期"
        rules={[{ required: true, message: '请选择日期' }]}
      >
        <DatePicker style={{ width: '100%' }} placeholder="选择日期" />
      </Form.Item>
      <Form.Item name={['payload', 'occupation']} label="职业/身份">
        <Input maxLength={50} />
      </Form.Item>
    </>
  );
}

export function ApplyModal(props: {
  branches: { id: string; name: string }[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const p = values.payload;
    setSaving(true);
    setRefusal(null);
    try {
      await developmentApi.apply(townId, {
        personName: p.personName,
        birthDate: p.birthDate.format('YYYY-MM-DD'),
        branchId: p.branchId,
        appliedOn: p.appliedOn.format('YYYY-MM-DD'),
        ...(p.occupation ? { occupation: p.occupation } : {}),
      });
      void message.success(`已登记${p.personName}的入党申请`);
      props.onSaved();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      applyFieldErrors(form, err);
      setRefusal(err.problem.detail);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="登记入党申请"
      okText="登记"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
    >
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <ApplyFields branches={props.branches} />
      </Form>
    </Modal>
  );
}
