/** A new or reset password, shown exactly once for the admin to pass on in person. */
import { Button, Modal, Typography } from 'antd';

export interface InitialPassword {
  username: string;
  password: string;
  reset: boolean;
}

export function InitialPasswordModal({
  secret,
  onClose,
}: {
  secret: InitialPassword | null;
  onClose: () => void;
}) {
  return (
    <Modal
      open={!!secret}
      title={secret?.reset ? '密码已重置' : '用户已创建'}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
      maskClosable={false}
    >
      <Typography.Paragraph>
        用户 <Typography.Text strong>{secret?.username}</Typography.Text>{' '}
        的初始密码（只显示这一次，请当面或通过安全方式告知本人）：
      </Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: secret?.password ?? '' }}
        style={{ fontSize: 22, fontFamily: 'monospace', letterSpacing: 1 }}
        data-testid="initial-password"
      >
        {secret?.password}
      </Typography.Paragraph>
      <Typography.Text type="secondary">对方首次登录后须修改密码。</Typography.Text>
    </Modal>
  );
}
