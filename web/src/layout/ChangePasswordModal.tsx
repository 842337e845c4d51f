/** 修改密码 — also forced open after sign-in when the account still has its initial password. */
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { authApi } from '../api/auth.ts';
import { useApiErrorHandler } from '../api/errors.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({
  open,
  forced,
  onClose,
}: {
  open: boolean;
  forced?: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const onError = useApiErrorHandler();

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      void message.success('密码已修改');
      form.resetFields();
      onClose();
    } catch (err) {
      onError(err, { form });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={forced ? '请先修改初始密码' : '修改密码'}
      open={open}
      onOk={submit}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      maskClosable={!forced}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      confirmLoading={busy}
      okText="保存"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="currentPassword"
          label="当前密码"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 10, message: '至少 10 位' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
