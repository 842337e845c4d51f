/**
 * Data and floors of the ledgers bench: a 100,000-row workbook written with ExcelJS's streaming
 * WorkbookWriter, the same rows pre-serialised for `COPY … FROM STDIN` (pg-copy-streams) or
 * PGlite's `COPY … FROM '/dev/blob'`, millions of ledger records generated inside the database
 * (one INSERT … SELECT generate_series per catalogue type, across every town), and a
 * hand-written SQL query per catalogue metric — the floor the metrics service is measured against.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import ExcelJS from 'exceljs';
import { Kysely } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { lawLedgers } from '../src/core/ledger/catalogue/law.ts';
import { partyLedgers } from '../src/core/ledger/catalogue/party.ts';
import { propagandaLedgers } from '../src/core/ledger/catalogue/propaganda.ts';
import { safetyLedgers } from '../src/core/ledger/catalogue/safety.ts';
import { talentLedgers } from '../src/core/ledger/catalogue/talent.ts';
import { villageLedgers } from '../src/core/ledger/catalogue/village.ts';
import type { LedgerField, LedgerType } from '../src/core/ledger/type.ts';
import type { MetricDeclaration, MetricFilter } from '../src/core/metrics/declaration.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { PGliteDialect } from '../src/db/pglite-dialect.ts';
import type { DB } from '../src/db/schema.ts';
import { excelFields, sheetName } from '../src/domains/ledgers/excel-columns.ts';
import { openBenchDatabase } from './database.ts';

// ---------------------------------------------------------------- database with a COPY floor

export interface CopyDatabase {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  raw<R>(text: string, params?: unknown[]): Promise<R[]>;
  /** `COPY table (columns) FROM STDIN` (text format) of pre-serialised rows. */
  copy(table: string, columns: string[], text: string): Promise<void>;
  close(): Promise<void>;
}

const parsers = {
  20: (v: string) => Number(v),
  1700: (v: string) => Number(v),
  1082: (v: string) => v,
};

/**
 * Like openBenchDatabase, plus a COPY path: pg-copy-streams on a second connection to the same
 * PostgreSQL database, or PGlite's `/dev/blob` (which needs the PGlite client itself, so the
 * in-memory case is opened here with the same extensions and parsers as bench/database.ts).
 */
export async function openCopyDatabase(): Promise<CopyDatabase> {
  if (!process.env.BENCH_DATABASE_URL) {
    const client = await PGlite.create({ extensions: { pg_trgm }, parsers });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
    await migrateToLatest(db);
    return {
      db,
      kind: 'pglite',
      raw: async (text, params) => (await client.query<any>(text, params)).rows,
      copy: async (table, columns, text) => {
        await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], {
          blob: new Blob([text]),
        });
      },
      close: () => db.destroy(),
    };
  }
  const base = await openBenchDatabase();
  const [{ name }] = (await base.raw<{ name: string }>('select current_database() as name')) as [
    { name: string },
  ];
  const url = new URL(process.env.BENCH_DATABASE_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    ...base,
    copy: async (table, columns, text) => {
      const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      const done = once(stream, 'finish');
      stream.end(text);
      await done;
    },
    close: async () => {
      await client.end();
      await base.close();
    },
  };
}

/** One value in COPY text format. */
export function copyValue(v: string | number | null): string {
  if (v === null) return '\\N';
  return String(v)
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

// ---------------------------------------------------------------- the import workbook

export interface ImportRowSource {
  /** ASCII-only cells: field keys as headers, option codes, ids, Latin text (see writeImportWorkbook). */
  ascii?: boolean;
  /** Names (unique in the town) and ids of people and units the rows cite. */
  people: { id: string; name: string }[];
  units: { id: string; name: string }[];
}

const OUTLETS = ['人民日报', '省日报', '市日报', '县融媒体中心', '学习强国', '政务新媒体'];

/** Row i of the workbook as stored `data` (codes and ids) — what the importer should write. */
export function importRowData(
  type: LedgerType,
  i: number,
  src: ImportRowSource,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of excelFields(type)) {
    const v = fieldValue(f, i, src);
    if (v !== undefined) data[f.key] = v;
  }
  return data;
}

function fieldValue(f: LedgerField, i: number, src: ImportRowSource): unknown {
  switch (f.type) {
    case 'text':
      if (src.ascii)
        return f.key === 'link'
          ? `https://news.example.cn/a/${i}`
          : `${f.key} ${i} rural revitalisation`;
      return f.key === 'outlet'
        ? OUTLETS[i % OUTLETS.length]
        : f.key === 'link'
          ? `https://news.example.cn/a/${i}`
          : `稿件第${i}号：乡村振兴新气象`;
    case 'long_text':
      return src.ascii ? `note ${i}` : `第${i}条记录的说明`;
    case 'enum':
      return f.options[i % f.options.length]!.code;
    case 'date':
      return isoDay(i);
    case 'person':
      return src.people[i % src.people.length]!.id;
    case 'unit':
      return src.units[i % src.units.length]!.id;
    case 'number':
      return i % 20;
    case 'money':
      return (i % 10000) / 100;
    case 'boolean':
      return i % 3 === 0;
    case 'attachment':
      return undefined;
  }
}

const isoDay = (i: number) => new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10);

/**
 * Writes `rows` rows of `type` with ExcelJS's streaming writer: as the clerk's template shows
 * them (labels, names, date cells), or with `src.ascii` in the importer's other accepted spelling
 * (field keys, option codes, ids) and Latin text, so no cell holds a multi-byte character —
 * exceljs 4.4.0's WorkbookReader decodes each 64 KB chunk separately and corrupts a character
 * split across chunks (see countCorruptCells).
 */
export async function writeImportWorkbook(
  file: string,
  type: LedgerType,
  rows: number,
  src: ImportRowSource,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(sheetName(type));
  const fields = excelFields(type);
  ws.addRow(fields.map((f) => (src.ascii ? f.key : f.label))).commit();
  const personName = new Map(src.people.map((p) => [p.id, p.name]));
  const unitName = new Map(src.units.map((u) => [u.id, u.name]));
  for (let i = 0; i < rows; i++) {
    const data = importRowData(type, i, src);
    ws.addRow(
      fields.map((f) => {
        const v = data[f.key];
        if (v === undefined) return null;
        if (src.ascii && (f.type === 'enum' || f.type === 'person' || f.type === 'unit'))
          return v as string;
        if (f.type === 'enum') return f.options.find((o) => o.code === v)!.label;
        if (f.type === 'person') return personName.get(v as string)!;
        if (f.type === 'unit') return unitName.get(v as string)!;
        if (f.type === 'date') return new Date(`${v as string}T00:00:00Z`);
        if (f.type === 'boolean') return v ? '是' : '否';
        return v as string | number;
      }),
    ).commit();
  }
  await ws.commit();
  await wb.commit();
}

/**
 * Reads a workbook back with the importer's reader options and counts cells holding U+FFFD:
 * multi-byte characters torn apart at stream chunk boundaries by exceljs's parse-sax.js
 * (`bufferToString(chunk)` per chunk, no carried-over partial character).
 */
export async function countCorruptCells(
  file: string,
): Promise<{ cells: number; first: string | null }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let cells = 0;
  let first: string | null = null;
  for await (const ws of reader as unknown as AsyncIterable<
    AsyncIterable<{ number: number; values: unknown[] }>
  >) {
    for await (const row of ws) {
      for (const v of row.values) {
        if (typeof v === 'string' && v.includes('\uFFFD')) {
          cells++;
          first ??= `第 ${row.number} 行“${v}”`;
        }
      }
    }
  }
  return { cells, first };
}

export const RECORD_COLUMNS = [
  'town_id',
  'id',
  'type_code',
  'type_version',
  'unit_id',
  'person_id',
  'occurred_on',
  'data',
];

/** The same rows as `ledger_record` COPY text (fresh ids), ready before the clock starts. */
export function serialiseRecords(
  townId: string,
  type: LedgerType,
  rows: number,
  src: ImportRowSource,
): string {
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    const data = importRowData(type, i, src);
    const cells = [
      townId,
      randomUUID(),
      type.code,
      type.version,
      (type.unitField && (data[type.unitField] as string)) || null,
      (type.personField && (data[type.personField] as string)) || null,
      data[type.dateField] as string,
      JSON.stringify(data),
    ];
    out.push(cells.map(copyValue).join('\t'));
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- millions of records, in SQL

/** Catalogue groups (one source file each), for the per-group figures. */
export const CATALOGUE_GROUPS: { label: string; codes: string[] }[] = [
  { label: '宣传文明', codes: propagandaLedgers.map((t) => t.code) },
  { label: '基层党建', codes: partyLedgers.map((t) => t.code) },
  { label: '组织人才', codes: talentLedgers.map((t) => t.code) },
  { label: '村务帮扶', codes: villageLedgers.map((t) => t.code) },
  { label: '安全交通环境', codes: safetyLedgers.map((t) => t.code) },
  { label: '法治信访武装', codes: lawLedgers.map((t) => t.code) },
];

const lit = (v: string | number | boolean) =>
  typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);

/** A value expression per field over `s` (g = series number, k = field position). */
function generatedValue(type: LedgerType, f: LedgerField, k: number): string | null {
  if (f.key === type.dateField) return `to_char(s.d, 'YYYY-MM-DD')`;
  if (f.key === type.unitField) return `s.uid::text`;
  if (f.key === type.personField) return `s.pid::text`;
  switch (f.type) {
    case 'text':
      return `'记录' || (s.g % 997)`;
    case 'long_text':
      return `'说明' || (s.g % 13)`;
    case 'enum':
      return (
        `(array[${f.options.map((o) => lit(o.code)).join(',')}])` +
        `[1 + (s.g * ${k + 3} + s.g / 7) % ${f.options.length}]`
      );
    case 'date':
      return `to_char(s.d - ((s.g * ${k + 1}) % 30), 'YYYY-MM-DD')`;
    case 'person':
      return `s.pids[1 + (s.g * ${k + 11}) % cardinality(s.pids)]::text`;
    case 'unit':
      return `s.uids[1 + (s.g * ${k + 5}) % cardinality(s.uids)]::text`;
    case 'number':
      return `(s.g * ${k + 7}) % ${Math.max(2, Math.min(20, (f.max ?? 20) + 1))}`;
    case 'money':
      return `((s.g * ${k + 13}) % 100000) / 100.0`;
    case 'boolean':
      return `(s.g + ${k}) % 3 = 0`;
    case 'attachment':
      return null;
  }
}

/**
 * Inserts `perTown` records of `type` into every town that has the type installed: dated over
 * 2024–2025, unit and person drawn from the town's own units and people, every live field filled.
 * Runs on the given connection (raw), which the caller may have put in replica mode to skip
 * the foreign-key triggers (the rows are built valid).
 */
export async function generateRecords(
  raw: <R>(text: string, params?: unknown[]) => Promise<R[]>,
  type: LedgerType,
  perTown: number,
  typeIndex: number,
): Promise<void> {
  const pairs = excelFields(type)
    .map((f, k) => [f.key, generatedValue(type, f, k)] as const)
    .filter((p): p is readonly [string, string] => p[1] !== null)
    .map(([key, e]) => `${lit(key)}, ${e}`);
  await raw(`
    with p as (select town_id, array_agg(id order by id) as ids from person group by town_id),
         u as (select town_id, array_agg(id order by id) as ids from unit group by town_id)
    insert into ledger_record (town_id, id, type_code, type_version, unit_id, person_id, occurred_on, data)
    select s.town_id, gen_random_uuid(), ${lit(type.code)}, lt.version,
      ${type.unitField ? 's.uid' : 'null'}, ${type.personField ? 's.pid' : 'null'}, s.d,
      jsonb_build_object(${pairs.join(', ')})
    from (
      select p.town_id, g, p.ids as pids, u.ids as uids,
        date '2024-01-01' + ((g * 389 + ${typeIndex * 17}) % 731) as d,
        p.ids[1 + (g * 31 + ${typeIndex}) % cardinality(p.ids)] as pid,
        u.ids[1 + (g * 13 + ${typeIndex}) % cardinality(u.ids)] as uid
      from p join u using (town_id) cross join generate_series(1, ${perTown}) g
    ) s
    join (
      select town_id, max(version) as version from ledger_type
      where code = ${lit(type.code)} group by town_id
    ) lt on lt.town_id = s.town_id`);
}

// ---------------------------------------------------------------- hand-written metric SQL

/** `fn(arg) filter (where <own predicates> [and also])`, as the merged floor writes it. */
export interface FloorAggregate {
  alias: 'v' | 'n' | 'd';
  fn: 'count' | 'sum' | 'count_distinct';
  arg?: string;
  also?: string;
}

export interface FloorQuery {
  text: string;
  grouped: boolean;
  /** Turns the rows into the metric's value (a number, or group key → number). */
  read(rows: Record<string, unknown>[]): number | null | Map<string | null, number | null>;
  /** The pieces, for the merged floor (ledgers-floor.ts): shared and own predicates, aggregates. */
  parts: {
    shared: string[];
    own: string[];
    aggregates: FloorAggregate[];
    groupExpr: string | null;
    periodExpr: string;
  };
}

/**
 * What one would write by hand for a metric scoped to a person over a period:
 * `select count(*) | sum((data->>'x')::numeric) … from ledger_record where town_id = $1 and
 * type_code = '…' and deleted_at is null and <period> between $2 and $3 and person_id = $4 …`.
 * Built from the declaration by plain string templates, independently of src/core/metrics.
 */
export function floorQuery(type: LedgerType, m: MetricDeclaration): FloorQuery {
  const col = (key: string): string => {
    if (key === type.dateField) return 'occurred_on';
    if (key === type.unitField) return 'unit_id';
    if (key === type.personField) return 'person_id';
    const f = type.fields.find((x) => x.key === key)!;
    switch (f.type) {
      case 'number':
      case 'money':
        return `(data->>'${key}')::numeric`;
      case 'date':
        return `(data->>'${key}')::date`;
      case 'boolean':
        return `(data->>'${key}')::boolean`;
      case 'attachment':
        return `(data->'${key}')`;
      default:
        return `(data->>'${key}')`;
    }
  };
  const filter = (f: MetricFilter): string => {
    const e = col(f.field);
    switch (f.op) {
      case 'eq':
        return `${e} = ${lit(f.value)}`;
      case 'in':
        return `${e} in (${f.value.map(lit).join(', ')})`;
      case 'gte':
        return `${e} >= ${lit(f.value)}`;
      case 'lte':
        return `${e} <= ${lit(f.value)}`;
      case 'between':
        return `${e} between ${lit(f.value[0])} and ${lit(f.value[1])}`;
      case 'is_null':
        return `${e} is null`;
      case 'not_null':
        return `${e} is not null`;
    }
  };
  const period = m.periodField ? col(m.periodField) : 'occurred_on';
  const where = [
    `town_id = $1`,
    `type_code = ${lit(type.code)}`,
    `deleted_at is null`,
    `${period} between $2::date and $3::date`,
    `person_id = $4`,
    ...m.filters.map(filter),
  ];
  const agg = m.aggregation;
  let select: string;
  switch (agg.fn) {
    case 'count':
      select = 'count(*) as v';
      break;
    case 'sum':
      select = `sum(${col(agg.field)}) as v`;
      break;
    case 'count_distinct':
      select = `count(distinct ${col(agg.field)}) as v`;
      break;
    case 'rate':
      where.push(...agg.denominator.map(filter));
      select = `count(*) filter (where ${agg.numerator.map(filter).join(' and ') || 'true'}) as n, count(*) as d`;
      break;
  }
  const value = (r: Record<string, unknown>): number | null => {
    if (agg.fn !== 'rate') return Number(r.v ?? 0);
    const n = Number(r.n);
    const d = Number(r.d);
    if (d === 0) return null;
    const digits = agg.percent ? 2 : 4;
    return Number((((agg.percent ? 100 : 1) * n) / d).toFixed(digits));
  };
  const group = m.groupBy;
  const aggregates: FloorAggregate[] =
    agg.fn === 'rate'
      ? [
          { alias: 'n', fn: 'count', also: agg.numerator.map(filter).join(' and ') || 'true' },
          { alias: 'd', fn: 'count' },
        ]
      : [{ alias: 'v', fn: agg.fn, ...(agg.fn === 'count' ? {} : { arg: col(agg.field) }) }];
  const parts = {
    shared: where.slice(0, 5),
    own: where.slice(5),
    aggregates,
    groupExpr: group ? `${col(group)}::text` : null,
    periodExpr: period,
  };
  if (!group) {
    return {
      text: `select ${select} from ledger_record where ${where.join(' and ')}`,
      grouped: false,
      read: (rows) => value(rows[0] ?? {}),
      parts,
    };
  }
  return {
    text: `select ${col(group)}::text as k, ${select} from ledger_record where ${where.join(' and ')} group by 1`,
    grouped: true,
    read: (rows) => new Map(rows.map((r) => [(r.k as string | null) ?? null, value(r)])),
    parts,
  };
}
