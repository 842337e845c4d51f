/**
 * 用户 — login accounts of the town, for town admins only. A new account gets a generated initial
 * password shown exactly once; the person must change it at first sign-in.
 */
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { orgApi, type User } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { ROLE_LABELS } from './labels.ts';
import { UserFormModal } from './UserFormModal.tsx';
import { usePeopleOptions, useUnitOptions, useUnits } from './useOrgData.ts';
import { useLoader } from '../../api/useLoader.ts';

export default function UsersPage() {
  const { townId, user: me } = useSession();
  const towns = useLoader(() => orgApi.towns(), [townId]);
  const townName = useMemo(
    () => new Map((towns.data ?? []).map((t) => [t.id, t.name])),
    [towns.data],
  );
  // Grants may name towns this admin administers in the same county (a county supervisor's scope).
  const townOptions = useMemo(() => {
    const countyId = towns.data?.find((t) => t.id === townId)?.countyId;
    const administered = new Set(
      (me?.grants ?? []).filter((g) => g.role === 'admin').map((g) => g.townId),
    );
    return (towns.data ?? [])
      .filter((t) => t.countyId === countyId && administered.has(t.id))
      .sort((a, b) => Number(b.id === townId) - Number(a.id === townId))
      .map((t) => ({ value: t.id, label: t.name }));
  }, [towns.data, townId, me]);
  const { modal, message } = App.useApp();
  const onError = useApiErrorHandler();
  const users = useLoader(() => orgApi.users(townId), [townId]);
  const units = useUnits();
  const unitOptions = useUnitOptions(units.data);
  const people = usePeopleOptions();
  const unitName = useMemo(
    () => new Map((units.data ?? []).map((u) => [u.id, u.name])),
    [units.data],
  );
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [secret, setSecret] = useState<{
    username: string;
    password: string;
    reset: boolean;
  } | null>(null);

  const toggleDisabled = (u: User) =>
    modal.confirm({
      title: u.disabled ? `启用「${u.displayName}」？` : `停用「${u.displayName}」？`,
      content: u.disabled ? '启用后可以重新登录。' : '停用后该账号立即无法登录，数据保留。',
      okText: u.disabled ? '启用' : '停用',
      okButtonProps: { danger: !u.disabled },
      onOk: async () => {
        try {
          await orgApi.updateUser(townId, u.id, { version: u.version, disabled: !u.disabled });
          void message.success(u.disabled ? '已启用' : '已停用');
          users.reload();
        } catch (err) {
          onError(err, { onConflict: users.reload });
        }
      },
    });

  const resetPassword = (u: User) =>
    modal.confirm({
      title: `重置「${u.displayName}」的密码？`,
      content: '将生成新的初始密码，原密码立即失效，对方首次登录需修改密码。',
      okText: '重置',
      onOk: async () => {
        try {
          const { password } = await orgApi.resetPassword(townId, u.id);
          if (password) setSecret({ username: u.username, password, reset: true });
          users.reload();
        } catch (err) {
          onError(err);
        }
      },
    });

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 130 },
    { title: '显示名称', dataIndex: 'displayName', width: 200 },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: User['roles']) =>
        roles.map((r, i) => (
          <Tag key={i} color={r.role === 'admin' ? 'red' : 'blue'}>
            {ROLE_LABELS[r.role] ?? r.role}
            {r.unitId ? ` · ${unitName.get(r.unitId) ?? '指定单位'}` : ''}
            {r.townId !== townId ? `（${townName.get(r.townId) ?? '其他乡镇'}）` : ''}
          </Tag>
        )),
    },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_, u) =>
        u.disabled ? (
          <Tag>已停用</Tag>
        ) : u.mustChangePassword ? (
          <Tag color="orange">待改初始密码</Tag>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 150,
      responsive: ['lg'],
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '从未登录'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(u)}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => resetPassword(u)}>
            重置密码
          </Button>
          {u.id !== me?.id && (
            <Button type="link" size="small" danger={!u.disabled} onClick={() => toggleDisabled(u)}>
              {u.disabled ? '启用' : '停用'}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="用户"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新建用户
        </Button>
      }
    >
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data ?? []}
        loading={users.loading}
        size="middle"
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          people={people.data ?? []}
          unitOptions={unitOptions}
          townOptions={townOptions}
          onClose={() => setEditing(null)}
          onConflict={users.reload}
          onSaved={({ initialPassword, username }) => {
            setEditing(null);
            users.reload();
            if (initialPassword) setSecret({ username, password: initialPassword, reset: false });
            else if (editing === 'new') void message.success('已新建用户');
          }}
        />
      )}
      <Modal
        open={!!secret}
        title={secret?.reset ? '密码已重置' : '用户已创建'}
        onCancel={() => setSecret(null)}
        footer={
          <Button type="primary" onClick={() => setSecret(null)}>
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
    </Card>
  );
}
