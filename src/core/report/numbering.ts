/**
 * 标题序号 — heading markers in the Chinese official style (GB/T 9704 practice): 一、 / （一） / 1. /
 * （1）, counted per level and restarting under each parent. Markers are derived from order, never
 * stored, so adding, moving or deleting a section renumbers everything after it. No zod import:
 * the web editor shares this file.
 */
import { toChineseOrdinal } from './numerals.ts';

/** The part of a section numbering needs. */
export interface NumberedSection {
  level: number;
  heading: string;
}

export function markerFor(level: number, n: number): string {
  if (level === 1) return `${toChineseOrdinal(n)}、`;
  if (level === 2) return `（${toChineseOrdinal(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}

/** Heading markers by level and order; '' for the untitled opening (level 0 or no heading). */
export function headingMarkers(sections: readonly NumberedSection[]): string[] {
  const counters = [0, 0, 0, 0, 0];
  return sections.map((s) => {
    if (s.level === 0 || s.heading === '') return '';
    counters[s.level] = (counters[s.level] ?? 0) + 1;
    for (let l = s.level + 1; l < counters.length; l++) counters[l] = 0;
    return markerFor(s.level, counters[s.level]!);
  });
}

const LEADING_MARKER =
  /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)][、.．]?|\d{1,2}\s*[、.．](?!\d)|[一二三四五六七八九十]+是)\s*/u;

/**
 * A heading as the author typed it, without a number of its own: "三、加强学习" → "加强学习".
 * The document numbers headings itself, so a typed marker would print twice.
 */
export function stripHeadingMarker(text: string): string {
  return text.replace(LEADING_MARKER, '').replace(/\s+/gu, ' ').trim();
}
