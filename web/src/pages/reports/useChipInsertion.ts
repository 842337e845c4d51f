/**
 * 插入数据 in the editor: the caret's editor gets the new chip; from 检查, a hand-typed number is
 * found again in what is being edited and replaced by the chip picked for it (one edit of that
 * section, so Ctrl+Z undoes it). Also the chip whose records are open (ChipRecordsDrawer).
 */
import { useCallback, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import { App } from 'antd';
import type { LintIssue, MetricChip, Report, ReportDocument } from '../../api/reports.ts';
import {
  CHIP_NODE,
  chipIndex,
  chipToAttrs,
  editorRange,
  type ChipAttrs,
  type TiptapNode,
} from './docConvert.ts';
import { locateFlagged } from './lintTarget.ts';
import { jumpToSection } from './sectionJump.ts';

/** A hand-typed number: its section, offset in the section's text, and the text itself. */
interface Flagged {
  sectionId: string;
  offset: number;
  text: string;
}

/** Puts the chip where the flagged text is; false when the text is no longer there. */
function replaceInEditor(editor: Editor | undefined, target: Flagged, c: MetricChip): boolean {
  const range =
    editor && !editor.isDestroyed
      ? editorRange(editor.getJSON() as TiptapNode, target.offset, target.text.length)
      : null;
  if (!editor || !range || editor.state.doc.textBetween(range.from, range.to) !== target.text)
    return false;
  editor
    .chain()
    .focus()
    .insertContentAt(range, { type: CHIP_NODE, attrs: { ...chipToAttrs(c) } })
    .run();
  return true;
}

export function useChipInsertion(report: Report | null, doc: ReportDocument | null) {
  const { message } = App.useApp();
  const [picking, setPicking] = useState(false);
  const [replacing, setReplacing] = useState<Flagged | null>(null);
  const caret = useRef<Editor | null>(null);
  const editors = useRef(new Map<string, Editor>());
  const onFocus = useCallback((e: Editor) => {
    caret.current = e;
  }, []);
  const onEditor = useCallback((sectionId: string, e: Editor | null) => {
    if (e) editors.current.set(sectionId, e);
    else editors.current.delete(sectionId);
  }, []);

  const openPicker = () => {
    if (!caret.current || caret.current.isDestroyed) {
      void message.info('请先在正文中点击要插入数字的位置');
      return;
    }
    setPicking(true);
  };

  /** Lint saw the saved text; the number is found again in what is being edited (unsaved edits too). */
  const toChip = (issue: LintIssue & { text: string }): boolean => {
    if (!report || !doc) return false;
    const target = locateFlagged(report.document, doc, {
      sectionId: issue.sectionId!,
      offset: issue.offset ?? 0,
      text: issue.text,
    });
    if (!target) {
      void message.warning(`正文中已找不到手工录入的“${issue.text}”，可能已修改或删除，请重新检查`);
      return false;
    }
    setReplacing(target);
    setPicking(true);
    return true;
  };

  const insertChip = (c: MetricChip) => {
    setPicking(false);
    if (replacing) {
      setReplacing(null);
      if (!replaceInEditor(editors.current.get(replacing.sectionId), replacing, c))
        return void message.warning('原文已改动，未找到该数字，请在正文中手动插入');
      jumpToSection(replacing.sectionId);
      return void message.success(`“${replacing.text}”已改为 ${c.display}，保存后生效`);
    }
    const editor = caret.current;
    if (!editor || editor.isDestroyed) return;
    editor
      .chain()
      .focus()
      .insertContent({ type: CHIP_NODE, attrs: { ...chipToAttrs(c) } })
      .run();
    void message.success(`已插入 ${c.display}，保存后生效`);
  };

  const cancelPicking = () => {
    setPicking(false);
    setReplacing(null);
  };

  return { picking, replacing, onFocus, onEditor, openPicker, toChip, insertChip, cancelPicking };
}

export type ChipInsertion = ReturnType<typeof useChipInsertion>;

/** The chip whose records are shown; a chip not saved yet has none to show. */
export function useChipRecords(report: Report | null) {
  const { message } = App.useApp();
  const [chip, setChip] = useState<{ index: number; attrs: ChipAttrs } | null>(null);
  const onChipOpen = useCallback(
    (attrs: ChipAttrs) => {
      if (!report) return;
      const index = chipIndex(report.document, attrs);
      if (index < 0) {
        void message.info('这个数字还未保存，请先保存后再查看明细');
        return;
      }
      setChip({ index, attrs });
    },
    [report, message],
  );
  return { chip, onChipOpen, close: () => setChip(null) };
}
