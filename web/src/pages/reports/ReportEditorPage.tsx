/**
 * 述职报告编辑 — the outline on the left (numbered, with add/rename/move/delete and their undo), the
 * report on the right: each section's heading and its paragraphs in a tiptap editor with metric
 * chips; 插入数据 puts a new chip at the caret. 保存 sends `version` (409 → reload); 检查, 定稿,
 * 历史版本, 导出. Frozen reports and other people's reports are read-only. tiptap is imported only
 * from this page's chunk.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { Editor } from '@tiptap/react';
import { Alert, App, Card, Empty, Spin } from 'antd';
import { ApiError } from '../../api/client.ts';
import {
  reportsApi,
  type LintIssue,
  type LintResult,
  type MetricChip,
  type SectionKind,
} from '../../api/reports.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import { useSession } from '../../session/session.tsx';
import { formatDateTime } from '../../lib/time.ts';
import { ChipPickerModal } from './ChipPickerModal.tsx';
import { ChipRecordsDrawer } from './ChipRecordsDrawer.tsx';
import {
  CHIP_NODE,
  chipIndex,
  chipToAttrs,
  countChips,
  editorRange,
  type ChipAttrs,
  type TiptapNode,
} from './docConvert.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { HeadingModal, type HeadingTarget } from './HeadingModal.tsx';
import { LintDrawer } from './LintDrawer.tsx';
import { locateFlagged } from './lintTarget.ts';
import { OutlinePanel, type OutlineAction } from './OutlinePanel.tsx';
import {
  addSection,
  headingMarkers,
  moveSection,
  removeSection,
  renameSection,
  subtreeContent,
  uniqueSectionId,
} from './outlineOps.ts';
import { RephraseButton, useRephrase } from './useRephrase.tsx';
import { RevisionsDrawer } from './RevisionsDrawer.tsx';
import { SectionEditor } from './SectionEditor.tsx';
import { useReportDocument } from './useReportDocument.ts';
import './reports.css';
import { AppraisalResultCard } from '../appraisal/AppraisalResultCard.tsx';

const sectionDomId = (id: string) => `report-sec-${id}`;

export default function ReportEditorPage() {
  const { id = '' } = useParams();
  const { townId, user, isAdmin } = useSession();
  const { message, modal } = App.useApp();
  const onError = useApiErrorHandler();
  const { report, doc, dirty, mount, show, onSectionChange, changeOutline, history } =
    useReportDocument();
  const [saving, setSaving] = useState(false);
  const [lint, setLint] = useState<LintResult | null>(null);
  const [linting, setLinting] = useState(false);
  const [revisionsOpen, setRevisionsOpen] = useState(false);
  const [chip, setChip] = useState<{ index: number; attrs: ChipAttrs } | null>(null);
  const [heading, setHeading] = useState<HeadingTarget | null>(null);
  const [picking, setPicking] = useState(false);
  const caret = useRef<Editor | null>(null);
  const editors = useRef(new Map<string, Editor>());
  const [replacing, setReplacing] = useState<{
    sectionId: string;
    offset: number;
    text: string;
  } | null>(null);

  const load = useCallback(() => {
    reportsApi.get(townId, id).then(show, (err) => onError(err));
  }, [townId, id, show, onError]);
  useEffect(load, [load]);

  const canWrite =
    !!report &&
    report.state === 'draft' &&
    (isAdmin || (!!user?.personId && user.personId === report.personId));
  const markers = useMemo(() => headingMarkers(doc?.sections ?? []), [doc?.sections]);
  const onFocus = useCallback((e: Editor) => {
    caret.current = e;
  }, []);
  const onEditor = useCallback((sectionId: string, e: Editor | null) => {
    if (e) editors.current.set(sectionId, e);
    else editors.current.delete(sectionId);
  }, []);

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

  const conflict = useCallback(() => {
    void message.warning('报告已被他人修改，已重新载入最新版本，请在此基础上修改');
    load();
  }, [message, load]);
  const rephrase = useRephrase(townId, id, show, conflict);

  const save = async () => {
    if (!report || !doc) return;
    setSaving(true);
    try {
      show(await reportsApi.save(townId, report.id, report.version, doc));
      void message.success('已保存');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) conflict();
      else onError(err);
    } finally {
      setSaving(false);
    }
  };

  const runLint = async () => {
    if (!report) return;
    if (dirty) void message.info('检查的是已保存的内容，未保存的修改不在检查范围内');
    setLinting(true);
    try {
      setLint(await reportsApi.lint(townId, report.id));
    } catch (err) {
      onError(err);
    } finally {
      setLinting(false);
    }
  };

  const freeze = () => {
    if (!report) return;
    modal.confirm({
      title: '定稿后不能再修改',
      content: dirty
        ? '还有未保存的修改，定稿将以已保存的内容为准。报告中的数字将取当前值后固定，不再随台账变化。确定定稿？'
        : '报告中的数字将取当前值后固定，不再随台账变化。确定定稿？',
      okText: '定稿',
      cancelText: '取消',
      onOk: async () => {
        try {
          show(await reportsApi.freeze(townId, report.id, report.version));
          void message.success('已定稿');
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) conflict();
          else onError(err);
        }
      },
    });
  };

  const jump = (sectionId: string) =>
    document
      .getElementById(sectionDomId(sectionId))
      ?.scrollIntoView({ behavior: 'smooth', block: 'start' });

  const onOutline = (a: OutlineAction) => {
    if (!doc) return;
    if (a.type === 'add') setHeading({ mode: 'add', refId: a.refId, placement: a.placement });
    else if (a.type === 'rename') setHeading({ mode: 'rename', id: a.id });
    else if (a.type === 'move') changeOutline((d) => moveSection(d, a.id, a.direction));
    else {
      const s = doc.sections.find((x) => x.id === a.id);
      const c = subtreeContent(doc, a.id);
      modal.confirm({
        title: `删除“${s?.heading ?? ''}”？`,
        content:
          `将删除本节${c.sections > 1 ? `及其下 ${c.sections - 1} 个小节` : ''}，` +
          `共 ${c.paragraphs} 段文字、${c.chips} 个数字。删除后可用目录上方的“撤销”恢复，保存后生效。`,
        okText: '删除',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () => changeOutline((d) => removeSection(d, a.id)),
      });
    }
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
    setTimeout(() => jump(newId), 50);
  };

  const openPicker = () => {
    if (!caret.current || caret.current.isDestroyed) {
      void message.info('请先在正文中点击要插入数字的位置');
      return;
    }
    setPicking(true);
  };

  /** Lint saw the saved text; the number is found again in what is being edited (unsaved edits too). */
  const toChip = (issue: LintIssue & { text: string }) => {
    if (!report || !doc) return;
    const target = locateFlagged(report.document, doc, {
      sectionId: issue.sectionId!,
      offset: issue.offset ?? 0,
      text: issue.text,
    });
    if (!target) {
      void message.warning(`正文中已找不到手工录入的“${issue.text}”，可能已修改或删除，请重新检查`);
      return;
    }
    setLint(null);
    setReplacing(target);
    setPicking(true);
  };

  /** Puts the chip where the hand-typed number was, as one edit of that section (Ctrl+Z undoes it). */
  const replaceWithChip = (
    target: { sectionId: string; offset: number; text: string },
    c: MetricChip,
  ) => {
    const editor = editors.current.get(target.sectionId);
    const range =
      editor && !editor.isDestroyed
        ? editorRange(editor.getJSON() as TiptapNode, target.offset, target.text.length)
        : null;
    if (!editor || !range || editor.state.doc.textBetween(range.from, range.to) !== target.text) {
      void message.warning('原文已改动，未找到该数字，请在正文中手动插入');
      return;
    }
    editor
      .chain()
      .focus()
      .insertContentAt(range, { type: CHIP_NODE, attrs: { ...chipToAttrs(c) } })
      .run();
    jump(target.sectionId);
    void message.success(`“${target.text}”已改为 ${c.display}，保存后生效`);
  };

  const insertChip = (c: MetricChip) => {
    setPicking(false);
    if (replacing) {
      setReplacing(null);
      return replaceWithChip(replacing, c);
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

  if (!report || !doc) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const frozen = report.state === 'frozen';

  return (
    <div className="report-editor">
      <EditorToolbar
        townId={townId}
        report={report}
        chipCount={countChips(doc)}
        dirty={dirty}
        canWrite={canWrite}
        saving={saving}
        linting={linting}
        onInsertChip={openPicker}
        onSave={save}
        onLint={runLint}
        onFreeze={freeze}
        onRevisions={() => setRevisionsOpen(true)}
      />
      {frozen && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          message={
            `本报告已于 ${formatDateTime(report.frozenAt, '')} ` +
            '定稿，数字已固定，仅供查看和导出。'
          }
        />
      )}
      {!frozen && !canWrite && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          message="您可以查看这份报告，但只有本人或管理员可以修改。"
        />
      )}
      <AppraisalResultCard townId={townId} personId={report.personId} year={report.year} />
      <div className="report-body">
        <OutlinePanel
          doc={doc}
          markers={markers}
          editable={canWrite}
          history={history}
          onJump={jump}
          onAction={onOutline}
        />
        <Card className="report-paper">
          <h1 className="report-title">{doc.title}</h1>
          {doc.byline && <div className="report-byline">{doc.byline}</div>}
          {doc.sections.length === 0 && <Empty description="报告没有内容" />}
          {doc.sections.map((s, i) => (
            <section
              key={`${s.id}-${mount}`}
              id={sectionDomId(s.id)}
              className="report-section"
              data-testid="report-section"
              data-section-id={s.id}
            >
              {s.level > 0 && (
                <div
                  className={`report-heading level-${s.level}`}
                  data-testid="report-heading"
                  onDoubleClick={() => canWrite && setHeading({ mode: 'rename', id: s.id })}
                >
                  {canWrite && <RephraseButton state={rephrase} section={s} dirty={dirty} />}
                  {markers[i]}
                  {s.heading || <span className="report-heading-missing">（无标题）</span>}
                </div>
              )}
              {canWrite && s.level === 0 && (
                <div className="rephrase-bar">
                  <RephraseButton state={rephrase} section={s} dirty={dirty} />
                </div>
              )}
              <SectionEditor
                paragraphs={s.paragraphs}
                editable={canWrite}
                onChange={(p) => onSectionChange(s.id, p)}
                onChipOpen={onChipOpen}
                onFocus={onFocus}
                sectionId={s.id}
                onEditor={onEditor}
              />
            </section>
          ))}
        </Card>
      </div>
      <HeadingModal
        doc={doc}
        target={heading}
        onCancel={() => setHeading(null)}
        onSubmit={submitHeading}
      />
      <ChipPickerModal
        open={picking}
        reportId={report.id}
        replacing={replacing?.text}
        onCancel={() => {
          setPicking(false);
          setReplacing(null);
        }}
        onInsert={insertChip}
      />
      <ChipRecordsDrawer reportId={report.id} chip={chip} onClose={() => setChip(null)} />
      <LintDrawer
        result={lint}
        loading={linting}
        sections={doc.sections}
        onClose={() => setLint(null)}
        onJump={(sid) => {
          setLint(null);
          jump(sid);
        }}
        onToChip={canWrite ? toChip : undefined}
      />
      {rephrase.modal(report)}
      <RevisionsDrawer
        open={revisionsOpen}
        report={report}
        canWrite={canWrite}
        onClose={() => setRevisionsOpen(false)}
        onRestored={(r) => {
          show(r);
          setRevisionsOpen(false);
          void message.success('已恢复');
        }}
        onConflict={conflict}
      />
    </div>
  );
}
