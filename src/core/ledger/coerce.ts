/**
 * Excel-friendly coercion of single cell values: numbers written with thousands separators,
 * dates in the forms clerks type (2024-03-05, 2024/3/5, 2024年3月5日) or Excel serial numbers,
 * and 是/否 booleans. Each coercer returns a value or a Chinese reason.
 */

export type Coerced<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Coerced<T> => ({ ok: true, value });
const fail = <T>(message: string): Coerced<T> => ({ ok: false, message });

/** Full-width digits and punctuation, as typed with a Chinese input method, to ASCII. */
function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** True for values a clerk leaves blank: nothing, null, or only spaces. */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * A number from a number or a string such as "12", "1,200", "1，200.5", "¥1200" or "12人"
 * (a trailing unit is accepted when it is the field's own unit).
 */
export function coerceNumber(v: unknown, unitSuffixes: readonly string[] = []): Coerced<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? ok(v) : fail('应为数字');
  if (typeof v !== 'string') return fail('应为数字');
  let s = toHalfWidth(v)
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/[,，\s]/g, '');
  for (const unit of unitSuffixes) {
    if (unit && s.endsWith(unit)) {
      s = s.slice(0, -unit.length);
      break;
    }
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return fail('应为数字');
  const n = Number(s);
  return Number.isFinite(n) ? ok(n) : fail('应为数字');
}

/** Money in yuan, rounded to the fen; more than two decimals is an error unless float noise. */
export function coerceMoney(v: unknown): Coerced<number> {
  const n = coerceNumber(v, ['元']);
  if (!n.ok) return fail('应为金额（元）');
  const cents = Math.round(n.value * 100);
  if (Math.abs(cents - n.value * 100) > 1e-6 * Math.max(1, Math.abs(n.value))) {
    return fail('金额最多保留两位小数');
  }
  return ok(cents / 100);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' when the parts name a real calendar day, else null. */
export function isoFromParts(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > days ? null : `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Excel's day 1 is 1900-01-01 and it wrongly counts 1900-02-29, hence the 1899-12-30 epoch. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return null;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function isoToExcelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
}

const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
];

/**
 * A calendar date as 'YYYY-MM-DD' from the forms found in township spreadsheets, an Excel serial
 * number, or a Date (spreadsheet readers give UTC midnight, so UTC parts are used).
 */
export function coerceDate(v: unknown): Coerced<string> {
  const bad = '应为日期，如 2024-03-05、2024/3/5 或 2024年3月5日';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail(bad);
    const iso = isoFromParts(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    return iso ? ok(iso) : fail(bad);
  }
  if (typeof v === 'number') {
    const iso = excelSerialToIso(v);
    return iso ? ok(iso) : fail(bad);
  }
  if (typeof v !== 'string') return fail(bad);
  const s = toHalfWidth(v).trim();
  if (/^\d{5}(\.\d+)?$/.test(s)) return coerceDate(Number(s));
  // Timestamps such as "2024-03-05T00:00:00" or "2024-03-05 08:30" keep only the day.
  const day = s.replace(/[T\s].*$/, '');
  for (const re of DATE_PATTERNS) {
    const m = re.exec(day);
    if (m) {
      const iso = isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
      return iso ? ok(iso) : fail('该日不存在（如 2 月 30 日），请检查年月日');
    }
  }
  return fail(bad);
}

const TRUE_WORDS = new Set(['是', 'true', 'yes', 'y', '1', '√', '有']);
const FALSE_WORDS = new Set(['否', 'false', 'no', 'n', '0', '×', '无']);

export function coerceBoolean(v: unknown): Coerced<boolean> {
  if (typeof v === 'boolean') return ok(v);
  if (v === 1 || v === 0) return ok(v === 1);
  if (typeof v === 'string') {
    const s = toHalfWidth(v).trim().toLowerCase();
    if (TRUE_WORDS.has(s)) return ok(true);
    if (FALSE_WORDS.has(s)) return ok(false);
  }
  return fail('应为“是”或“否”');
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function coerceUuid(v: unknown, what: string): Coerced<string> {
  if (typeof v === 'string' && UUID_RE.test(v.trim())) return ok(v.trim().toLowerCase());
  return fail(`应为有效的${what}`);
}

/** Text from a string or a number cell (Excel often turns codes into numbers). */
export function coerceText(v: unknown): Coerced<string> {
  if (typeof v === 'string') return ok(v.trim());
  if (typeof v === 'number' && Number.isFinite(v)) return ok(String(v));
  return fail('应为文字');
}
