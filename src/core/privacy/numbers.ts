/**
 * The number and house-number rules of the personal-data scrubber: any run of 7 or more digits
 * (phone numbers, ID and bank card numbers) however it is written — separators of any kind
 * between the digits, full-width digits, Chinese numerals, a +86 / 0086 prefix, an X at the end —
 * and house numbers (X组X号, X栋X单元X室, 门牌号 X). Dates (2025-03-01) are the one exception.
 */

/** A digit as a resident may type it: any Unicode decimal digit, or a Chinese numeral read digit by digit. */
const DIGIT = '[\\p{Nd}〇零一二三四五六七八九幺两壹贰叁肆伍陆柒捌玖]';
/** What people put between the digits of a number: spaces, dashes, dots, slashes, brackets, commas. */
const SEP = '[\\s\\-‐‑‒–—―−﹣－_.．·・•/／\\\\()（）\\[\\]【】,，、+＋*~～|｜]';
const RUN = new RegExp(
  `(?:[+＋]\\s?)?${DIGIT}(?:${SEP}{0,3}${DIGIT})*(?:${SEP}{0,2}[XxＸｘ](?![A-Za-z]))?`,
  'gu',
);
const ONE_DIGIT = new RegExp(DIGIT, 'gu');

/** Shortest run taken for a phone or ID number: a landline without its area code has 7 digits. */
export const MIN_DIGITS = 7;

const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  两: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

/** ASCII form of a run, for the date exception (full-width and Chinese digits mapped; others kept). */
function asciiDigits(run: string): string {
  return [...run]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code >= 0xff10 && code <= 0xff19) return String(code - 0xff10);
      return CHINESE_DIGITS[ch] ?? ch;
    })
    .join('');
}

const DATE =
  /^(?:19|20)\d\d([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?:\s+(?:[01]?\d|2[0-3]))?$/;

/** Replaces each long digit run with `mark`; returns the text and how many runs were taken. */
export function maskNumbers(text: string, mark: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(RUN, (run) => {
    const digits = run.match(ONE_DIGIT)?.length ?? 0;
    if (digits < MIN_DIGITS || DATE.test(asciiDigits(run).trim())) return run;
    count++;
    // Keep a trailing separator-free boundary: the run never swallows the text after it.
    return mark;
  });
  return { text: out, count };
}

/** A character of the number part of a house address: digits or Chinese numerals. */
const NUMERAL = '[\\p{Nd}〇零一二三四五六七八九十百两幺壹贰叁肆伍陆柒捌玖拾佰]';
/** The number part of a house address: a leading letter allowed (A栋), and dashes inside (3-2-501). */
const N = `(?:[A-Za-zＡ-Ｚａ-ｚ]|${NUMERAL})(?:${NUMERAL}|[-－](?=\\p{Nd})){0,7}`;
/** Units of an address, longest first so 号楼 is not read as 号 + 楼. */
const UNIT = '(?:号楼|号院|号房|单元|号|室|栋|幢|座|层|楼|组|队|社|户|弄|巷|排|院|房|间)';
/** A chain of number + unit parts, starting where a number starts (never inside one). */
const CHAIN = new RegExp(
  `(?<![A-Za-zＡ-Ｚａ-ｚ]|${NUMERAL})${N}${UNIT}(?:[\\s\\-－、,，]{0,2}${N}${UNIT})*`,
  'gu',
);
const TOKEN = new RegExp(`${N}(${UNIT})`, 'gu');
const PLATE = new RegExp(`门牌(?:号码|号)?[:：\\s]*${N}(?:${UNIT})?`, 'gu');

/** Units that point at one dwelling on their own (组 or 层 alone do not). */
const HOUSE_ALONE = new Set(['号', '室', '号楼', '号院', '号房', '单元', '弄']);
/** Units that make a chain of two or more parts a dwelling (3组5号, 3栋2单元, 5层501). */
const HOUSE_IN_CHAIN = new Set([
  ...HOUSE_ALONE,
  '栋',
  '幢',
  '座',
  '层',
  '楼',
  '户',
  '排',
  '房',
  '间',
]);
/** Before a lone Chinese-numeral 号 (一号), the characters of an address; elsewhere it is a word (统一号召). */
const ADDRESS_BEFORE = new Set([...'村组队社路街巷弄道号栋幢楼院区镇乡住在于是到第里屯庄湾坪 ']);
const HAN_NUMERALS = /^[〇零一二三四五六七八九十百两幺壹贰叁肆伍陆柒捌玖拾佰]+$/u;

/** Replaces house numbers with `mark`; returns the text and how many were taken. */
export function maskHouseNumbers(text: string, mark: string): { text: string; count: number } {
  let count = 0;
  let out = text.replace(PLATE, () => {
    count++;
    return mark;
  });
  out = out.replace(CHAIN, (chain: string, offset: number, whole: string) => {
    const units = [...chain.matchAll(TOKEN)].map((m) => m[1]!);
    const house =
      units.length >= 2
        ? units.some((u) => HOUSE_IN_CHAIN.has(u))
        : HOUSE_ALONE.has(units[0] ?? '');
    if (!house) return chain;
    if (units.length === 1) {
      const number = chain.slice(0, chain.length - units[0]!.length);
      const pre = [...whole.slice(Math.max(0, offset - 2), offset)].pop() ?? '';
      // 3月5号 is a date; 统一号召 is a word.
      if (units[0] === '号' && pre === '月') return chain;
      if (HAN_NUMERALS.test(number) && number.length === 1 && pre && !ADDRESS_BEFORE.has(pre))
        return chain;
    }
    count++;
    return mark;
  });
  return { text: out, count };
}
