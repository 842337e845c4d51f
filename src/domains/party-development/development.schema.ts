/** zod shapes of 发展党员's API (Chinese titles name the fields in 422s). */
import { z } from '@hono/zod-openapi';
import { FIELD_TYPES } from '../../core/workflow/index.ts';
import { TownParams } from '../../http/openapi.ts';

export const CandidateParams = TownParams.extend({
  id: z
    .uuid()
    .meta({ title: '发展党员对象' })
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const payload = z
  .record(z.string().max(40), z.unknown())
  .meta({ title: '填写内容' })
  .refine((p) => JSON.stringify(p).length <= 20_000, { message: '填写内容过长' });
const note = z.string().trim().max(500).optional().meta({ title: '备注' });

export const ApplyInput = z.object({ payload, note }).openapi('MemberDevelopmentApply');

export const StepInput = z
  .object({
    action: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(40)
      .meta({ title: '操作' }),
    version: z.number().int().min(1).meta({ title: '版本' }),
    payload,
    note,
  })
  .openapi('MemberDevelopmentStep');

export const ListQuery = z.object({
  branchId: z.uuid().optional().meta({ title: '党支部' }),
  state: z.string().max(40).optional().meta({ title: '阶段' }),
});

export const YearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).meta({ title: '年度' }),
});

const Due = z
  .object({
    label: z.string(),
    dueAt: z.string(),
    overdue: z.boolean(),
    passive: z.boolean(),
  })
  .nullable();

export const CandidateSummary = z
  .object({
    id: z.uuid(),
    branchId: z.uuid(),
    branchName: z.string(),
    personName: z.string(),
    birthDate: z.string(),
    occupation: z.string().nullable(),
    state: z.string(),
    stateLabel: z.string(),
    appliedOn: z.string(),
    stageOn: z.string(),
    version: z.number(),
    nextStep: z.string().nullable(),
    due: Due,
    imported: z.boolean(),
  })
  .openapi('MemberCandidateSummary');

const FieldSpec = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
});

export const CandidateDetail = CandidateSummary.extend({
  fields: z.record(z.string(), z.unknown()),
  steps: z.array(z.object({ id: z.string(), label: z.string(), done: z.boolean() })),
  actions: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      to: z.string(),
      fields: z.array(FieldSpec),
      enabled: z.boolean(),
      reason: z.string().optional(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      label: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      fromLabel: z.string().nullable(),
      toLabel: z.string(),
      onDate: z.string().nullable(),
      actorName: z.string().nullable(),
      at: z.string(),
      note: z.string().nullable(),
      payload: z.record(z.string(), z.unknown()),
      imported: z.boolean(),
    }),
  ),
}).openapi('MemberCandidateDetail');

export const Funnel = z
  .object({
    year: z.number(),
    stages: z.array(z.object({ id: z.string(), label: z.string() })),
    rows: z.array(
      z.object({
        branchId: z.string(),
        branchName: z.string(),
        counts: z.record(z.string(), z.number()),
      }),
    ),
    total: z.record(z.string(), z.number()),
  })
  .openapi('MemberDevelopmentFunnel');

export const ImportResult = z
  .object({
    imported: z.number(),
    skipped: z.array(
      z.object({ recordId: z.string(), personName: z.string(), reason: z.string() }),
    ),
  })
  .openapi('MemberDevelopmentImport');
