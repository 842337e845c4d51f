/**
 * Calls of the report pages beyond the editor's basics (web/src/api/reports.ts): the 插入数据
 * picker, imported past reports and their comparison, and report templates. Types come from the
 * OpenAPI document (src/domains/reports/reports.schema.ts, reports.import-schema.ts).
 */
import { api, postForm, type ResponseBody, type Schemas } from '../../api/client.ts';

export type ChipCatalogue = Schemas['ReportChipCatalogue'];
export type ChipMetric = ChipCatalogue['metrics'][number];
export type ChipPeriod = ChipCatalogue['periods'][number];
export type ImportedReport = Schemas['ImportedReport'];
export type ImportOutline = ImportedReport['outline'];
export type ParsedSection = Schemas['ImportedReportSection'];
export type ImportedNumber = ImportOutline['numbers'][number];
export type ImportedPlaceholder = ImportOutline['placeholders'][number];
/** A single `*` hiding a name or place (脱敏), not a gap. */
export type ImportedRedaction = NonNullable<ImportOutline['redactions']>[number];
/** A row of the 往年报告 list (no text; counts from the parsed outline). */
export type ImportSummary = Schemas['ImportedReportSummary'];
export type Comparison = Schemas['ReportComparison'];
/** One 一、 of each side (either may be missing), its （一） folded in, the numbers paired. */
export type AlignedRow = Comparison['aligned'][number];
export type ComparedPast = NonNullable<AlignedRow['imported']>;
export type ComparedDraft = NonNullable<AlignedRow['draft']>;
export type ReportTemplate = Schemas['ReportTemplate'];
export type TemplateDefinition = ReportTemplate['definition'];
export type TemplateSection = TemplateDefinition['sections'][number];
export type SectionKind = TemplateSection['kind'];
export type TemplatePreview = Schemas['ReportTemplatePreview'];

const town = (townId: string) => `/api/v1/towns/${townId}`;
const inTown = (townId: string) => ({ params: { path: { townId } } });
const entity = (townId: string, id: string) => ({ params: { path: { townId, id } } });

/** Multipart upload of a past report with its optional person and year. */
function uploadImport(townId: string, file: File, fields: Record<string, string>) {
  const form = new FormData();
  form.set('file', file);
  for (const [k, v] of Object.entries(fields)) if (v) form.set(k, v);
  return postForm<ResponseBody<'/api/v1/towns/{townId}/report-imports', 'post'>>(
    `${town(townId)}/report-imports`,
    form,
  );
}

export const reportAdminApi = {
  chipCatalogue: (townId: string, reportId: string) =>
    api.GET('/api/v1/towns/{townId}/reports/{id}/chip-metrics', entity(townId, reportId)),
  chipPreview: (
    townId: string,
    reportId: string,
    body: { metricId: string; from: string; to: string },
    signal?: AbortSignal,
  ) =>
    api.POST('/api/v1/towns/{townId}/reports/{id}/chip-preview', {
      ...entity(townId, reportId),
      body,
      signal,
    }),

  uploadImport,
  listImports: (
    townId: string,
    query: { limit?: number; cursor?: string } = {},
    signal?: AbortSignal,
  ) =>
    api.GET('/api/v1/towns/{townId}/report-imports', {
      params: { path: { townId }, query },
      signal,
    }),
  deleteImport: (townId: string, id: string) =>
    api.DELETE('/api/v1/towns/{townId}/report-imports/{id}', entity(townId, id)),
  getImport: (townId: string, id: string) =>
    api.GET('/api/v1/towns/{townId}/report-imports/{id}', entity(townId, id)),
  compare: (townId: string, id: string, reportId: string) =>
    api.GET('/api/v1/towns/{townId}/report-imports/{id}/compare', {
      params: { path: { townId, id }, query: { reportId } },
    }),

  templates: (townId: string) => api.GET('/api/v1/towns/{townId}/report-templates', inTown(townId)),
  template: (townId: string, id: string) =>
    api.GET('/api/v1/towns/{townId}/report-templates/{id}', entity(townId, id)),
  saveTemplate: (townId: string, id: string, version: number, definition: TemplateDefinition) =>
    api.PUT('/api/v1/towns/{townId}/report-templates/{id}', {
      ...entity(townId, id),
      body: { version, definition },
    }),
  previewTemplate: (
    townId: string,
    body: { personId: string; year: number; definition: TemplateDefinition },
  ) => api.POST('/api/v1/towns/{townId}/report-templates/preview', { ...inTown(townId), body }),
  templateFromImport: (townId: string, body: { importId: string; id: string; name?: string }) =>
    api.POST('/api/v1/towns/{townId}/report-templates/from-import', { ...inTown(townId), body }),
};
