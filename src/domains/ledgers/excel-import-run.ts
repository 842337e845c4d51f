/**
 * One run of the streaming Excel import (excel-import.ts): reads the header, validates each row
 * against the ledger type, and inserts clean rows in batches while the file has no problem yet.
 */
import type { Kysely } from 'kysely';
import type { FieldIssue } from '../../core/errors.ts';
import {
  recordColumns,
  recordDataSchema,
  uniqueKeys,
  type RecordData,
  type UniqueKey,
} from '../../core/ledger/record.ts';
import type { LedgerField, LedgerType } from '../../core/ledger/type.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import {
  columnLetter,
  excelFields,
  headerLookup,
  importIssue,
  plainCell,
  resolveName,
  type ImportIssue,
  type NameDirectory,
} from './excel-columns.ts';
import * as records from './ledger-record.repository.ts';
import * as uniques from './ledger-unique.repository.ts';
import { claimAttachments } from './attachment.service.ts';
import { attachmentIds, authorId, referenceIssues, type Ctx } from './ledger-record.service.ts';
import { recordInScope, type RecordScope } from './ledgers.policy.ts';
import { conflictMessage, type NameOf } from './unique-claims.ts';

const BATCH = 500;
/** Past this many problems the report stops growing (the clerk fixes these first). */
export const MAX_REPORTED = 200;

export interface ImportProgress {
  rows: number;
  imported: number;
  errors: number;
}
export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
}

interface PendingRow {
  row: number;
  data: RecordData;
}

export class ImportRun {
  readonly issues: ImportIssue[] = [];
  imported = 0;
  rows = 0;
  private batch: PendingRow[] = [];
  private columns: { col: number; field: LedgerField }[] = [];
  private readonly schema;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly ctx: Ctx,
    private readonly type: LedgerType,
    private readonly scope: RecordScope,
    private readonly dir: NameDirectory,
    private sheet = '',
  ) {
    this.schema = recordDataSchema(type, 'write');
  }

  private problem(row: number, col: number | null, header: string, message: string) {
    if (this.issues.length < MAX_REPORTED)
      this.issues.push(importIssue(this.sheet, row, col, header, message));
    else this.truncated = true;
  }
  truncated = false;

  /** Row 1 names the columns; unknown headers and missing required columns stop the import. */
  readHeader(sheet: string, values: unknown[]) {
    this.sheet = sheet;
    const lookup = headerLookup(this.type);
    const seen = new Set<string>();
    values.forEach((v, col) => {
      const text = plainCell(v);
      if (text === null || String(text).trim() === '') return;
      const field = lookup(String(text));
      if (!field)
        return this.problem(
          1,
          col,
          String(text),
          `“${String(text)}”不是“${this.type.name}”的字段，请使用导出的模板`,
        );
      if (seen.has(field.key)) return this.problem(1, col, String(text), '列重复');
      seen.add(field.key);
      this.columns.push({ col, field });
    });
    for (const f of excelFields(this.type)) {
      if (f.required && !seen.has(f.key)) this.problem(1, null, f.label, `缺少必填列“${f.label}”`);
    }
  }

  async readRow(rowNumber: number, values: unknown[]) {
    const raw: Record<string, unknown> = {};
    let blank = true;
    let ok = true;
    const unresolved = new Set<string>();
    for (const { col, field } of this.columns) {
      const cell = plainCell(values[col]);
      if (cell !== null && String(cell).trim() !== '') blank = false;
      if (cell && typeof cell === 'object' && 'error' in cell) {
        this.problem(
          rowNumber,
          col,
          field.label,
          `单元格是公式错误 ${String((cell as { error: string }).error)}`,
        );
        unresolved.add(field.key);
        ok = false;
        continue;
      }
      const resolved = resolveName(field, cell, this.dir);
      if ('problem' in resolved) {
        this.problem(rowNumber, col, field.label, resolved.problem);
        unresolved.add(field.key);
        ok = false;
      } else raw[field.key] = resolved.value;
    }
    if (blank) return;
    this.rows++;
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        if (unresolved.has(key)) continue; // already reported for this cell
        const column = this.columns.find((c) => c.field.key === key);
        this.problem(rowNumber, column?.col ?? null, column?.field.label ?? '', issue.message);
      }
      return;
    }
    if (ok) this.batch.push({ row: rowNumber, data: parsed.data });
    if (this.batch.length >= BATCH) await this.flush();
  }

  private colOf(key: string | undefined) {
    return this.columns.find((c) => c.field.key === key);
  }

  /** Cross-row checks (references, scope, unique values), then the insert — while still clean. */
  async flush() {
    const batch = this.batch;
    this.batch = [];
    if (!batch.length) return;
    const refs = await referenceIssues(
      this.db,
      this.ctx.townId,
      this.type,
      batch.map((b) => b.data),
      { userId: this.ctx.actor.userId, recordId: null },
    );
    const { good, rowOf } = this.screen(batch, refs);
    const keys = new Map(good.map((r) => [r.id, this.uniqueInFile(rowOf.get(r.id)!, r.data)]));
    // Values held by existing records, reported even once the file is known to fail.
    const held = await uniques.heldUnique(
      this.db,
      this.ctx.townId,
      this.type.code,
      [...keys.values()].flat(),
    );
    for (const r of good) {
      for (const k of keys.get(r.id)!)
        if (held.has(`${k.key}|${k.value}`))
          this.uniqueProblem(rowOf.get(r.id)!, k, conflictMessage(this.type, k, this.nameOf));
    }
    // Once any row is bad the file will be rolled back; validation goes on, inserts stop.
    if (this.issues.length || !good.length) return;
    await records.insertRecords(this.db, this.ctx.townId, good);
    const claims = good.flatMap((r) =>
      keys.get(r.id)!.map((k) => ({
        typeCode: this.type.code,
        fieldKey: k.key,
        value: k.value,
        recordId: r.id,
        k,
      })),
    );
    for (const lost of await uniques.claimUnique(this.db, this.ctx.townId, claims)) {
      const key = claims.find(
        (c) => c.recordId === lost.recordId && c.fieldKey === lost.fieldKey,
      )!.k;
      this.uniqueProblem(
        rowOf.get(lost.recordId)!,
        key,
        conflictMessage(this.type, key, this.nameOf, '的记录已存在，不能重复'),
      );
    }
    await this.claimFiles(good, rowOf);
    this.imported += good.length;
  }

  /** Rows clean of reference and scope problems, as new records with their sheet rows. */
  private screen(batch: PendingRow[], refs: Map<number, FieldIssue[]>) {
    const good: records.NewRecord[] = [];
    const rowOf = new Map<string, number>();
    batch.forEach((b, i) => {
      for (const issue of refs.get(i) ?? []) {
        const c = this.colOf(issue.path.replace(/^data\./, ''));
        this.problem(b.row, c?.col ?? null, issue.label, issue.message.replace(/^[^：]*：/, ''));
      }
      if (refs.has(i)) return;
      const cols = recordColumns(this.type, b.data);
      if (
        !recordInScope(this.scope, {
          typeCode: this.type.code,
          unitId: cols.unitId,
          personId: cols.personId,
        })
      ) {
        const c = this.colOf(this.type.unitField);
        return this.problem(
          b.row,
          c?.col ?? null,
          c?.field.label ?? '',
          '该记录不在您负责的范围内',
        );
      }
      const id = newId();
      rowOf.set(id, b.row);
      good.push({
        id,
        typeCode: this.type.code,
        typeVersion: this.type.version,
        unitId: cols.unitId,
        personId: cols.personId,
        occurredOn: cols.occurredOn!,
        data: b.data,
        createdBy: authorId(this.ctx),
      });
    });
    return { good, rowOf };
  }

  /** Each new record takes the importer's unclaimed uploads it lists (at most one record each). */
  private async claimFiles(good: records.NewRecord[], rowOf: Map<string, number>) {
    const column = this.colOf(this.type.fields.find((f) => f.type === 'attachment')?.key);
    for (const r of good) {
      if (!(await claimAttachments(this.db, this.ctx, r.id, attachmentIds(this.type, r.data))))
        this.problem(
          rowOf.get(r.id)!,
          column?.col ?? null,
          column?.field.label ?? '',
          '附件已被本文件中其他行使用',
        );
    }
  }

  /** Unique values already seen earlier in this file are reported against both rows. */
  private readonly seen = new Map<string, number>();
  private readonly nameOf: NameOf = (id) =>
    this.dir.personName.get(id) ?? this.dir.unitName.get(id);

  private uniqueInFile(row: number, data: RecordData): UniqueKey[] {
    const keys = uniqueKeys(this.type, data);
    for (const k of keys) {
      const id = `${k.key}|${k.value}`;
      const first = this.seen.get(id);
      if (first === undefined) this.seen.set(id, row);
      else
        this.uniqueProblem(
          row,
          k,
          conflictMessage(this.type, k, this.nameOf, `的记录在本文件第 ${first} 行已有，不能重复`),
        );
    }
    return keys;
  }

  /** Reported at the first column of the key, naming every column it spans. */
  private uniqueProblem(row: number, key: UniqueKey, message: string) {
    const cols = key.fields.map((f) => this.colOf(f)).filter((c) => c !== undefined);
    const where =
      cols.length > 1
        ? `（${cols.map((c) => `${columnLetter(c.col)} 列“${c.field.label}”`).join('、')}）`
        : '';
    this.problem(row, cols[0]?.col ?? null, key.label, `${message}${where}`);
  }
}
