/**
 * The editor's document state: the stored report, the document being edited, whether it has
 * unsaved changes, and outline changes with their own undo/redo. Text edits are undone inside each
 * section's editor (Ctrl+Z); an outline undo restores the earlier outline but keeps the text typed
 * since (core `restoreOutline`), so the two kinds of undo never fight.
 */
import { useCallback, useState } from 'react';
import type { Report, ReportDocument, ReportParagraph } from '../../api/reports.ts';
import { withSectionParagraphs } from './docConvert.ts';
import { restoreOutline } from './outlineOps.ts';

const HISTORY_LIMIT = 50;

export interface OutlineHistory {
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
}

export function useReportDocument() {
  const [report, setReport] = useState<Report | null>(null);
  const [doc, setDoc] = useState<ReportDocument | null>(null);
  const [dirty, setDirty] = useState(false);
  const [mount, setMount] = useState(0);
  const [past, setPast] = useState<ReportDocument[]>([]);
  const [future, setFuture] = useState<ReportDocument[]>([]);

  /** Shows a report from the server: editors remount, history starts afresh. */
  const show = useCallback((r: Report) => {
    setReport(r);
    setDoc(r.document);
    setDirty(false);
    setPast([]);
    setFuture([]);
    setMount((m) => m + 1);
  }, []);

  const onSectionChange = useCallback((sectionId: string, paragraphs: ReportParagraph[]) => {
    setDoc((d) => (d ? withSectionParagraphs(d, sectionId, paragraphs) : d));
    setDirty(true);
  }, []);

  /** Applies an outline change (add, rename, move, delete) as one undoable step. */
  const changeOutline = useCallback(
    (change: (d: ReportDocument) => ReportDocument) => {
      if (!doc) return;
      const next = change(doc);
      if (next === doc) return;
      setPast((p) => [...p.slice(-HISTORY_LIMIT + 1), doc]);
      setFuture([]);
      setDoc(next);
      setDirty(true);
    },
    [doc],
  );

  const undo = useCallback(() => {
    const earlier = past[past.length - 1];
    if (!doc || !earlier) return;
    setPast(past.slice(0, -1));
    setFuture((f) => [doc, ...f]);
    setDoc(restoreOutline(doc, earlier));
    setDirty(true);
  }, [doc, past]);

  const redo = useCallback(() => {
    const later = future[0];
    if (!doc || !later) return;
    setFuture(future.slice(1));
    setPast((p) => [...p, doc]);
    setDoc(restoreOutline(doc, later));
    setDirty(true);
  }, [doc, future]);

  const history: OutlineHistory = {
    canUndo: past.length > 0,
    canRedo: future.length > 0,
    undo,
    redo,
  };
  return { report, doc, dirty, mount, show, onSectionChange, changeOutline, history };
}
