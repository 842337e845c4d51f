/**
 * The editor's outline operations and heading numbering: the pure core functions
 * (src/core/report/outline.ts, numbering.ts — tested there) over the API's document type.
 */
import type {
  ReportDocument as CoreDocument,
  SectionKind,
} from '../../../../src/core/report/model.ts';
import * as outline from '../../../../src/core/report/outline.ts';
import { headingMarkers as markers, markerFor } from '../../../../src/core/report/numbering.ts';
import type { ReportDocument, ReportSection } from '../../api/reports.ts';

export type { Placement } from '../../../../src/core/report/outline.ts';
export { MAX_EDIT_LEVEL } from '../../../../src/core/report/outline.ts';
export { markerFor };
export { stripHeadingMarker } from '../../../../src/core/report/numbering.ts';

// The API's section kind is a plain string; the core's is the closed set. Same JSON.
const core = (d: ReportDocument) => d as unknown as CoreDocument;
const api = (d: CoreDocument) => d as unknown as ReportDocument;

export const headingMarkers = (sections: readonly ReportSection[]) => markers(sections);

export const addSection = (
  d: ReportDocument,
  refId: string,
  placement: outline.Placement,
  input: { id: string; heading: string; kind?: string },
) =>
  api(
    outline.addSection(core(d), refId, placement, {
      ...input,
      kind: input.kind as SectionKind | undefined,
    }),
  );
export const renameSection = (d: ReportDocument, id: string, heading: string) =>
  api(outline.renameSection(core(d), id, heading));
export const removeSection = (d: ReportDocument, id: string) =>
  api(outline.removeSection(core(d), id));
export const moveSection = (d: ReportDocument, id: string, dir: 'up' | 'down') =>
  api(outline.moveSection(core(d), id, dir));
export const canMoveSection = (d: ReportDocument, id: string, dir: 'up' | 'down') =>
  outline.canMoveSection(core(d), id, dir);
export const subtreeContent = (d: ReportDocument, id: string) =>
  outline.subtreeContent(core(d), id);
export const restoreOutline = (current: ReportDocument, earlier: ReportDocument) =>
  api(outline.restoreOutline(core(current), core(earlier)));
export const uniqueSectionId = (d: ReportDocument, base: string) =>
  outline.uniqueSectionId(core(d), base);
