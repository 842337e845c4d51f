/**
 * Use cases of ledger records: validate a record against its type (and the town's people, units
 * and attachments), keep unique fields unique, write it with its audit entry in the caller's
 * transaction, and read records back under the current version of their type.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { Conflict, InvalidInput, NotFound, type FieldIssue } from '../../core/errors.ts';
import {
  readRecordData,
  recordColumns,
  validateRecordData,
  type RecordData,
} from '../../core/ledger/record.ts';
import type { LedgerType } from '../../core/ledger/type.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import * as records from './ledger-record.repository.ts';
import * as uniques from './ledger-unique.repository.ts';
import * as types from './ledger-type.repository.ts';
import { recordInScope, recordScope, typeVisible, type RecordScope } from './ledgers.policy.ts';
import { claimAttachments, linkableAttachments } from './attachment.service.ts';
import { claimOrThrow } from './unique-claims.ts';
import { authorId, type Ctx } from './ledger-audit.ts';
import { auditWrite } from '../audit/audit.service.ts';

type Db = Kysely<DB>;
export { authorId, type Ctx } from './ledger-audit.ts';

/** The current version of a type and the caller's scope over its records; 404 when out of sight. */
export async function scopedType(
  db: Db,
  actor: Actor,
  townId: string,
  code: string,
  write: boolean,
): Promise<{ type: LedgerType; scope: RecordScope; all: LedgerType[] }> {
  const all = await types.currentTypes(db, townId);
  const type = all.find((t) => t.code === code);
  if (!type) throw new NotFound('台账类型');
  const scope = await recordScope(db, actor, townId, all, write);
  if (!typeVisible(scope, type)) throw new NotFound('台账类型');
  return { type, scope, all };
}

/** A record as the API shows it: data read leniently under the current type (DESIGN 6 versions). */
export function toRecord(row: records.RecordRow, current: LedgerType) {
  let data: RecordData = row.data;
  try {
    data = readRecordData(current, row.data);
  } catch {
    // A value the current version cannot coerce is shown as stored rather than hidden.
  }
  return {
    id: row.id,
    typeCode: row.type_code,
    typeVersion: row.type_version,
    unitId: row.unit_id,
    personId: row.person_id,
    occurredOn: row.occurred_on,
    data,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}
export type LedgerRecordView = ReturnType<typeof toRecord>;

const REF_TABLES = { person: 'person', unit: 'unit', attachment: 'attachment' } as const;
const REF_WORDS = { person: '人员', unit: '单位', attachment: '附件' } as const;

/** The ids of the attachment fields of a record. */
export function attachmentIds(type: LedgerType, data: RecordData): string[] {
  return type.fields
    .filter((f) => f.type === 'attachment')
    .flatMap((f) => (Array.isArray(data[f.key]) ? (data[f.key] as string[]) : []));
}

/**
 * Field issues for ids that do not exist in the town, over a batch of validated records — and
 * for attachments a record may not list: another record's or an order's, or someone else's
 * unclaimed upload (`by.recordId`: the record being updated; null for new records).
 */
export async function referenceIssues(
  db: Db,
  townId: string,
  type: LedgerType,
  batch: RecordData[],
  by: { userId: string | null; recordId: string | null },
): Promise<Map<number, FieldIssue[]>> {
  const wanted: Record<keyof typeof REF_TABLES, string[]> = {
    person: [],
    unit: [],
    attachment: [],
  };
  const refFields = type.fields.filter(
    (f): f is typeof f & { type: keyof typeof REF_TABLES } => f.type in REF_TABLES,
  );
  for (const data of batch) {
    for (const f of refFields) {
      const v = data[f.key];
      if (v !== undefined)
        wanted[f.type].push(...(Array.isArray(v) ? (v as string[]) : [v as string]));
    }
  }
  const found = {
    person: await records.existingIds(db, townId, 'person', wanted.person),
    unit: await records.existingIds(db, townId, 'unit', wanted.unit),
    attachment: await linkableAttachments(db, townId, wanted.attachment, by),
  };
  const issues = new Map<number, FieldIssue[]>();
  batch.forEach((data, i) => {
    for (const f of refFields) {
      const v = data[f.key];
      if (v === undefined) continue;
      const missing = (Array.isArray(v) ? (v as string[]) : [v as string]).filter(
        (id) => !found[f.type].has(id),
      );
      if (missing.length) {
        issues.set(i, [
          ...(issues.get(i) ?? []),
          {
            path: `data.${f.key}`,
            label: f.label,
            message:
              f.type === 'attachment'
                ? `${f.label}：只能选用您上传的文件或本记录原有的附件（其他记录或工单的附件不能引用）`
                : `${f.label}：所选${REF_WORDS[f.type]}在本乡镇中不存在`,
          },
        ]);
      }
    }
  });
  return issues;
}

/** Validates one record for writing; throws InvalidInput listing every bad field. */
async function prepare(
  db: Db,
  ctx: Ctx,
  type: LedgerType,
  input: unknown,
  scope: RecordScope,
  recordId: string | null,
) {
  const data = validateRecordData(type, input, 'write');
  const by = { userId: ctx.actor.userId, recordId };
  const refs = (await referenceIssues(db, ctx.townId, type, [data], by)).get(0);
  if (refs?.length) throw new InvalidInput(`“${type.name}”记录有 ${refs.length} 处需要修改`, refs);
  const cols = recordColumns(type, data);
  if (!cols.occurredOn)
    throw new InvalidInput(
      `请填写${type.fields.find((f) => f.key === type.dateField)?.label ?? '日期'}`,
    );
  if (
    !recordInScope(scope, { typeCode: type.code, unitId: cols.unitId, personId: cols.personId })
  ) {
    throw new InvalidInput('该记录不在您负责的范围内（请检查所属单位/村或责任人）', [
      {
        path: type.unitField ? `data.${type.unitField}` : 'data',
        label: type.fields.find((f) => f.key === type.unitField)?.label ?? '记录',
        message: '不在您负责的范围内',
      },
    ]);
  }
  return { data, cols: { ...cols, occurredOn: cols.occurredOn } };
}

/** The record takes the unclaimed uploads it lists; a race lost to another record is a 409. */
async function claimFiles(db: Db, ctx: Ctx, type: LedgerType, id: string, data: RecordData) {
  if (!(await claimAttachments(db, ctx, id, attachmentIds(type, data))))
    throw new Conflict('所选附件刚刚被另一条记录使用，请刷新后重新上传');
}

export async function createRecord(db: Db, ctx: Ctx, code: string, input: unknown) {
  const { type, scope } = await scopedType(db, ctx.actor, ctx.townId, code, true);
  const { data, cols } = await prepare(db, ctx, type, input, scope, null);
  const id = newId();
  await records.insertRecords(db, ctx.townId, [
    { id, typeCode: type.code, typeVersion: type.version, ...cols, data, createdBy: authorId(ctx) },
  ]);
  await claimOrThrow(db, ctx.townId, type, id, data);
  await claimFiles(db, ctx, type, id, data);
  const row = (await records.findRecord(db, ctx.townId, id))!;
  await auditWrite(db, ctx, 'create', 'ledger_record', id, null, { typeCode: type.code, data });
  return toRecord(row, type);
}

async function scopedRecord(db: Db, ctx: Ctx, code: string, id: string, write: boolean) {
  const { type, scope } = await scopedType(db, ctx.actor, ctx.townId, code, write);
  const row = await records.findRecord(db, ctx.townId, id);
  if (
    !row ||
    row.type_code !== code ||
    !recordInScope(scope, { typeCode: row.type_code, unitId: row.unit_id, personId: row.person_id })
  )
    throw new NotFound('台账记录');
  return { type, scope, row };
}

export async function getRecord(db: Db, actor: Actor, townId: string, code: string, id: string) {
  const { type, row } = await scopedRecord(db, { actor, townId, ip: null }, code, id, false);
  return toRecord(row, type);
}

async function stale(db: Db, townId: string, id: string): Promise<never> {
  const now = await records.recordVersion(db, townId, id);
  if (!now || now.deleted_at) throw new NotFound('台账记录');
  throw new Conflict(`该台账记录已被他人修改（当前版本 ${now.version}），请刷新后重试`);
}

export async function updateRecord(
  db: Db,
  ctx: Ctx,
  code: string,
  id: string,
  input: { version: number; data: unknown },
) {
  const { type, scope, row: before } = await scopedRecord(db, ctx, code, id, true);
  const { data, cols } = await prepare(db, ctx, type, input.data, scope, id);
  const row = await records.updateRecord(db, ctx.townId, id, input.version, {
    typeVersion: type.version,
    ...cols,
    data,
  });
  if (!row) return stale(db, ctx.townId, id);
  await uniques.releaseUnique(db, ctx.townId, id);
  await claimOrThrow(db, ctx.townId, type, id, data);
  await claimFiles(db, ctx, type, id, data);
  await auditWrite(
    db,
    ctx,
    'update',
    'ledger_record',
    id,
    { data: before.data, version: before.version },
    { data, version: row.version },
  );
  return toRecord(row, type);
}

export async function deleteRecord(db: Db, ctx: Ctx, code: string, id: string, version: number) {
  const { row: before } = await scopedRecord(db, ctx, code, id, true);
  const row = await records.softDeleteRecord(db, ctx.townId, id, version);
  if (!row) return stale(db, ctx.townId, id);
  await uniques.releaseUnique(db, ctx.townId, id);
  await auditWrite(
    db,
    ctx,
    'delete',
    'ledger_record',
    id,
    { typeCode: code, data: before.data },
    null,
  );
}
