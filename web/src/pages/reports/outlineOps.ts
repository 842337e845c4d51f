/**
 * The editor's outline operations and heading numbering: the pure core functions
 * (src/core/report/outline.ts, numbering.ts — tested there). The API's document type is generated
 * from the core's own zod schema, so documents pass between them as they are.
 */
export {
  addSection,
  canMoveSection,
  MAX_EDIT_LEVEL,
  moveSection,
  removeSection,
  renameSection,
  restoreOutline,
  subtreeContent,
  uniqueSectionId,
  type Placement,
} from '../../../../src/core/report/outline.ts';
export {
  headingMarkers,
  markerFor,
  stripHeadingMarker,
} from '../../../../src/core/report/numbering.ts';
