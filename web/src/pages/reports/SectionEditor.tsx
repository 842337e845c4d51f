/** One section's paragraphs in a tiptap editor (plain paragraphs + metric chips; no other formatting). */
import { useEffect, useRef } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { ReportParagraph } from '../../api/reports.ts';
import { MetricChipNode } from './MetricChipNode.tsx';
import {
  paragraphsToTiptap,
  tiptapToParagraphs,
  type ChipAttrs,
  type TiptapNode,
} from './docConvert.ts';

interface Props {
  paragraphs: ReportParagraph[];
  editable: boolean;
  onChange: (paragraphs: ReportParagraph[]) => void;
  onChipOpen: (chip: ChipAttrs) => void;
  /** The editor the caret was last in: 插入数据 inserts its chip there. */
  onFocus?: (editor: Editor) => void;
  /** The section's editor once created (null when it goes), e.g. to turn a typed number into a chip. */
  /** Told this section's editor once it exists, and `null` when it goes. */
  onEditor?: (sectionId: string, editor: Editor | null) => void;
  sectionId: string;
}

export function SectionEditor({
  paragraphs,
  editable,
  onChange,
  onChipOpen,
  onFocus,
  onEditor,
  sectionId,
}: Props) {
  // Only report real content changes (not selection moves or no-op transactions) as edits.
  const last = useRef(JSON.stringify(tiptapToParagraphs(paragraphsToTiptap(paragraphs))));
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: false,
        bulletList: false,
        orderedList: false,
        listItem: false,
        listKeymap: false,
        blockquote: false,
        codeBlock: false,
        code: false,
        horizontalRule: false,
        bold: false,
        italic: false,
        strike: false,
        underline: false,
        link: false,
      }),
      MetricChipNode.configure({ onOpen: onChipOpen }),
    ],
    content: paragraphsToTiptap(paragraphs),
    editable,
    immediatelyRender: true,
    onFocus: ({ editor: e }) => onFocus?.(e as Editor),
    onUpdate: ({ editor: e }) => {
      const next = tiptapToParagraphs(e.getJSON() as TiptapNode);
      const json = JSON.stringify(next);
      if (json === last.current) return;
      last.current = json;
      onChange(next);
    },
  });
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  useEffect(() => {
    onEditor?.(sectionId, editor);
    return () => onEditor?.(sectionId, null);
  }, [editor, onEditor, sectionId]);
  return (
    <EditorContent
      editor={editor}
      className={`report-section-editor${editable ? '' : ' readonly'}`}
    />
  );
}
