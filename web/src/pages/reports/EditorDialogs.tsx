/**
 * The report editor's dialogs and drawers: heading (add/rename), 插入数据, a chip's records,
 * 检查, 润色 and 历史版本. Their state lives in the editor's hooks.
 */
import { App } from 'antd';
import type { Report, ReportDocument } from '../../api/reports.ts';
import { ChipPickerModal } from './ChipPickerModal.tsx';
import { ChipRecordsDrawer } from './ChipRecordsDrawer.tsx';
import { HeadingModal } from './HeadingModal.tsx';
import { LintDrawer } from './LintDrawer.tsx';
import { RevisionsDrawer } from './RevisionsDrawer.tsx';
import { jumpToSection } from './sectionJump.ts';
import type { ChipInsertion, useChipRecords } from './useChipInsertion.ts';
import type { OutlineEditing } from './useOutlineEditing.ts';
import type { RephraseState } from './useRephrase.tsx';
import type { ReportActions } from './useReportActions.ts';

interface Props {
  report: Report;
  doc: ReportDocument;
  canWrite: boolean;
  outline: OutlineEditing;
  chips: ChipInsertion;
  records: ReturnType<typeof useChipRecords>;
  actions: ReportActions;
  rephrase: RephraseState;
  revisions: { open: boolean; close: () => void };
  show: (r: Report) => void;
  conflict: () => void;
}

export function EditorDialogs(p: Props) {
  const { message } = App.useApp();
  const { report, doc, chips, actions } = p;
  return (
    <>
      <HeadingModal
        doc={doc}
        target={p.outline.heading}
        onCancel={p.outline.cancelHeading}
        onSubmit={p.outline.submitHeading}
      />
      <ChipPickerModal
        open={chips.picking}
        reportId={report.id}
        replacing={chips.replacing?.text}
        onCancel={chips.cancelPicking}
        onInsert={chips.insertChip}
      />
      <ChipRecordsDrawer reportId={report.id} chip={p.records.chip} onClose={p.records.close} />
      <LintDrawer
        result={actions.lint}
        loading={actions.linting}
        sections={doc.sections}
        onClose={actions.closeLint}
        onJump={(sid) => {
          actions.closeLint();
          jumpToSection(sid);
        }}
        onToChip={
          p.canWrite
            ? (issue) => {
                if (chips.toChip(issue)) actions.closeLint();
              }
            : undefined
        }
      />
      {p.rephrase.modal(report)}
      <RevisionsDrawer
        open={p.revisions.open}
        report={report}
        canWrite={p.canWrite}
        onClose={p.revisions.close}
        onRestored={(r) => {
          p.show(r);
          p.revisions.close();
          void message.success('已恢复');
        }}
        onConflict={p.conflict}
      />
    </>
  );
}
