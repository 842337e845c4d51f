/**
 * tiptap inline atom node `metricChip`: attrs are the stored chip (metricId, params, value, unit,
 * display); shown as an antd Tag with `display`. Clicking it calls the configured `onOpen`.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { Tag, Tooltip } from 'antd';
import { CHIP_NODE, attrsToChip, type ChipAttrs } from './docConvert.ts';

export interface MetricChipOptions {
  onOpen: (chip: ChipAttrs) => void;
}

function ChipView({ node, extension, selected }: ReactNodeViewProps) {
  const chip = attrsToChip(node.attrs as Record<string, unknown>);
  const options = extension.options as MetricChipOptions;
  return (
    <NodeViewWrapper
      as="span"
      className="report-chip"
      data-testid="metric-chip"
      contentEditable={false}
    >
      <Tooltip title="点击查看背后的台账记录">
        <Tag
          color={chip.value === null ? 'orange' : 'blue'}
          style={{
            cursor: 'pointer',
            marginInline: 2,
            fontSize: 'inherit',
            outline: selected ? '2px solid #1677ff' : undefined,
          }}
          onClick={() => options.onOpen(chip)}
        >
          {chip.display}
        </Tag>
      </Tooltip>
    </NodeViewWrapper>
  );
}

const jsonAttr = (name: string, fallback: unknown) => ({
  default: fallback,
  parseHTML: (el: HTMLElement) => {
    const raw = el.getAttribute(`data-${name}`);
    try {
      return raw === null ? fallback : JSON.parse(raw);
    } catch {
      return fallback;
    }
  },
  renderHTML: (attrs: Record<string, unknown>) => ({
    [`data-${name}`]: JSON.stringify(attrs[name]),
  }),
});

export const MetricChipNode = Node.create<MetricChipOptions>({
  name: CHIP_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  addOptions() {
    return { onOpen: () => {} };
  },
  addAttributes() {
    return {
      metricId: jsonAttr('metric-id', ''),
      params: jsonAttr('params', {}),
      value: jsonAttr('value', null),
      unit: jsonAttr('unit', ''),
      display: jsonAttr('display', ''),
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-metric-chip]' }];
  },
  renderHTML({ HTMLAttributes, node }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, { 'data-metric-chip': '' }),
      String(node.attrs.display ?? ''),
    ];
  },
  renderText({ node }) {
    return String(node.attrs.display ?? '');
  },
  addNodeView() {
    return ReactNodeViewRenderer(ChipView, { as: 'span' });
  },
});
