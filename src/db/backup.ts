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
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  appliedMigrations,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  canonical,
  countRows,
  inSnapshot,
  PAGE,
  tableRows,
  tablesInDependencyOrder,
  type AnyDb,
  type BackupHeader,
  type ProgressEvent,
  type TableSummary,
} from './backup-tables.ts';

export {
  BackupError,
  tableChecksums,
  type BackupHeader,
  type ProgressEvent,
  type TableSummary,
} from './backup-tables.ts';
export { restoreDatabase } from './restore.ts';

/** Writes a backup of the whole database to `file` (via `file.partial`, renamed when complete). */
export async function backupDatabase(
  db: AnyDb,
  file: string,
  options: { sourceKind: string; onProgress?: (e: ProgressEvent) => void },
): Promise<{ header: BackupHeader; tables: Record<string, TableSummary> }> {
  const partial = `${file}.partial`;
  const tables: Record<string, TableSummary> = {};
  try {
    const header = await inSnapshot(db, async (trx) => {
      const infos = await tablesInDependencyOrder(trx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        source: { kind: options.sourceKind },
        migrations: await appliedMigrations(trx),
        tables: [],
      };
      for (const t of infos)
        header.tables.push({ name: t.name, rows: await countRows(trx, t.name) });
      async function* lines() {
        yield `${JSON.stringify(header)}\n`;
        for (const [i, t] of infos.entries()) {
          const total = header.tables[i]!.rows;
          const columns = t.columns.map((c) => c.name);
          yield `${JSON.stringify({ table: t.name, columns, primaryKey: t.primaryKey })}\n`;
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
