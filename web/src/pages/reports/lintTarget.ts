/**
 * 改为引用指标 on the document being edited: lint ran on the saved report, so the number it flagged
 * is looked up again in the current (possibly unsaved) section by its text and the words around it
 * (core `relocateTypedNumber`, tested in src/core/report/locate.test.ts).
 */
import { relocateTypedNumber } from '../../../../src/core/report/locate.ts';
import type { ReportDocument } from '../../api/reports.ts';

export interface ChipTarget {
  sectionId: string;
  offset: number;
  text: string;
}

/** Where the flagged number is now, or null when the current document no longer has it typed. */
export function locateFlagged(
  saved: ReportDocument,
  current: ReportDocument,
  issue: ChipTarget,
): ChipTarget | null {
  const section = current.sections.find((s) => s.id === issue.sectionId);
  if (!section) return null;
  const offset = relocateTypedNumber(
    saved.sections.find((s) => s.id === issue.sectionId),
    section,
    issue,
  );
  return offset === null ? null : { ...issue, offset };
}
