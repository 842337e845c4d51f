/**
 * The report as a page: title, byline, and each section with its numbered heading (double-click
 * renames it in a draft), its 润色 button and its paragraphs in a tiptap editor with metric chips.
 */
import type { Editor } from '@tiptap/react';
import { Card, Empty } from 'antd';
import type { ReportDocument, ReportParagraph } from '../../api/reports.ts';
import type { ChipAttrs } from './docConvert.ts';
import { sectionDomId } from './sectionJump.ts';
import { SectionEditor } from './SectionEditor.tsx';
import { RephraseButton, type RephraseState } from './useRephrase.tsx';

interface Props {
  doc: ReportDocument;
  markers: string[];
  /** Bumped when a report comes from the server: the section editors remount. */
  mount: number;
  canWrite: boolean;
  dirty: boolean;
  rephrase: RephraseState;
  onSectionChange: (sectionId: string, paragraphs: ReportParagraph[]) => void;
  onRename: (sectionId: string) => void;
  onChipOpen: (attrs: ChipAttrs) => void;
  onFocus: (e: Editor) => void;
  onEditor: (sectionId: string, e: Editor | null) => void;
}

function ReportSectionView({
  section: s,
  marker,
  ...p
}: Omit<Props, 'doc' | 'markers' | 'mount'> & {
  section: ReportDocument['sections'][number];
  marker: string | undefined;
}) {
  return (
    <section
      id={sectionDomId(s.id)}
      className="report-section"
      data-testid="report-section"
      data-section-id={s.id}
    >
      {s.level > 0 && (
        <div
          className={`report-heading level-${s.level}`}
          data-testid="report-heading"
          onDoubleClick={() => p.canWrite && p.onRename(s.id)}
        >
          {p.canWrite && <RephraseButton state={p.rephrase} section={s} dirty={p.dirty} />}
          {marker}
          {s.heading || <span className="report-heading-missing">（无标题）</span>}
        </div>
      )}
      {p.canWrite && s.level === 0 && (
        <div className="rephrase-bar">
          <RephraseButton state={p.rephrase} section={s} dirty={p.dirty} />
        </div>
      )}
      <SectionEditor
        paragraphs={s.paragraphs}
        editable={p.canWrite}
        onChange={(paragraphs) => p.onSectionChange(s.id, paragraphs)}
        onChipOpen={p.onChipOpen}
        onFocus={p.onFocus}
        sectionId={s.id}
        onEditor={p.onEditor}
      />
    </section>
  );
}

export function ReportPaper({ doc, markers, mount, ...rest }: Props) {
  return (
    <Card className="report-paper">
      <h1 className="report-title">{doc.title}</h1>
      {doc.byline && <div className="report-byline">{doc.byline}</div>}
      {doc.sections.length === 0 && <Empty description="报告没有内容" />}
      {doc.sections.map((s, i) => (
        <ReportSectionView key={`${s.id}-${mount}`} section={s} marker={markers[i]} {...rest} />
      ))}
    </Card>
  );
}
