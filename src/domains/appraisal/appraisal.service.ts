/**
 * 民主测评 rounds as the town's organisation work manages them: a draft (year, title, scale, items,
 * 优秀 cap, the people appraised, the electorate groups with their ballot counts) is edited until it
 * opens; opening issues one-time tokens per group and hands them back once (only their hashes are
 * kept, so the sheet cannot be printed again: a lost sheet is reissued, voiding the group's unused
 * tokens); closing freezes the turnout, deletes the tokens, rewrites the ballots and tallies them.
 * Opening, reissuing, closing and the tally are audited; single ballots never are.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { WriteCtx } from '../../core/actor.ts';
import { excellentCap, type ScaleCode } from '../../core/appraisal/ballot.ts';
import { Conflict, InvalidInput, InvalidTransition, NotFound } from '../../core/errors.ts';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { auditWrite } from '../audit/audit.service.ts';
import { roundTally } from './appraisal.results.ts';
import * as ballotRepo from './appraisal-ballot.repository.ts';
import * as repo from './appraisal.repository.ts';

type Db = Kysely<DB>;

export interface RoundInput {
  year: number;
  title: string;
  scale: ScaleCode;
  withItems: boolean;
  capPercent: number;
  people: string[];
  groups: { name: string; ballots: number }[];
}

export interface IssuedTokens {
  groupId: string;
  groupName: string;
  tokens: string[];
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(24).toString('base64url');

async function audit(
  db: Db,
  ctx: WriteCtx,
  action: string,
  id: string,
  before: unknown,
  after: unknown,
) {
  await auditWrite(db, ctx, action, 'appraisal_round', id, before, after);
}

async function roundOr404(db: Db, townId: string, id: string, lock: 'update' | null = null) {
  const round = await repo.findRound(db, townId, id, lock);
  if (!round) throw new NotFound('测评轮次');
  return round;
}

async function checkInput(db: Db, townId: string, input: RoundInput): Promise<void> {
  const unique = new Set(input.people);
  if (unique.size !== input.people.length)
    throw new InvalidInput('测评对象中有重复的人员', [
      { path: 'people', label: '测评对象', message: '有重复的人员' },
    ]);
  const known = new Set(await repo.existingPeople(db, townId, input.people));
  const missing = input.people.findIndex((p) => !known.has(p));
  if (missing >= 0)
    throw new InvalidInput('测评对象不是本镇的人员', [
      { path: `people.${missing}`, label: '测评对象', message: '不是本镇的人员' },
    ]);
  const names = input.groups.map((g) => g.name);
  const dup = names.findIndex((n, i) => names.indexOf(n) !== i);
  if (dup >= 0)
    throw new InvalidInput(`参评人员类别“${names[dup]}”重复`, [
      { path: `groups.${dup}.name`, label: '参评人员类别', message: '类别重复' },
    ]);
}

const summary = (input: RoundInput) => ({
  year: input.year,
  title: input.title,
  scale: input.scale,
  withItems: input.withItems,
  capPercent: input.capPercent,
  people: input.people.length,
  groups: input.groups,
});

export async function createRound(db: Db, ctx: WriteCtx, input: RoundInput): Promise<string> {
  await checkInput(db, ctx.townId, input);
  const id = newId();
  await repo.insertRound(db, ctx.townId, id, input, ctx.actor.userId);
  await repo.replaceMembers(
    db,
    ctx.townId,
    id,
    input.people,
    input.groups.map((g) => ({ ...g, id: newId() })),
  );
  await audit(db, ctx, 'create', id, null, summary(input));
  return id;
}

async function explainDraftMiss(db: Db, townId: string, id: string): Promise<never> {
  const round = await roundOr404(db, townId, id);
  if (round.status !== 'draft') throw new InvalidTransition('测评已开始，不能再修改或删除');
  throw new Conflict();
}

export async function updateRound(
  db: Db,
  ctx: WriteCtx,
  id: string,
  version: number,
  input: RoundInput,
): Promise<void> {
  await checkInput(db, ctx.townId, input);
  if (!(await repo.updateDraft(db, ctx.townId, id, version, input)))
    await explainDraftMiss(db, ctx.townId, id);
  await repo.replaceMembers(
    db,
    ctx.townId,
    id,
    input.people,
    input.groups.map((g) => ({ ...g, id: newId() })),
  );
  await audit(db, ctx, 'update', id, null, summary(input));
}

export async function deleteRound(
  db: Db,
  ctx: WriteCtx,
  id: string,
  version: number,
): Promise<void> {
  const before = await roundOr404(db, ctx.townId, id);
  if (!(await repo.deleteDraft(db, ctx.townId, id, version)))
    await explainDraftMiss(db, ctx.townId, id);
  await audit(db, ctx, 'delete', id, { title: before.title, year: before.year }, null);
}

async function issue(db: Db, townId: string, roundId: string, group: repo.GroupRow, count: number) {
  const tokens = Array.from({ length: count }, newToken);
  await ballotRepo.insertTokens(db, townId, roundId, group.id, tokens.map(hashToken));
  return { groupId: group.id, groupName: group.name, tokens };
}

/** Opens a draft for voting and returns every group's tokens, once. */
export async function openRound(
  db: Db,
  ctx: WriteCtx,
  id: string,
  version: number,
): Promise<IssuedTokens[]> {
  const round = await roundOr404(db, ctx.townId, id, 'update');
  if (round.status !== 'draft') throw new InvalidTransition('该测评已经开始过，不能再次开始');
  if (round.version !== version) throw new Conflict();
  const people = await repo.roundPeople(db, ctx.townId, id);
  const groups = await repo.roundGroups(db, ctx.townId, id);
  if (!people.length) throw new InvalidTransition('请先添加测评对象');
  if (!groups.length) throw new InvalidTransition('请先添加参评人员类别及票数');
  await repo.moveStatus(db, ctx.townId, id, version, 'draft', 'open');
  const issued: IssuedTokens[] = [];
  for (const g of groups) issued.push(await issue(db, ctx.townId, id, g, g.ballots));
  await audit(
    db,
    ctx,
    'open',
    id,
    { status: 'draft' },
    {
      status: 'open',
      people: people.length,
      cap: excellentCap(people.length, round.capPercent),
      ballots: groups.map((g) => ({ group: g.name, issued: g.ballots })),
    },
  );
  return issued;
}

/** A lost or damaged sheet: the group's unused tokens are voided and as many new ones issued. */
export async function reissueGroup(
  db: Db,
  ctx: WriteCtx,
  roundId: string,
  groupId: string,
): Promise<IssuedTokens> {
  const round = await roundOr404(db, ctx.townId, roundId, 'update');
  if (round.status !== 'open') throw new InvalidTransition('只有进行中的测评可以重新生成二维码');
  const group = (await repo.roundGroups(db, ctx.townId, roundId)).find((g) => g.id === groupId);
  if (!group) throw new NotFound('参评人员类别');
  const used = (await ballotRepo.tokenCounts(db, ctx.townId, roundId)).get(groupId)?.used ?? 0;
  await ballotRepo.deleteUnusedTokens(db, ctx.townId, groupId);
  const result = await issue(db, ctx.townId, roundId, group, group.ballots - used);
  await audit(db, ctx, 'reissue', roundId, null, {
    group: group.name,
    voted: used,
    issued: result.tokens.length,
  });
  return result;
}

/** Ends voting: turnout frozen, tokens gone, ballots rewritten, tally audited. */
export async function closeRound(
  db: Db,
  ctx: WriteCtx,
  id: string,
  version: number,
): Promise<void> {
  const round = await roundOr404(db, ctx.townId, id, 'update');
  if (round.status !== 'open') throw new InvalidTransition('只有进行中的测评可以结束');
  if (round.version !== version) throw new Conflict();
  await repo.moveStatus(db, ctx.townId, id, version, 'open', 'closed');
  await ballotRepo.freezeTurnoutAndDropTokens(db, ctx.townId, id);
  const ballots = await ballotRepo.rewriteBallots(db, ctx.townId, id, randomUUID);
  const groups = await repo.roundGroups(db, ctx.townId, id);
  await audit(
    db,
    ctx,
    'close',
    id,
    { status: 'open' },
    {
      status: 'closed',
      ballots,
      turnout: groups.map((g) => ({ group: g.name, issued: g.ballots, voted: g.voted })),
    },
  );
  const tally = await roundTally(db, ctx.townId, { ...round, status: 'closed' });
  await audit(db, ctx, 'tally', id, null, {
    ballots: tally.ballots,
    cap: tally.cap,
    overCap: tally.overCap,
    people: tally.people.map((p) => ({
      name: p.name,
      grades: Object.fromEntries(p.grades.map((g) => [g.label, g.count])),
    })),
  });
}
