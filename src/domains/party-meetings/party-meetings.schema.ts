/** zod shapes of 三会一课 / 主题党日 (Chinese titles name the fields in 422s). */
import { z } from '@hono/zod-openapi';
import { MEETING_TYPES } from '../../core/party/meetings.ts';
import { TownParams } from '../../http/openapi.ts';

const isoDate = (title: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .meta({ title });
const pathId = (name: string, title: string) =>
  z
    .uuid()
    .meta({ title })
    .openapi({ param: { name, in: 'path' } });

export const MeetingParams = TownParams.extend({ id: pathId('id', '会议') });
export const BranchParams = TownParams.extend({ branchId: pathId('branchId', '党支部') });

const MeetingType = z.enum(MEETING_TYPES).meta({ title: '会议类型' });
const ActivityForm = z
  .enum(['study', 'service', 'red_education', 'visit', 'other'])
  .meta({ title: '活动形式' });

export const AttendanceInput = z.object({
  memberId: z.uuid().meta({ title: '党员' }),
  present: z.boolean().meta({ title: '出席' }),
  reason: z.string().trim().max(100).optional().meta({ title: '缺席原因' }),
});

export const MeetingInput = z
  .object({
    branchId: z.uuid().meta({ title: '党支部' }),
    meetingType: MeetingType,
    heldOn: isoDate('召开日期'),
    topic: z.string().trim().min(1).max(100).meta({ title: '会议主题' }),
    activityForm: ActivityForm.optional(),
    minutes: z.string().trim().max(4000).optional().meta({ title: '会议记录' }),
    photos: z
      .array(z.uuid().meta({ title: '照片' }))
      .max(20)
      .default([])
      .meta({ title: '照片' }),
    attendance: z.array(AttendanceInput).min(1).max(500).meta({ title: '出勤情况' }),
  })
  .openapi('PartyMeetingInput');
export type MeetingInputT = z.infer<typeof MeetingInput>;

export const MeetingUpdate = MeetingInput.extend({
  version: z.number().int().min(1).meta({ title: '版本' }),
}).openapi('PartyMeetingUpdate');

export const VersionQuery = z.object({
  version: z.coerce.number().int().min(1).meta({ title: '版本' }),
});

export const MeetingListQuery = z.object({
  from: isoDate('开始日期'),
  to: isoDate('结束日期'),
  branchId: z.uuid().optional().meta({ title: '党支部' }),
});

const Attendance = z.object({
  memberId: z.string(),
  name: z.string(),
  present: z.boolean(),
  reason: z.string().nullable(),
});

export const MeetingSummary = z
  .object({
    id: z.string(),
    branchId: z.string(),
    branchName: z.string(),
    meetingType: MeetingType,
    typeLabel: z.string(),
    heldOn: z.string(),
    topic: z.string(),
    expected: z.number(),
    present: z.number(),
    /** Whether members were ticked one by one (else counts only: older ledger records). */
    roll: z.boolean(),
    version: z.number(),
  })
  .openapi('PartyMeetingSummary');

export const MeetingView = MeetingSummary.extend({
  activityForm: z.string().nullable(),
  minutes: z.string().nullable(),
  photos: z.array(z.string()),
  attendance: z.array(Attendance),
}).openapi('PartyMeeting');

export const Branch = z.object({
  id: z.string(),
  name: z.string(),
  village: z.string().nullable(),
});
export const Member = z.object({
  id: z.string(),
  name: z.string(),
  committee: z.boolean(),
});
export const Roster = z
  .object({ branchId: z.string(), members: z.array(Member) })
  .openapi('PartyRoster');
export const RosterInput = z
  .object({
    members: z
      .array(
        z.object({
          id: z.uuid().optional().meta({ title: '党员' }),
          name: z.string().trim().min(1).max(30).meta({ title: '姓名' }),
          committee: z.boolean().default(false).meta({ title: '支委委员' }),
        }),
      )
      .max(500)
      .meta({ title: '党员名册' }),
  })
  .openapi('PartyRosterInput');

export const RequirementItem = z.object({
  meetingType: MeetingType,
  period: z.enum(['month', 'quarter']).meta({ title: '周期' }),
  times: z.number().int().min(0).max(31).meta({ title: '次数' }),
});
export const Requirements = z
  .object({
    items: z.array(RequirementItem.extend({ label: z.string() })),
    version: z.string().meta({ title: '版本', description: '修改时原样提交，他人已修改则答 409' }),
  })
  .openapi('MeetingRequirements');
export const RequirementsInput = z
  .object({
    version: z.string().min(1).max(64).meta({ title: '版本' }),
    items: z.array(RequirementItem).min(1).max(MEETING_TYPES.length).meta({ title: '频次要求' }),
  })
  .openapi('MeetingRequirementsInput');

export const OverviewQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).meta({ title: '年度' }),
  quarter: z.coerce.number().int().min(1).max(4).meta({ title: '季度' }),
});

const TypeFigure = z.object({
  meetingType: MeetingType,
  label: z.string(),
  held: z.number(),
  required: z.number(),
  missing: z.number(),
});
export const Overview = z
  .object({
    year: z.number(),
    quarter: z.number(),
    from: z.string(),
    to: z.string(),
    branches: z.array(
      z.object({
        branchId: z.string(),
        branchName: z.string(),
        village: z.string().nullable(),
        types: z.array(TypeFigure),
        held: z.number(),
        missing: z.number(),
        expected: z.number(),
        present: z.number(),
        attendanceRate: z.number().nullable(),
      }),
    ),
  })
  .openapi('PartyQuarterOverview');

export const MeetingReminders = z
  .object({
    items: z.array(
      z.object({
        branchId: z.string(),
        branchName: z.string(),
        meetingType: z.enum(MEETING_TYPES),
        typeLabel: z.string(),
        periodLabel: z
          .string()
          .meta({ title: '期间', description: '如 2026年12月、2026年第四季度' }),
        periodEnd: z.string(),
        held: z.number(),
        required: z.number(),
      }),
    ),
  })
  .openapi('PartyMeetingReminders');
