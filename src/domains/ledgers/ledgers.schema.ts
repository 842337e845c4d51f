/**
 * API shapes of ledgers: type definitions as the form builder sends them (fully validated by the
 * core ledger type schema in the service), records, list queries and attachments.
 */
import { z } from '@hono/zod-openapi';
import { ledgerTypeSchema, portfolioCodes } from '../../core/ledger/type.ts';

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, '标识只能由小写字母、数字和下划线组成');

export const TypeParams = z.object({
  townId: z
    .uuid()
    .meta({ title: '乡镇' })
    .openapi({ param: { name: 'townId', in: 'path' } }),
  code: key
    .max(60)
    .meta({ title: '台账类型' })
    .openapi({ param: { name: 'code', in: 'path' } }),
});
export const RecordParams = TypeParams.extend({
  id: z
    .uuid()
    .meta({ title: '记录' })
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const LedgerTypeSummary = z
  .object({
    code: z.string(),
    name: z.string(),
    portfolio: z.string(),
    description: z.string(),
    version: z.number().int(),
    fieldCount: z.number().int(),
    metricCount: z.number().int(),
  })
  .openapi('LedgerTypeSummary');

const FieldDefinition = z
  .looseObject({
    key: key.meta({ title: '字段标识' }),
    label: z.string().min(1).max(30).meta({ title: '字段名称' }),
    type: z
      .enum([
        'text',
        'long_text',
        'number',
        'money',
        'date',
        'enum',
        'boolean',
        'person',
        'unit',
        'attachment',
      ])
      .meta({ title: '字段类型' }),
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
  })
  .openapi('LedgerFieldDefinition');

/** A type as the form builder edits it; the service validates it against the core schema. */
export const LedgerTypeBody = z
  .looseObject({
    name: z.string().min(1).max(40).meta({ title: '台账名称' }),
    portfolio: z.enum(portfolioCodes).meta({ title: '分管领域' }),
    description: z.string().max(500).meta({ title: '说明' }),
    fields: z.array(FieldDefinition).min(1).meta({ title: '字段' }),
    dateField: key.meta({ title: '日期字段' }),
    unitField: key.optional().meta({ title: '单位字段' }),
    personField: key.optional().meta({ title: '责任人字段' }),
    defaultSort: z
      .object({ field: key, direction: z.enum(['asc', 'desc']) })
      .meta({ title: '默认排序' }),
    metrics: z.array(z.looseObject({})).optional().meta({ title: '指标' }),
    rules: z
      .array(z.looseObject({ kind: z.enum(['unique', 'date_gap']).meta({ title: '规则类型' }) }))
      .max(50)
      .optional()
      .meta({
        title: '规则',
        description:
          '组合唯一 {kind:"unique", fields:[…]}；' +
          '日期间隔 {kind:"date_gap", from, to, min:{years,months,days}, when?, required?, message?}。' +
          '修改时省略则沿用上一版本的规则',
      }),
  })
  .openapi('LedgerTypeBody');
export const LedgerTypeCreate = LedgerTypeBody.extend({
  code: key.max(60).meta({ title: '台账类型标识' }),
});
export const LedgerTypeUpdate = LedgerTypeBody.extend({
  baseVersion: z.number().int().min(1).meta({ title: '所修改的版本' }),
});

/** A type as stored (the core schema: fields, roles, metrics, rules) and its saved versions. */
export const LedgerTypeDetail = z
  .object({ ...ledgerTypeSchema.shape, versions: z.array(z.number().int()) })
  .openapi('LedgerType');

export const TypeQuery = z.object({
  version: z.coerce.number().int().min(1).optional().meta({ title: '版本' }),
});

export const LedgerRecord = z
  .object({
    id: z.string(),
    typeCode: z.string(),
    typeVersion: z.number().int(),
    unitId: z.string().nullable(),
    personId: z.string().nullable(),
    occurredOn: z.string(),
    data: z.record(z.string(), z.unknown()),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('LedgerRecord');

export const RecordCreate = z.object({
  data: z.record(z.string(), z.unknown()).meta({ title: '记录内容' }),
});
export const RecordUpdate = RecordCreate.extend({
  version: z.number().int().min(1).meta({ title: '版本' }),
});
export const VersionQuery = z.object({
  version: z.coerce.number().int().min(1).meta({ title: '版本' }),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Filters of a record list; `filters` is a JSON array of metric-style filters over fields. */
export const RecordListQuery = z.object({
  from: isoDate.optional().meta({ title: '开始日期' }),
  to: isoDate.optional().meta({ title: '结束日期' }),
  unitId: z.uuid().optional().meta({ title: '单位（含下级）' }),
  filters: z.string().max(4000).optional().meta({
    title: '字段筛选（JSON）',
    description:
      '如 [{"field":"level","op":"eq","value":"provincial"}]；op 为 eq/in/gte/lte/between/is_null/not_null',
  }),
  sort: key.optional().meta({ title: '排序字段' }),
  direction: z.enum(['asc', 'desc']).optional().meta({ title: '排序方向' }),
  cursor: z.string().max(400).optional().meta({ title: '游标' }),
  limit: z.coerce.number().int().min(1).max(500).default(50).meta({ title: '每页条数' }),
});
export type RecordListQueryInput = z.infer<typeof RecordListQuery>;

export const AttachmentParams = z.object({
  townId: z
    .uuid()
    .meta({ title: '乡镇' })
    .openapi({ param: { name: 'townId', in: 'path' } }),
  id: z
    .uuid()
    .meta({ title: '附件' })
    .openapi({ param: { name: 'id', in: 'path' } }),
});
export const Attachment = z
  .object({
    id: z.string(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
  })
  .openapi('Attachment');
export const ImportResult = z
  .object({ imported: z.number().int(), typeCode: z.string() })
  .openapi('LedgerImportResult');
