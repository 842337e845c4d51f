/**
 * Adding a section or renaming one: the heading without its number (the document numbers itself;
 * a typed "三、" is dropped), and for a new top-level section what part of the report it is, so
 * lint can count it towards the template's 学/职/廉/法… parts. Shows the number it will get.
 */
import { useEffect, useMemo } from 'react';
import { Form, Input, Modal, Select, Typography } from 'antd';
import type { ReportDocument, SectionKind } from '../../api/reports.ts';
import { addSection, headingMarkers, stripHeadingMarker, type Placement } from './outlineOps.ts';

export const KIND_OPTIONS = [
  { value: 'custom', label: '其他内容' },
  { value: 'study', label: '学（理论学习）' },
  { value: 'duty', label: '职（履职情况）' },
  { value: 'integrity', label: '廉（廉洁自律）' },
  { value: 'law', label: '法（学法用法）' },
  { value: 'shortcomings', label: '存在不足' },
  { value: 'plans', label: '下步打算' },
];

export type HeadingTarget =
  { mode: 'add'; refId: string; placement: Placement } | { mode: 'rename'; id: string };

interface Props {
  doc: ReportDocument;
  target: HeadingTarget | null;
  onCancel: () => void;
  onSubmit: (values: { heading: string; kind?: SectionKind }) => void;
}

const PROBE = '__new_section__';

export function HeadingModal({ doc, target, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ heading: string; kind?: SectionKind }>();
  const heading = Form.useWatch('heading', form) ?? '';
  const current =
    target?.mode === 'rename' ? doc.sections.find((s) => s.id === target.id) : undefined;

  // Filled once per opening: later document changes must not overwrite what is being typed.
  const initial = current?.heading ?? '';
  useEffect(() => {
    if (target) form.setFieldsValue({ heading: initial, kind: 'custom' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, form]);

  // Where the new section lands and which number it gets, from the same core function that adds it.
  const preview = useMemo(() => {
    if (!target) return null;
    if (target.mode === 'rename') {
      const i = doc.sections.findIndex((s) => s.id === target.id);
      return { level: current?.level ?? 1, marker: headingMarkers(doc.sections)[i] ?? '' };
    }
    const next = addSection(doc, target.refId, target.placement, {
      id: PROBE,
      heading: heading || '新章节',
    });
    const i = next.sections.findIndex((s) => s.id === PROBE);
    return i < 0
      ? null
      : { level: next.sections[i]!.level, marker: headingMarkers(next.sections)[i] ?? '' };
  }, [doc, target, heading, current]);

  const title =
    target?.mode === 'rename'
      ? '修改标题'
      : target?.placement === 'child'
        ? '添加下级小节'
        : '添加章节';
  const levelName = ['开头', '一级标题', '二级标题', '三级标题'][preview?.level ?? 1];
  return (
    <Modal
      open={!!target}
      title={title}
      okText="确定"
      cancelText="取消"
      onCancel={onCancel}
      destroyOnHidden
      onOk={async () => onSubmit(await form.validateFields())}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="heading"
          label="标题"
          rules={[
            { required: true, whitespace: true, message: '请输入标题' },
            { max: 60, message: '标题不超过 60 字' },
          ]}
          extra="序号由系统按层级自动编排，无需输入。"
        >
          <Input placeholder="如：推进移风易俗" autoFocus maxLength={60} showCount />
        </Form.Item>
        {target?.mode === 'add' && preview?.level === 1 && (
          <Form.Item name="kind" label="内容类别" extra="用于报告检查核对模板要求的各部分。">
            <Select options={KIND_OPTIONS} />
          </Form.Item>
        )}
      </Form>
      {preview && (
        <Typography.Text type="secondary" data-testid="heading-preview">
          {levelName}：{preview.marker}
          {stripHeadingMarker(heading) || '…'}
        </Typography.Text>
      )}
    </Modal>
  );
}
