/**
 * A template's sections as an ordered list: rename each heading, choose what fills it (the
 * section kinds, each with its phrase and metric source), required or not, length bounds; move
 * up/down, merge with the next section, set aside (暂不使用) and restore.
 */
import {
  Button,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  EyeInvisibleOutlined,
  MergeCellsOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { TemplateDefinition, TemplateSection } from './reportAdminApi.ts';
import {
  kindLabel,
  mergeBlocker,
  mergeSections,
  moveSection,
  SECTION_KINDS,
  setOmitted,
  updateSection,
} from './templateOps.ts';

/** A drafted section needs a heading; the per-portfolio part may leave it empty (portfolios become 一、). */
export const missingHeading = (s: TemplateSection) =>
  !s.omitted && s.kind !== 'opening' && !s.perPortfolio && s.heading.trim() === '';

interface Props {
  def: TemplateDefinition;
  onChange: (next: TemplateDefinition) => void;
}

export function TemplateSectionList({ def, onChange }: Props) {
  const sections = def.sections;
  const set = (id: string, change: Partial<TemplateSection>) =>
    onChange(updateSection(def, id, change));
  let shown = 0;
  const numbers = sections.map((s) => (s.omitted || s.kind === 'opening' ? null : ++shown));

  return (
    <Table<TemplateSection>
      rowKey="id"
      size="small"
      data-testid="template-sections"
      pagination={false}
      dataSource={sections}
      rowClassName={(s) => (s.omitted ? 'template-row-omitted' : '')}
      columns={[
        {
          title: '序',
          key: 'n',
          width: 64,
          render: (_, s, i) =>
            s.omitted ? <Tag>暂不使用</Tag> : s.kind === 'opening' ? '开头' : numbers[i],
        },
        {
          title: '标题',
          key: 'heading',
          render: (_, s) =>
            s.kind === 'opening' ? (
              <Typography.Text type="secondary">（开头不设标题）</Typography.Text>
            ) : (
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Input
                  value={s.heading}
                  disabled={s.omitted}
                  maxLength={60}
                  aria-label={`标题 ${s.id}`}
                  status={missingHeading(s) ? 'error' : undefined}
                  placeholder={s.perPortfolio ? '留空则各分管领域直接作为一级标题' : '请输入标题'}
                  onChange={(e) => set(s.id, { heading: e.target.value })}
                />
                {s.covers.length > 0 && (
                  <span>
                    {s.covers.map((c) => (
                      <Tag key={c} color="purple">
                        并含{kindLabel(c)}
                      </Tag>
                    ))}
                  </span>
                )}
              </Space>
            ),
        },
        {
          title: '内容来源',
          key: 'kind',
          width: 250,
          render: (_, s) => (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Select
                value={s.kind}
                disabled={s.omitted || s.perPortfolio}
                style={{ width: '100%' }}
                aria-label={`内容来源 ${s.id}`}
                options={SECTION_KINDS.map((k) => ({ value: k.kind, label: k.label }))}
                onChange={(kind) => set(s.id, { kind })}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {SECTION_KINDS.find((k) => k.kind === s.kind)?.source}
              </Typography.Text>
              {s.perPortfolio && (
                <Select
                  size="small"
                  value={s.portfolioLayout}
                  disabled={s.omitted}
                  style={{ width: '100%' }}
                  onChange={(portfolioLayout) => set(s.id, { portfolioLayout })}
                  options={[
                    { value: 'nested', label: '各分管领域作为（一）（二）小节' },
                    { value: 'top-level', label: '各分管领域各占一个一级标题' },
                  ]}
                />
              )}
            </Space>
          ),
        },
        {
          title: '必需',
          key: 'required',
          width: 64,
          render: (_, s) => (
            <Switch
              size="small"
              checked={s.required}
              disabled={s.omitted}
              onChange={(required) => set(s.id, { required })}
            />
          ),
        },
        {
          title: '字数范围',
          key: 'chars',
          width: 190,
          render: (_, s) => (
            <Space size={4}>
              <InputNumber
                size="small"
                min={0}
                max={s.maxChars}
                value={s.minChars}
                disabled={s.omitted}
                style={{ width: 76 }}
                onChange={(v) => set(s.id, { minChars: v ?? 0 })}
              />
              <span>—</span>
              <InputNumber
                size="small"
                min={Math.max(1, s.minChars)}
                value={s.maxChars}
                disabled={s.omitted}
                style={{ width: 76 }}
                onChange={(v) => set(s.id, { maxChars: v ?? s.minChars })}
              />
            </Space>
          ),
        },
        {
          title: '操作',
          key: 'op',
          width: 180,
          render: (_, s, i) => {
            const next = sections[i + 1];
            const blocker = next
              ? (mergeBlocker(s, next) ??
                (next.omitted || s.omitted ? '暂不使用的部分不能合并' : null))
              : '已是最后一个部分';
            return (
              <Space size={0}>
                <Tooltip title="上移">
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0}
                    aria-label={`上移 ${s.id}`}
                    onClick={() => onChange(moveSection(def, s.id, 'up'))}
                  />
                </Tooltip>
                <Tooltip title="下移">
                  <Button
                    type="text"
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={i === sections.length - 1}
                    aria-label={`下移 ${s.id}`}
                    onClick={() => onChange(moveSection(def, s.id, 'down'))}
                  />
                </Tooltip>
                <Popconfirm
                  title={`与下一部分“${next?.heading || kindLabel(next?.kind ?? '')}”合并为一个部分？`}
                  okText="合并"
                  cancelText="取消"
                  disabled={!!blocker}
                  onConfirm={() => next && onChange(mergeSections(def, s.id, next.id))}
                >
                  <Tooltip title={blocker ?? '与下一部分合并'}>
                    <Button
                      type="text"
                      size="small"
                      icon={<MergeCellsOutlined />}
                      disabled={!!blocker}
                      aria-label={`合并 ${s.id}`}
                    />
                  </Tooltip>
                </Popconfirm>
                {s.omitted ? (
                  <Tooltip title="恢复使用">
                    <Button
                      type="text"
                      size="small"
                      icon={<UndoOutlined />}
                      aria-label={`恢复 ${s.id}`}
                      onClick={() => onChange(setOmitted(def, s.id, false))}
                    />
                  </Tooltip>
                ) : (
                  <Tooltip title="暂不使用（起草和检查时跳过，可恢复）">
                    <Button
                      type="text"
                      size="small"
                      icon={<EyeInvisibleOutlined />}
                      disabled={s.kind === 'opening'}
                      aria-label={`暂不使用 ${s.id}`}
                      onClick={() => onChange(setOmitted(def, s.id, true))}
                    />
                  </Tooltip>
                )}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
