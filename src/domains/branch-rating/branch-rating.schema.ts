/** zod shapes of 党支部星级评定 (Chinese titles name the fields in 422s). */
import { z } from '@hono/zod-openapi';
import { TownParams } from '../../http/openapi.ts';

const Year = z.coerce.number().int().min(2000).max(2100).meta({ title: '年度' });

export const YearParams = TownParams.extend({
  year: Year.openapi({ param: { name: 'year', in: 'path' } }),
});
export const RatingParams = YearParams.extend({
  branchId: z
    .uuid()
    .meta({ title: '党支部' })
    .openapi({ param: { name: 'branchId', in: 'path' } }),
});

const Indicator = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,29}$/, '指标标识只能由小写字母、数字和下划线组成')
    .meta({ title: '指标标识' }),
  name: z.string().trim().min(1).max(20).meta({ title: '指标名称' }),
  weight: z.number().int().min(1).max(100).meta({ title: '权重' }),
  hint: z.string().trim().max(100).default('').meta({ title: '评分要点' }),
});
const Threshold = z.object({
  stars: z.number().int().min(1).max(5).meta({ title: '星级' }),
  minScore: z.number().min(0).max(100).meta({ title: '最低分' }),
});

export const SchemeInput = z
  .object({
    version: z.number().int().min(0).meta({ title: '版本' }),
    indicators: z.array(Indicator).min(1).max(12).meta({ title: '评定指标' }),
    thresholds: z.array(Threshold).min(1).max(5).meta({ title: '星级分数线' }),
  })
  .openapi('BranchRatingSchemeInput');

export const Scheme = z
  .object({
    year: z.number(),
    custom: z.boolean(),
    version: z.number(),
    indicators: z.array(
      z.object({ code: z.string(), name: z.string(), weight: z.number(), hint: z.string() }),
    ),
    thresholds: z.array(z.object({ stars: z.number(), minScore: z.number() })),
  })
  .openapi('BranchRatingScheme');

export const RatingInput = z
  .object({
    version: z.number().int().min(1).optional().meta({ title: '版本' }),
    scores: z
      .array(
        z.object({
          indicator: z.string().max(30).meta({ title: '评定指标' }),
          score: z.number().min(0).max(100).meta({ title: '得分' }),
          evidence: z
            .array(z.uuid().meta({ title: '佐证材料' }))
            .max(50)
            .default([]),
          note: z.string().trim().max(200).optional().meta({ title: '评分说明' }),
        }),
      )
      .min(1)
      .max(12)
      .meta({ title: '各项得分' }),
    remark: z.string().trim().max(500).optional().meta({ title: '备注' }),
  })
  .openapi('BranchRatingInput');

const Evidence = z.object({ id: z.string(), label: z.string() });
export const Ratings = z
  .object({
    scheme: Scheme,
    branches: z.array(
      z.object({
        branchId: z.string(),
        branchName: z.string(),
        village: z.string().nullable(),
        history: z.array(z.object({ year: z.number(), stars: z.number().nullable() })),
        lastYearStars: z.number().nullable(),
        rating: z
          .object({
            recordId: z.string(),
            version: z.number(),
            total: z.number(),
            stars: z.number(),
            movement: z.enum(['up', 'down', 'same']).nullable(),
            remark: z.string().nullable(),
            scores: z.array(
              z.object({
                indicator: z.string(),
                score: z.number(),
                note: z.string().nullable(),
                evidence: z.array(Evidence),
              }),
            ),
          })
          .nullable(),
      }),
    ),
  })
  .openapi('BranchRatings');

export const Suggestion = z
  .object({
    score: z.number(),
    required: z.number(),
    missing: z.number(),
    attendanceRate: z.number().nullable(),
    evidence: z.array(Evidence),
  })
  .openapi('OrgLifeSuggestion');

export const EvidenceChoices = z.object({ items: z.array(Evidence) }).openapi('RatingEvidence');
