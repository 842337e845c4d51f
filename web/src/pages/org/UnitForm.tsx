/**
 * The side form of the 单位 page: edit the selected unit, or create a child or top-level unit,
 * including what it carries (承担业务: portfolios whose ledger types its staff keep).
 */
import { useCallback, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { orgApi, type Portfolio, type Unit, type UnitInput, type UnitKind } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { UNIT_KIND_OPTIONS } from './labels.ts';
import { subtreeIds, useUnitOptions } from './useOrgData.ts';

export type UnitFormMode = 'edit' | 'create-child' | 'create-root';

/** The usual kind of a new child, so the office worker rarely has to change it. */
const CHILD_KIND: Record<UnitKind, UnitKind> = {
  party_committee: 'office',
  government: 'office',
  office: 'office',
  village: 'grid',
  branch: 'grid',
  grid: 'grid',
};

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

export function UnitForm({
  mode,
  unit,
  units,
  portfolios,
  readOnly,
  onSaved,
  onConflict,
  onCancel,
}: Props) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<UnitInput>();
  const [busy, setBusy] = useState(false);

  const blocked = mode === 'edit' && unit ? subtreeIds(units, unit.id) : new Set<string>();
  const parentFilter = useCallback((u: Unit) => !blocked.has(u.id), [blocked]);
  const parentOptions = useUnitOptions(units, parentFilter);

  const initial: Partial<UnitInput> =
    mode === 'edit' && unit
      ? {
          name: unit.name,
          kind: unit.kind,
          code: unit.code,
          sortOrder: unit.sortOrder,
          parentId: unit.parentId,
          portfolios: unit.portfolios ?? [],
        }
      : mode === 'create-child' && unit
        ? {
            parentId: unit.id,
            kind: CHILD_KIND[unit.kind],
            sortOrder: units.filter((u) => u.parentId === unit.id).length + 1,
            portfolios: [],
          }
        : {
            parentId: null,
            kind: 'office',
            sortOrder: units.filter((u) => !u.parentId).length + 1,
            portfolios: [],
          };

  const submit = async (values: UnitInput) => {
    const input: UnitInput = {
      ...values,
      code: values.code?.trim() || null,
      parentId: values.parentId ?? null,
      portfolios: values.portfolios ?? [],
    };
    setBusy(true);
    try {
      const saved =
        mode === 'edit' && unit
          ? await orgApi.updateUnit(townId, unit.id, { ...input, version: unit.version })
          : await orgApi.createUnit(townId, input);
      void message.success(mode === 'edit' ? '已保存' : '已新增');
      onSaved(saved);
    } catch (err) {
      onError(err, { form, onConflict });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      disabled={readOnly}
      data-testid="unit-form"
    >
      <Form.Item
        name="name"
        label="单位名称"
        rules={[{ required: true, whitespace: true, message: '请输入单位名称' }, { max: 60 }]}
      >
        <Input placeholder="如：石桥村第四网格" />
      </Form.Item>
      <Form.Item
        name="kind"
        label="单位类型"
        rules={[{ required: true, message: '请选择单位类型' }]}
      >
        <Select options={UNIT_KIND_OPTIONS} />
      </Form.Item>
      <Form.Item name="parentId" label="上级单位" tooltip="不选则为顶级单位">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={parentOptions}
          placeholder="无（顶级单位）"
        />
      </Form.Item>
      <Form.Item
        name="portfolios"
        label="承担业务（分管领域）"
        tooltip="本单位专干可使用这些分管领域的台账类型，查看和填报全镇的记录；不选则只管本单位及下级单位的记录"
        data-testid="unit-portfolios"
      >
        <Select
          mode="multiple"
          allowClear
          placeholder="如：宣传和精神文明、意识形态"
          showSearch={{ optionFilterProp: 'label' }}
          options={portfolios.map((p) => ({ value: p.code, label: p.name }))}
        />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="code"
          label="单位编码"
          style={{ flex: 1 }}
          rules={[
            { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: '只能用字母、数字、- 和 _，最多 32 位' },
          ]}
        >
          <Input placeholder="可不填" />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序" style={{ width: 120, marginInlineStart: 12 }}>
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
      </Space.Compact>
      {!readOnly && (
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {mode === 'edit' ? '保存' : '新增'}
          </Button>
          {mode !== 'edit' && <Button onClick={onCancel}>取消</Button>}
        </Space>
      )}
    </Form>
  );
}
