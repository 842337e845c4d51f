/**
 * Test fixture: one ledger type using every field type, shared by the ledger and metrics tests.
 */
import { ledgerTypeSchema, type LedgerType } from '../core/ledger/type.ts';

export const UNIT = '0190a000-0000-7000-8000-00000000000a';
export const PERSON = '0190a000-0000-7000-8000-00000000000b';
export const FILE = '0190a000-0000-7000-8000-00000000000c';

export const sampleType: LedgerType = ledgerTypeSchema.parse({
  code: 'sample_visit',
  name: '走访记录',
  portfolio: 'civil_affairs',
  description: '测试用台账类型',
  version: 1,
  fields: [
    { key: 'title', label: '事项', type: 'text', required: true, maxLength: 10, unique: true },
    { key: 'notes', label: '情况', type: 'long_text' },
    { key: 'people', label: '人数', type: 'number', unit: '人', integer: true, min: 0, max: 1000 },
    { key: 'hours', label: '时长', type: 'number', unit: '小时' },
    { key: 'amount', label: '金额', type: 'money', min: 0 },
    { key: 'visited_on', label: '走访日期', type: 'date', required: true, min: '2000-01-01' },
    {
      key: 'kind',
      label: '类别',
      type: 'enum',
      options: [
        { code: 'home', label: '入户' },
        { code: 'phone', label: '电话' },
      ],
    },
    { key: 'done', label: '已办结', type: 'boolean' },
    { key: 'visitor', label: '走访人', type: 'person' },
    { key: 'village', label: '村', type: 'unit' },
    { key: 'files', label: '附件', type: 'attachment', maxCount: 2 },
  ],
  defaultSort: { field: 'visited_on', direction: 'desc' },
  dateField: 'visited_on',
  unitField: 'village',
  personField: 'visitor',
  metrics: [],
});
