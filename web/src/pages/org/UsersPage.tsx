/**
 * 用户 — login accounts of the town, for town admins only. A new account gets a generated initial
 * password shown exactly once; the person must change it at first sign-in.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { orgApi, type User } from '../../api/org.ts';
import { useConfirmedWrite } from '../../api/useConfirmedWrite.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { InitialPasswordModal, type InitialPassword } from './InitialPasswordModal.tsx';
import { userColumns } from './userColumns.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { grantTownOptions } from './userGrants.ts';
import { usePeopleOptions, useUnitOptions, useUnits } from './useOrgData.ts';

const byId = <T extends { id: string; name: string }>(list: T[] | undefined) =>
  new Map((list ?? []).map((x) => [x.id, x.name]));

/** 启用/停用 and 重置密码, each confirmed first; a reset password is shown once. */
function useAccountWrites(
  townId: string,
  reload: () => void,
  show: (secret: InitialPassword) => void,
) {
  const confirm = useConfirmedWrite();
  return {
    toggleDisabled: (u: User) =>
      confirm({
        title: u.disabled ? `启用「${u.displayName}」？` : `停用「${u.displayName}」？`,
        content: u.disabled ? '启用后可以重新登录。' : '停用后该账号立即无法登录，数据保留。',
        okText: u.disabled ? '启用' : '停用',
        safe: u.disabled,
        done: u.disabled ? '已启用' : '已停用',
        run: () => orgApi.updateUser(townId, u.id, { version: u.version, disabled: !u.disabled }),
        reload,
      }),
    resetPassword: (u: User) =>
      confirm({
        title: `重置「${u.displayName}」的密码？`,
        content: '将生成新的初始密码，原密码立即失效，对方首次登录需修改密码。',
        okText: '重置',
        safe: true,
        done: null,
        run: async () => {
          const { password } = await orgApi.resetPassword(townId, u.id);
          if (password) show({ username: u.username, password, reset: true });
        },
        reload,
      }),
  };
}

export default function UsersPage() {
  const { townId, user: me } = useSession();
  const { message } = App.useApp();
  const towns = useLoader(() => orgApi.towns(), [townId]);
  const townName = useMemo(() => byId(towns.data), [towns.data]);
  const townOptions = useMemo(
    () => grantTownOptions(towns.data ?? [], townId, me?.grants ?? []),
    [towns.data, townId, me],
  );
  const users = useLoader(() => orgApi.users(townId), [townId]);
  const units = useUnits();
  const unitOptions = useUnitOptions(units.data);
  const unitName = useMemo(() => byId(units.data), [units.data]);
  const people = usePeopleOptions();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [secret, setSecret] = useState<InitialPassword | null>(null);

  const columns = userColumns({
    townId,
    meId: me?.id,
    unitName,
    townName,
    edit: setEditing,
    ...useAccountWrites(townId, users.reload, setSecret),
  });

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
      <InitialPasswordModal secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
