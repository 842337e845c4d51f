/**
 * Our portable logical backup (DESIGN 3): one gzip'd JSON-lines file with a header, then every
 * table in foreign-key order, each row as an array of canonical text values, closed by the
 * table's row count and sha256. Restorable into an empty, equally migrated PGlite or PostgreSQL.
 *
 * File layout, one JSON value per line:
 *   {"format":"lvzhi-backup","version":1,"createdAt":…,"source":…,"migrations":[…],"tables":[{name,rows}]}
 *   {"table":"unit","columns":[…],"primaryKey":[…]}   then one array per row, in primary-key order
 *   {"end":"unit","rows":N,"sha256":"…"}               … next table …
 *   {"done":true}
 * A row's canonical form is `JSON.stringify(values) + "\n"` with columns in name order and every
 * value as text (timestamps ISO 8601 UTC with microseconds, dates YYYY-MM-DD, jsonb as its text,
 * numbers as PostgreSQL prints them). The checksum is sha256 over those lines in key order, so
 * the same data gives the same checksum on either back-end and in `tableChecksums`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { CompiledQuery, type Kysely } from 'kysely';

export const BACKUP_FORMAT = 'lvzhi-backup';
export const BACKUP_VERSION = 1;
const PAGE = 1000;
const INSERT_BATCH = 500;
/** Kysely's own bookkeeping: the header lists applied migrations instead. */
const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);
/**
 * Order the foreign keys cannot express: the audit_head guard trigger only accepts a head that
 * points at an existing audit_entry row, so entries must be restored first.
 */
const EXTRA_DEPENDENCIES: Record<string, string[]> = { audit_head: ['audit_entry'] };

type AnyDb = Kysely<any>;

export interface TableSummary { rows: number; sha256: string }
export interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  source: { kind: string };
  migrations: string[];
  tables: { name: string; rows: number }[];
}
export interface ProgressEvent { table: string; done: number; total: number }

/** A refusal or integrity failure with a Chinese message for the operator. */
export class BackupError extends Error {
  /** Tables whose checksum did not match, when that is the failure. */
  constructor(message: string, readonly tables: string[] = []) {
    super(message);
  }
}

interface Column { name: string; type: string; identity: boolean }
interface TableInfo { name: string; columns: Column[]; primaryKey: string[]; selfRefs: { cols: string[]; refCols: string[] }[] }

async function query<R>(db: AnyDb, text: string, params: unknown[] = []): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Data tables of the current schema, parents before children (FK graph plus EXTRA_DEPENDENCIES). */
export async function tablesInDependencyOrder(db: AnyDb): Promise<TableInfo[]> {
  const names = (await query<{ name: string }>(db, `select c.relname as name from pg_class c
      where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') order by 1`))
    .map((r) => r.name).filter((n) => !MIGRATION_TABLES.has(n));
  const columns = await query<{ table: string; name: string; type: string; identity: string }>(db, `
    select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attidentity as identity
    from pg_attribute a join pg_class c on c.oid = a.attrelid
    where c.relnamespace = current_schema()::regnamespace and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    order by c.relname, a.attname`);
  const keys = await query<{ table: string; contype: string; cols: string[]; ref: string | null; refcols: string[] | null }>(db, `
    select c.relname as table, k.contype,
      array(select a.attname::text from unnest(k.conkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i) as cols,
      r.relname as ref,
      array(select a.attname::text from unnest(k.confkey) with ordinality u(n, i) join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i) as refcols
    from pg_constraint k join pg_class c on c.oid = k.conrelid left join pg_class r on r.oid = k.confrelid
    where c.relnamespace = current_schema()::regnamespace and k.contype in ('p', 'f')`);
  const info = new Map<string, TableInfo>(names.map((n) => [n, { name: n, columns: [], primaryKey: [], selfRefs: [] }]));
  const deps = new Map<string, Set<string>>(names.map((n) => [n, new Set(EXTRA_DEPENDENCIES[n] ?? [])]));
  for (const c of columns) info.get(c.table)?.columns.push({ name: c.name, type: c.type, identity: c.identity !== '' });
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
    if (state.get(n) === 'visiting') throw new BackupError(`外键存在环（涉及表 ${n}），无法确定导出顺序`);
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
  if (c.type === 'timestamp with time zone') return `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  if (c.type === 'timestamp without time zone') return `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
  if (c.type === 'date') return `to_char(${col}, 'YYYY-MM-DD')`;
  return `${col}::text`;
}

/** Key order independent of the database's collation (PGlite and a Debian cluster differ). */
function keyExpr(t: TableInfo, name: string): string {
  const type = t.columns.find((c) => c.name === name)?.type ?? '';
  return /^(text|character)/.test(type) ? `${ident(name)} collate "C"` : ident(name);
}

/** Streams a table's rows as canonical text arrays, in primary-key order, by keyset pages. */
async function* tableRows(db: AnyDb, t: TableInfo): AsyncGenerator<(string | null)[]> {
  const select = t.columns.map((c, i) => `${textExpr(c)} as c${i}`).join(', ');
  const keyIdx = t.primaryKey.map((k) => t.columns.findIndex((c) => c.name === k));
  const keyCols = t.primaryKey.map((k) => keyExpr(t, k));
  const keyTypes = t.primaryKey.map((k) => t.columns.find((c) => c.name === k)!.type);
  const page = batchSize(t, PAGE);
  let after: (string | null)[] | null = null;
  for (;;) {
    const where: string = after ? `where (${keyCols.join(', ')}) > (${keyTypes.map((ty, i) => `$${i + 1}::${ty}${/^(text|character)/.test(ty) ? ' collate "C"' : ''}`).join(', ')})` : '';
    const rows: Record<string, string | null>[] = await query(db, `select ${select} from ${ident(t.name)} ${where} order by ${keyCols.join(', ')} limit ${page}`, after ?? []);
    const width = t.columns.length;
    const values = (r: Record<string, string | null>) => Array.from({ length: width }, (_, i) => r[`c${i}`] ?? null);
    for (const r of rows) yield values(r);
    if (rows.length < page) return;
    const last = values(rows[rows.length - 1]!);
    after = keyIdx.map((i) => last[i]!);
  }
}

/** Rows per page or insert: few for tables holding files (bytea), so memory stays bounded. */
const batchSize = (t: TableInfo, normal: number) => (t.columns.some((c) => c.type === 'bytea') ? 16 : normal);

const canonical = (values: (string | null)[]) => `${JSON.stringify(values)}\n`;

async function countRows(db: AnyDb, table: string): Promise<number> {
  const [r] = await query<{ n: string | number }>(db, `select count(*) as n from ${ident(table)}`);
  return Number(r?.n ?? 0);
}

async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const exists = await query<{ t: string | null }>(db, `select to_regclass('kysely_migration')::text as t`);
  if (!exists[0]?.t) return [];
  return (await query<{ name: string }>(db, 'select name from kysely_migration order by name')).map((r) => r.name);
}

/** Runs `work` in one repeatable-read snapshot, so counts and rows agree with each other. */
function inSnapshot<T>(db: AnyDb, work: (trx: AnyDb) => Promise<T>): Promise<T> {
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

/** Writes a backup of the whole database to `file` (via `file.partial`, renamed when complete). */
export async function backupDatabase(db: AnyDb, file: string, options: { sourceKind: string; onProgress?: (e: ProgressEvent) => void }): Promise<{ header: BackupHeader; tables: Record<string, TableSummary> }> {
  const partial = `${file}.partial`;
  const tables: Record<string, TableSummary> = {};
  try {
    const header = await inSnapshot(db, async (trx) => {
      const infos = await tablesInDependencyOrder(trx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(),
        source: { kind: options.sourceKind }, migrations: await appliedMigrations(trx),
        tables: [],
      };
      for (const t of infos) header.tables.push({ name: t.name, rows: await countRows(trx, t.name) });
      async function* lines() {
        yield `${JSON.stringify(header)}\n`;
        for (const [i, t] of infos.entries()) {
          const total = header.tables[i]!.rows;
          yield `${JSON.stringify({ table: t.name, columns: t.columns.map((c) => c.name), primaryKey: t.primaryKey })}\n`;
          const hash = createHash('sha256');
          let rows = 0;
          options.onProgress?.({ table: t.name, done: 0, total });
          for await (const values of tableRows(trx, t)) {
            const line = canonical(values);
            hash.update(line);
            if (++rows % PAGE === 0) options.onProgress?.({ table: t.name, done: rows, total });
            yield line;
          }
          tables[t.name] = { rows, sha256: hash.digest('hex') };
          options.onProgress?.({ table: t.name, done: rows, total });
          yield `${JSON.stringify({ end: t.name, ...tables[t.name] })}\n`;
        }
        yield `${JSON.stringify({ done: true })}\n`;
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial));
      return header;
    });
    await rename(partial, file);
    return { header, tables };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}


/** Opens a backup file as a stream of parsed JSON lines. */
async function* readBackup(file: string): AsyncGenerator<unknown> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (e) => gunzip.destroy(e)); // .pipe() does not forward read errors
  const lines = createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BackupError(`备份文件第 ${n} 行不是有效的 JSON（文件已损坏）`);
    }
    yield value;
  }
}

/** Refuses unless the target has the dump's migrations and no data of its own. */
async function checkTarget(db: AnyDb, header: BackupHeader, infos: TableInfo[]): Promise<void> {
  const mine = await appliedMigrations(db);
  if (JSON.stringify(mine) !== JSON.stringify(header.migrations)) {
    throw new BackupError(`目标数据库的迁移（${mine.join(', ') || '无'}）与备份（${header.migrations.join(', ')}）不一致，请先让两者的程序版本相同`);
  }
  const names = new Set(infos.map((t) => t.name));
  const missing = header.tables.filter((t) => !names.has(t.name)).map((t) => t.name);
  const extra = infos.filter((t) => !header.tables.some((h) => h.name === t.name)).map((t) => t.name);
  if (missing.length || extra.length) throw new BackupError(`备份与目标数据库的表不一致：${[...missing.map((n) => `缺少 ${n}`), ...extra.map((n) => `多出 ${n}`)].join('，')}`);
  // Tenant data lives in `town` and every table with a town_id; global catalogues that the
  // migrations fill (roles, portfolios …) may be present and are replaced by the dump's rows.
  const occupied: string[] = [];
  for (const t of infos) {
    if (t.name !== 'town' && !t.columns.some((c) => c.name === 'town_id')) continue;
    const n = await countRows(db, t.name);
    if (n > 0) occupied.push(`${t.name} ${n} 行`);
  }
  if (occupied.length) throw new BackupError(`目标数据库已有数据（${occupied.join('、')}），恢复只能写入刚迁移的空数据库；未做任何修改`);
}

/** Inserts one table's rows, holding back rows whose parent row (self-reference) is not yet in. */
class TableWriter {
  readonly #batch: (string | null)[][] = [];
  readonly #inserted: Set<string>[];
  readonly #waiting = new Map<string, (string | null)[][]>();
  readonly #sql: string;
  readonly #refIdx: { cols: number[]; refCols: number[] }[];
  readonly #batchSize: number;

  constructor(private readonly db: AnyDb, t: TableInfo, columns: string[]) {
    const types = columns.map((name) => {
      const col = t.columns.find((c) => c.name === name);
      if (!col) throw new BackupError(`目标表 ${t.name} 没有列 ${name}`);
      return col;
    });
    const overriding = types.some((c) => c.identity) ? ' overriding system value' : '';
    this.#sql = `insert into ${ident(t.name)} (${columns.map(ident).join(', ')})${overriding} select ${types.map((c, i) => `(v->>${i})::${c.type}`).join(', ')} from jsonb_array_elements($1::jsonb) as r(v)`;
    this.#refIdx = t.selfRefs.map((r) => ({ cols: r.cols.map((c) => columns.indexOf(c)), refCols: r.refCols.map((c) => columns.indexOf(c)) }));
    this.#inserted = this.#refIdx.map(() => new Set());
    this.#batchSize = batchSize(t, INSERT_BATCH);
  }

  async add(row: (string | null)[]): Promise<void> {
    const blocker = this.#refIdx.findIndex((r, i) => {
      const parent = r.cols.map((c) => row[c] ?? null);
      if (parent.some((v) => v === null)) return false;
      const key = JSON.stringify(parent);
      return key !== JSON.stringify(r.refCols.map((c) => row[c])) && !this.#inserted[i]!.has(key);
    });
    if (blocker >= 0) {
      const key = `${blocker}:${JSON.stringify(this.#refIdx[blocker]!.cols.map((c) => row[c]))}`;
      this.#waiting.set(key, [...(this.#waiting.get(key) ?? []), row]);
      return;
    }
    this.#batch.push(row);
    for (const [i, r] of this.#refIdx.entries()) {
      const key = JSON.stringify(r.refCols.map((c) => row[c]));
      this.#inserted[i]!.add(key);
      const children = this.#waiting.get(`${i}:${key}`);
      if (children) {
        this.#waiting.delete(`${i}:${key}`);
        for (const child of children) await this.add(child);
      }
    }
    if (this.#batch.length >= this.#batchSize) await this.flush();
  }

  async finish(table: string): Promise<void> {
    const orphans = [...this.#waiting.values()].reduce((n, rows) => n + rows.length, 0);
    if (orphans) throw new BackupError(`表 ${table} 有 ${orphans} 行引用了备份中不存在的上级行`);
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.#batch.length) return;
    await query(this.db, this.#sql, [JSON.stringify(this.#batch)]);
    this.#batch.length = 0;
  }
}

/** Moves serial/identity sequences past the restored values. */
async function resetSequences(db: AnyDb, infos: TableInfo[]): Promise<void> {
  for (const t of infos) {
    for (const c of t.columns) {
      if (!/^(smallint|integer|bigint)$/.test(c.type)) continue;
      const [s] = await query<{ seq: string | null }>(db, 'select pg_get_serial_sequence($1, $2) as seq', [ident(t.name), c.name]);
      if (s?.seq) await query(db, `select setval($1, coalesce((select max(${ident(c.name)}) from ${ident(t.name)}), 0) + 1, false)`, [s.seq]);
    }
  }
}

/**
 * Restores `file` into an empty database migrated to the same version, in one transaction:
 * checks each table's rows against the dump's checksum while reading, then recomputes every
 * checksum from the restored tables. Any refusal or mismatch rolls everything back.
 */
export async function restoreDatabase(db: AnyDb, file: string, options: { onProgress?: (e: ProgressEvent) => void } = {}): Promise<{ header: BackupHeader; tables: Record<string, TableSummary> }> {
  const input = readBackup(file)[Symbol.asyncIterator]();
  try {
    const first = (await input.next().catch((e: unknown) => {
      if (e instanceof BackupError) throw e;
      throw new BackupError(`无法读取备份文件（${e instanceof Error ? e.message : String(e)}）`);
    })).value as BackupHeader | undefined;
    if (first?.format !== BACKUP_FORMAT) throw new BackupError('不是履职备份文件');
    if (first.version !== BACKUP_VERSION) throw new BackupError(`备份格式版本 ${first.version} 不受支持（本程序支持 ${BACKUP_VERSION}）`);
    return await restoreRows(db, first, input, options);
  } finally {
    await input.return?.(undefined);
  }
}

async function restoreRows(db: AnyDb, header: BackupHeader, input: AsyncIterator<unknown>, options: { onProgress?: (e: ProgressEvent) => void }) {
  return db.transaction().execute(async (trx) => {
    const infos = await tablesInDependencyOrder(trx);
    await checkTarget(trx, header, infos);
    for (const t of [...infos].reverse()) if ((await countRows(trx, t.name)) > 0) await query(trx, `delete from ${ident(t.name)}`);
    const tables: Record<string, TableSummary> = {};
    let section: { name: string; writer: TableWriter; hash: ReturnType<typeof createHash>; rows: number; total: number } | null = null;
    let done = false;
    for (let next = await input.next(); !next.done; next = await input.next()) {
      const item = next.value as Record<string, unknown> | (string | null)[];
      if (Array.isArray(item)) {
        if (!section) throw new BackupError('备份文件结构错误：数据行不属于任何表');
        section.hash.update(canonical(item));
        await section.writer.add(item);
        if (++section.rows % PAGE === 0) options.onProgress?.({ table: section.name, done: section.rows, total: section.total });
      } else if (typeof item.table === 'string') {
        const t = infos.find((i) => i.name === item.table);
        if (!t) throw new BackupError(`目标数据库没有表 ${item.table}`);
        const total = header.tables.find((h) => h.name === t.name)?.rows ?? 0;
        section = { name: t.name, writer: new TableWriter(trx, t, item.columns as string[]), hash: createHash('sha256'), rows: 0, total };
        options.onProgress?.({ table: t.name, done: 0, total });
      } else if (typeof item.end === 'string' && section?.name === item.end) {
        await section.writer.finish(section.name);
        const sha256 = section.hash.digest('hex');
        if (sha256 !== item.sha256 || section.rows !== item.rows) {
          throw new BackupError(`备份文件中表 ${section.name} 的内容与其校验和不符（文件已损坏或被改动）；未做任何修改`, [section.name]);
        }
        tables[section.name] = { rows: section.rows, sha256 };
        options.onProgress?.({ table: section.name, done: section.rows, total: section.total });
        section = null;
      } else if (item.done === true) {
        done = true;
      } else {
        throw new BackupError('备份文件结构错误');
      }
    }
    if (!done || section) throw new BackupError('备份文件不完整（被截断）；未做任何修改');
    await resetSequences(trx, infos);
    const restored = await tableChecksums(trx);
    const mismatches = Object.keys(tables).filter((n) => restored[n]?.sha256 !== tables[n]!.sha256 || restored[n]?.rows !== tables[n]!.rows);
    if (mismatches.length) throw new BackupError(`恢复后以下表的校验和与备份不一致：${mismatches.join('、')}；已回滚`, mismatches);
    return { header, tables };
  });
}
