/**
 * Create a login account or change its name, linked person and role grants. Each grant is a role
 * in a town plus an optional unit scope (e.g. a village cadre sees only their village's subtree).
 * The town is one the acting admin administers in this county, so a county supervisor over
 * several towns is one account with one grant per town; grants in towns the admin does not
 * administer are shown but kept as they are (the server refuses to change them).
 */
import { Form, Input, Modal, Select } from 'antd';
import { orgApi, type Person, type User } from '../../api/org.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { useSession } from '../../session/session.tsx';
import { RoleGrantsField } from './RoleGrantsField.tsx';
import { grantsInput, initialUserValues, type UserValues } from './userFormValues.ts';

interface Props {
  user: User | null;
  people: Person[];
  unitOptions: { value: string; label: string }[];
  /** Towns the acting admin administers in the current town's county (the current town first). */
  townOptions: { value: string; label: string }[];
  onClose: () => void;
  /** `initialPassword` is set only when the server generated one for a new account. */
  onSaved: (result: { initialPassword: string | null; username: string }) => void;
  onConflict: () => void;
}

function AccountFields({ user, people }: { user: User | null; people: Person[] }) {
  return (
    <>
      <Form.Item
        name="username"
        label="用户名"
        extra={user ? undefined : '字母开头，3–32 位字母、数字或 _ . -；登录时使用'}
        rules={[
          { required: true, message: '请输入用户名' },
          { pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: '用户名格式不正确' },
        ]}
      >
        <Input disabled={!!user} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label="显示名称"
        rules={[{ required: true, whitespace: true, message: '请输入显示名称' }, { max: 30 }]}
      >
        <Input placeholder="如：张三（党政办）" />
      </Form.Item>
      <Form.Item name="personId" label="关联人员" tooltip="关联后，述职报告等按此人的任职生成">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="可不选"
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Form.Item>
    </>
  );
}

export function UserFormModal({ user, people, unitOptions, townOptions, ...on }: Props) {
  const { townId } = useSession();
  const [form] = Form.useForm<UserValues>();
  const { busy, save } = useFormSave(form, () => {
    on.onConflict();
    on.onClose();
  });
  const multiTown = townOptions.length > 1 || (user?.roles ?? []).some((r) => r.townId !== townId);

  const submit = () =>
    save(async (v) => {
      const account = {
        displayName: v.displayName.trim(),
        personId: v.personId ?? null,
        roles: grantsInput(v.roles, townId),
      };
      if (user) {
        await orgApi.updateUser(townId, user.id, { version: user.version, ...account });
        on.onSaved({ initialPassword: null, username: user.username });
        return '已保存';
      }
      const username = v.username.trim();
      const created = await orgApi.createUser(townId, { username, ...account });
      on.onSaved({ initialPassword: created.initialPassword, username });
    });

  return (
    <Modal
      open
      title={user ? `编辑用户：${user.username}` : '新建用户'}
      onOk={submit}
      onCancel={on.onClose}
      confirmLoading={busy}
      okText="保存"
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialUserValues(user, townId)}>
        <AccountFields user={user} people={people} />
        <RoleGrantsField
          form={form}
          townId={townId}
          unitOptions={unitOptions}
          townOptions={townOptions}
          multiTown={multiTown}
        />
      </Form>
    </Modal>
  );
}
