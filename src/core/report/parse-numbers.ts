/**
 * Finds counted numbers in report prose — "报送宣传信息近110条" → 110, 条, 近, 宣传信息 — including
 * `**` numbers left blank, ranges and small Chinese numerals. Dates, years and ordinals are not counts.
 */
import { parseChineseNumeral } from './numerals.ts';

/** Units a township report counts in; longest first so 万元 wins over 元. */
export const COUNT_UNITS = [
  '立方米',
  '平方米',
  '万元',
  '亿元',
  '万亩',
  '万棒',
  '万人',
  '万株',
  '万头',
  '万册',
  '公里',
  '场次',
  '人次',
  '条次',
  '轮次',
  '户次',
  '期次',
  '元',
  '亩',
  '人',
  '次',
  '篇',
  '件',
  '个',
  '名',
  '户',
  '场',
  '期',
  '条',
  '处',
  '支',
  '轮',
  '座',
  '项',
  '家',
  '所',
  '批',
  '起',
  '台',
  '辆',
  '吨',
  '%',
  '％',
] as const;

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

const NUM = String.raw`(\*+\d*|\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)`;
const RANGE = String.raw`(?:\s*[-—~～至到]\s*(\d+(?:\.\d+)?))?`;
const UNIT_ALT = COUNT_UNITS.map((u) => u.replace('%', '%')).join('|');
const MENTION_RE = new RegExp(
  String.raw`(近|约|超过|超|逾)?${NUM}${RANGE}(余|多)?(${UNIT_ALT})(以上|左右|以下)?`,
  'gu',
);

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
const IDIOM_AFTER = /^(?:规定|方面|意识|自信|确立|维护|一)/u;

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

function parseValue(token: string): { value: number | null; placeholder: boolean } | null {
  if (token.startsWith('*')) {
    const digits = token.replace(/^\*+/u, '');
    return { value: digits === '' ? null : Number(digits), placeholder: true };
  }
  if (/^\d/u.test(token)) return { value: Number(token), placeholder: false };
  // Chinese numerals only when unambiguous: a lone 一 is usually "一次/一批" idiom, not a count.
  if (token === '一') return null;
  const v = parseChineseNumeral(token);
  return v === null ? null : { value: v, placeholder: false };
}

/** Every counted number in `text`; offsets are shifted by `base` (its position in a larger text). */
export function extractNumbers(text: string, base = 0): NumberMention[] {
  const quotes = quotedRanges(text);
  const out: NumberMention[] = [];
  let floor = 0;
  for (const m of text.matchAll(MENTION_RE)) {
    const start = m.index;
    const [raw, pre, token, max, midApprox, unit, postApprox] = m;
    const prev = text[start - 1] ?? '';
    if (prev === '第' || /[\d.]/u.test(prev)) continue;
    const isChinese = !/[\d*]/u.test(token![0]!);
    if (isChinese && (prev === '”' || quotes.some(([a, b]) => start > a && start < b))) continue;
    if (isChinese && IDIOM_AFTER.test(text.slice(start + raw.length))) continue;
    const parsed = parseValue(token!);
    if (!parsed) continue;
    let subject = stripSubject(clauseBefore(text, start, floor));
    if (subject === '') subject = stripSubject(clauseAfter(text, start + raw.length));
    out.push({
      raw,
      value: parsed.value,
      valueMax: max === undefined ? null : Number(max),
      unit: unit === '％' ? '%' : unit!,
      approx: ((pre ?? midApprox ?? postApprox) as Approx | undefined) ?? null,
      subject,
      offset: base + start,
      placeholder: parsed.placeholder,
    });
    floor = start + raw.length;
  }
  return out;
}
