/**
 * The Excel face of a ledger type, shared by export, template and import so they always agree:
 * one column per live field with its Chinese label as header, cells showing what a clerk reads
 * (option labels, 是/否, names of people and units, real date cells), and the reverse mapping.
 */
import type { FieldIssue } from '../../core/errors.ts';
import type { LedgerField, LedgerType } from '../../core/ledger/type.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Columns of a type's sheet: every field still in use, in declaration order. */
export function excelFields(type: LedgerType): LedgerField[] {
  return type.fields.filter((f) => !f.removed);
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(type: LedgerType): string {
  return type.name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
}

/** Header text → field: the label (a trailing * marks required in templates) or the key. */
export function headerLookup(type: LedgerType): (header: string) => LedgerField | undefined {
  const fields = excelFields(type);
  return (header) => {
    const h = header
      .replace(/[*＊]\s*$/, '')
      .replace(/（必填）$/, '')
      .trim();
    return fields.find((f) => f.label === h || f.key === h);
  };
}

export interface NameDirectory {
  personName: Map<string, string>;
  unitName: Map<string, string>;
  /** Name → ids (a name held twice cannot be imported by name). */
  personByName: Map<string, string[]>;
  unitByName: Map<string, string[]>;
}

export function buildDirectory(
  people: { id: string; name: string }[],
  units: { id: string; name: string }[],
): NameDirectory {
  const byName = (rows: { id: string; name: string }[]) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(r.name, [...(m.get(r.name) ?? []), r.id]);
    return m;
  };
  return {
    personName: new Map(people.map((p) => [p.id, p.name])),
    unitName: new Map(units.map((u) => [u.id, u.name])),
    personByName: byName(people),
    unitByName: byName(units),
  };
}

/** A stored value as an Excel cell. */
export function toCell(
  field: LedgerField,
  value: unknown,
  dir: NameDirectory,
): string | number | boolean | Date | null {
  if (value === undefined || value === null) return null;
  switch (field.type) {
    case 'enum':
      return field.options.find((o) => o.code === value)?.label ?? String(value);
    case 'boolean':
      return value ? '是' : '否';
    case 'date':
      return new Date(`${String(value)}T00:00:00Z`);
    case 'person':
      return dir.personName.get(String(value)) ?? String(value);
    case 'unit':
      return dir.unitName.get(String(value)) ?? String(value);
    case 'attachment':
      return Array.isArray(value) ? value.join(',') : String(value);
    case 'number':
    case 'money':
      return typeof value === 'number' ? value : Number(value);
    default:
      return String(value);
  }
}

/** An ExcelJS cell value as a plain value: rich text joined, formulas by result, links by text. */
export function plainCell(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== 'object') return v;
  const o = v as {
    richText?: { text: string }[];
    result?: unknown;
    text?: unknown;
    error?: string;
  };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if ('result' in o) return plainCell(o.result);
  if ('error' in o) return { error: o.error };
  if (typeof o.text === 'string') return o.text;
  return String(v);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person/unit cell holding a name becomes the id; returns a Chinese problem when it cannot. */
export function resolveName(
  field: LedgerField,
  raw: unknown,
  dir: NameDirectory,
): { value: unknown } | { problem: string } {
  if (
    (field.type !== 'person' && field.type !== 'unit') ||
    typeof raw !== 'string' ||
    UUID_RE.test(raw.trim())
  )
    return { value: raw };
  const name = raw.trim();
  if (!name) return { value: null };
  const ids = (field.type === 'person' ? dir.personByName : dir.unitByName).get(name) ?? [];
  const what = field.type === 'person' ? '人员' : '单位';
  if (ids.length === 1) return { value: ids[0] };
  if (ids.length === 0) return { problem: `找不到名为“${name}”的${what}` };
  return { problem: `本乡镇有 ${ids.length} 个名为“${name}”的${what}，请改填编号` };
}

/** One problem of an import, placed at a cell of the sheet. */
export interface ImportIssue extends FieldIssue {
  sheet: string;
  row: number;
  /** Column letter, e.g. "C" (empty when the problem is the whole row). */
  column: string;
  /** The column's Chinese header. */
  header: string;
}

export function importIssue(
  sheet: string,
  row: number,
  col: number | null,
  header: string,
  problem: string,
): ImportIssue {
  const column = col ? columnLetter(col) : '';
  const where = `工作表“${sheet}”第 ${row} 行${column ? ` ${column} 列` : ''}${header ? `“${header}”` : ''}`;
  return {
    path: column ? `${sheet}!${column}${row}` : `${sheet}!${row}`,
    label: header || `第 ${row} 行`,
    message: `${where}：${problem}`,
    sheet,
    row,
    column,
    header,
  };
}
