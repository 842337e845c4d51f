/**
 * 往年对照 — lines up a past report's headings with this year's draft by what they say (so 三、新闻外宣
 * meets （二）宣传工作 even when the numbering moved), and pairs last year's numbers with this
 * year's chips by unit and what was counted. Order-preserving, like reading the two side by side.
 */
import { classifyHeading } from './templates.ts';
import type { MetricChip, Paragraph } from './model.ts';

export interface AlignItem {
  heading: string;
  level: number;
}

export interface AlignedPair {
  left: number | null;
  right: number | null;
  score: number;
}

/** Words every heading uses; they say nothing about which part it is. */
const FILLER =
  /工作|情况|方面|加强|认真|坚持|扎实|推进|持续|全面|深入|做好|抓好|抓实|履行|落实|不断|切实|进一步|有关|主要|同志|的|和|及|与|、|，|。|\s/gu;

function bigrams(text: string): Set<string> {
  const t = text.replace(FILLER, '');
  const out = new Set<string>();
  for (let i = 0; i < t.length - 1; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
}

/**
 * Fields of work and the words reports name them by: two headings naming the same field (新闻外宣
 * and 意识形态、宣传) are about the same duty even when they share few characters.
 */
const TOPICS: RegExp[] = [
  /宣传|意识形态|新闻|外宣|精神文明|文明创建|宣讲|网信|舆论/u,
  /组织|党建|党员|支部|干部队伍|人才/u,
  /纪检|监察|执纪|问责/u, // not 纪律: that is the 廉 part of every report
  /政法|综治|平安|维稳|信访|矛盾纠纷|调解|扫黑/u,
  /安全生产|应急|消防|防汛/u,
  /生态|环境|人居|河长|林长|污染/u,
  /交通|道路|路长/u,
  /乡村振兴|村务|帮扶|巩固|衔接/u,
  /民政|救助|养老|社会保障|社保|残疾/u,
  /武装|民兵|征兵|兵役|国防/u,
  /经济|招商|产业|项目建设|营商/u,
  /接诉即办|诉求|12345|热线|为民服务/u,
];
const topicsOf = (heading: string) =>
  TOPICS.map((re, i) => (re.test(heading) ? i : -1)).filter((i) => i >= 0);

/** 0…1: shared character pairs (Dice), plus agreement on the part of the report or the field of work. */
export function headingSimilarity(a: AlignItem, b: AlignItem): number {
  const x = bigrams(a.heading);
  const y = bigrams(b.heading);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  const dice = x.size + y.size === 0 ? 0 : (2 * shared) / (x.size + y.size);
  const [ka] = classifyHeading(a.heading);
  const [kb] = classifyHeading(b.heading);
  const kind = ka === kb && ka !== 'duty' && a.level === 1 && b.level === 1 ? 0.5 : 0;
  const level = a.level === b.level ? 0.05 : 0;
  const tb = topicsOf(b.heading);
  const topic = topicsOf(a.heading).some((t) => tb.includes(t)) ? 0.35 : 0;
  return Math.min(1, dice + kind + level + topic);
}

/** Best order-preserving matching (a weighted longest common subsequence) of n × m items. */
function alignBy(
  n: number,
  m: number,
  similarity: (i: number, j: number) => number,
  threshold: number,
): AlignedPair[] {
  const score = (i: number, j: number) => {
    const s = similarity(i, j);
    return s >= threshold ? s : -1;
  };
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      best[i]![j] = Math.max(
        best[i + 1]![j]!,
        best[i]![j + 1]!,
        s >= 0 ? s + best[i + 1]![j + 1]! : -1,
      );
    }
  }
  const out: AlignedPair[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = score(i, j);
      if (s >= 0 && best[i]![j] === s + best[i + 1]![j + 1]!) {
        out.push({ left: i, right: j, score: s });
        i++;
        j++;
        continue;
      }
      if (best[i]![j] === best[i + 1]![j]) out.push({ left: i++, right: null, score: 0 });
      else out.push({ left: null, right: j++, score: 0 });
      continue;
    }
    out.push(i < n ? { left: i++, right: null, score: 0 } : { left: null, right: j++, score: 0 });
  }
  return out;
}

/**
 * Best order-preserving matching of two heading lists; pairs scoring below `threshold` are left
 * unmatched and listed on their own side.
 */
export function alignHeadings(
  left: readonly AlignItem[],
  right: readonly AlignItem[],
  threshold = 0.3,
): AlignedPair[] {
  return alignBy(
    left.length,
    right.length,
    (i, j) => headingSimilarity(left[i]!, right[j]!),
    threshold,
  );
}

/** A top-level (一、) heading and the （一） headings under it, as indices into the flat list. */
export interface HeadingBlock {
  head: number;
  subsections: number[];
}

/**
 * Folds a flat heading list into its top-level blocks: a （一） belongs to the 一、 before it; one
 * before any 一、 stands as a block of its own.
 */
export function foldHeadings(items: readonly AlignItem[]): HeadingBlock[] {
  const top = Math.min(...items.map((x) => x.level));
  const blocks: HeadingBlock[] = [];
  items.forEach((item, i) => {
    const current = blocks[blocks.length - 1];
    if (item.level <= top || !current) blocks.push({ head: i, subsections: [] });
    else current.subsections.push(i);
  });
  return blocks;
}

/**
 * Two blocks are about the same part when their headings are, or — a little less surely — when a
 * heading of one names what a subsection of the other does: last year's 二、宣传思想工作 is this
 * year's 二、围绕分管领域… whose （一） is 宣传思想和精神文明 (one report nests the portfolios, the
 * other raises them to 一、).
 */
function blockSimilarity(
  left: readonly AlignItem[],
  a: HeadingBlock,
  right: readonly AlignItem[],
  b: HeadingBlock,
): number {
  const heads = headingSimilarity(left[a.head]!, right[b.head]!);
  const flat = (items: readonly AlignItem[], i: number) => ({
    heading: items[i]!.heading,
    level: 2,
  });
  let inner = 0;
  for (const i of [a.head, ...a.subsections]) {
    for (const j of [b.head, ...b.subsections]) {
      if (i !== a.head || j !== b.head)
        inner = Math.max(inner, headingSimilarity(flat(left, i), flat(right, j)));
    }
  }
  return Math.max(heads, 0.9 * inner);
}

/**
 * Lines two reports up section by section at the top level, each side carrying its subsections
 * (so last year's （一）…（三） numbers sit in the row of the 一、 that holds them).
 */
export function alignBlocks(
  left: readonly AlignItem[],
  right: readonly AlignItem[],
  threshold = 0.3,
): Array<{ left: HeadingBlock | null; right: HeadingBlock | null; score: number }> {
  const lb = foldHeadings(left);
  const rb = foldHeadings(right);
  return alignBy(
    lb.length,
    rb.length,
    (i, j) => blockSimilarity(left, lb[i]!, right, rb[j]!),
    threshold,
  ).map((p) => ({
    left: p.left === null ? null : lb[p.left]!,
    right: p.right === null ? null : rb[p.right]!,
    score: p.score,
  }));
}

/** A chip with the words just before it ("报送宣传稿件" for "报送宣传稿件86篇"). */
export interface ChipMention {
  chip: MetricChip;
  subject: string;
}

const CLAUSE = /[，,。；;：:、！？\n（）()]/u;
const LEAD = /^(?:全年|今年以来|年内|其中|累计|共计|共|全镇|已|先后|分别)+/u;

export function chipMentions(paragraphs: readonly Paragraph[]): ChipMention[] {
  return paragraphs.flatMap((p) =>
    p.inlines.flatMap((inline, k): ChipMention[] => {
      if (inline.type !== 'metric') return [];
      const before = p.inlines[k - 1];
      const words = before?.type === 'text' ? (before.text.split(CLAUSE).pop() ?? '') : '';
      return [{ chip: inline, subject: words.trim().replace(LEAD, '').slice(-14) }];
    }),
  );
}

export interface PastNumber {
  value: number | null;
  unit: string;
  subject: string;
}

/**
 * Pairs last year's numbers with this year's chips: same unit, and the most similar subject
 * (at least one shared character pair). Unpaired ones are listed alone on their side.
 */
export function pairNumbers<P extends PastNumber, C extends ChipMention = ChipMention>(
  past: readonly P[],
  chips: readonly C[],
): Array<{ past: P | null; chip: C | null }> {
  const used = new Set<number>();
  const rows: Array<{ past: P | null; chip: C | null }> = past.map((p) => {
    let pick = -1;
    let top = 0;
    chips.forEach((c, j) => {
      if (used.has(j) || c.chip.unit !== p.unit) return;
      const s = headingSimilarity(
        { heading: p.subject, level: 0 },
        { heading: c.subject, level: 1 },
      );
      if (s > top) [pick, top] = [j, s];
    });
    if (pick < 0 || top < 0.2) return { past: p, chip: null };
    used.add(pick);
    return { past: p, chip: chips[pick]! };
  });
  chips.forEach((c, j) => {
    if (!used.has(j)) rows.push({ past: null, chip: c });
  });
  return rows;
}
