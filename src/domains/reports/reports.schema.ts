/**
 * Request and response shapes of the reports API. The document itself is validated by the
 * core model schema in the service (so its errors name the path inside the document).
 */
import { z } from '@hono/zod-openapi';
import { paragraphSchema, reportDocumentSchema } from '../../core/report/model.ts';
import { reportTemplateSchema } from '../../core/report/templates.ts';
import { TownParams } from '../../http/openapi.ts';
import { EXPORT_FORMATS } from './report-export.ts';
import { ImportOutline, ReportComparison } from './reports.import-schema.ts';

const uuid = (title: string) => z.uuid().meta({ title });
const version = z.number().int().min(1).meta({ title: '版本号' });
const year = z.number().int().min(2000).max(2100).meta({ title: '年度' });

export const ReportParams = TownParams.extend({
  id: uuid('述职报告').openapi({ param: { name: 'id', in: 'path' } }),
});
export const RevisionParams = ReportParams.extend({
  revisionId: uuid('历史版本').openapi({ param: { name: 'revisionId', in: 'path' } }),
});
export const ChipParams = ReportParams.extend({
  chip: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .meta({ title: '数字序号' })
    .openapi({ param: { name: 'chip', in: 'path' } }),
});
export const ImportParams = TownParams.extend({
  id: uuid('导入的报告').openapi({ param: { name: 'id', in: 'path' } }),
});
export const TemplateParams = TownParams.extend({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,59}$/)
    .meta({ title: '模板编号' })
    .openapi({ param: { name: 'id', in: 'path' } }),
});

// Core schemas are plain zod (no .openapi()): the named component wraps the core's shape.
const Document = z.object(reportDocumentSchema.shape).openapi('ReportDocument');

export const ReportSummary = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string().nullable(),
    year: z.number(),
    templateId: z.string(),
    state: z.enum(['draft', 'frozen']),
    version: z.number(),
    frozenAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('ReportSummary');
export const Report = ReportSummary.extend({
  townId: z.string(),
  createdAt: z.string(),
  document: Document,
}).openapi('Report');

export const ReportListQuery = z.object({
  personId: z.uuid().optional().meta({ title: '人员' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  cursor: z.string().max(200).optional().meta({ title: '游标' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ title: '每页条数' }),
});

export const ReportCreate = z.object({
  personId: uuid('人员'),
  year,
  templateId: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,59}$/)
    .optional()
    .meta({ title: '模板' }),
});
export const ReportSave = z.object({
  version,
  document: z.looseObject({}).meta({ title: '报告内容' }),
});
export const VersionBody = z.object({ version });

const sectionId = z.string().min(1).max(100).meta({ title: '章节' });
export const RephraseStatus = z
  .object({ enabled: z.boolean(), timeoutSeconds: z.number().nullable() })
  .openapi('ReportRephraseStatus');
export const RephraseBody = z.object({ sectionId });
export const RephraseProposal = z
  .object({
    sectionId: z.string(),
    reportVersion: z.number(),
    /** The model's answer with its locked figure tokens: what 采用 sends back. */
    text: z.string(),
    before: z.array(z.object(paragraphSchema.shape)),
    after: z.array(z.object(paragraphSchema.shape)),
  })
  .openapi('ReportRephraseProposal');
export const RephraseAccept = z.object({
  version,
  sectionId,
  text: z.string().min(1).max(50_000).meta({ title: '润色结果' }),
});

export const Revision = z
  .object({
    id: z.string(),
    reportVersion: z.number(),
    reason: z.string(),
    savedAt: z.string(),
    savedBy: z.string().nullable(),
  })
  .openapi('ReportRevision');
export const RevisionDetail = z
  .object({ id: z.string(), reportVersion: z.number(), reason: z.string(), document: Document })
  .openapi('ReportRevisionDetail');

export const LintIssue = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    sectionId: z.string().nullable(),
    message: z.string(),
    offset: z.number().nullable(),
    text: z.string().optional(),
  })
  .openapi('ReportLintIssue');
export const LintResult = z
  .object({
    issues: z.array(LintIssue),
    counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  })
  .openapi('ReportLint');

export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).default('docx').meta({ title: '导出格式' }),
});

export const ChipRecordsQuery = z.object({
  cursor: z.string().max(200).optional().meta({ title: '游标' }),
  limit: z.coerce.number().int().min(1).max(500).default(50).meta({ title: '每页条数' }),
});
export const ChipRecords = z
  .object({
    chip: z.object({
      metricId: z.string(),
      params: z.record(z.string(), z.unknown()),
      value: z.number().nullable(),
      unit: z.string(),
      display: z.string(),
    }),
    metric: z.looseObject({ id: z.string(), label: z.string() }),
    items: z.array(z.looseObject({ id: z.string(), occurredOn: z.string() })),
    nextCursor: z.string().nullable(),
  })
  .openapi('ReportChipRecords');

export const ImportedReport = z
  .object({
    id: z.string(),
    personId: z.string().nullable(),
    year: z.number().nullable(),
    filename: z.string(),
    createdAt: z.string(),
    outline: ImportOutline,
  })
  .openapi('ImportedReport');
export const ImportSummary = z
  .object({
    id: z.string(),
    personId: z.string().nullable(),
    personName: z.string().nullable(),
    year: z.number().nullable(),
    filename: z.string(),
    numberCount: z.number(),
    placeholderCount: z.number(),
    createdBy: z.string().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
    canDelete: z.boolean(),
  })
  .openapi('ImportedReportSummary');
export const ImportListQuery = z.object({
  personId: z.uuid().optional().meta({ title: '人员' }),
  cursor: z.string().max(200).optional().meta({ title: '游标' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ title: '每页条数' }),
});
export const ImportQuery = z.object({
  filename: z.string().max(255).optional().meta({ title: '文件名' }),
  personId: z.uuid().optional().meta({ title: '人员' }),
  year: z.coerce.number().int().min(1990).max(2100).optional().meta({ title: '年度' }),
});
export const CompareQuery = z.object({ reportId: uuid('述职报告') });
export const Comparison = ReportComparison;

export const Template = z
  .object({
    id: z.string(),
    role: z.string().nullable(),
    name: z.string(),
    version: z.number(),
    definition: reportTemplateSchema,
    updatedAt: z.string(),
  })
  .openapi('ReportTemplate');
export const TemplateUpdate = z.object({
  version,
  definition: z.looseObject({}).meta({ title: '模板内容' }),
});
export const TemplateFromImport = z.object({
  importId: uuid('导入的报告'),
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,59}$/, '模板编号只能由小写字母、数字、下划线和连字符组成')
    .meta({ title: '模板编号' }),
  name: z.string().trim().min(1).max(60).optional().meta({ title: '模板名称' }),
});

export const ChipPreviewBody = z.object({
  metricId: z.string().min(1).max(120).meta({ title: '指标' }),
  from: z.iso.date().meta({ title: '统计起始日' }),
  to: z.iso.date().meta({ title: '统计截止日' }),
});
const ChipMetric = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.string(),
  group: z.string(),
  portfolio: z.string().nullable(),
  description: z.string().nullable(),
});
export const ChipCatalogue = z
  .object({
    metrics: z.array(ChipMetric),
    periods: z.array(
      z.object({ key: z.string(), label: z.string(), from: z.string(), to: z.string() }),
    ),
    scope: z.object({ ledger: z.string(), appeals: z.string() }),
  })
  .openapi('ReportChipCatalogue');
export const ChipPreview = z
  .object({
    chip: ChipRecords.shape.chip.extend({ type: z.literal('metric') }),
    metric: ChipMetric,
  })
  .openapi('ReportChipPreview');

export const TemplatePreviewBody = z.object({
  personId: uuid('人员'),
  year,
  definition: z.looseObject({}).meta({ title: '模板内容' }),
});
export const TemplatePreview = z
  .object({ personName: z.string(), document: Document, lint: LintResult })
  .openapi('ReportTemplatePreview');
