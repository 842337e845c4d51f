import { describe, expect, it } from 'vitest';
import { composeReport } from './compose.ts';
import {
  allChips,
  documentText,
  makeChip,
  reportDocumentSchema,
  sectionText,
  type ReportDocument,
  type Section,
} from './model.ts';
import { headingMarkers, stripHeadingMarker } from './numbering.ts';
import {
  addSection,
  canMoveSection,
  moveSection,
  removeSection,
  renameSection,
  restoreOutline,
  subtreeContent,
  subtreeEnd,
  uniqueSectionId,
} from './outline.ts';
import { exportMarkdown } from './export-text.ts';
import { sampleComposeInput } from './sample-input.ts';

const text = (t: string) => ({ inlines: [{ type: 'text' as const, text: t }] });
const sec = (
  id: string,
  level: number,
  heading: string,
  extra: Partial<Section> = {},
): Section => ({
  id,
  level,
  heading,
  kind: 'duty',
  paragraphs: [text(`${id}正文`)],
  ...extra,
});

const doc: ReportDocument = {
  title: '述职报告',
  year: 2025,
  frozenAt: null,
  sections: [
    sec('opening', 0, '', { kind: 'opening' }),
    sec('study', 1, '理论学习', { kind: 'study', templateSectionId: 'study' }),
    sec('duty', 1, '履职情况', { templateSectionId: 'duty', paragraphs: [] }),
    sec('duty:a', 2, '宣传工作', {
      templateSectionId: 'duty',
      portfolio: 'propaganda',
      paragraphs: [
        {
          inlines: [
            { type: 'text', text: '报送稿件' },
            makeChip('ledger.x.count', { from: '2025-01-01', to: '2025-12-31' }, 86, '篇'),
            { type: 'text', text: '。' },
          ],
        },
      ],
    }),
    sec('duty:a:1', 3, '网络宣传', { templateSectionId: 'duty' }),
    sec('duty:b', 2, '组织工作', { templateSectionId: 'duty' }),
    sec('integrity', 1, '廉洁自律', { kind: 'integrity' }),
  ],
};

const ids = (d: ReportDocument) => d.sections.map((s) => s.id);
const outline = (d: ReportDocument) => {
  const m = headingMarkers(d.sections);
  return d.sections
    .filter((s) => s.level > 0)
    .map((s) => `${m[d.sections.indexOf(s)]}${s.heading}`);
};
/** Every section's paragraphs by id: what an outline edit must never change for the others. */
const bodies = (d: ReportDocument) =>
  Object.fromEntries(d.sections.map((s) => [s.id, JSON.stringify(s.paragraphs)]));

describe('outline editing', () => {
  it('numbers headings per level in the official style, restarting under each parent', () => {
    expect(outline(doc)).toEqual([
      '一、理论学习',
      '二、履职情况',
      '（一）宣传工作',
      '1.网络宣传',
      '（二）组织工作',
      '三、廉洁自律',
    ]);
  });

  it('adds a subsection as the last child, inheriting its parent’s part of the template', () => {
    const next = addSection(doc, 'duty:a', 'child', { id: 'new', heading: '2、新媒体矩阵' });
    expect(ids(next)).toEqual([
      'opening',
      'study',
      'duty',
      'duty:a',
      'duty:a:1',
      'new',
      'duty:b',
      'integrity',
    ]);
    expect(next.sections[5]).toMatchObject({
      level: 3,
      heading: '新媒体矩阵',
      kind: 'duty',
      templateSectionId: 'duty',
      portfolio: 'propaganda',
      paragraphs: [],
    });
    expect(outline(next)).toContain('2.新媒体矩阵');
    expect(exportMarkdown(next)).toContain('#### 2.新媒体矩阵');
    expect(reportDocumentSchema.parse(next)).toEqual(next);
    for (const [id, body] of Object.entries(bodies(doc))) expect(bodies(next)[id], id).toBe(body);
  });

  it('adds a sibling after the whole subtree, renumbering the sections after it', () => {
    const next = addSection(doc, 'duty', 'sibling', {
      id: 'law',
      heading: '学法用法',
      kind: 'law',
    });
    expect(ids(next).indexOf('law')).toBe(ids(doc).indexOf('integrity'));
    expect(next.sections.find((s) => s.id === 'law')).toMatchObject({ level: 1, kind: 'law' });
    expect(outline(next).slice(-2)).toEqual(['三、学法用法', '四、廉洁自律']);
    const afterOpening = addSection(doc, 'opening', 'sibling', { id: 'x', heading: '总体情况' });
    expect(afterOpening.sections[1]).toMatchObject({ id: 'x', level: 1, kind: 'custom' });
    expect(outline(afterOpening)[0]).toBe('一、总体情况');
  });

  it('refuses levels deeper than 1. and duplicate ids', () => {
    expect(addSection(doc, 'duty:a:1', 'child', { id: 'deep', heading: '太深' })).toBe(doc);
    expect(() => addSection(doc, 'duty', 'child', { id: 'study', heading: '重复' })).toThrow();
    expect(uniqueSectionId(doc, 'study')).toBe('study-2');
    expect(uniqueSectionId(doc, 'fresh')).toBe('fresh');
  });

  it('renames without a typed number marker, and never titles the opening', () => {
    expect(renameSection(doc, 'study', '（三）加强理论武装').sections[1]!.heading).toBe(
      '加强理论武装',
    );
    expect(renameSection(doc, 'opening', '开头').sections[0]!.heading).toBe('');
    expect(
      ['一、学习', '（二）宣传', '3. 组织', '1、党建', '二是落实', '（1）细项', '学习'].map(
        stripHeadingMarker,
      ),
    ).toEqual(['学习', '宣传', '组织', '党建', '落实', '细项', '学习']);
  });

  it('moves a section with its subsections among its siblings, keeping chips and text', () => {
    const up = moveSection(doc, 'duty:b', 'up');
    expect(ids(up)).toEqual([
      'opening',
      'study',
      'duty',
      'duty:b',
      'duty:a',
      'duty:a:1',
      'integrity',
    ]);
    expect(outline(up)).toEqual([
      '一、理论学习',
      '二、履职情况',
      '（一）组织工作',
      '（二）宣传工作',
      '1.网络宣传',
      '三、廉洁自律',
    ]);
    expect(bodies(up)).toEqual(bodies(doc));
    expect(allChips(up)).toEqual(allChips(doc));
    const down = moveSection(doc, 'study', 'down');
    expect(ids(down)).toEqual([
      'opening',
      'duty',
      'duty:a',
      'duty:a:1',
      'duty:b',
      'study',
      'integrity',
    ]);
    expect(moveSection(down, 'study', 'up')).toEqual(doc);
  });

  it('does not move past a parent, the opening or the ends', () => {
    expect(canMoveSection(doc, 'duty:a', 'up')).toBe(false);
    expect(canMoveSection(doc, 'duty:a:1', 'down')).toBe(false);
    expect(canMoveSection(doc, 'study', 'up')).toBe(false);
    expect(canMoveSection(doc, 'integrity', 'down')).toBe(false);
    expect(canMoveSection(doc, 'opening', 'down')).toBe(false);
    expect(moveSection(doc, 'study', 'up')).toBe(doc);
  });

  it('deletes a section with its subsections only, and says what goes with it', () => {
    expect(subtreeContent(doc, 'duty:a')).toEqual({ sections: 2, paragraphs: 2, chips: 1 });
    const next = removeSection(doc, 'duty:a');
    expect(ids(next)).toEqual(['opening', 'study', 'duty', 'duty:b', 'integrity']);
    expect(outline(next)).toContain('（一）组织工作');
    for (const [id, body] of Object.entries(bodies(next))) expect(body, id).toBe(bodies(doc)[id]);
    expect(removeSection(doc, 'opening')).toBe(doc);
    expect(subtreeEnd(doc.sections, 0)).toBe(1);
  });

  it('undoes an outline change without losing text typed since', () => {
    const moved = moveSection(doc, 'integrity', 'up');
    const typed = {
      ...moved,
      sections: moved.sections.map((s) =>
        s.id === 'study' ? { ...s, paragraphs: [text('新写的体会')] } : s,
      ),
    };
    const undone = restoreOutline(typed, doc);
    expect(ids(undone)).toEqual(ids(doc));
    expect(sectionText(undone.sections[1]!)).toBe('新写的体会');
    // Undoing a delete brings the deleted section back with its text and chips.
    const back = restoreOutline(removeSection(doc, 'duty:a'), doc);
    expect(back).toEqual(doc);
  });

  it('keeps every chip and every character of a composed draft through a round of edits', () => {
    const draft = composeReport(sampleComposeInput('propaganda_member'));
    const first = draft.sections.find((s) => s.level === 1)!.id;
    let edited = addSection(draft, first, 'child', {
      id: uniqueSectionId(draft, 'sub'),
      heading: '新增小节',
    });
    edited = moveSection(edited, first, 'down');
    edited = moveSection(edited, first, 'up');
    edited = removeSection(edited, 'sub');
    expect(edited).toEqual(draft);
    expect(documentText(reportDocumentSchema.parse(JSON.parse(JSON.stringify(edited))))).toBe(
      documentText(draft),
    );
  });
});
