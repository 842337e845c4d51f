/**
 * Finds counted numbers in report prose — "报送宣传信息近110条" → 110, 条, 近, 宣传信息 — including
 * numbers left blank (`**`, `XX`, `×`), ranges, magnitudes (1.2万人), 百分之 and Chinese numerals,
 * in the measure words and units of measure-words.ts. Dates, years, ordinals and words that only
 * hold a numeral (三轮车, 一把手: NOT_FIGURES) are not counts.
 */
import { MAGNITUDES, MEASURE_WORDS, NOT_FIGURES } from './measure-words.ts';
import { parseChineseNumeral } from './numerals.ts';

/** Every unit the parser knows (measure-words.ts), longest first so 万元 wins over 元. */
export const COUNT_UNITS: readonly string[] = MEASURE_WORDS.map((m) => m.word);

export type Approx = '近' | '约' | '超' | '逾' | '余' | '多' | '以上' | '左右' | '以下';

/** 数字提及 — one number a report states, with what it counted. */
export interface NumberMention {
  raw: string;
  /** null when the author left the number blank (`**`). */
  value: number | null;
  /** Upper bound of a range such as 3-5次. */
  valueMax: number | null;
  unit: string;
  approx: Approx | null;
  subject: string;
  offset: number;
  /** The number was a placeholder (`**`) or carries one. */
  placeholder: boolean;
}

const CN_DIGITS = '一二两三四五六七八九十百千零〇';
/** A figure: digits (with thousands commas), Chinese numerals, or a blank left for one. */
const BLANK = String.raw`\*{2,}\d*|(?<![A-Za-z])[XxＸ]{2,}(?![A-Za-z])|×+(?![\d×])`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUM = `(${BLANK}|${DIGITS}|[${CN_DIGITS}]+)`;
const RANGE = String.raw`(?:\s*[-—~～至到]\s*(\d+(?:\.\d+)?|[${CN_DIGITS}]+))?`;
const escape = (s: string) => s.replace(/[*+?.()[\]{}|^$\\]/gu, '\\$&');
const UNIT_ALT = MEASURE_WORDS.map(
  (m) => `${escape(m.word)}${m.notBefore ? `(?![${m.notBefore}])` : ''}`,
).join('|');
const MAGNITUDE = `(?:${MAGNITUDES.join('|')})`;
const MENTION_RE = new RegExp(
  String.raw`(近|约|超过|超|逾)?${NUM}${RANGE}(余|多)?(${MAGNITUDE}?(?:余|多)?(?:${UNIT_ALT}))(以上|左右|以下)?`,
  'gu',
);
/** 百分之九十五, 百分之95.5: a percentage written out. */
const PER_CENT_RE = new RegExp(String.raw`百分之(\d+(?:\.\d+)?|[${CN_DIGITS}]+)`, 'gu');

const BOUNDARY = /[，,。；;：:、！!？?\n（）()【】]/u;
const LEADING_NOISE =
  /^(?:全年|今年以来|年内|目前|其中|同时|累计|共计|共|全镇|已经|已|被|分别|先后|相继|并|还|均)+/u;
const LEADING_VERBS = [
  '组织开展',
  '改造提升',
  '整顿提升',
  '清查整治',
  '梳理形成',
  '记录回应',
  '谋划实施',
  '帮助解决',
  '研讨交流',
  '培育形成',
  '报送',
  '制作',
  '转发',
  '发布',
  '开展',
  '组织',
  '召开',
  '举办',
  '建立',
  '评定',
  '选树',
  '发展',
  '确定',
  '储备',
  '慰问',
  '发放',
  '颁发',
  '新增',
  '更换',
  '悬挂',
  '推送',
  '组建',
  '打造',
  '清理',
  '化解',
  '梳理',
  '投入',
  '带动',
  '撰写',
  '邀请',
  '收看',
  '申报',
  '实施',
  '完成',
  '办理',
  '受理',
  '走访',
  '排查',
  '调解',
  '查处',
  '培训',
  '培育',
  '解决',
  '收集',
  '征集',
  '录入',
  '处置',
];
const TRAILING_NOISE = /(?:达到|达|在|为|共计|共|累计|总数|等|分别)+$/u;
/** Set phrases where a Chinese numeral names a doctrine, not a count (中央八项规定, 四个方面). */
const IDIOM_AFTER =
  /^(?:规定|方面|意识|自信|确立|维护|全面|代表|务必|明确|坚持|振兴|统筹|服务|清单制|一)/u;

function stripSubject(fragment: string): string {
  let s = fragment
    .replace(/[“”"‘’《》\s]/gu, '')
    .replace(/^(?:和|及|与|的)/u, '')
    .replace(LEADING_NOISE, '');
  if (LEADING_VERBS.includes(s)) return '';
  // "为困难群众发放救助资金": the beneficiary comes first; what was counted follows the verb.
  if (s.startsWith('为')) {
    const hit = LEADING_VERBS.map((v) => ({ v, i: s.indexOf(v) }))
      .filter((h) => h.i > 0)
      .sort((a, b) => a.i - b.i)[0];
    if (hit && s.length > hit.i + hit.v.length) s = s.slice(hit.i + hit.v.length);
  }
  const verb = LEADING_VERBS.find((v) => s.startsWith(v) && s.length - v.length >= 2);
  if (verb) s = s.slice(verb.length).replace(/^了/u, '');
  return s.replace(TRAILING_NOISE, '');
}

function clauseBefore(text: string, start: number, floor: number): string {
  let i = start;
  while (i > floor && !BOUNDARY.test(text[i - 1]!)) i--;
  return text.slice(i, start);
}

function clauseAfter(text: string, end: number): string {
  let i = end;
  while (i < text.length && !BOUNDARY.test(text[i]!) && !/[\d*]/u.test(text[i]!)) i++;
  return text.slice(end, i).replace(/^的/u, '');
}

/** Offsets inside “…” — a numeral there is a slogan ("四个意识"), not a count. */
function quotedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '“') open = i;
    else if (text[i] === '”' && open >= 0) {
      ranges.push([open, i]);
      open = -1;
    }
  }
  return ranges;
}

const IS_CHINESE = new RegExp(`^[${CN_DIGITS}]`, 'u');

function parseValue(token: string): { value: number | null; placeholder: boolean } | null {
  if (token.startsWith('*')) {
    const digits = token.replace(/^\*+/u, '');
    return { value: digits === '' ? null : Number(digits), placeholder: true };
  }
  if (/^[XxＸ×]/u.test(token)) return { value: null, placeholder: true };
  if (/^\d/u.test(token)) return { value: Number(token.replaceAll(',', '')), placeholder: false };
  // Chinese numerals only when unambiguous: a lone 一 is usually "一次/一批" idiom, not a count.
  if (token === '一') return null;
  const v = parseChineseNumeral(token);
  return v === null ? null : { value: v, placeholder: false };
}

/** Offsets covered by words that hold a numeral but count nothing (NOT_FIGURES). */
function notFigureRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const word of NOT_FIGURES) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
      ranges.push([at, at + word.length]);
  }
  return ranges;
}

const within = (ranges: Array<[number, number]>, at: number) =>
  ranges.some(([a, b]) => at >= a && at < b);

/** 百分之九十五 → 95 %. */
function perCentMentions(text: string, base: number): NumberMention[] {
  return [...text.matchAll(PER_CENT_RE)].flatMap((m) => {
    const parsed = parseValue(m[1]!);
    if (!parsed || parsed.value === null) return [];
    const subject = stripSubject(clauseBefore(text, m.index, 0));
    return [
      {
        raw: m[0],
        value: parsed.value,
        valueMax: null,
        unit: '%',
        approx: null,
        subject,
        offset: base + m.index,
        placeholder: false,
      },
    ];
  });
}

/** Splits "万余人" into the unit "万人" and the approximation 余. */
function unitOf(raw: string): { unit: string; approx: Approx | null } {
  const approx = /余|多/u.exec(raw)?.[0] as Approx | undefined;
  const unit = raw.replace(/余|多/u, '');
  return { unit: unit === '％' ? '%' : unit, approx: approx ?? null };
}

/** Every counted number in `text`; offsets are shifted by `base` (its position in a larger text). */
export function extractNumbers(text: string, base = 0): NumberMention[] {
  const quotes = quotedRanges(text);
  const idioms = notFigureRanges(text);
  const out: NumberMention[] = [];
  let floor = 0;
  for (const m of text.matchAll(MENTION_RE)) {
    const start = m.index;
    const [raw, pre, token, max, midApprox, unitRaw, postApprox] = m;
    const prev = text[start - 1] ?? '';
    if (prev === '第' || /[\d.,]/u.test(prev) || within(idioms, start)) continue;
    const isChinese = IS_CHINESE.test(token!);
    if (isChinese && (prev === '”' || quotes.some(([a, b]) => start > a && start < b))) continue;
    if (isChinese && IDIOM_AFTER.test(text.slice(start + raw.length))) continue;
    const parsed = parseValue(token!);
    if (!parsed) continue;
    const { unit, approx } = unitOf(unitRaw!);
    // A lone 百 or 千 names a kind of thing (百人宣讲团, 千人计划) unless it is approximate (近百人).
    if ((token === '百' || token === '千') && !(pre ?? midApprox ?? approx ?? postApprox)) continue;
    let subject = stripSubject(clauseBefore(text, start, floor));
    if (subject === '') subject = stripSubject(clauseAfter(text, start + raw.length));
    const upper = max === undefined ? null : parseValue(max);
    out.push({
      raw,
      value: parsed.value,
      valueMax: upper?.value ?? null,
      unit,
      approx: ((pre ?? midApprox ?? approx ?? postApprox) as Approx | undefined) ?? null,
      subject,
      offset: base + start,
      placeholder: parsed.placeholder,
    });
    floor = start + raw.length;
  }
  out.push(...perCentMentions(text, base));
  return out.sort((a, b) => a.offset - b.offset);
}
