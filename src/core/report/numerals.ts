/**
 * Chinese numerals for report text: ordinals for heading markers (一、（二）) and cheap parsing of
 * small Chinese counts ("十二", "两") found in past reports.
 */

const DIGITS = '零一二三四五六七八九';

/** 1..99 → 一 … 九十九, the range heading markers and 一是/二是 items use. */
export function toChineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const onesText = ones === 0 ? '' : DIGITS[ones]!;
  if (tens === 0) return onesText;
  return `${tens === 1 ? '' : DIGITS[tens]!}十${onesText}`;
}

const VALUE: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SCALE: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parses 一 … 九万九千九百九十九; returns null for anything it does not understand. */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const v = VALUE[ch];
    if (v !== undefined) {
      if (digit !== null && digit !== 0) return null; // two digits in a row: not a numeral
      digit = v;
      continue;
    }
    const scale = SCALE[ch];
    if (scale === undefined) return null;
    if (scale === 10000) {
      total = (section + (digit ?? 0)) * scale;
      section = 0;
    } else {
      section += (digit ?? 1) * scale;
    }
    digit = null;
  }
  return total + section + (digit ?? 0);
}
