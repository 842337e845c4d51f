/**
 * 四事 (`villager_matter`) as data: 说事 raised at a regular session, 议事 deliberated at a meeting,
 * 办事 acted on by an owner, 评事 evaluated by the villagers, then closed.
 */
import type { KindInput } from '../schema.ts';

export const VILLAGER_MATTER_KIND = {
  kind: 'villager_matter',
  label: '四事（说事、议事、办事、评事）',
  description: '村民说事：定期说事会收集事项，村民议事会议定，明确责任人办理，群众评议。',
  states: [
    { id: 'raised', label: '已说事待议事' },
    { id: 'deliberated', label: '已议定待办事' },
    { id: 'acting', label: '办事中' },
    { id: 'done', label: '已办结待评事' },
    { id: 'closed', label: '已评议结案', terminal: true },
    { id: 'shelved', label: '议定不予办理', terminal: true },
  ],
  initial: {
    id: 'raise',
    label: '说事',
    state: 'raised',
    roles: ['village_cadre', 'staff'],
    fields: [
      { name: 'sessionDate', label: '说事日期', type: 'date' },
      { name: 'raisedBy', label: '说事村民', type: 'string' },
      { name: 'content', label: '所说事项', type: 'text' },
    ],
  },
  transitions: [
    {
      id: 'deliberate',
      label: '议事',
      from: ['raised'],
      to: 'deliberated',
      roles: ['village_cadre'],
      fields: [
        { name: 'meetingDate', label: '议事日期', type: 'date' },
        { name: 'attendees', label: '参会人员', type: 'string_list' },
        { name: 'decision', label: '议定事项', type: 'text' },
      ],
    },
    {
      id: 'shelve',
      label: '不予办理',
      from: ['deliberated'],
      to: 'shelved',
      roles: ['village_cadre'],
      fields: [{ name: 'shelveReason', label: '不予办理理由', type: 'text' }],
    },
    {
      id: 'act',
      label: '办事',
      from: ['deliberated'],
      to: 'acting',
      roles: ['village_cadre'],
      fields: [
        { name: 'ownerId', label: '办事责任人', type: 'person_id', who: 'local_cadre' },
        { name: 'steps', label: '办理步骤', type: 'text' },
      ],
      assign: { owner: 'ownerId' },
    },
    {
      id: 'report_progress',
      label: '记录进展',
      from: ['acting'],
      to: null,
      roles: ['owner', 'village_cadre'],
      fields: [{ name: 'progress', label: '办理进展', type: 'text' }],
      recordFields: false,
    },
    {
      id: 'finish',
      label: '办结',
      from: ['acting'],
      to: 'done',
      roles: ['owner', 'village_cadre'],
      fields: [
        { name: 'result', label: '办理结果', type: 'text' },
        { name: 'spent', label: '花费金额', type: 'money', required: false },
      ],
    },
    {
      id: 'evaluate',
      label: '评事',
      from: ['done'],
      to: 'closed',
      roles: ['village_cadre'],
      fields: [
        {
          name: 'rating',
          label: '群众评议',
          type: 'enum',
          options: ['满意', '基本满意', '不满意'],
        },
        { name: 'evaluationNote', label: '评议意见', type: 'text', required: false },
      ],
    },
  ],
  clocks: [
    {
      id: 'deliberate',
      label: '议事时限',
      startOn: ['raise'],
      stopOn: ['deliberate'],
      rule: { amount: 30, unit: 'calendar_days' },
    },
    {
      id: 'act',
      label: '办事时限',
      startOn: ['act'],
      stopOn: ['finish'],
      rule: { amount: 20, unit: 'working_days' },
    },
  ],
  // How its matters count: 议事 is the first response, the 办事责任人 handles, 评事 is the rating.
  kpi: {
    responseClock: 'deliberate',
    completeClock: 'act',
    closedStates: ['closed', 'shelved'],
    handler: { slot: 'owner' },
    satisfactionField: 'rating',
  },
  appeal: true,
  analysis: true,
  report: { label: '四事工作法议事事项', object: '村民议事事项' },
} satisfies KindInput;
