/**
 * Use cases of ledger types: the types a caller is shown, one type (any version), and the
 * admin's form-builder writes — a new type at version 1, or a change that appends the next
 * version after evolve.ts has proved every existing record stays readable.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import { evolveType } from '../../core/ledger/evolve.ts';
import { ledgerTypeSchema, type LedgerType, type LedgerTypeInput } from '../../core/ledger/type.ts';
import { partyMetricTypes } from '../../core/party/metric-sources.ts';
import type { DB } from '../../db/schema.ts';
import * as types from './ledger-type.repository.ts';
import { authorId, scopedType, type Ctx } from './ledger-record.service.ts';
import { auditWrite } from '../audit/audit.service.ts';
import { recordScope, typeVisible } from './ledgers.policy.ts';
import { syncTypeClaims } from './unique-claims.ts';

type Db = Kysely<DB>;

export function typeSummary(t: LedgerType) {
  return {
    code: t.code,
    name: t.name,
    portfolio: t.portfolio,
    description: t.description,
    version: t.version,
    fieldCount: t.fields.filter((f) => !f.removed).length,
    metricCount: t.metrics.length,
  };
}

export async function listTypes(db: Db, actor: Actor, townId: string) {
  const all = await types.currentTypes(db, townId);
  const scope = await recordScope(db, actor, townId, all, false);
  return all
    .filter((t) => typeVisible(scope, t))
    .sort((a, b) => a.portfolio.localeCompare(b.portfolio) || a.code.localeCompare(b.code))
    .map(typeSummary);
}

export async function getType(
  db: Db,
  actor: Actor,
  townId: string,
  code: string,
  version?: number,
) {
  const derived = partyMetricTypes.find((t) => t.code === code);
  // Party work's metric sources read like a ledger type (the drill-down's columns), never stored.
  if (derived) {
    const all = await types.currentTypes(db, townId);
    const scope = await recordScope(db, actor, townId, [...all, derived], false);
    if (!typeVisible(scope, derived)) throw new NotFound('台账类型');
    return { ...derived, versions: [derived.version] };
  }
  const { type } = await scopedType(db, actor, townId, code, false);
  const versions = (await types.listVersions(db, townId, code)).map((v) => v.version);
  if (version === undefined || version === type.version) return { ...type, versions };
  const old = await types.findTypeVersion(db, townId, code, version);
  if (!old) throw new NotFound('台账类型版本');
  return { ...old, versions };
}

function parseNew(input: unknown): LedgerType {
  const r = ledgerTypeSchema.safeParse(input);
  if (r.success) return r.data;
  const errors = r.error.issues.map((e) => ({
    path: e.path.join('.'),
    label: '台账类型',
    message: e.message,
  }));
  throw new InvalidInput(
    `台账类型定义有 ${errors.length} 处需要修改：${errors[0]!.message}`,
    errors,
  );
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505'
  );
}

/** Two admins saving the same next version race on the primary key: the loser gets 409. */
async function insertOrConflict(db: Db, ctx: Ctx, type: LedgerType, what: string) {
  try {
    await types.insertTypeVersion(db, ctx.townId, type, authorId(ctx));
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict(what);
    throw error;
  }
}

export async function createType(db: Db, ctx: Ctx, input: Omit<LedgerTypeInput, 'version'>) {
  const existing = await types.currentTypes(db, ctx.townId);
  const type = parseNew({ ...input, version: 1 });
  if (existing.some((t) => t.code === type.code))
    throw new Conflict(`台账类型标识“${type.code}”已被使用`);
  await insertOrConflict(db, ctx, type, `台账类型标识“${type.code}”已被使用`);
  await auditWrite(db, ctx, 'create', 'ledger_type', type.code, null, type);
  return { ...type, versions: [1] };
}

/**
 * A change to a type: `baseVersion` is the version the admin edited; if someone saved another
 * version since, nothing is written (409). The new definition keeps every old field (removed
 * ones marked so), which is what keeps records of older versions readable.
 */
export async function updateType(
  db: Db,
  ctx: Ctx,
  code: string,
  input: Omit<LedgerTypeInput, 'version' | 'code'> & { baseVersion: number },
) {
  const all = await types.currentTypes(db, ctx.townId);
  const current = all.find((t) => t.code === code);
  if (!current) throw new NotFound('台账类型');
  if (input.baseVersion !== current.version)
    throw new Conflict(`台账类型“${current.name}”已有新版本 ${current.version}，请刷新后再修改`);
  const { baseVersion: _base, ...definition } = input;
  const next = evolveType(current, { ...definition, code, version: current.version + 1 });
  await insertOrConflict(db, ctx, next, `台账类型“${current.name}”已被他人修改，请刷新后重试`);
  // New unique fields/rules claim the values of existing records (duplicates refuse the change).
  await syncTypeClaims(db, ctx.townId, current, next);
  await auditWrite(db, ctx, 'update', 'ledger_type', code, { version: current.version }, next);
  const versions = (await types.listVersions(db, ctx.townId, code)).map((v) => v.version);
  return { ...next, versions };
}
