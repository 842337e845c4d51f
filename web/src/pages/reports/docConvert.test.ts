import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MetricChip, ReportDocument, ReportParagraph } from '../../api/reports.ts';
import {
  attrsToChip,
  CHIP_NODE,
  chipIndex,
  chipKey,
  countChips,
  editorRange,
  paragraphsToTiptap,
  tiptapToParagraphs,
  withSectionParagraphs,
  type TiptapNode,
} from './docConvert.ts';

const chip = (
  metricId: string,
  value: number,
  params: Record<string, unknown> = {},
): MetricChip => ({
  type: 'metric',
  metricId,
  params,
  value,
  unit: '件',
  display: `${value}件`,
});
const text = (t: string) => ({ type: 'text' as const, text: t });

const doc = (paragraphs: ReportParagraph[][]): ReportDocument => ({
  title: '述职报告',
  year: 2024,
  frozenAt: null,
  sections: paragraphs.map((p, i) => ({
    id: `s${i}`,
    level: 1,
    heading: `第${i}节`,
    kind: 'duty',
    paragraphs: p,
  })),
});

describe('report document ⇄ tiptap JSON', () => {
  it('keeps text and number chips through a round trip', () => {
    const paragraphs: ReportParagraph[] = [
      { inlines: [text('全年受理诉求'), chip('appeals.received', 120), text('，办结率高。')] },
      { inlines: [chip('ledger.count', 3, { unitId: 'u1' })] },
    ];
    expect(tiptapToParagraphs(paragraphsToTiptap(paragraphs))).toEqual(paragraphs);
  });

  it('round-trips any document whose text runs are non-empty and never adjacent', () => {
    const inline = fc.oneof(
      fc
        .string({ minLength: 1, maxLength: 8 })
        .filter((s) => s.trim() !== '')
        .map(text),
      fc.integer({ min: 0, max: 999 }).map((v) => chip('m.x', v, { year: v })),
    );
    const paragraph = fc
      .array(inline, { minLength: 1, maxLength: 6 })
      // Adjacent text runs are one run in the editor: the stored form never has two in a row.
      .filter((xs) =>
        xs.every((x, i) => i === 0 || x.type === 'metric' || xs[i - 1]!.type === 'metric'),
      )
      .map((inlines) => ({ inlines }));
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 5 }), (ps) => {
        expect(tiptapToParagraphs(paragraphsToTiptap(ps))).toEqual(ps);
      }),
    );
  });

  it('gives tiptap one empty paragraph for an empty section, and drops empty paragraphs back', () => {
    const json = paragraphsToTiptap([]);
    expect(json).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(tiptapToParagraphs(json)).toEqual([]);
    expect(
      tiptapToParagraphs({
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: '   ' }] }],
      }),
    ).toEqual([]);
  });

  it('merges adjacent text nodes (marks split them) and turns a hard break into a space', () => {
    const json: TiptapNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '一是' },
            { type: 'text', text: '加强学习', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: '二是' },
          ],
        },
      ],
    };
    expect(tiptapToParagraphs(json)).toEqual([{ inlines: [text('一是加强学习 二是')] }]);
  });

  it('reads the inline content of unexpected wrappers instead of losing it', () => {
    const json: TiptapNode = {
      type: 'doc',
      content: [
        {
          type: 'blockquote',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: '引用的话' }] }],
        },
      ],
    };
    expect(tiptapToParagraphs(json)).toEqual([{ inlines: [text('引用的话')] }]);
  });

  it('turns broken chip attributes into a well-formed chip (no value when it is not a number)', () => {
    expect(attrsToChip({ metricId: 'm', value: '12', params: 'x' })).toEqual({
      type: 'metric',
      metricId: 'm',
      params: {},
      value: null,
      unit: '',
      display: '',
    });
    const node = paragraphsToTiptap([{ inlines: [chip('m', 5)] }]).content![0]!.content![0]!;
    expect(node.type).toBe(CHIP_NODE);
  });
});

describe('chips of a stored document', () => {
  const d = doc([
    [{ inlines: [chip('a', 1), text('和'), chip('b', 2, { y: 1, x: 2 })] }],
    [{ inlines: [chip('a', 1)] }, { inlines: [chip('c', 3)] }],
  ]);

  it('keys a chip by metric and params, whatever the params order', () => {
    expect(chipKey({ metricId: 'b', params: { x: 2, y: 1 } })).toBe(
      chipKey({ metricId: 'b', params: { y: 1, x: 2 } }),
    );
    expect(chipKey({ metricId: 'b', params: { x: 1 } })).not.toBe(
      chipKey({ metricId: 'b', params: { x: 2 } }),
    );
  });

  it('finds the reading-order index of the first chip with a reference, -1 when absent', () => {
    expect(countChips(d)).toBe(4);
    expect(chipIndex(d, { metricId: 'a', params: {} })).toBe(0);
    expect(chipIndex(d, { metricId: 'b', params: { x: 2, y: 1 } })).toBe(1);
    expect(chipIndex(d, { metricId: 'c', params: {} })).toBe(3);
    expect(chipIndex(d, { metricId: 'zzz', params: {} })).toBe(-1);
  });

  it('replaces one section’s paragraphs and leaves the others as they were', () => {
    const next = withSectionParagraphs(d, 's1', [{ inlines: [text('改写')] }]);
    expect(next.sections[1]!.paragraphs).toEqual([{ inlines: [text('改写')] }]);
    expect(next.sections[0]).toBe(d.sections[0]);
    expect(d.sections[1]!.paragraphs).toHaveLength(2);
  });
});

describe('editorRange (lint issue offsets → editor positions)', () => {
  // "ab" + chip "3件" + "cd" / "ef": plain text "ab3件cd\nef".
  const json = paragraphsToTiptap([
    { inlines: [text('ab'), chip('m', 3), text('cd')] },
    { inlines: [text('ef')] },
  ]);

  it('counts a chip as one position but its display as characters', () => {
    expect(editorRange(json, 0, 2)).toEqual({ from: 1, to: 3 });
    // "cd" starts at character 4 (after "3件"); in the editor after 1 + 2 + 1 positions.
    expect(editorRange(json, 4, 2)).toEqual({ from: 4, to: 6 });
  });

  it('crosses into the next paragraph past the newline', () => {
    // "ef" starts at character 7; the first paragraph's content ends at 6, it closes at 7 and the
    // second paragraph's text starts at 8.
    expect(editorRange(json, 7, 2)).toEqual({ from: 8, to: 10 });
  });

  it('answers null when the range is not inside one text node', () => {
    expect(editorRange(json, 1, 3)).toBeNull();
    expect(editorRange(json, 20, 1)).toBeNull();
  });
});
