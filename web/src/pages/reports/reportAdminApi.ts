/**
 * Calls of the report pages beyond the editor's basics (web/src/api/reports.ts): the 插入数据
 * picker, imported past reports and their comparison, and report templates. Mirrors
 * src/domains/reports/reports.schema.ts.
 */
import { ApiError, api, request } from '../../api/client.ts';
import type { LintResult, MetricChip, ReportDocument } from '../../api/reports.ts';

export interface ChipMetric {
  id: string;
  label: string;
  unit: string;
  group: string;
  portfolio: string | null;
  description: string | null;
}

export interface ChipPeriod {
  key: string;
  label: string;
  from: string;
  to: string;
}

export interface ChipCatalogue {
  metrics: ChipMetric[];
  periods: ChipPeriod[];
  scope: { ledger: string; appeals: string };
}

export interface ParsedSection {
  level: number;
  marker: string;
  heading: string;
  path: string;
  offset: number;
  end: number;
  paragraphs: { text: string; offset: number }[];
  /** Paragraphs after the subsections that close this section (absent in imports before 2025-12). */
  trailing?: { text: string; offset: number }[];
  children: ParsedSection[];
}

export interface ImportedNumber {
  raw: string;
  value: number | null;
  unit: string;
  subject: string;
  sectionPath: string;
  offset: number;
  placeholder: boolean;
}

export interface ImportedPlaceholder {
  token: string;
  kind: string;
  offset: number;
  sectionPath: string;
  context: string;
}

/** A single `*` hiding a name or place (脱敏), not a gap. */
export interface ImportedRedaction {
  token: string;
  offset: number;
  sectionPath: string;
  context: string;
}

export interface ImportedReport {
  id: string;
  personId: string | null;
  year: number | null;
  filename: string;
  createdAt: string;
  outline: {
    title: string | null;
    preamble: { text: string; offset: number }[];
    sections: ParsedSection[];
    /** Text after the last section that ends the report ("以上述职，请予评议。"). */
    closing?: { text: string; offset: number }[];
    numbers: ImportedNumber[];
    placeholders: ImportedPlaceholder[];
    redactions?: ImportedRedaction[];
  };
}

export interface ComparedPast {
  path: string;
  marker: string;
  heading: string;
  level: number;
  numbers: {
    raw: string;
    value: number | null;
    unit: string;
    subject: string;
    placeholder: boolean;
  }[];
  placeholders: { token: string; context: string }[];
}

export interface ComparedDraft {
  sectionId: string | null;
  marker: string;
  heading: string;
  level: number;
  chips: {
    display: string;
    value: number | null;
    unit: string;
    metricId: string;
    subject: string;
  }[];
}

/** A row of the 往年报告 list (no text; counts from the parsed outline). */
export interface ImportSummary {
  id: string;
  personId: string | null;
  personName: string | null;
  year: number | null;
  filename: string;
  numberCount: number;
  placeholderCount: number;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: string;
  /** The uploader or an admin. */
  canDelete: boolean;
}

/** One 一、 of each side (either may be missing), its （一） folded in, and the block's numbers paired. */
export interface AlignedRow {
  imported: (ComparedPast & { subsections: ComparedPast[] }) | null;
  draft: (ComparedDraft & { subsections: ComparedDraft[] }) | null;
  score: number;
  /** `section`: the subsection a number was stated in ('' = the 一、's own text). */
  numbers: {
    past: {
      raw: string;
      value: number | null;
      unit: string;
      subject: string;
      section: string;
    } | null;
    current: {
      display: string;
      value: number | null;
      unit: string;
      subject: string;
      section: string;
    } | null;
  }[];
}

export interface Comparison {
  importId: string;
  reportId: string;
  importedTitle: string | null;
  aligned: AlignedRow[];
}

export type SectionKind =
  'opening' | 'study' | 'duty' | 'integrity' | 'law' | 'shortcomings' | 'plans' | 'custom';

export interface TemplateSection {
  id: string;
  kind: SectionKind;
  heading: string;
  covers: SectionKind[];
  required: boolean;
  minChars: number;
  maxChars: number;
  perPortfolio: boolean;
  portfolioLayout: 'nested' | 'top-level';
  omitted?: boolean;
}

export interface TemplateDefinition {
  id: string;
  role: string | null;
  name: string;
  title: string;
  sections: TemplateSection[];
}

export interface ReportTemplate {
  id: string;
  role: string | null;
  name: string;
  version: number;
  definition: TemplateDefinition;
  updatedAt: string;
}

export interface TemplatePreview {
  personName: string;
  document: ReportDocument;
  lint: LintResult;
}

const town = (townId: string) => `/api/v1/towns/${townId}`;

/** multipart upload (the JSON client only sends JSON). */
async function upload(
  townId: string,
  file: File,
  fields: Record<string, string>,
): Promise<ImportedReport> {
  const form = new FormData();
  form.set('file', file);
  for (const [k, v] of Object.entries(fields)) if (v) form.set(k, v);
  const res = await fetch(`${town(townId)}/report-imports`, {
    method: 'POST',
    body: form,
    credentials: 'include',
    headers: { accept: 'application/json' },
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiError({
      type: 'about:blank',
      title: res.statusText,
      status: res.status,
      detail: body.detail ?? `上传失败（${res.status}）`,
      ...body,
    });
  return body as ImportedReport;
}

export const reportAdminApi = {
  chipCatalogue: (townId: string, reportId: string) =>
    api.get<ChipCatalogue>(`${town(townId)}/reports/${reportId}/chip-metrics`),
  chipPreview: (
    townId: string,
    reportId: string,
    input: { metricId: string; from: string; to: string },
    signal?: AbortSignal,
  ) =>
    api.post<{ chip: MetricChip; metric: ChipMetric }>(
      `${town(townId)}/reports/${reportId}/chip-preview`,
      input,
      { signal },
    ),

  uploadImport: upload,
  listImports: (
    townId: string,
    q: { limit?: number; cursor?: string } = {},
    signal?: AbortSignal,
  ) =>
    api.get<{ items: ImportSummary[]; nextCursor: string | null }>(
      `${town(townId)}/report-imports`,
      q,
      signal,
    ),
  deleteImport: (townId: string, id: string) =>
    request<void>('DELETE', `${town(townId)}/report-imports/${id}`),
  getImport: (townId: string, id: string) =>
    api.get<ImportedReport>(`${town(townId)}/report-imports/${id}`),
  compare: (townId: string, id: string, reportId: string) =>
    api.get<Comparison>(`${town(townId)}/report-imports/${id}/compare`, { reportId }),

  templates: (townId: string) =>
    api.get<{ items: ReportTemplate[] }>(`${town(townId)}/report-templates`),
  template: (townId: string, id: string) =>
    api.get<ReportTemplate>(`${town(townId)}/report-templates/${id}`),
  saveTemplate: (townId: string, id: string, version: number, definition: TemplateDefinition) =>
    request<ReportTemplate>('PUT', `${town(townId)}/report-templates/${id}`, {
      body: { version, definition },
    }),
  previewTemplate: (
    townId: string,
    input: { personId: string; year: number; definition: TemplateDefinition },
  ) => api.post<TemplatePreview>(`${town(townId)}/report-templates/preview`, input),
  templateFromImport: (townId: string, input: { importId: string; id: string; name?: string }) =>
    api.post<ReportTemplate>(`${town(townId)}/report-templates/from-import`, input),
};
