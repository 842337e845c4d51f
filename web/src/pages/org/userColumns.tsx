/** The columns of the 用户 table: account, roles with their unit and town, status, last login. */
import { Button, Space, Tag, type TableColumnsType } from 'antd';
import { formatDateTime } from '../../lib/time.ts';
import type { User } from '../../api/org.ts';
import { ROLE_LABELS, SYSTEM_ROLE_LABELS } from './labels.ts';

interface Options {
  townId: string;
  meId: string | undefined;
  unitName: Map<string, string>;
  townName: Map<string, string>;
  edit: (u: User) => void;
  resetPassword: (u: User) => void;
  toggleDisabled: (u: User) => void;
}

function RoleTags({ roles, o }: { roles: User['roles']; o: Options }) {
  return roles.map((r, i) => (
    <Tag key={i} color={r.role === 'admin' ? 'red' : 'blue'}>
      {(ROLE_LABELS as Record<string, string>)[r.role] ??
        (SYSTEM_ROLE_LABELS as Record<string, string>)[r.role] ??
        r.role}
      {r.unitId ? ` · ${o.unitName.get(r.unitId) ?? '指定单位'}` : ''}
      {r.townId !== o.townId ? `（${o.townName.get(r.townId) ?? '其他乡镇'}）` : ''}
    </Tag>
  ));
}

function UserStatus({ u }: { u: User }) {
  if (u.disabled) return <Tag>已停用</Tag>;
  if (u.mustChangePassword) return <Tag color="orange">待改初始密码</Tag>;
  return <Tag color="green">正常</Tag>;
}

export function userColumns(o: Options): TableColumnsType<User> {
  return [
    { title: '用户名', dataIndex: 'username', width: 130 },
    { title: '显示名称', dataIndex: 'displayName', width: 200 },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: User['roles']) => <RoleTags roles={roles} o={o} />,
    },
    { title: '状态', key: 'status', width: 110, render: (_, u) => <UserStatus u={u} /> },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 150,
      responsive: ['lg'],
      render: (v: string | null) => formatDateTime(v, '从未登录'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      // A system operator's account is managed from the command line only (the server refuses).
      render: (_, u) =>
        u.roles.some((r) => r.role in SYSTEM_ROLE_LABELS) ? (
          <span style={{ color: '#999' }}>由命令行管理</span>
        ) : (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => o.edit(u)}>
              编辑
            </Button>
            <Button type="link" size="small" onClick={() => o.resetPassword(u)}>
              重置密码
            </Button>
            {u.id !== o.meId && (
              <Button
                type="link"
                size="small"
                danger={!u.disabled}
                onClick={() => o.toggleDisabled(u)}
              >
                {u.disabled ? '启用' : '停用'}
              </Button>
            )}
          </Space>
        ),
    },
  ];
}
