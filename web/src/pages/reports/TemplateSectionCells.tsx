/**
 * The cells of one template section's row (TemplateSectionList): its heading, what fills it, its
 * length bounds and the row's actions (move, merge with the next, set aside or restore).
 */
import type { ReactNode } from 'react';
import {
  Button,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
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
} from './templateOps.ts';

/** A drafted section needs a heading; the per-portfolio part may leave it empty (portfolios become 一、). */
export const missingHeading = (s: TemplateSection) =>
  !s.omitted && s.kind !== 'opening' && !s.perPortfolio && s.heading.trim() === '';

interface CellProps {
  s: TemplateSection;
  set: (change: Partial<TemplateSection>) => void;
}

export function HeadingCell({ s, set }: CellProps) {
  if (s.kind === 'opening')
    return <Typography.Text type="secondary">（开头不设标题）</Typography.Text>;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Input
        value={s.heading}
        disabled={s.omitted}
        maxLength={60}
        aria-label={`标题 ${s.id}`}
        status={missingHeading(s) ? 'error' : undefined}
        placeholder={s.perPortfolio ? '留空则各分管领域直接作为一级标题' : '请输入标题'}
        onChange={(e) => set({ heading: e.target.value })}
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
  );
}

/** The section kind with its source, and for the per-portfolio part how portfolios are laid out. */
export function KindCell({ s, set }: CellProps) {
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Select
        value={s.kind}
        disabled={s.omitted || s.perPortfolio}
        style={{ width: '100%' }}
        aria-label={`内容来源 ${s.id}`}
        options={SECTION_KINDS.map((k) => ({ value: k.kind, label: k.label }))}
        onChange={(kind) => set({ kind })}
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
          onChange={(portfolioLayout) => set({ portfolioLayout })}
          options={[
            { value: 'nested', label: '各分管领域作为（一）（二）小节' },
            { value: 'top-level', label: '各分管领域各占一个一级标题' },
          ]}
        />
      )}
    </Space>
  );
}

export function CharsCell({ s, set }: CellProps) {
  return (
    <Space size={4}>
      <InputNumber
        size="small"
        min={0}
        max={s.maxChars}
        value={s.minChars}
        disabled={s.omitted}
        style={{ width: 76 }}
        onChange={(v) => set({ minChars: v ?? 0 })}
      />
      <span>—</span>
      <InputNumber
        size="small"
        min={Math.max(1, s.minChars)}
        value={s.maxChars}
        disabled={s.omitted}
        style={{ width: 76 }}
        onChange={(v) => set({ maxChars: v ?? s.minChars })}
      />
    </Space>
  );
}

function MergeButton({
  def,
  s,
  next,
  onChange,
}: ActionProps & { next: TemplateSection | undefined }) {
  const blocker = next
    ? (mergeBlocker(s, next) ?? (next.omitted || s.omitted ? '暂不使用的部分不能合并' : null))
    : '已是最后一个部分';
  return (
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
  );
}

interface ActionProps {
  def: TemplateDefinition;
  s: TemplateSection;
  onChange: (next: TemplateDefinition) => void;
}

/** 上移, 下移, 合并 with the next section, 暂不使用 or 恢复使用. */
export function SectionActions({ def, s, index: i, onChange }: ActionProps & { index: number }) {
  const sections = def.sections;
  const iconButton = (
    title: string,
    icon: ReactNode,
    label: string,
    onClick: () => void,
    disabled = false,
  ) => (
    <Tooltip title={title}>
      <Button
        type="text"
        size="small"
        icon={icon}
        disabled={disabled}
        aria-label={`${label} ${s.id}`}
        onClick={onClick}
      />
    </Tooltip>
  );
  return (
    <Space size={0}>
      {iconButton(
        '上移',
        <ArrowUpOutlined />,
        '上移',
        () => onChange(moveSection(def, s.id, 'up')),
        i === 0,
      )}
      {iconButton(
        '下移',
        <ArrowDownOutlined />,
        '下移',
        () => onChange(moveSection(def, s.id, 'down')),
        i === sections.length - 1,
      )}
      <MergeButton def={def} s={s} next={sections[i + 1]} onChange={onChange} />
      {s.omitted
        ? iconButton('恢复使用', <UndoOutlined />, '恢复', () =>
            onChange(setOmitted(def, s.id, false)),
          )
        : iconButton(
            '暂不使用（起草和检查时跳过，可恢复）',
            <EyeInvisibleOutlined />,
            '暂不使用',
            () => onChange(setOmitted(def, s.id, true)),
            s.kind === 'opening',
          )}
    </Space>
  );
}
