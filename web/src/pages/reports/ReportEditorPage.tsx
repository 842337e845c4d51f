/**
 * 述职报告编辑 — the outline on the left (numbered, with add/rename/move/delete and their undo), the
 * report on the right: each section's heading and its paragraphs in a tiptap editor with metric
 * chips; 插入数据 puts a new chip at the caret. 保存 sends `version` (409 → reload); 检查, 定稿,
 * 历史版本, 导出. Frozen reports and other people's reports are read-only. tiptap is imported only
 * from this page's chunk.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Spin } from 'antd';
import { reportsApi, type Report } from '../../api/reports.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { countChips } from './docConvert.ts';
import { EditorDialogs } from './EditorDialogs.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { OutlinePanel } from './OutlinePanel.tsx';
import { headingMarkers } from './outlineOps.ts';
import { ReportPaper } from './ReportPaper.tsx';
import { jumpToSection } from './sectionJump.ts';
import { useChipInsertion, useChipRecords } from './useChipInsertion.ts';
import { useOutlineEditing } from './useOutlineEditing.ts';
import { useRephrase } from './useRephrase.tsx';
import { useReportActions } from './useReportActions.ts';
import { useReportDocument } from './useReportDocument.ts';
import './reports.css';
import { AppraisalResultCard } from '../appraisal/AppraisalResultCard.tsx';

/** Why the report cannot be edited, when it cannot: frozen, or someone else's. */
function ReadOnlyNotice({ report, canWrite }: { report: Report; canWrite: boolean }) {
  if (report.state === 'frozen')
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginTop: 12 }}
        message={
          `本报告已于 ${formatDateTime(report.frozenAt, '')} ` +
          '定稿，数字已固定，仅供查看和导出。'
        }
      />
    );
  if (!canWrite)
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 12 }}
        message="您可以查看这份报告，但只有本人或管理员可以修改。"
      />
    );
  return null;
}

/** Loads the report; on a conflict (someone saved first) says so and loads the latest. */
function useReportLoading(townId: string, id: string, show: (r: Report) => void) {
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const load = useCallback(() => {
    reportsApi.get(townId, id).then(show, (err) => onError(err));
  }, [townId, id, show, onError]);
  useEffect(load, [load]);
  return useCallback(() => {
    void message.warning('报告已被他人修改，已重新载入最新版本，请在此基础上修改');
    load();
  }, [message, load]);
}

export default function ReportEditorPage() {
  const { id = '' } = useParams();
  const { townId, user, isAdmin } = useSession();
  const { report, doc, dirty, mount, show, onSectionChange, changeOutline, history } =
    useReportDocument();
  const [revisionsOpen, setRevisionsOpen] = useState(false);

  const conflict = useReportLoading(townId, id, show);
  const rephrase = useRephrase(townId, id, show, conflict);
  const actions = useReportActions({ townId, report, doc, dirty, show, conflict });
  const outline = useOutlineEditing(doc, changeOutline);
  const chips = useChipInsertion(report, doc);
  const records = useChipRecords(report);
  const markers = useMemo(() => headingMarkers(doc?.sections ?? []), [doc?.sections]);
  const canWrite =
    !!report &&
    report.state === 'draft' &&
    (isAdmin || (!!user?.personId && user.personId === report.personId));

  if (!report || !doc) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  return (
    <div className="report-editor">
      <EditorToolbar
        townId={townId}
        report={report}
        chipCount={countChips(doc)}
        dirty={dirty}
        canWrite={canWrite}
        saving={actions.saving}
        linting={actions.linting}
        onInsertChip={chips.openPicker}
        onSave={actions.save}
        onLint={actions.runLint}
        onFreeze={actions.freeze}
        onRevisions={() => setRevisionsOpen(true)}
      />
      <ReadOnlyNotice report={report} canWrite={canWrite} />
      <AppraisalResultCard townId={townId} personId={report.personId} year={report.year} />
      <div className="report-body">
        <OutlinePanel
          doc={doc}
          markers={markers}
          editable={canWrite}
          history={history}
          onJump={jumpToSection}
          onAction={outline.onOutline}
        />
        <ReportPaper
          doc={doc}
          markers={markers}
          mount={mount}
          canWrite={canWrite}
          dirty={dirty}
          rephrase={rephrase}
          onSectionChange={onSectionChange}
          onRename={outline.rename}
          onChipOpen={records.onChipOpen}
          onFocus={chips.onFocus}
          onEditor={chips.onEditor}
        />
      </div>
      <EditorDialogs
        report={report}
        doc={doc}
        canWrite={canWrite}
        outline={outline}
        chips={chips}
        records={records}
        actions={actions}
        rephrase={rephrase}
        revisions={{ open: revisionsOpen, close: () => setRevisionsOpen(false) }}
        show={show}
        conflict={conflict}
      />
    </div>
  );
}
