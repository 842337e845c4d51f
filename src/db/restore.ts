/**
 * Restore of a backup (format in backup.ts) into an empty database migrated to the same version,
 * in one transaction, verifying every table's checksum on the way in and again at the end.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import {
  appliedMigrations,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  batchSize,
  canonical,
  countRows,
  ident,
  INSERT_BATCH,
  PAGE,
  query,
  tableChecksums,
  tablesInDependencyOrder,
  type AnyDb,
  type BackupHeader,
  type ProgressEvent,
  type TableInfo,
  type TableSummary,
} from './backup-tables.ts';

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
    throw new BackupError(
      `目标数据库的迁移（${mine.join(', ') || '无'}）与备份（${header.migrations.join(', ')}）不一致，请先让两者的程序版本相同`,
    );
  }
  const names = new Set(infos.map((t) => t.name));
  const missing = header.tables.filter((t) => !names.has(t.name)).map((t) => t.name);
  const extra = infos
    .filter((t) => !header.tables.some((h) => h.name === t.name))
    .map((t) => t.name);
  if (missing.length || extra.length)
    throw new BackupError(
      `备份与目标数据库的表不一致：${[...missing.map((n) => `缺少 ${n}`), ...extra.map((n) => `多出 ${n}`)].join('，')}`,
    );
  // Tenant data lives in `town` and every table with a town_id; global catalogues that the
  // migrations fill (roles, portfolios …) may be present and are replaced by the dump's rows.
  const occupied: string[] = [];
  for (const t of infos) {
    if (t.name !== 'town' && !t.columns.some((c) => c.name === 'town_id')) continue;
    const n = await countRows(db, t.name);
    if (n > 0) occupied.push(`${t.name} ${n} 行`);
  }
  if (occupied.length)
    throw new BackupError(
      `目标数据库已有数据（${occupied.join('、')}），恢复只能写入刚迁移的空数据库；未做任何修改`,
    );
}

/** Inserts one table's rows, holding back rows whose parent row (self-reference) is not yet in. */
class TableWriter {
  readonly #batch: (string | null)[][] = [];
  readonly #inserted: Set<string>[];
  readonly #waiting = new Map<string, (string | null)[][]>();
  readonly #sql: string;
  readonly #refIdx: { cols: number[]; refCols: number[] }[];
  readonly #batchSize: number;

  constructor(
    private readonly db: AnyDb,
    t: TableInfo,
    columns: string[],
  ) {
    const types = columns.map((name) => {
      const col = t.columns.find((c) => c.name === name);
      if (!col) throw new BackupError(`目标表 ${t.name} 没有列 ${name}`);
      return col;
    });
    const overriding = types.some((c) => c.identity) ? ' overriding system value' : '';
    const values = types.map((c, i) => `(v->>${i})::${c.type}`).join(', ');
    this.#sql =
      `insert into ${ident(t.name)} (${columns.map(ident).join(', ')})${overriding} ` +
      `select ${values} from jsonb_array_elements($1::jsonb) as r(v)`;
    this.#refIdx = t.selfRefs.map((r) => ({
      cols: r.cols.map((c) => columns.indexOf(c)),
      refCols: r.refCols.map((c) => columns.indexOf(c)),
    }));
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
      const [s] = await query<{ seq: string | null }>(
        db,
        'select pg_get_serial_sequence($1, $2) as seq',
        [ident(t.name), c.name],
      );
      if (s?.seq)
        await query(
          db,
          `select setval($1, coalesce((select max(${ident(c.name)}) from ${ident(t.name)}), 0) + 1, false)`,
          [s.seq],
        );
    }
  }
}

/**
 * Restores `file` into an empty database migrated to the same version, in one transaction:
 * checks each table's rows against the dump's checksum while reading, then recomputes every
 * checksum from the restored tables. Any refusal or mismatch rolls everything back.
 */
export async function restoreDatabase(
  db: AnyDb,
  file: string,
  options: { onProgress?: (e: ProgressEvent) => void } = {},
): Promise<{ header: BackupHeader; tables: Record<string, TableSummary> }> {
  const input = readBackup(file)[Symbol.asyncIterator]();
  try {
    const first = (
      await input.next().catch((e: unknown) => {
        if (e instanceof BackupError) throw e;
        throw new BackupError(`无法读取备份文件（${e instanceof Error ? e.message : String(e)}）`);
      })
    ).value as BackupHeader | undefined;
    if (first?.format !== BACKUP_FORMAT) throw new BackupError('不是履职备份文件');
    if (first.version !== BACKUP_VERSION)
      throw new BackupError(
        `备份格式版本 ${first.version} 不受支持（本程序支持 ${BACKUP_VERSION}）`,
      );
    return await restoreRows(db, first, input, options);
  } finally {
    await input.return?.(undefined);
  }
}

async function restoreRows(
  db: AnyDb,
  header: BackupHeader,
  input: AsyncIterator<unknown>,
  options: { onProgress?: (e: ProgressEvent) => void },
) {
  return db.transaction().execute(async (trx) => {
    const infos = await tablesInDependencyOrder(trx);
    await checkTarget(trx, header, infos);
    for (const t of [...infos].reverse())
      if ((await countRows(trx, t.name)) > 0) await query(trx, `delete from ${ident(t.name)}`);
    const tables: Record<string, TableSummary> = {};
    let section: {
      name: string;
      writer: TableWriter;
      hash: ReturnType<typeof createHash>;
      rows: number;
      total: number;
    } | null = null;
    let done = false;
    for (let next = await input.next(); !next.done; next = await input.next()) {
      const item = next.value as Record<string, unknown> | (string | null)[];
      if (Array.isArray(item)) {
        if (!section) throw new BackupError('备份文件结构错误：数据行不属于任何表');
        section.hash.update(canonical(item));
        await section.writer.add(item);
        if (++section.rows % PAGE === 0)
          options.onProgress?.({ table: section.name, done: section.rows, total: section.total });
      } else if (typeof item.table === 'string') {
        const t = infos.find((i) => i.name === item.table);
        if (!t) throw new BackupError(`目标数据库没有表 ${item.table}`);
        const total = header.tables.find((h) => h.name === t.name)?.rows ?? 0;
        section = {
          name: t.name,
          writer: new TableWriter(trx, t, item.columns as string[]),
          hash: createHash('sha256'),
          rows: 0,
          total,
        };
        options.onProgress?.({ table: t.name, done: 0, total });
      } else if (typeof item.end === 'string' && section?.name === item.end) {
        await section.writer.finish(section.name);
        const sha256 = section.hash.digest('hex');
        if (sha256 !== item.sha256 || section.rows !== item.rows) {
          throw new BackupError(
            `备份文件中表 ${section.name} 的内容与其校验和不符（文件已损坏或被改动）；未做任何修改`,
            [section.name],
          );
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
    const mismatches = Object.keys(tables).filter(
      (n) => restored[n]?.sha256 !== tables[n]!.sha256 || restored[n]?.rows !== tables[n]!.rows,
    );
    if (mismatches.length)
      throw new BackupError(
        `恢复后以下表的校验和与备份不一致：${mismatches.join('、')}；已回滚`,
        mismatches,
      );
    return { header, tables };
  });
}
