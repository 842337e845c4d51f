/**
 * A branch's roster (党员名册, the names a roll call ticks), the town's required meeting
 * frequencies, and the quarter overview per branch: meetings held against those required and
 * the attendance rate, recomputed from the meetings each time (core/party/meetings.ts).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, WriteCtx } from '../../core/actor.ts';
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import {
  effectiveRequirements,
  MEETING_TYPE_LABELS,
  quarterFigures,
  quarterOf,
  type Requirement,
} from '../../core/party/meetings.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertOrganiser, branchScope, inBranchScope } from './party-meetings.policy.ts';
import * as repo from './party-meetings.repository.ts';
import { branchesFor, listMeetings } from './party-meetings.service.ts';

type Db = Kysely<DB>;

async function audit(
  db: Db,
  ctx: WriteCtx,
  entityType: string,
  id: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action: 'update',
    entityType,
    entityId: id,
    before,
    after,
    ip: ctx.ip,
  });
}

async function branchOr404(db: Db, actor: Actor, townId: string, id: string, write: boolean) {
  const scope = await branchScope(db, actor, townId, write ? 'write' : 'read');
  const branch = (await repo.listBranches(db, townId)).find((b) => b.id === id);
  if (!branch || !inBranchScope(scope, id)) throw new NotFound('党支部');
  return branch;
}

export async function roster(db: Db, actor: Actor, townId: string, branchId: string) {
  await branchOr404(db, actor, townId, branchId, false);
  const members = await repo.listMembers(db, townId, [branchId]);
  return {
    branchId,
    members: members.map((m) => ({ id: m.id, name: m.name, committee: m.committee })),
  };
}

/**
 * Replaces the active roster: listed ids are kept (renamed, reordered), new names added, members
 * left out become inactive — their past attendance keeps its name.
 */
export async function saveRoster(
  db: Db,
  ctx: WriteCtx,
  branchId: string,
  members: { id?: string | undefined; name: string; committee: boolean }[],
) {
  await branchOr404(db, ctx.actor, ctx.townId, branchId, true);
  const current = await repo.listMembers(db, ctx.townId, [branchId], false);
  const known = new Map(current.map((m) => [m.id, m]));
  const bad = members.findIndex((m) => m.id !== undefined && !known.has(m.id));
  if (bad >= 0)
    throw new InvalidInput('名册中有不属于该党支部的党员', [
      { path: `members.${bad}.id`, label: '党员', message: '不属于该党支部' },
    ]);
  const keep = new Set(members.flatMap((m) => (m.id ? [m.id] : [])));
  for (const m of current)
    if (!keep.has(m.id) && m.active)
      await repo.updateMember(db, ctx.townId, m.id, { ...m, active: false });
  const added: Parameters<typeof repo.insertMembers>[2] = [];
  for (const [i, m] of members.entries()) {
    if (m.id) await repo.updateMember(db, ctx.townId, m.id, { ...m, active: true, sortOrder: i });
    else added.push({ id: newId(), branchId, name: m.name, committee: m.committee, sortOrder: i });
  }
  await repo.insertMembers(db, ctx.townId, added);
  await audit(
    db,
    ctx,
    'party_member',
    branchId,
    current.filter((m) => m.active).map((m) => m.name),
    members.map((m) => m.name),
  );
}

/**
 * The version of the requirements in force, for optimistic locking: a digest of what they say
 * (the table keeps no version column; two saves of the same content need no conflict).
 */
const versionOf = (items: readonly Requirement[]) =>
  createHash('sha256')
    .update(JSON.stringify(items.map((r) => [r.meetingType, r.period, r.times])))
    .digest('hex')
    .slice(0, 16);

/** The town's requirements in force: its own rows over the shipped defaults. */
export async function requirementsInForce(db: Db, townId: string): Promise<Requirement[]> {
  const [own, defaults] = await Promise.all([
    repo.requirementRows(db, townId),
    repo.defaultRequirementRows(db),
  ]);
  return effectiveRequirements(own, defaults);
}

export async function requirements(db: Db, townId: string) {
  const items = await requirementsInForce(db, townId);
  return {
    items: items.map((r) => ({ ...r, label: MEETING_TYPE_LABELS[r.meetingType] })),
    version: versionOf(items),
  };
}

export async function saveRequirements(
  db: Db,
  ctx: WriteCtx,
  version: string,
  items: Requirement[],
) {
  await assertOrganiser(db, ctx.actor, ctx.townId);
  await repo.lockRequirements(db, ctx.townId);
  const before = (await requirements(db, ctx.townId)).items;
  if (versionOf(before) !== version)
    throw new Conflict('会议召开频次要求已被他人修改，请刷新后重新修改');
  const merged = effectiveRequirements(items, before);
  await repo.replaceRequirements(db, ctx.townId, merged);
  await audit(db, ctx, 'meeting_requirement', ctx.townId, before, merged);
}

/** Per branch in the caller's sight: the quarter's meetings by type against the requirement. */
export async function quarterOverview(
  db: Db,
  actor: Actor,
  townId: string,
  year: number,
  quarter: number,
  today: string,
) {
  const q = quarterOf(year, quarter);
  const branches = await branchesFor(db, actor, townId);
  const meetings = await listMeetings(db, actor, townId, { from: q.from, to: q.to });
  const reqs = await requirementsInForce(db, townId);
  return {
    year: q.year,
    quarter: q.quarter,
    from: q.from,
    to: q.to,
    branches: branches.map((b) => ({
      branchId: b.id,
      branchName: b.name,
      village: b.parentName,
      ...quarterFigures(
        meetings.filter((m) => m.branchId === b.id),
        reqs,
        q,
        today,
      ),
    })),
  };
}
