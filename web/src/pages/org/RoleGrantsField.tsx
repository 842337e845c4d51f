/**
 * 角色授权 in the user form: one row per grant (role, town when the admin manages several, unit
 * scope in the current town). Grants in towns the admin does not manage are shown locked.
 */
import { Button, Form, Select, Space, Typography, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { RoleGrantInput } from '../../api/org.ts';
import { ROLE_OPTIONS } from './labels.ts';
import type { UserValues } from './userFormValues.ts';

type Options = { value: string; label: string }[];

interface Props {
  form: FormInstance<UserValues>;
  townId: string;
  unitOptions: Options;
  townOptions: Options;
  /** Show the town of each grant (the admin manages several, or the account has grants elsewhere). */
  multiTown: boolean;
}

interface RowProps extends Props {
  name: number;
  grantTown: string;
  onRemove: (() => void) | null;
}

function GrantRow({
  form,
  townId,
  unitOptions,
  townOptions,
  multiTown,
  name,
  grantTown,
  onRemove,
}: RowProps) {
  const locked = !townOptions.some((o) => o.value === grantTown);
  return (
    <Space align="baseline" style={{ display: 'flex', marginBottom: 4 }} wrap>
      <Form.Item
        name={[name, 'role']}
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
      <Form.Item name={[name, 'townId']} hidden={!multiTown} style={{ marginBottom: 8 }}>
        <Select
          aria-label="授权乡镇"
          style={{ width: 150 }}
          disabled={locked}
          options={locked ? [{ value: grantTown, label: '其他乡镇' }] : townOptions}
          onChange={() => form.setFieldValue(['roles', name, 'unitId'], null)}
        />
      </Form.Item>
      {grantTown === townId ? (
        <Form.Item name={[name, 'unitId']} style={{ marginBottom: 8 }}>
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
      {onRemove && !locked && <MinusCircleOutlined onClick={onRemove} aria-label="移除角色" />}
    </Space>
  );
}

const atLeastOne = {
  validator: async (_: unknown, roles?: unknown[]) =>
    roles?.length ? undefined : Promise.reject(new Error('至少授予一个角色')),
};

export function RoleGrantsField(props: Props) {
  const watched = Form.useWatch('roles', props.form) as RoleGrantInput[] | undefined;
  return (
    <Form.List name="roles" rules={[atLeastOne]}>
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label="角色授权" required>
          {fields.map((field) => (
            <GrantRow
              key={field.key}
              {...props}
              name={field.name}
              grantTown={watched?.[field.name]?.townId ?? props.townId}
              onRemove={fields.length > 1 ? () => remove(field.name) : null}
            />
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ role: 'staff', townId: props.townId, unitId: null })}
          >
            添加角色
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
