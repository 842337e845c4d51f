/**
 * Create a login account or change its name, linked person and role grants. Each grant is a role
 * in a town plus an optional unit scope (e.g. a village cadre sees only their village's subtree).
 * The town is one the acting admin administers in this county, so a county supervisor over
 * several towns is one account with one grant per town; grants in towns the admin does not
 * administer are shown but kept as they are (the server refuses to change them).
 */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Role } from '../../api/auth.ts';
import { orgApi, type Person, type RoleGrantInput, type User } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { ROLE_OPTIONS } from './labels.ts';

interface Values {
  username: string;
  displayName: string;
  personId: string | null;
  roles: RoleGrantInput[];
}

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

export function UserFormModal({
  user,
  people,
  unitOptions,
  townOptions,
  onClose,
  onSaved,
  onConflict,
}: Props) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const initial: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        personId: user.personId,
        roles: user.roles,
      }
    : { roles: [{ role: 'staff' as Role, townId, unitId: null }], personId: null };
  const watched = Form.useWatch('roles', form) as RoleGrantInput[] | undefined;
  const manages = (id: string | undefined) => !id || townOptions.some((o) => o.value === id);
  const multiTown = townOptions.length > 1 || (user?.roles ?? []).some((r) => r.townId !== townId);

  const submit = async () => {
    const v = await form.validateFields();
    // A unit scope belongs to the account's own town; a grant elsewhere covers that whole town.
    const roles = v.roles.map((r) => ({
      role: r.role,
      townId: r.townId ?? townId,
      unitId: (r.townId ?? townId) === townId ? (r.unitId ?? null) : null,
    }));
    setBusy(true);
    try {
      if (user) {
        await orgApi.updateUser(townId, user.id, {
          version: user.version,
          displayName: v.displayName.trim(),
          personId: v.personId ?? null,
          roles,
        });
        void message.success('已保存');
        onSaved({ initialPassword: null, username: user.username });
      } else {
        const created = await orgApi.createUser(townId, {
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          personId: v.personId ?? null,
          roles,
        });
        onSaved({ initialPassword: created.initialPassword, username: v.username.trim() });
      }
    } catch (err) {
      onError(err, {
        form,
        onConflict: () => {
          onConflict();
          onClose();
        },
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={user ? `编辑用户：${user.username}` : '新建用户'}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okText="保存"
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial}>
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
        <Form.List
          name="roles"
          rules={[
            {
              validator: async (_, roles?: unknown[]) =>
                roles?.length ? undefined : Promise.reject(new Error('至少授予一个角色')),
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Form.Item label="角色授权" required>
              {fields.map((field) => {
                const grantTown = watched?.[field.name]?.townId ?? townId;
                const locked = !manages(grantTown);
                return (
                  <Space
                    key={field.key}
                    align="baseline"
                    style={{ display: 'flex', marginBottom: 4 }}
                    wrap
                  >
                    <Form.Item
                      name={[field.name, 'role']}
                      rules={[{ required: true, message: '请选择角色' }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Select
                        options={ROLE_OPTIONS}
                        style={{ width: 190 }}
                        placeholder="角色"
                        disabled={locked}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'townId']}
                      hidden={!multiTown}
                      style={{ marginBottom: 8 }}
                    >
                      <Select
                        aria-label="授权乡镇"
                        style={{ width: 150 }}
                        disabled={locked}
                        options={locked ? [{ value: grantTown, label: '其他乡镇' }] : townOptions}
                        onChange={() => form.setFieldValue(['roles', field.name, 'unitId'], null)}
                      />
                    </Form.Item>
                    {grantTown === townId ? (
                      <Form.Item name={[field.name, 'unitId']} style={{ marginBottom: 8 }}>
                        <Select
                          allowClear
                          showSearch={{ optionFilterProp: 'label' }}
                          options={unitOptions}
                          style={{ width: 300 }}
                          placeholder="范围：全镇（可选具体单位）"
                        />
                      </Form.Item>
                    ) : (
                      <Typography.Text type="secondary">
                        {locked ? '由该乡镇管理员调整' : '范围：该乡镇全镇'}
                      </Typography.Text>
                    )}
                    {fields.length > 1 && !locked && (
                      <MinusCircleOutlined
                        onClick={() => remove(field.name)}
                        aria-label="移除角色"
                      />
                    )}
                  </Space>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ role: 'staff', townId, unitId: null })}
              >
                添加角色
              </Button>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
