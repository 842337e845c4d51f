/**
 * A template's sections as an ordered list: rename each heading, choose what fills it (the
 * section kinds, each with its phrase and metric source), required or not, length bounds; move
 * up/down, merge with the next section, set aside (暂不使用) and restore.
 */
import { Switch, Table, Tag } from 'antd';
import type { TemplateDefinition, TemplateSection } from './reportAdminApi.ts';
import { updateSection } from './templateOps.ts';
import { CharsCell, HeadingCell, KindCell, SectionActions } from './TemplateSectionCells.tsx';

interface Props {
  def: TemplateDefinition;
  onChange: (next: TemplateDefinition) => void;
}

export function TemplateSectionList({ def, onChange }: Props) {
  const sections = def.sections;
  const setter = (id: string) => (change: Partial<TemplateSection>) =>
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
          render: (_, s) => <HeadingCell s={s} set={setter(s.id)} />,
        },
        {
          title: '内容来源',
          key: 'kind',
          width: 250,
          render: (_, s) => <KindCell s={s} set={setter(s.id)} />,
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
              onChange={(required) => setter(s.id)({ required })}
            />
          ),
        },
        {
          title: '字数范围',
          key: 'chars',
          width: 190,
          render: (_, s) => <CharsCell s={s} set={setter(s.id)} />,
        },
        {
          title: '操作',
          key: 'op',
          width: 180,
          render: (_, s, i) => <SectionActions def={def} s={s} index={i} onChange={onChange} />,
        },
      ]}
    />
  );
}
