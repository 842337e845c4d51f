/**
 * What backup and restore share: the table list in dependency order, the canonical text form of
 * rows and its checksum, and the header and error types. The file format is described in
 * backup.ts.
 */
import { createHash } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';

export const BACKUP_FORMAT = 'lvzhi-backup';
export const BACKUP_VERSION = 1;
export const PAGE = 1000;
export const INSERT_BATCH = 500;
/** Kysely's own bookkeeping: the header lists applied migrations instead. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
/**
 * Order the foreign keys cannot express: the audit_head guard trigger only accepts a head that
 * points at an existing audit_entry row, so entries must be restored first.
 */
const EXTRA_DEPENDENCIES: Record<string, string[]> = { audit_head: ['audit_entry'] };

export type AnyDb = Kysely<any>;

export interface TableSummary {
  rows: number;
  sha256: string;
}
export interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  source: { kind: string };
  migrations: string[];
  tables: { name: string; rows: number }[];
}
export interface ProgressEvent {
  table: string;
  done: number;
  total: number;
}

/** A refusal or integrity failure with a Chinese message for the operator. */
export class BackupError extends Error {
  /** Tables whose checksum did not match, when that is the failure. */
  constructor(
    message: string,
    readonly tables: string[] = [],
  ) {
    super(message);
  }
}

export interface Column {
  name: string;
  type: string;
  identity: boolean;
}
export interface TableInfo {
  name: string;
  columns: Column[];
  primaryKey: string[];
  selfRefs: { cols: string[]; refCols: string[] }[];
}

export async function query<R>(db: AnyDb, text: string, params: unknown[] = []): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Data tables of the current schema, parents before children (FK graph plus EXTRA_DEPENDENCIES). */
export async function tablesInDependencyOrder(db: AnyDb): Promise<TableInfo[]> {
  const names = (
    await query<{ name: string }>(
      db,
      `select c.relname as name from pg_class c
      where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') order by 1`,
    )
  )
    .map((r) => r.name)
    .filter((n) => !MIGRATION_TABLES.has(n));
  const columns = await query<{ table: string; name: string; type: string; identity: string }>(
    db,
    `
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
      a.attidentity as identity
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.relnamespace = current_schema()::regnamespace and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = ''
    order by c.relname, a.attname`,
  );
  const keys = await query<{
    table: string;
    contype: string;
    cols: string[];
    ref: string | null;
    refcols: string[] | null;
  }>(
    db,
    `
    select c.relname as table, k.contype,
      array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i)
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as cols,
      r.relname as ref,
      array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i)
        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as refcols
    from pg_constraint k join pg_class c on c.oid = k.conrelid left join pg_class r on r.oid = k.confrelid
    where c.relnamespace = current_schema()::regnamespace and k.contype in ('p', 'f')`,
  );
  const info = new Map<string, TableInfo>(
    names.map((n) => [n, { name: n, columns: [], primaryKey: [], selfRefs: [] }]),
  );
  const deps = new Map<string, Set<string>>(
    names.map((n) => [n, new Set(EXTRA_DEPENDENCIES[n] ?? [])]),
  );
  for (const c of columns)
    info.get(c.table)?.columns.push({ name: c.name, type: c.type, identity: c.identity !== '' });
  for (const k of keys) {
    const t = info.get(k.table);
    if (!t) continue;
    if (k.contype === 'p') t.primaryKey = k.cols;
    else if (k.ref === k.table) t.selfRefs.push({ cols: k.cols, refCols: k.refcols ?? [] });
    else if (k.ref && info.has(k.ref)) deps.get(k.table)!.add(k.ref);
  }
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (n: string) => {
    if (state.get(n) === 'done') return;
    if (state.get(n) === 'visiting')
      throw new BackupError(`外键存在环（涉及表 ${n}），无法确定导出顺序`);
    state.set(n, 'visiting');
    for (const d of [...deps.get(n)!].sort()) if (info.has(d)) visit(d);
    state.set(n, 'done');
    ordered.push(info.get(n)!);
  };
  names.forEach(visit);
  for (const t of ordered) if (!t.primaryKey.length) t.primaryKey = t.columns.map((c) => c.name);
  return ordered;
}

/** Text form of a column that reads back identically on PGlite and PostgreSQL 15+. */
function textExpr(c: Column): string {
  const col = ident(c.name);
  if (c.type === 'timestamp with time zone')
    return `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  if (c.type === 'timestamp without time zone')
    return `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  if (c.type === 'date') return `to_char(${col}, 'YYYY-MM-DD')`;
  return `${col}::text`;
}

/** Key order independent of the database's collation (PGlite and a Debian cluster differ). */
function keyExpr(t: TableInfo, name: string): string {
  const type = t.columns.find((c) => c.name === name)?.type ?? '';
  return /^(text|character)/.test(type) ? `${ident(name)} collate "C"` : ident(name);
}

/** Streams a table's rows as canonical text arrays, in primary-key order, by keyset pages. */
export async function* tableRows(db: AnyDb, t: TableInfo): AsyncGenerator<(string | null)[]> {
  const select = t.columns.map((c, i) => `${textExpr(c)} as c${i}`).join(', ');
  const keyIdx = t.primaryKey.map((k) => t.columns.findIndex((c) => c.name === k));
  const keyCols = t.primaryKey.map((k) => keyExpr(t, k));
  const keyTypes = t.primaryKey.map((k) => t.columns.find((c) => c.name === k)!.type);
  const collate = (ty: string) => (/^(text|character)/.test(ty) ? ' collate "C"' : '');
  const keyParams = keyTypes.map((ty, i) => `$${i + 1}::${ty}${collate(ty)}`).join(', ');
  const page = batchSize(t, PAGE);
  let after: (string | null)[] | null = null;
  for (;;) {
    const where: string = after ? `where (${keyCols.join(', ')}) > (${keyParams})` : '';
    const rows: Record<string, string | null>[] = await query(
      db,
      `select ${select} from ${ident(t.name)} ${where} order by ${keyCols.join(', ')} limit ${page}`,
      after ?? [],
    );
    const width = t.columns.length;
    const values = (r: Record<string, string | null>) =>
      Array.from({ length: width }, (_, i) => r[`c${i}`] ?? null);
    for (const r of rows) yield values(r);
    if (rows.length < page) return;
    const last = values(rows[rows.length - 1]!);
    after = keyIdx.map((i) => last[i]!);
  }
}

/** Rows per page or insert: few for tables holding files (bytea), so memory stays bounded. */
export const batchSize = (t: TableInfo, normal: number) =>
  t.columns.some((c) => c.type === 'bytea') ? 16 : normal;

export const canonical = (values: (string | null)[]) => `${JSON.stringify(values)}\n`;

export async function countRows(db: AnyDb, table: string): Promise<number> {
  const [r] = await query<{ n: string | number }>(db, `select count(*) as n from ${ident(table)}`);
  return Number(r?.n ?? 0);
}

export async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const exists = await query<{ t: string | null }>(
    db,
    `select to_regclass('kysely_migration')::text as t`,
  );
  if (!exists[0]?.t) return [];
  return (await query<{ name: string }>(db, 'select name from kysely_migration order by name')).map(
    (r) => r.name,
  );
}

/** Runs `work` in one repeatable-read snapshot, so counts and rows agree with each other. */
export function inSnapshot<T>(db: AnyDb, work: (trx: AnyDb) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().setIsolationLevel('repeatable read').execute(work);
}

/** Per-table row count and sha256 of the canonical rows in key order (migration tables excluded). */
export function tableChecksums(db: AnyDb): Promise<Record<string, TableSummary>> {
  return inSnapshot(db, async (trx) => {
    const result: Record<string, TableSummary> = {};
    for (const t of await tablesInDependencyOrder(trx)) {
      const hash = createHash('sha256');
      let rows = 0;
      for await (const values of tableRows(trx, t)) {
        hash.update(canonical(values));
        rows++;
      }
      result[t.name] = { rows, sha256: hash.digest('hex') };
    }
    return result;
  });
}
