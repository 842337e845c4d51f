/**
 * 对群众公开的文字: the public view of a publicly filed order (tracking page, Open311) carries no
 * words of the resident's by default. A handler who answers the resident writes what may be shown —
 * a description of the matter and the town's reply — and publishes it, as photos are published
 * one by one. What was written is kept; what is shown is always scrubbed of personal data
 * (src/core/privacy), so a phone number or name the handler copied in never reaches the public.
 * Publishing, changing and withdrawing are audited with the public text.
 */
import type { Kysely } from 'kysely';
import type { Actor, WriteCtx } from '../../core/actor.ts';
import { Conflict, Forbidden, InvalidInput, InvalidTransition } from '../../core/errors.ts';
import { scrubText, type ScrubOptions } from '../../core/privacy/scrub.ts';
import type { DB } from '../../db/schema.ts';
import { orderWithRelation } from '../appeals/appeal-read.service.ts';
import { auditWrite } from '../audit/audit.service.ts';
import * as repo from './public-intake.repository.ts';

type Db = Kysely<DB>;

/** The Open311 spec's limit for a description; the reply has the same. */
export const PUBLIC_TEXT_MAX = 4000;

export interface PublicationInput {
  description: string | null;
  reply: string | null;
  version: number;
}

/** What the scrubber must know about the town: its name and villages stay, they are public. */
export async function scrubContext(db: Db, town: { id: string; name: string }) {
  const villages = await repo.listVillages(db, town.id);
  return { keep: [town.name, ...villages.map((v) => v.name)] };
}

/** The published text of an order as the public reads it (null where nothing is published). */
export function publicTextOf(
  order: Pick<repo.PublicOrderRow, 'public_description' | 'public_reply' | 'contact_name'> & {
    village_name?: string | null;
  },
  context: ScrubOptions,
) {
  const options = {
    keep: [...(context.keep ?? []), order.village_name],
    names: [order.contact_name],
  };
  const shown = (text: string | null) => (text ? scrubText(text, options) : null);
  return { description: shown(order.public_description), reply: shown(order.public_reply) };
}

function view(
  row: repo.PublicationRow,
  order: { contact_name: string | null },
  context: ScrubOptions,
  canPublish: boolean,
) {
  const shown = publicTextOf({ ...row, contact_name: order.contact_name }, context);
  return {
    description: row.public_description,
    reply: row.public_reply,
    publicDescription: shown.description,
    publicReply: shown.reply,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    publishedByName: row.published_by_name,
    version: row.publication_version,
    canPublish,
  };
}

async function load(db: Db, actor: Actor, townId: string, appealId: string) {
  const { row, answersResident } = await orderWithRelation(db, actor, townId, appealId);
  const publication = await repo.findPublication(db, townId, appealId);
  if (!publication)
    throw new InvalidInput(
      '该工单不是群众经公开渠道（群众页面、Open311）提交的，没有对群众公开的页面',
      [{ path: 'description', label: '公开的诉求描述', message: '非公开渠道工单' }],
    );
  const town = (await repo.findTownById(db, townId))!;
  return { order: row, publication, answersResident, context: await scrubContext(db, town) };
}

/** 对群众公开的内容 of one order: as written, as the public reads it, and whether the caller may change it. */
export async function publicationOf(db: Db, actor: Actor, townId: string, appealId: string) {
  const { order, publication, answersResident, context } = await load(db, actor, townId, appealId);
  return view(publication, order, context, answersResident && order.state !== 'archived');
}

const clean = (text: string | null) => (text?.trim() ? text.trim() : null);

/**
 * 公开/修改/撤回: who answers the resident (the desk, leaders, the order's handlers — the people who
 * may see the resident's contact) writes the public text; both empty withdraws it. An archived
 * order may only be withdrawn. The version guards against two handlers overwriting each other.
 */
export async function publish(db: Db, ctx: WriteCtx, appealId: string, input: PublicationInput) {
  const { order, publication, answersResident, context } = await load(
    db,
    ctx.actor,
    ctx.townId,
    appealId,
  );
  if (!answersResident)
    throw new Forbidden('只有派单员、领导和承办该工单的人员可以公开对群众的文字');
  const description = clean(input.description);
  const reply = clean(input.reply);
  const withdrawing = !description && !reply;
  if (order.state === 'archived' && !withdrawing)
    throw new InvalidTransition('工单已归档，不能再公开文字（撤回公开仍可）');
  const updated = await repo.updatePublication(db, ctx.townId, appealId, input.version, {
    public_description: description,
    public_reply: reply,
    published_at: withdrawing ? null : new Date(),
    published_by_name: withdrawing ? null : ctx.actor.displayName,
  });
  if (!updated) throw new Conflict('对群众公开的内容刚刚已被他人修改，请刷新后重试');
  const before = publicTextOf({ ...publication, contact_name: order.contact_name }, context);
  const after = publicTextOf({ ...updated, contact_name: order.contact_name }, context);
  await auditWrite(
    db,
    ctx,
    withdrawing ? 'appeal.unpublish_text' : 'appeal.publish_text',
    'appeal',
    appealId,
    // The audit keeps what the public read, never the unscrubbed text.
    before,
    after,
  );
  return view(updated, order, context, true);
}
