/** zod shapes of 民主测评's API (Chinese titles name the fields in 422s). */
import { z } from '@hono/zod-openapi';
import { ITEMS, SCALE_CODES } from '../../core/appraisal/ballot.ts';
import { TownParams } from '../../http/openapi.ts';

const uuidParam = (name: string, title: string) =>
  z
    .uuid()
    .meta({ title })
    .openapi({ param: { name, in: 'path' } });

export const RoundParams = TownParams.extend({ id: uuidParam('id', '测评轮次') });
export const GroupParams = RoundParams.extend({ groupId: uuidParam('groupId', '参评人员类别') });
export const PersonParams = TownParams.extend({ personId: uuidParam('personId', '人员') });

export const RoundInput = z
  .object({
    year: z.number().int().min(2000).max(2100).meta({ title: '年度' }),
    title: z.string().trim().min(1).max(60).meta({ title: '测评名称' }),
    scale: z.enum(SCALE_CODES as ['excellent4', 'good4']).meta({ title: '评价等次' }),
    withItems: z.boolean().default(false).meta({ title: '分项评价（德能勤绩廉）' }),
    capPercent: z.number().int().min(1).max(100).default(20).meta({ title: '优秀比例上限' }),
    people: z
      .array(z.uuid().meta({ title: '测评对象' }))
      .min(1)
      .max(200)
      .meta({ title: '测评对象' }),
    groups: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(40).meta({ title: '参评人员类别' }),
          ballots: z.number().int().min(1).max(2000).meta({ title: '票数' }),
        }),
      )
      .min(1)
      .max(20)
      .meta({ title: '参评人员类别' }),
  })
  .openapi('AppraisalRoundInput');

export const Versioned = z.object({ version: z.number().int().min(1).meta({ title: '版本' }) });
export const VersionQuery = z.object({
  version: z.coerce.number().int().min(1).meta({ title: '版本' }),
});
export const RoundUpdate = RoundInput.extend(Versioned.shape).openapi('AppraisalRoundUpdate');

const GradeCount = z.object({
  grade: z.string(),
  label: z.string(),
  count: z.number(),
  percent: z.number(),
});
const PersonTally = z.object({
  personId: z.string(),
  name: z.string(),
  ballots: z.number(),
  grades: z.array(GradeCount),
  items: z.array(z.object({ item: z.string(), label: z.string(), grades: z.array(GradeCount) })),
});
const Status = z.enum(['draft', 'open', 'closed']);
const Turnout = z.object({ ballots: z.number(), voted: z.number(), percent: z.number() });
const RoundBase = {
  id: z.string(),
  year: z.number(),
  title: z.string(),
  scale: z.enum(['excellent4', 'good4']),
  withItems: z.boolean(),
  capPercent: z.number(),
  status: Status,
  refusedOverCap: z.number(),
  version: z.number(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  turnout: Turnout,
};

export const RoundSummary = z
  .object({ ...RoundBase, people: z.number() })
  .openapi('AppraisalRoundSummary');

export const RoundView = z
  .object({
    ...RoundBase,
    people: z.array(z.object({ personId: z.string(), name: z.string() })),
    groups: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        ballots: z.number(),
        voted: z.number(),
        percent: z.number(),
      }),
    ),
    cap: z.number(),
    tally: z
      .object({
        ballots: z.number(),
        cap: z.number(),
        overCap: z.number(),
        people: z.array(PersonTally),
      })
      .nullable(),
  })
  .openapi('AppraisalRound');

export const IssuedTokens = z
  .object({ groupId: z.string(), groupName: z.string(), tokens: z.array(z.string()) })
  .openapi('AppraisalTokens');

export const PersonResult = PersonTally.extend({
  roundId: z.string(),
  year: z.number(),
  title: z.string(),
  scale: z.enum(['excellent4', 'good4']),
}).openapi('AppraisalPersonResult');

export const TokenBody = z.object({
  token: z
    .string()
    .min(16)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .meta({ title: '二维码' }),
});

const Grade = z.string().max(20).meta({ title: '等次' });
export const BallotBody = TokenBody.extend({
  marks: z
    .array(
      z.object({
        personId: z.string().max(40).meta({ title: '测评对象' }),
        grade: Grade,
        items: z
          .partialRecord(z.enum(ITEMS.map((i) => i.value) as [string, ...string[]]), Grade)
          .optional(),
      }),
    )
    .max(200)
    .meta({ title: '评价' }),
}).openapi('AppraisalBallot');

export const BallotForm = z
  .object({
    title: z.string(),
    year: z.number(),
    scale: z.enum(['excellent4', 'good4']),
    grades: z.array(z.object({ value: z.string(), label: z.string() })),
    items: z.array(z.object({ value: z.string(), label: z.string() })),
    capPercent: z.number(),
    cap: z.number(),
    people: z.array(z.object({ personId: z.string(), name: z.string() })),
  })
  .openapi('AppraisalBallotForm');
