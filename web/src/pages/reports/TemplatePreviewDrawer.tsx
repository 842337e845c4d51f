/** 预览初稿 — a draft for a chosen person composed with the template as edited (not saved), and its check. */
import { useState } from 'react';
import { Alert, Button, Drawer, Empty, Select, Space, Spin, Tag } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { usePeopleOptions } from '../org/useOrgData.ts';
import { DocumentPreview } from './DocumentPreview.tsx';
import { reportAdminApi, type TemplateDefinition, type TemplatePreview } from './reportAdminApi.ts';

interface Props {
  open: boolean;
  def: TemplateDefinition;
  onClose: () => void;
}

export function TemplatePreviewDrawer({ open, def, onClose }: Props) {
  const { townId } = useSession();
  const onError = useApiErrorHandler();
  const people = usePeopleOptions();
  const [personId, setPersonId] = useState<string>();
  const [year, setYear] = useState(2025);
  const [result, setResult] = useState<TemplatePreview | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!personId) return;
    setBusy(true);
    try {
      setResult(await reportAdminApi.previewTemplate(townId, { personId, year, definition: def }));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  const errors =
    result?.lint.issues.filter((i) => i.severity === 'error' && i.code !== 'placeholder') ?? [];
  return (
    <Drawer open={open} onClose={onClose} width={820} title="按当前模板预览初稿（不保存）">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 200 }}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择人员"
          value={personId}
          onChange={setPersonId}
          data-testid="preview-person"
          loading={people.loading}
          options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
        <Select
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={[2025, 2024, 2023].map((y) => ({ value: y, label: `${y} 年度` }))}
        />
        <Button
          type="primary"
          icon={<EyeOutlined />}
          disabled={!personId}
          loading={busy}
          onClick={run}
        >
          生成预览
        </Button>
      </Space>
      {busy && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {!busy && !result && <Empty description="选择人员后生成预览，查看调整后的模板起草出的报告" />}
      {!busy && result && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <span>{result.personName} 的初稿检查：</span>
            <Tag color="red">错误 {result.lint.counts.error}</Tag>
            <Tag color="orange">警告 {result.lint.counts.warning}</Tag>
          </Space>
          {errors.map((e, i) => (
            <Alert key={i} type="error" showIcon style={{ marginBottom: 8 }} message={e.message} />
          ))}
          <div className="template-preview-paper">
            <DocumentPreview doc={result.document} />
          </div>
        </>
      )}
    </Drawer>
  );
}
