/**
 * How a report reads (DESIGN 8 lint): a figure whose label already names a count (次数…次,
 * 人次…人), "label + number" chains, a sentence opening used more than twice, a news headline
 * passed off as work done, and the same figure stated twice. Works on any text, typed or drafted.
 */
import { metricKey, type ReportDocument, type Section } from './model.ts';
import { inlinesWithOffsets } from './locate.ts';
import { extractNumbers } from './parse-numbers.ts';

export type ProseCode =
  'unit_clash' | 'label_chain' | 'repeated_pattern' | 'headline_as_deed' | 'duplicate_figure';

export interface ProseFinding {
  code: ProseCode;
  sectionId: string | null;
  message: string;
  offset: number | null;
}

/** A figure in a section's text: where it starts and ends, and its measure word. */
interface Figure {
  start: number;
  end: number;
  unit: string;
  text: string;
}

/** Figures of a section: chips and typed counted numbers, in reading order. */
function figuresOf(s: Section): Figure[] {
  const out: Figure[] = [];
  for (const { inline, offset } of inlinesWithOffsets(s)) {
    if (inline.type === 'metric')
      out.push({
        start: offset,
        end: offset + inline.display.length,
        unit: inline.unit,
        text: inline.display,
      });
    else
      for (const n of extractNumbers(inline.text, offset))
        out.push({ start: n.offset, end: n.offset + n.raw.length, unit: n.unit, text: n.raw });
  }
  return out.sort((a, b) => a.start - b.start);
}

const SEPARATOR = /[，,、；;：:。！？!?\n（）()“”]/u;
/** A label that names a count rather than the thing counted. */
const COUNT_NOUN =
  /(次数|人数|户数|个数|件数|条数|篇数|场数|名数|期数|场次|人次|期次|批次|户次|总数)$/u;
/** A label ending: what a table column is called, not what a sentence says. */
const LABEL_END = /(数|率|量|金额|总额|人次|场次|期次|批次)$/u;
const MONEY_OR_SHARE = /^(万元|元|亿元|%|％)$/u;

/** The words right before a figure, back to the previous separator. */
function labelBefore(text: string, f: Figure): string {
  let i = f.start;
  while (i > 0 && !SEPARATOR.test(text[i - 1]!)) i--;
  return text.slice(i, f.start);
}

function clashes(s: Section, text: string, figures: Figure[]): ProseFinding[] {
  return figures.flatMap((f) => {
    const label = labelBefore(text, f);
    const noun = COUNT_NOUN.exec(label)?.[1];
    if (!noun || MONEY_OR_SHARE.test(f.unit)) return [];
    return [
      {
        code: 'unit_clash' as const,
        sectionId: s.id,
        message: `“${label.slice(-8)}${f.text}”名称里已有“${noun}”，又跟着单位“${f.unit}”，请改为“动作＋对象＋数字”的说法`,
        offset: f.start - label.length,
      },
    ];
  });
}

/** Sentences of a section with their offsets. */
function sentencesOf(text: string): Array<{ text: string; start: number }> {
  return [...text.matchAll(/[^。！？；\n]+[。！？；]?/gu)].map((m) => ({
    text: m[0],
    start: m.index,
  }));
}

function chains(s: Section, text: string, figures: Figure[]): ProseFinding[] {
  const out: ProseFinding[] = [];
  for (const sentence of sentencesOf(text)) {
    const end = sentence.start + sentence.text.length;
    const inside = figures.filter((f) => f.start >= sentence.start && f.end <= end);
    let run = 0;
    let previousEnd = -1;
    for (const f of inside) {
      const label = labelBefore(text, f);
      const between = previousEnd < 0 ? '' : text.slice(previousEnd, f.start - label.length);
      const isLabel = label.length >= 2 && LABEL_END.test(label);
      const adjacent = previousEnd < 0 || /^[，、；,;]?$/u.test(between);
      run = isLabel ? (adjacent ? run + 1 : 1) : 0;
      previousEnd = f.end;
      if (run === 2)
        out.push({
          code: 'label_chain',
          sectionId: s.id,
          message: `“${sentence.text.trim().slice(0, 24)}…”把指标名称和数字依次罗列，请改写成有动作、有对象的句子`,
          offset: sentence.start,
        });
    }
  }
  return out;
}

/** The opening a reader hears: four characters after an item marker (一是, （一）, 1.). */
export function sentenceOpening(sentence: string): string {
  return sentence
    .replace(/^[\s，。；]*/u, '')
    .replace(/^([一二三四五六七八九十]+是|（[一二三四五六七八九十]+）|\d+[.．、])/u, '')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .slice(0, 4);
}

function patterns(doc: ReportDocument): ProseFinding[] {
  const seen = new Map<string, number>();
  const out: ProseFinding[] = [];
  for (const s of doc.sections) {
    const text = s.paragraphs.map((p) => p.inlines.map(inlineText).join('')).join('\n');
    for (const sentence of sentencesOf(text)) {
      const key = sentenceOpening(sentence.text);
      if (key.length < 4) continue;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n === 3)
        out.push({
          code: 'repeated_pattern',
          sectionId: s.id,
          message: `以“${key}”开头的句子已出现${n}次，句式重复，请换一种说法`,
          offset: sentence.start,
        });
    }
  }
  return out;
}

const inlineText = (i: { type: string; text?: string; display?: string }) =>
  i.type === 'text' ? i.text! : i.display!;

/** Endings of a news headline: a result announced, not work done. */
const HEADLINE =
  /(见成效|显成效|见实效|提速|丰收|喜获|温暖|暖人心|筑牢|引领|丰富多彩|活动丰富|火热|结硕果|添活力|焕新颜|展新颜|谱新篇|开新局|正当时|进行时|在行动|获好评|出实招|再升级|显身手|奏响|绘就|跑出)/u;
/** Words that present a quoted title as the author's own work. */
const AS_DEED_BEFORE = /(重点抓了|抓了|推进了|完成了|实施了|开展了|落实了|主抓|重点推进)$/u;
const AS_DEED_AFTER = /^(等工作|等事项|等重点工作|工作推进|等方面工作|等任务)/u;

function headlines(s: Section, text: string): ProseFinding[] {
  const out: ProseFinding[] = [];
  for (const m of text.matchAll(/[“‘]([^”’]{5,30})[”’]/gu)) {
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (before.endsWith('《')) continue;
    const asDeed = AS_DEED_BEFORE.test(before) || AS_DEED_AFTER.test(after);
    if (asDeed && HEADLINE.test(m[1]!))
      out.push({
        code: 'headline_as_deed',
        sectionId: s.id,
        message: `“${m[1]}”像是新闻标题，不是做了什么工作，请写明做了哪些事、何时、多少`,
        offset: m.index,
      });
  }
  return out;
}

function duplicates(doc: ReportDocument): ProseFinding[] {
  const seen = new Set<string>();
  const out: ProseFinding[] = [];
  for (const s of doc.sections)
    for (const { inline, offset } of inlinesWithOffsets(s)) {
      if (inline.type !== 'metric') continue;
      const key = metricKey(inline.metricId, inline.params);
      if (seen.has(key))
        out.push({
          code: 'duplicate_figure',
          sectionId: s.id,
          message: `数字“${inline.display}”在报告中已经出现过，同一个数字只需说一次`,
          offset,
        });
      seen.add(key);
    }
  return out;
}

export function lintProse(doc: ReportDocument): ProseFinding[] {
  const perSection = doc.sections.flatMap((s) => {
    const text = s.paragraphs.map((p) => p.inlines.map(inlineText).join('')).join('\n');
    const figures = figuresOf(s);
    return [...clashes(s, text, figures), ...chains(s, text, figures), ...headlines(s, text)];
  });
  return [...perSection, ...patterns(doc), ...duplicates(doc)];
}

/** Characters as a report's length is counted: everything but whitespace. */
export const reportChars = (text: string): number => text.replace(/\s/gu, '').length;

/** The measures the draft-quality test prints, for any plain text (a reference report too). */
export function proseMeasures(text: string) {
  const doc: ReportDocument = {
    title: '',
    year: 0,
    frozenAt: null,
    sections: [
      {
        id: 'all',
        level: 1,
        heading: '',
        kind: 'custom',
        paragraphs: text.split('\n').map((l) => ({ inlines: [{ type: 'text', text: l }] })),
      },
    ],
  };
  const found = lintProse(doc);
  const count = (c: ProseCode) => found.filter((f) => f.code === c).length;
  const chars = reportChars(text);
  const numbers = extractNumbers(text).length;
  return {
    chars,
    numbersPer1000: chars ? Math.round((numbers / chars) * 10000) / 10 : 0,
    chains: count('label_chain'),
    clashes: count('unit_clash'),
    patterns: count('repeated_pattern'),
    headlines: count('headline_as_deed'),
  };
}
