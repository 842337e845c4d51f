/**
 * Uniqueness of ledger records in the database (ledger_unique): a record claims each of its
 * unique values — one field's value, or a composite rule's tuple ("branch+year") — and the
 * table's primary key lets exactly one live record hold it, race-free. This module turns lost
 * claims into Chinese errors naming the fields, and keeps the claims in step when a new type
 * version adds or drops unique fields and rules (existing records are claimed, duplicates among
 * them refuse the change).
 */
import type { Kysely } from 'kysely';
import { InvalidInput, type FieldIssue } from '../../core/errors.ts';
import { uniqueKeys, type RecordData, type UniqueKey } from '../../core/ledger/record.ts';
import { UNIQUE_SEPARATOR } from '../../core/ledger/rules.ts';
import type { LedgerType } from '../../core/ledger/type.ts';
import type { DB } from '../../db/schema.ts';
import * as records from './ledger-record.repository.ts';
import * as uniques from './ledger-unique.repository.ts';

type Db = Kysely<DB>;

/** Display names of people and units, for values that are ids. */
export type NameOf = (id: string) => string | undefined;

/** The tuple as a clerk reads it: "第一党支部、2025". */
export function describeKey(
  type: LedgerType,
  key: UniqueKey,
  nameOf: NameOf = () => undefined,
): string {
  return key.value
    .split(UNIQUE_SEPARATOR)
    .map((v, i) => {
      const f = type.fields.find((x) => x.key === key.fields[i]);
      if (f?.type === 'boolean') return v === 'true' ? '是' : '否';
      if (f?.type === 'enum') return f.options.find((o) => o.code === v)?.label ?? v;
      return f?.type === 'person' || f?.type === 'unit' ? (nameOf(v) ?? v) : v;
    })
    .join('、');
}

/** "每个党支部每年只评定一次星级：党支部、评定年度为“…”的记录已存在" */
export function conflictMessage(
  type: LedgerType,
  key: UniqueKey,
  nameOf?: NameOf,
  what = '的记录已存在，不能重复',
): string {
  const rule = type.rules.find((r) => r.kind === 'unique' && r.fields.join('+') === key.key);
  const why = rule?.message ? `${rule.message}：` : '';
  return `${why}${key.label}为“${describeKey(type, key, nameOf)}”${what}`;
}

async function namesFor(db: Db, townId: string): Promise<NameOf> {
  const { people, units } = await records.nameDirectory(db, townId);
  const byId = new Map([...people, ...units].map((x) => [x.id, x.name]));
  return (id) => byId.get(id);
}

/** Claims a record's unique values; InvalidInput naming every field of each lost claim. */
export async function claimOrThrow(
  db: Db,
  townId: string,
  type: LedgerType,
  recordId: string,
  data: RecordData,
): Promise<void> {
  const keys = uniqueKeys(type, data);
  const lost = await uniques.claimUnique(
    db,
    townId,
    keys.map((k) => ({ typeCode: type.code, fieldKey: k.key, value: k.value, recordId })),
  );
  if (!lost.length) return;
  const nameOf = await namesFor(db, townId);
  const errors: FieldIssue[] = lost.flatMap((c) => {
    const key = keys.find((k) => k.key === c.fieldKey && k.value === c.value)!;
    const message = conflictMessage(type, key, nameOf);
    return key.fields.map((f) => ({
      path: `data.${f}`,
      label: type.fields.find((x) => x.key === f)?.label ?? f,
      message,
    }));
  });
  throw new InvalidInput(errors[0]!.message, errors);
}

const keySet = (t: LedgerType | undefined) =>
  new Set([
    ...(t?.fields ?? []).filter((f) => f.unique && !f.removed).map((f) => f.key),
    ...(t?.rules ?? []).flatMap((r) => (r.kind === 'unique' ? [r.fields.join('+')] : [])),
  ]);

const PAGE = 5000;

/**
 * After a type change: drops the claims of unique fields/rules the new version no longer has,
 * and claims the values of live records for the ones it adds. Duplicates among existing records
 * make the change invalid (422, the caller's transaction rolls back), listing the first few.
 */
export async function syncTypeClaims(
  db: Db,
  townId: string,
  before: LedgerType | undefined,
  after: LedgerType,
): Promise<void> {
  const had = keySet(before);
  const has = keySet(after);
  const dropped = [...had].filter((k) => !has.has(k));
  const added = new Set([...has].filter((k) => !had.has(k)));
  if (dropped.length) await uniques.releaseUniqueKeys(db, townId, after.code, dropped);
  if (!added.size) return;
  const nameOf = await namesFor(db, townId);
  const issues: FieldIssue[] = [];
  let after_: string | null = null;
  for (;;) {
    const page = await records.liveRecordData(db, townId, after.code, after_, PAGE);
    if (!page.length) break;
    after_ = page[page.length - 1]!.id;
    const claims = page.flatMap((r) =>
      uniqueKeys(after, r.data)
        .filter((k) => added.has(k.key))
        .map((k) => ({ typeCode: after.code, fieldKey: k.key, value: k.value, recordId: r.id, k })),
    );
    for (const lost of await uniques.claimUnique(db, townId, claims)) {
      if (issues.length >= 20) break;
      const key = claims.find(
        (c) => c.recordId === lost.recordId && c.fieldKey === lost.fieldKey,
      )!.k;
      issues.push({
        path: 'rules',
        label: key.label,
        message: conflictMessage(
          after,
          key,
          nameOf,
          '的记录已有多条，请先处理重复记录再启用该唯一规则',
        ),
      });
    }
  }
  if (issues.length)
    throw new InvalidInput(`已有记录违反新的唯一规则：${issues[0]!.message}`, issues);
}
