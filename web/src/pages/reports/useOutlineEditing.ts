/**
 * The outline's actions in the editor: add and rename open the heading dialog, move applies at
 * once, delete asks first (saying what goes with the section). Each is one undoable outline step.
 */
import { useState } from 'react';
import { App } from 'antd';
import type { ReportDocument, SectionKind } from '../../api/reports.ts';
import type { HeadingTarget } from './HeadingModal.tsx';
import type { OutlineAction } from './OutlinePanel.tsx';
import {
  addSection,
  moveSection,
  removeSection,
  renameSection,
  subtreeContent,
  uniqueSectionId,
} from './outlineOps.ts';
import { jumpToSection } from './sectionJump.ts';

type ChangeOutline = (change: (d: ReportDocument) => ReportDocument) => void;

export function useOutlineEditing(doc: ReportDocument | null, changeOutline: ChangeOutline) {
  const { modal } = App.useApp();
  const [heading, setHeading] = useState<HeadingTarget | null>(null);

  const confirmDelete = (d: ReportDocument, id: string) => {
    const s = d.sections.find((x) => x.id === id);
    const c = subtreeContent(d, id);
    modal.confirm({
      title: `删除“${s?.heading ?? ''}”？`,
      content:
        `将删除本节${c.sections > 1 ? `及其下 ${c.sections - 1} 个小节` : ''}，` +
        `共 ${c.paragraphs} 段文字、${c.chips} 个数字。删除后可用目录上方的“撤销”恢复，保存后生效。`,
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => changeOutline((x) => removeSection(x, id)),
    });
  };

  const onOutline = (a: OutlineAction) => {
    if (!doc) return;
    if (a.type === 'add') setHeading({ mode: 'add', refId: a.refId, placement: a.placement });
    else if (a.type === 'rename') setHeading({ mode: 'rename', id: a.id });
    else if (a.type === 'move') changeOutline((d) => moveSection(d, a.id, a.direction));
    else confirmDelete(doc, a.id);
  };

  const submitHeading = ({ heading: text, kind }: { heading: string; kind?: SectionKind }) => {
    const target = heading;
    setHeading(null);
    if (!target) return;
    if (target.mode === 'rename') return changeOutline((d) => renameSection(d, target.id, text));
    let newId = '';
    changeOutline((d) => {
      newId = uniqueSectionId(d, `sec-${Date.now().toString(36)}`);
      return addSection(d, target.refId, target.placement, { id: newId, heading: text, kind });
    });
    setTimeout(() => jumpToSection(newId), 50);
  };

  return {
    heading,
    rename: (id: string) => setHeading({ mode: 'rename', id }),
    cancelHeading: () => setHeading(null),
    onOutline,
    submitHeading,
  };
}

export type OutlineEditing = ReturnType<typeof useOutlineEditing>;
