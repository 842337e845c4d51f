/**
 * Admin form builder for a ledger type: name, owner portfolio, description, the fields (add,
 * edit, reorder, retire), which fields give a record its date, unit and responsible person, and
 * the default sort, and record rules (RulesEditor). Saving a change creates the next version;
 * older records stay readable. Metrics declared on the type are kept as they are.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  ledgersApi,
  type FieldDraft,
  type LedgerType,
  type LedgerTypeBody,
} from '../../api/ledgers.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { usePortfolios } from '../org/useOrgData.ts';
import { useLoader } from '../../api/useLoader.ts';
import { FieldEditor } from './FieldEditor.tsx';
import { RulesEditor } from './RulesEditor.tsx';
import { fromRuleValues, toRuleValues, type LedgerRule, type RuleValue } from './ruleValues.ts';
import { LEDGER_PORTFOLIOS } from './fieldValues.tsx';

interface Values {
  code: string;
  name: string;
  portfolio: LedgerType['portfolio'];
  description?: string;
  fields: FieldDraft[];
  dateField: string;
  unitField?: string;
  personField?: string;
  sortField: string;
  sortDirection: 'asc' | 'desc';
  rules: RuleValue[];
}

const BLANK: Partial<Values> = {
  fields: [
    { key: 'title', label: '标题', type: 'text', required: true },
    { key: 'happened_on', label: '日期', type: 'date', required: true },
  ],
  dateField: 'happened_on',
  sortField: 'happened_on',
  sortDirection: 'desc',
  rules: [],
};

function toValues(t: LedgerType): Values {
  return {
    code: t.code,
    name: t.name,
    portfolio: t.portfolio,
    description: t.description,
    fields: t.fields.filter((f) => !f.removed),
    dateField: t.dateField,
    unitField: t.unitField,
    personField: t.personField,
    sortField: t.defaultSort.field,
    sortDirection: t.defaultSort.direction,
    rules: toRuleValues(t.rules),
  };
}

function clean(f: FieldDraft): FieldDraft {
  const out = Object.fromEntries(
    Object.entries(f).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as FieldDraft;
  if (f.type !== 'enum') delete out.options;
  if (f.type !== 'number') {
    delete out.unit;
    delete out.integer;
  }
  if (f.type !== 'attachment') delete out.maxCount;
  if (f.type !== 'text' && f.type !== 'long_text') {
    delete out.maxLength;
    delete out.minLength;
  }
  return { ...out, required: !!f.required, unique: !!f.unique };
}

export default function TypeDesignerPage() {
  const { code } = useParams();
  const { townId } = useSession();
  const loaded = useLoader(
    (signal) => (code ? ledgersApi.type(townId, code, signal) : Promise.resolve(undefined)),
    [townId, code],
  );
  if (code && !loaded.data)
    return <Card loading={loaded.loading}>{!loaded.loading && '台账类型不存在'}</Card>;
  return (
    <Designer
      key={`${code ?? 'new'}@${loaded.data?.version ?? 0}`}
      type={loaded.data}
      reload={loaded.reload}
    />
  );
}

function Designer({ type, reload }: { type?: LedgerType; reload: () => void }) {
  const { townId } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const portfolios = usePortfolios();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const savedKeys = useMemo(() => new Set((type?.fields ?? []).map((f) => f.key)), [type]);

  useEffect(() => form.setFieldsValue(type ? toValues(type) : (BLANK as Values)), [form, type]);

  const fields = (Form.useWatch('fields', form) ?? []) as FieldDraft[];
  const optionsOf = (t: string) =>
    fields
      .filter((f) => f?.type === t && f.key)
      .map((f) => ({ value: f.key, label: f.label || f.key }));
  const portfolioName = new Map((portfolios.data ?? []).map((p) => [p.code, p.name]));

  const save = async () => {
    await form.validateFields();
    const v = form.getFieldsValue(true) as Values;
    const body: LedgerTypeBody = {
      name: v.name.trim(),
      portfolio: v.portfolio,
      description: v.description?.trim() ?? '',
      fields: v.fields.map(clean),
      dateField: v.dateField,
      unitField: v.unitField || undefined,
      personField: v.personField || undefined,
      defaultSort: { field: v.sortField, direction: v.sortDirection },
      metrics: type?.metrics ?? [],
      rules: fromRuleValues(v.rules),
    };
    setSaving(true);
    try {
      const saved = type
        ? await ledgersApi.updateType(townId, type.code, { ...body, baseVersion: type.version })
        : await ledgersApi.createType(townId, { ...body, code: v.code });
      void message.success(type ? `已保存为第 ${saved.version} 版` : '已创建台账类型');
      navigate(`/ledgers/${saved.code}`);
    } catch (err) {
      onError(err, { form, onConflict: reload });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={
        <Space>
          <Link to="/ledgers">台账</Link>
          <span>/</span>
          <span>{type ? `修改“${type.name}”（当前第 ${type.version} 版）` : '新建台账类型'}</span>
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => navigate(-1)}>取消</Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => void save()}
            data-testid="type-save"
          >
            {type ? '保存为新版本' : '创建'}
          </Button>
        </Space>
      }
    >
      {type && (
        <Alert
          showIcon
          style={{ marginBottom: 16 }}
          message="保存后生成新版本。已有记录按原样保留：停用的字段仍可查看旧值；字段类型只能向兼容方向修改，选项不能删除。"
        />
      )}
      <Form form={form} layout="vertical" data-testid="type-form">
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="name"
              label="台账名称"
              rules={[{ required: true, message: '请填写台账名称' }, { max: 40 }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="code"
              label="台账标识"
              tooltip="英文标识，创建后不能修改"
              rules={[
                { required: true, message: '请填写台账标识' },
                {
                  pattern: /^[a-z][a-z0-9_]*$/,
                  message: '小写字母开头，只含小写字母、数字、下划线',
                },
              ]}
            >
              <Input disabled={!!type} placeholder="如：road_patrol" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="portfolio"
              label="分管领域"
              rules={[{ required: true, message: '请选择分管领域' }]}
            >
              <Select
                options={LEDGER_PORTFOLIOS.map((c) => ({
                  value: c,
                  label: portfolioName.get(c) ?? c,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label="说明" rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="fields">
          {(items, { add, remove, move }) => (
            <>
              {items.map((item, i) => {
                const existing =
                  savedKeys.has(
                    (form.getFieldValue(['fields', item.name, 'key']) as string) ?? '',
                  ) && !!type;
                return (
                  <FieldEditor
                    key={item.key}
                    name={item.name}
                    index={i}
                    count={items.length}
                    existing={existing}
                    onRemove={() => remove(item.name)}
                    onMove={(to) => move(i, to)}
                  />
                );
              })}
              <Button
                block
                type="dashed"
                icon={<PlusOutlined />}
                style={{ marginBottom: 16 }}
                onClick={() =>
                  add({
                    key: `field_${items.length + 1}`,
                    label: '',
                    type: 'text',
                    required: false,
                  })
                }
                data-testid="field-add"
              >
                添加字段
              </Button>
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name="dateField"
              label="日期字段（决定记录所属期间，须必填）"
              rules={[{ required: true, message: '请选择日期字段' }]}
            >
              <Select options={optionsOf('date')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="unitField" label="单位字段（决定查看范围）">
              <Select allowClear options={optionsOf('unit')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="personField" label="责任人字段">
              <Select allowClear options={optionsOf('person')} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="sortField"
              label="默认排序"
              rules={[{ required: true, message: '请选择' }]}
            >
              <Select
                options={fields
                  .filter((f) => f?.key)
                  .map((f) => ({ value: f.key, label: f.label || f.key }))}
              />
            </Form.Item>
          </Col>
          <Col span={2}>
            <Form.Item name="sortDirection" label=" ">
              <Select
                options={[
                  { value: 'desc', label: '降序' },
                  { value: 'asc', label: '升序' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <RulesEditor fields={fields} />
      </Form>
    </Card>
  );
}
