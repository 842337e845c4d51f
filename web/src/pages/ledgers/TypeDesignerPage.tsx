/**
 * Admin form builder for a ledger type: name, owner portfolio, description, the fields (add,
 * edit, reorder, retire), which fields give a record its date, unit and responsible person, and
 * the default sort, and record rules (RulesEditor). Saving a change creates the next version;
 * older records stay readable. Metrics declared on the type are kept as they are.
 */
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Space } from 'antd';
import { ledgersApi, type FieldDraft, type LedgerType } from '../../api/ledgers.ts';
import { useFormSave } from '../../api/useFormSave.ts';
import { useLoader } from '../../api/useLoader.ts';
import { useSession } from '../../session/session.tsx';
import { usePortfolios } from '../org/useOrgData.ts';
import { RulesEditor } from './RulesEditor.tsx';
import { FieldList, FieldRoles, TypeBasics } from './TypeDesignSections.tsx';
import { BLANK_TYPE, toTypeValues, typeBody, type TypeValues } from './typeDesignValues.ts';

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
  const portfolios = usePortfolios();
  const [form] = Form.useForm<TypeValues>();
  const { busy, save } = useFormSave(form, reload);
  useEffect(
    () => form.setFieldsValue(type ? toTypeValues(type) : (BLANK_TYPE as TypeValues)),
    [form, type],
  );
  const fields = (Form.useWatch('fields', form) ?? []) as FieldDraft[];
  const portfolioName = new Map((portfolios.data ?? []).map((p) => [p.code, p.name]));

  const submit = () =>
    save(async () => {
      // All values, also of fields the form shows no input for (e.g. kept rule conditions).
      const v = form.getFieldsValue(true) as TypeValues;
      const body = typeBody(v, type);
      const saved = type
        ? await ledgersApi.updateType(townId, type.code, { ...body, baseVersion: type.version })
        : await ledgersApi.createType(townId, { ...body, code: v.code });
      navigate(`/ledgers/${saved.code}`);
      return type ? '已保存' : '已创建台账类型';
    });

  return (
    <Card
      title={
        <Space>
          <Link to="/ledgers">台账</Link>
          <span>/</span>
          <span>{type ? `修改“${type.name}”` : '新建台账类型'}</span>
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => navigate(-1)}>取消</Button>
          <Button type="primary" loading={busy} onClick={submit} data-testid="type-save">
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
        <TypeBasics creating={!type} portfolioName={portfolioName} />
        <FieldList type={type} />
        <FieldRoles />
        <RulesEditor fields={fields} />
      </Form>
    </Card>
  );
}
