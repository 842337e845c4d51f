import { describe, expect, it } from 'vitest';
import {
  allChips,
  documentText,
  formatMetricValue,
  freezeDocument,
  headingMarkers,
  makeChip,
  metricKey,
  reportDocumentSchema,
  type ReportDocument,
} from './model.ts';
import { parseChineseNumeral, toChineseOrdinal } from './numerals.ts';

const doc: ReportDocument = {
  title: '述职报告',
  byline: '青石镇宣传委员 林晓岚',
  year: 2024,
  frozenAt: null,
  sections: [
    {
      id: 'opening',
      level: 0,
      heading: '',
      kind: 'opening',
      paragraphs: [{ inlines: [{ type: 'text', text: '现报告如下。' }] }],
    },
    { id: 'study', level: 1, heading: '理论学习', kind: 'study', paragraphs: [] },
    { id: 'duty', level: 1, heading: '履职情况', kind: 'duty', paragraphs: [] },
    {
      id: 'duty:propaganda',
      level: 2,
      heading: '宣传工作',
      kind: 'duty',
      portfolio: 'propaganda',
      paragraphs: [
        {
          inlines: [
            { type: 'text', text: '全年报送稿件' },
            makeChip('propaganda.items', { year: 2024 }, 86, '篇'),
            { type: 'text', text: '。' },
          ],
        },
      ],
    },
    { id: 'duty:org', level: 2, heading: '组织工作', kind: 'duty', paragraphs: [] },
    { id: 'x', level: 3, heading: '细项', kind: 'custom', paragraphs: [] },
    { id: 'integrity', level: 1, heading: '廉洁自律', kind: 'integrity', paragraphs: [] },
  ],
};

describe('report document model', () => {
  it('validates with zod and rejects an unknown inline type', () => {
    expect(reportDocumentSchema.parse(doc)).toEqual(doc);
    const bad = structuredClone(doc) as unknown as {
      sections: Array<{ paragraphs: Array<{ inlines: unknown[] }> }>;
    };
    bad.sections[0]!.paragraphs[0]!.inlines.push({ type: 'image' });
    expect(reportDocumentSchema.safeParse(bad).success).toBe(false);
  });

  it('numbers headings by level from their order', () => {
    expect(headingMarkers(doc.sections)).toEqual([
      '',
      '一、',
      '二、',
      '（一）',
      '（二）',
      '1.',
      '三、',
    ]);
  });

  it('flattens to plain text with chips as their display', () => {
    expect(documentText(doc)).toBe(
      '述职报告\n青石镇宣传委员 林晓岚\n现报告如下。\n一、理论学习\n二、履职情况\n（一）宣传工作\n全年报送稿件86篇。\n（二）组织工作\n1.细项\n三、廉洁自律',
    );
  });

  it('freezes chips by snapshotting values', () => {
    const frozen = freezeDocument(doc, () => 90, '2025-01-10T08:00:00Z');
    expect(allChips(frozen)[0]).toMatchObject({ value: 90, display: '90篇' });
    expect(frozen.frozenAt).toBe('2025-01-10T08:00:00Z');
    expect(allChips(doc)[0]!.value).toBe(86);
  });

  it('formats values and keys metrics independent of param order', () => {
    expect(formatMetricValue(95.44, '%')).toBe('95.4%');
    expect(formatMetricValue(null, '件')).toBe('〔待取数〕件');
    expect(metricKey('m', { b: 1, a: 2 })).toBe(metricKey('m', { a: 2, b: 1 }));
  });

  it('converts Chinese numerals both ways', () => {
    expect([1, 10, 12, 20, 99].map(toChineseOrdinal)).toEqual([
      '一',
      '十',
      '十二',
      '二十',
      '九十九',
    ]);
    expect(['十二', '三十', '两', '一百零五', '两万', '近'].map(parseChineseNumeral)).toEqual([
      12,
      30,
      2,
      105,
      20000,
      null,
    ]);
  });
});
