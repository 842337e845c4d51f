/**
 * 三会一课 / 主题党日 under `/api/v1/towns/{townId}/party/…`: branches in sight, rosters, meetings
 * with their roll call, required frequencies and the quarter overview per branch.
 */
import { api, type RequestBody, type Schemas } from './client.ts';

export type MeetingSummary = Schemas['PartyMeetingSummary'];
export type Meeting = Schemas['PartyMeeting'];
export type MeetingInput = RequestBody<'/api/v1/towns/{townId}/party/meetings', 'post'>;
export type Roster = Schemas['PartyRoster'];
export type RosterInput = Schemas['PartyRosterInput'];
export type QuarterOverview = Schemas['PartyQuarterOverview'];
export type Requirements = Schemas['MeetingRequirements'];

const town = (townId: string) => ({ params: { path: { townId } } });
const meeting = (townId: string, id: string) => ({ params: { path: { townId, id } } });
const branch = (townId: string, branchId: string) => ({ params: { path: { townId, branchId } } });

export const MEETING_TYPE_OPTIONS = [
  { value: 'member_assembly', label: '支部党员大会' },
  { value: 'committee', label: '支部委员会' },
  { value: 'group', label: '党小组会' },
  { value: 'party_lecture', label: '党课' },
  { value: 'theme_day', label: '主题党日' },
] as const;

export const ACTIVITY_FORM_OPTIONS = [
  { value: 'study', label: '学习研讨' },
  { value: 'service', label: '志愿服务' },
  { value: 'red_education', label: '红色教育' },
  { value: 'visit', label: '走访慰问' },
  { value: 'other', label: '其他' },
] as const;

export const partyApi = {
  branches: (townId: string) => api.GET('/api/v1/towns/{townId}/party/branches', town(townId)),
  roster: (townId: string, branchId: string) =>
    api.GET('/api/v1/towns/{townId}/party/branches/{branchId}/roster', branch(townId, branchId)),
  saveRoster: (townId: string, branchId: string, body: RosterInput) =>
    api.PUT('/api/v1/towns/{townId}/party/branches/{branchId}/roster', {
      ...branch(townId, branchId),
      body,
    }),
  meetings: (townId: string, query: { from: string; to: string; branchId?: string }) =>
    api.GET('/api/v1/towns/{townId}/party/meetings', { params: { path: { townId }, query } }),
  meeting: (townId: string, id: string) =>
    api.GET('/api/v1/towns/{townId}/party/meetings/{id}', meeting(townId, id)),
  create: (townId: string, body: MeetingInput) =>
    api.POST('/api/v1/towns/{townId}/party/meetings', { ...town(townId), body }),
  update: (townId: string, id: string, body: MeetingInput & { version: number }) =>
    api.PUT('/api/v1/towns/{townId}/party/meetings/{id}', { ...meeting(townId, id), body }),
  remove: (townId: string, id: string, version: number) =>
    api.DELETE('/api/v1/towns/{townId}/party/meetings/{id}', {
      params: { path: { townId, id }, query: { version } },
    }),
  overview: (townId: string, year: number, quarter: number) =>
    api.GET('/api/v1/towns/{townId}/party/quarter-overview', {
      params: { path: { townId }, query: { year, quarter } },
    }),
  requirements: (townId: string) =>
    api.GET('/api/v1/towns/{townId}/party/meeting-requirements', town(townId)),
  saveRequirements: (townId: string, body: Schemas['MeetingRequirementsInput']) =>
    api.PUT('/api/v1/towns/{townId}/party/meeting-requirements', { ...town(townId), body }),
};

export type MeetingReminder = Schemas['PartyMeetingReminders']['items'][number];
export const meetingRemindersOf = (townId: string) =>
  api.GET('/api/v1/towns/{townId}/party/meeting-reminders', town(townId));
