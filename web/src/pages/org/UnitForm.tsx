/**
 * The side form of the 单位 page: edit the selected unit, or create a child or top-level unit,
 * including what it carries (承担业务: portfolios whose ledger types its staff keep).
 */
import { useCallback, useMemo, useState } from 'react';
import { App, Button, Form, Space } from 'antd';
import { orgApi, type Portfolio, type Unit, type UnitInput } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { UnitFields } from './UnitFields.tsx';
import { initialUnitValues, unitInput, type UnitFormMode } from './unitFormValues.ts';
import { subtreeIds, useUnitOptions } from './useOrgData.ts';

export type { UnitFormMode };

interface Props {
  mode: UnitFormMode;
  unit: Unit | null;
  units: Unit[];
  portfolios: Portfolio[];
  readOnly: boolean;
  onSaved: (unit: Unit) => void;
  onConflict: () => void;
  onCancel: () => void;
}

export function UnitForm({ mode, unit, units, portfolios, readOnly, ...on }: Props) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<UnitInput>();
  const [busy, setBusy] = useState(false);
  const editing = mode === 'edit' ? unit : null;

  // A unit cannot move under itself or anything below it.
  const blocked = useMemo(
    () => (editing ? subtreeIds(units, editing.id) : new Set<string>()),
    [editing, units],
  );
  const parentFilter = useCallback((u: Unit) => !blocked.has(u.id), [blocked]);
  const parentOptions = useUnitOptions(units, parentFilter);

  const submit = async (values: UnitInput) => {
    const input = unitInput(values);
    setBusy(true);
    try {
      const saved = editing
        ? await orgApi.updateUnit(townId, editing.id, { ...input, version: editing.version })
        : await orgApi.createUnit(townId, input);
      void message.success(editing ? '已保存' : '已新增');
      on.onSaved(saved);
    } catch (err) {
      onError(err, { form, onConflict: on.onConflict });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialUnitValues(mode, unit, units)}
      onFinish={submit}
      disabled={readOnly}
      data-testid="unit-form"
    >
      <UnitFields parentOptions={parentOptions} portfolios={portfolios} />
      {!readOnly && (
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {mode === 'edit' ? '保存' : '新增'}
          </Button>
          {mode !== 'edit' && <Button onClick={on.onCancel}>取消</Button>}
        </Space>
      )}
    </Form>
  );
}
