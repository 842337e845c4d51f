/**
 * Duty reports 述职报告 (`/api/v1/towns/{townId}/reports`): list, draft, save with `version`,
 * revisions, freeze, lint, the records behind a number chip and export links. Types come from
 * the OpenAPI document; the document model is the core's (src/core/report/model.ts).
 */
import { api, type QueryParams, type Schemas } from './client.ts';

export type ReportDocument = Schemas['ReportDocument'];
export type ReportSection = ReportDocument['sections'][number];
/** What a section is about (学/职/廉/法/不足/打算 …). */
export type SectionKind = ReportSection['kind'];
export type ReportParagraph = ReportSection['paragraphs'][number];
export type Inline = ReportParagraph['inlines'][number];
export type TextRun = Extract<Inline, { type: 'text' }>;
/** 数字芯片 — a number linked to its metric until the report is frozen. */
export type MetricChip = Extract<Inline, { type: 'metric' }>;
export type ReportSummary = Schemas['ReportSummary'];
export type Report = Schemas['Report'];
export type Revision = Schemas['ReportRevision'];
export type LintResult = Schemas['ReportLint'];
export type LintIssue = Schemas['ReportLintIssue'];
export type ChipRecords = Schemas['ReportChipRecords'];
export type RephraseProposal = Schemas['ReportRephraseProposal'];
export type ChipRecordRow = ChipRecords['items'][number];
export type ExportFormat = NonNullable<
  QueryParams<'/api/v1/towns/{townId}/reports/{id}/export', 'get'>['format']
>;

const report = (townId: string, id: string) => ({ params: { path: { townId, id } } });

export const reportsApi = {
  list: (
    townId: string,
    query: QueryParams<'/api/v1/towns/{townId}/reports', 'get'> = {},
    signal?: AbortSignal,
  ) => api.GET('/api/v1/towns/{townId}/reports', { params: { path: { townId }, query }, signal }),
  create: (townId: string, body: { personId: string; year: number; templateId?: string }) =>
    api.POST('/api/v1/towns/{townId}/reports', { params: { path: { townId } }, body }),
  get: (townId: string, id: string, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/reports/{id}', { ...report(townId, id), signal }),
  save: (townId: string, id: string, version: number, document: ReportDocument) =>
    api.PUT('/api/v1/towns/{townId}/reports/{id}', {
      ...report(townId, id),
      body: { version, document },
    }),
  revisions: (townId: string, id: string) =>
    api.GET('/api/v1/towns/{townId}/reports/{id}/revisions', report(townId, id)),
  restore: (townId: string, id: string, revisionId: string, version: number) =>
    api.POST('/api/v1/towns/{townId}/reports/{id}/revisions/{revisionId}/restore', {
      params: { path: { townId, id, revisionId } },
      body: { version },
    }),
  freeze: (townId: string, id: string, version: number) =>
    api.POST('/api/v1/towns/{townId}/reports/{id}/freeze', {
      ...report(townId, id),
      body: { version },
    }),
  lint: (townId: string, id: string) =>
    api.GET('/api/v1/towns/{townId}/reports/{id}/lint', report(townId, id)),
  chipRecords: (
    townId: string,
    id: string,
    chip: number,
    query: { cursor?: string; limit?: number } = {},
    signal?: AbortSignal,
  ) =>
    api.GET('/api/v1/towns/{townId}/reports/{id}/chips/{chip}/records', {
      params: { path: { townId, id, chip }, query },
      signal,
    }),
  /** 润色: whether the operator configured the town's model server. */
  rephraseStatus: (townId: string, id: string) =>
    api.GET('/api/v1/towns/{townId}/reports/{id}/rephrase', report(townId, id)),
  rephrase: (townId: string, id: string, sectionId: string, signal?: AbortSignal) =>
    api.POST('/api/v1/towns/{townId}/reports/{id}/rephrase', {
      ...report(townId, id),
      body: { sectionId },
      signal,
    }),
  acceptRephrasing: (
    townId: string,
    id: string,
    body: { version: number; sectionId: string; text: string },
  ) =>
    api.POST('/api/v1/towns/{townId}/reports/{id}/rephrase/accept', {
      ...report(townId, id),
      body,
    }),
  exportUrl: (townId: string, id: string, format: ExportFormat) =>
    `/api/v1/towns/${townId}/reports/${id}/export?format=${format}`,
};
