/**
 * 编辑报告模板 (admins): the template as a form — name and title, the ordered sections (see
 * TemplateSectionList), a preview draft for a chosen person, and 保存 with the version the admin
 * started from (someone else saved first → 409 → reload the latest).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Form, Input, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { reportAdminApi, type ReportTemplate, type TemplateDefinition } from './reportAdminApi.ts';
import { ROLE_LABELS } from './templateOps.ts';
import { TemplatePreviewDrawer } from './TemplatePreviewDrawer.tsx';
import { missingHeading } from './TemplateSectionCells.tsx';
import { TemplateSectionList } from './TemplateSectionList.tsx';
import './reports.css';

/** The template being edited: loaded, changed locally, saved with the version it started from. */
function useTemplateDraft(id: string) {
  const { townId } = useSession();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const [template, setTemplate] = useState<ReportTemplate | null>(null);
  const [def, setDef] = useState<TemplateDefinition | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    reportAdminApi.template(townId, id).then(
      (t) => {
        setTemplate(t);
        setDef(t.definition);
        setDirty(false);
      },
      (err) => onError(err),
    );
  }, [townId, id, onError]);
  useEffect(load, [load]);

  const change = (next: TemplateDefinition) => {
    setDef(next);
    setDirty(true);
  };

  const save = async () => {
    if (!template || !def) return;
    setSaving(true);
    try {
      const saved = await reportAdminApi.saveTemplate(townId, template.id, template.version, def);
      setTemplate(saved);
      setDef(saved.definition);
      setDirty(false);
      void message.success('已保存');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        void message.warning('模板已被他人修改，已载入最新版本，请重新调整');
        load();
      } else onError(err);
    } finally {
      setSaving(false);
    }
  };
  return { template, def, dirty, saving, change, save };
}

/** Why the template cannot be saved as it is, if it cannot. */
function invalidReason(def: TemplateDefinition): string | undefined {
  if (!def.name.trim()) return '请填写模板名称';
  if (!def.title.trim()) return '请填写报告标题';
  if (def.sections.some(missingHeading)) return '有部分缺少标题';
  if (def.sections.every((s) => s.omitted)) return '至少保留一个部分';
  return undefined;
}

/** Breadcrumb, role, how often it was changed, and 预览初稿 / 保存. */
function TemplateHeader({
  template,
  def,
  dirty,
  saving,
  onPreview,
  onSave,
}: {
  template: ReportTemplate;
  def: TemplateDefinition;
  dirty: boolean;
  saving: boolean;
  onPreview: () => void;
  onSave: () => void;
}) {
  const invalid = invalidReason(def);
  return (
    <Card size="small">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space>
          <Link to="/reports/templates">报告模板</Link>
          <Typography.Text type="secondary">/</Typography.Text>
          <Typography.Text strong>{def.name}</Typography.Text>
          {template.role && <Tag>{ROLE_LABELS[template.role] ?? template.role}</Tag>}
          <Tag color="blue" data-testid="template-version">
            {template.version > 1 ? `已修改 ${template.version - 1} 次` : '未修改过'}
          </Tag>
          {dirty && <Tag color="orange">有未保存的修改</Tag>}
        </Space>
        <Space>
          <Button icon={<EyeOutlined />} onClick={onPreview}>
            预览初稿
          </Button>
          <Tooltip title={invalid}>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              disabled={!dirty || !!invalid}
              loading={saving}
              onClick={onSave}
            >
              保存
            </Button>
          </Tooltip>
        </Space>
      </Space>
    </Card>
  );
}

export default function TemplateEditPage() {
  const { id = '' } = useParams();
  const { template, def, dirty, saving, change, save } = useTemplateDraft(id);
  const [previewing, setPreviewing] = useState(false);

  if (!template || !def) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} className="template-edit">
      <TemplateHeader
        template={template}
        def={def}
        dirty={dirty}
        saving={saving}
        onPreview={() => setPreviewing(true)}
        onSave={() => void save()}
      />
      <Card size="small" title="基本信息">
        <Form layout="inline">
          <Form.Item label="模板名称" required>
            <Input
              value={def.name}
              maxLength={60}
              style={{ width: 240 }}
              onChange={(e) => change({ ...def, name: e.target.value })}
            />
          </Form.Item>
          <Form.Item label="报告标题" required>
            <Input
              value={def.title}
              maxLength={60}
              style={{ width: 240 }}
              onChange={(e) => change({ ...def, title: e.target.value })}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card
        size="small"
        title="报告结构"
        extra={
          <Typography.Text type="secondary">
            按顺序起草；“暂不使用”的部分不起草、不检查，可随时恢复
          </Typography.Text>
        }
      >
        <TemplateSectionList def={def} onChange={change} />
      </Card>
      <TemplatePreviewDrawer open={previewing} def={def} onClose={() => setPreviewing(false)} />
    </Space>
  );
}
