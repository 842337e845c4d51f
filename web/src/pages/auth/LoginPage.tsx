/** 登录 — username and password; shows the server's own Chinese reason (wrong password, locked out). */
import { useState, type CSSProperties } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { authApi } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../session/session.tsx';

interface LoginForm {
  username: string;
  password: string;
}

const BACKDROP: CSSProperties = {
  minHeight: '100vh',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: 16,
  background: 'linear-gradient(160deg, #fff1f0 0%, #f5f6f8 45%, #e6f4ff 100%)',
};

/** The product's mark and name above the form. */
function Brand() {
  return (
    <div style={{ textAlign: 'center', marginBottom: 24 }}>
      <img src="/favicon.svg" alt="" width={48} height={48} />
      <Typography.Title level={3} style={{ margin: '8px 0 4px' }}>
        履职
      </Typography.Title>
      <Typography.Text type="secondary">乡镇工作系统</Typography.Text>
    </div>
  );
}

/** 用户名 and 密码, both required. */
function CredentialsForm({
  busy,
  onSubmit,
}: {
  busy: boolean;
  onSubmit: (values: LoginForm) => void;
}) {
  return (
    <Form<LoginForm> layout="vertical" onFinish={onSubmit} requiredMark={false} size="large">
      <Form.Item
        name="username"
        label="用户名"
        rules={[{ required: true, message: '请输入用户名' }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus placeholder="用户名" />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          placeholder="密码"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        登录
      </Button>
    </Form>
  );
}

export default function LoginPage() {
  const { user, signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (user) return <Navigate to={from} replace />;

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const me = await authApi.login(values.username.trim(), values.password);
      signedIn(me);
      navigate(from, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.problem.detail : '登录失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={BACKDROP}>
      <Card style={{ width: 380, maxWidth: '100%', boxShadow: '0 8px 24px rgba(0,0,0,0.08)' }}>
        <Brand />
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <CredentialsForm busy={busy} onSubmit={submit} />
      </Card>
    </div>
  );
}
