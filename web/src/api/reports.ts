/** Types and calls for duty reports 述职报告 (`/api/v1/towns/{townId}/reports`). Mirrors src/domains/reports/reports.schema.ts. */
import { api, request } from './client.ts';

export interface TextRun {
  type: 'text';
  text: string;
}

/** 数字芯片 — a number linked to its metric until the report is frozen. */
export interface MetricChip {
  type: 'metric';
  metricId: string;
  params: Record<string, unknown>;
  value: number | null;
  unit: string;
  display: string;
}

export type Inline = TextRun | MetricChip;

export interface ReportParagraph {
  inlines: Inline[];
}

export interface ReportSection {
  id: string;
  level: number;
  heading: string;
  kind: string;
  covers?: string[];
  portfolio?: string;
  templateSectionId?: string;
  paragraphs: ReportParagraph[];
}

export interface ReportDocument {
  title: string;
  byline?: string;
  year: number;
  sections: ReportSection[];
  frozenAt: string | null;
}

export interface ReportSummary {
  id: string;
  personId: string;
  personName: string | null;
  year: number;
  templateId: string;
  state: 'draft' | 'frozen';
  version: number;
  frozenAt: string | null;
  updatedAt: string;
}

export interface Report extends ReportSummary {
  townId: string;
  createdAt: string;
  document: ReportDocument;
}

export interface Revision {
  id: string;
  reportVersion: number;
  reason: string;
  savedAt: string;
  savedBy: string | null;
}

export interface LintIssue {
  code: string;
  severity: 'error' | 'warning' | 'info';
  sectionId: string | null;
  message: string;
  offset: number | null;
}

export interface LintResult {
  issues: LintIssue[];
  counts: { error: number; warning: number; info: number };
}

export interface ChipRecordRow {
  id: string;
  occurredOn: string;
  [key: string]: unknown;
}

export interface ChipRecords {
  chip: Omit<MetricChip, 'type'>;
  metric: { id: string; label: string; [key: string]: unknown };
  items: ChipRecordRow[];
  nextCursor: string | null;
}

export type ExportFormat = 'docx' | 'md' | 'html' | 'pdf';

const base = (townId: string) => `/api/v1/towns/${townId}/reports`;

export const reportsApi = {
  list: (
    townId: string,
    query: { personId?: string; year?: number; cursor?: string; limit?: number } = {},
    signal?: AbortSignal,
  ) => api.get<{ items: ReportSummary[]; nextCursor: string | null }>(base(townId), query, signal),
  create: (townId: string, input: { personId: string; year: number; templateId?: string }) =>
    api.post<Report>(base(townId), input),
  get: (townId: string, id: string, signal?: AbortSignal) =>
    api.get<Report>(`${base(townId)}/${id}`, undefined, signal),
  save: (townId: string, id: string, version: number, document: ReportDocument) =>
    request<Report>('PUT', `${base(townId)}/${id}`, { body: { version, document } }),
  revisions: (townId: string, id: string) =>
    api.get<{ items: Revision[] }>(`${base(townId)}/${id}/revisions`),
  restore: (townId: string, id: string, revisionId: string, version: number) =>
    api.post<Report>(`${base(townId)}/${id}/revisions/${revisionId}/restore`, { version }),
  freeze: (townId: string, id: string, version: number) =>
    api.post<Report>(`${base(townId)}/${id}/freeze`, { version }),
  lint: (townId: string, id: string) => api.get<LintResult>(`${base(townId)}/${id}/lint`),
  chipRecords: (
    townId: string,
    id: string,
    chip: number,
    query: { cursor?: string; limit?: number } = {},
    signal?: AbortSignal,
  ) => api.get<ChipRecords>(`${base(townId)}/${id}/chips/${chip}/records`, query, signal),
  exportUrl: (townId: string, id: string, format: ExportFormat) =>
    `${base(townId)}/${id}/export?format=${format}`,
};
