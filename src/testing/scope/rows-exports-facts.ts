/**
 * What the export row matrix (rows-exports.ts) reads besides reach.ts: the raw columns the exports
 * show (order codes, residents' contacts, each record's cells as a clerk reads them), and a
 * downloader that parses an export's first sheet.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { AppealRaw, RecordRaw, TownFacts } from './reach.ts';
import type { TestApp } from '../app.ts';

/**
 * Ledger types whose export is checked: a portfolio's book and the villages' party book
 * (DESIGN 2: "their portfolios", "their village").
 */
export const EXPORTED_LEDGER_TYPES = ['propaganda_item', 'branch_meeting'] as const;

/** Raw columns the exports show that reach.ts does not load: order codes, residents' contacts, record data. */
export interface ExportFacts {
  appealByCode: Map<string, AppealRaw & { contact_name: string | null }>;
  /** Per checked ledger type: the fingerprint of each record as its export row must read. */
  recordPrints: Map<string, { record: RecordRaw; print: string }[]>;
  /** Per checked ledger type: the column headers its export must have, in order. */
  headers: Map<string, string[]>;
}

interface FieldDef {
  key: string;
  label: string;
  type: string;
  removed?: boolean;
  options?: { code: string; label: string }[];
}

/**
 * A record's cells as a clerk reads them (option labels, names, 是/否, dates), written out here
 * from the type's raw definition rather than taken from the exporter, joined into one string.
 */
function printOf(
  fields: FieldDef[],
  data: Record<string, unknown>,
  person: Map<string, string>,
  unit: Map<string, string>,
): string {
  return fields
    .map((f) => {
      const v = data[f.key];
      if (v === undefined || v === null || v === '') return '';
      if (f.type === 'enum') return f.options?.find((o) => o.code === v)?.label ?? String(v);
      if (f.type === 'boolean') return v ? '是' : '否';
      if (f.type === 'person') return person.get(String(v)) ?? String(v);
      if (f.type === 'unit') return unit.get(String(v)) ?? String(v);
      if (f.type === 'attachment') return Array.isArray(v) ? v.join(',') : String(v);
      if (f.type === 'number' || f.type === 'money') return String(Number(v));
      return String(v);
    })
    .join('\u241f');
}

/** A cell read back from the workbook in the same form as `printOf`. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
  return String(v);
}

export async function loadExportFacts(t: TestApp, facts: TownFacts): Promise<ExportFacts> {
  const db = t.database.db;
  const townId = facts.townId;
  const appeals = new Map(facts.appeals.map((a) => [a.id, a]));
  const codes = (
    await sql<{
      id: string;
      code: string;
      contact_name: string | null;
    }>`select id, code, contact_name from appeal where town_id = ${townId}`.execute(db)
  ).rows;
  const person = new Map(
    (
      await sql<{
        id: string;
        name: string;
      }>`select id, name from person where town_id = ${townId}`.execute(db)
    ).rows.map((p) => [p.id, p.name]),
  );
  const unit = new Map(
    (
      await sql<{
        id: string;
        name: string;
      }>`select id, name from unit where town_id = ${townId}`.execute(db)
    ).rows.map((u) => [u.id, u.name]),
  );
  const records = new Map(facts.records.map((r) => [r.id, r]));
  const recordPrints = new Map<string, { record: RecordRaw; print: string }[]>();
  const headers = new Map<string, string[]>();
  for (const type of EXPORTED_LEDGER_TYPES) {
    const def = (
      await sql<{ definition: unknown }>`
        select definition from ledger_type where town_id = ${townId} and code = ${type}
        order by version desc limit 1`.execute(db)
    ).rows[0]!.definition;
    const fields = (
      (typeof def === 'string' ? JSON.parse(def) : def) as { fields: FieldDef[] }
    ).fields.filter((f) => !f.removed);
    headers.set(
      type,
      fields.map((f) => f.label),
    );
    const rows = (
      await sql<{ id: string; data: unknown }>`
        select id, data from ledger_record
        where town_id = ${townId} and type_code = ${type} and deleted_at is null`.execute(db)
    ).rows;
    recordPrints.set(
      type,
      rows.map((r) => ({
        record: records.get(r.id)!,
        print: printOf(
          fields,
          (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
          person,
          unit,
        ),
      })),
    );
  }
  return {
    appealByCode: new Map(
      codes.map((c) => [c.code, { ...appeals.get(c.id)!, contact_name: c.contact_name }]),
    ),
    recordPrints,
    headers,
  };
}

export type Download = (
  path: string,
) => Promise<{ status: number; rows: Map<string, string>[] | null; detail: string }>;

/** Downloads one export and reads its first sheet as rows keyed by header; `rows` is null when refused or broken. */
export function downloader(t: TestApp, base: string, cookie: string): Download {
  return async (path) => {
    const res = await t.app.request(`${base}${path}`, { headers: { cookie } });
    if (res.status !== 200)
      return { status: res.status, rows: null, detail: (await res.text()).slice(0, 200) };
    try {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await res.arrayBuffer()) as never);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(cellText);
      const rows: Map<string, string>[] = [];
      ws.eachRow((row, n) => {
        if (n > 1)
          rows.push(
            new Map(
              header.flatMap((h, i) =>
                h === '' ? [] : [[h, cellText(row.getCell(i).value)] as const],
              ),
            ),
          );
      });
      return { status: 200, rows, detail: header.filter((h) => h !== '').join('|') };
    } catch (error) {
      // A stream torn mid-way (an error after the first page) reaches the client as a broken file.
      return {
        status: 500,
        rows: null,
        detail: `unreadable workbook: ${(error as Error).message}`,
      };
    }
  };
}
