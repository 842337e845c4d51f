/**
 * Resident (no account) appeal intake: submit an appeal to a town (rate-limited per address,
 * idempotent per Idempotency-Key), follow it by tracking code with contacts and internal notes
 * left out, and rate it once after the reply. Orders are created through the appeals service
 * (`intakeFromPublic`), so they enter the same workflow and 待派单 queue as a call to the desk.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import { BUILT_IN_KINDS, stateLabel } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import { CHANNELS, type Channel } from '../../core/workflow/channels.ts';
import { kindFor } from '../../core/workflow/index.ts';
import {
  followUpByResident,
  intakeFromPublic,
  type AppealCreateInput,
} from '../appeals/appeal.public.service.ts';
import { photosOf } from './public-intake.photos.ts';
import { publicTextOf, scrubContext } from './public-intake-publication.service.ts';
import { needsProof, orderByTrackingCode, provenOrder } from './public-intake.tracking.ts';
import { hitRateLimit, type RateRule } from './rate-limit.service.ts';
import * as repo from './public-intake.repository.ts';
import { SATISFACTION, type PublicAppealCreateInput } from './public-intake.schema.ts';

type Db = Kysely<DB>;

/** 5 submissions per address per 10 minutes: enough for a family, too few to flood the desk. */
export const PUBLIC_APPEAL_RATE: RateRule = {
  name: 'public_appeal',
  limit: 5,
  windowSeconds: 600,
  message:
    '提交过于频繁：同一网络 10 分钟内最多提交 5 条诉求，请 {minutes} 分钟后再试；情况紧急请直接拨打 12345 热线',
};

export interface Town {
  id: string;
  code: string;
  name: string;
}

export async function townByCode(db: Db, code: string): Promise<Town> {
  const town = await repo.findTownByCode(db, code);
  if (!town) throw new NotFound(`乡镇「${code}」`);
  return town;
}

export async function catalog(db: Db, town: Town) {
  const [categories, villages] = await Promise.all([
    repo.listCategories(db),
    repo.listVillages(db, town.id),
  ]);
  return {
    town: { code: town.code, name: town.name },
    categories: categories
      .filter((c) => !c.parent_code)
      .map((root) => ({
        code: root.code,
        name: root.name,
        children: categories
          .filter((c) => c.parent_code === root.code)
          .map((c) => ({ code: c.code, name: c.name })),
      })),
    villages,
  };
}

/** `25-00042-K7P3QX`: the order code the desk reads out, plus a random part so codes cannot be walked. */
function trackingCodeFor(appealCode: string): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L: read out over the phone
  return `${appealCode}-${Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export interface PublicOrderInput {
  town: Town;
  ip: string | null;
  channel: Extract<Channel, 'public_page' | 'open311'>;
  appeal: Omit<AppealCreateInput, 'kind' | 'channel' | 'payload'>;
  idempotencyKey: string;
  requestHash: string;
  apiKeyId?: string | null;
  /** Open311 media_url: a photo the client hosts. */
  mediaUrl?: string | null;
}

/** The kind residents' requests open: the one whose declaration has a `resident` block (热线). */
function residentKind(): string {
  const kind = Object.values(BUILT_IN_KINDS).find((k) => k.resident);
  if (!kind) throw new Error('no workflow kind takes residents’ requests');
  return kind.kind;
}

/** Creates the order through the appeals service and its public_request row (tracking code, token). */
export async function createPublicOrder(
  trx: Db,
  input: PublicOrderInput,
): Promise<repo.PublicRequestRow & { appealCode: string }> {
  const { row } = await intakeFromPublic(
    trx,
    { townId: input.town.id, ip: input.ip },
    { ...input.appeal, kind: residentKind(), channel: input.channel, payload: {} },
    CHANNELS[input.channel],
  );
  for (;;) {
    const inserted = await repo.insertRequest(trx, {
      town_id: input.town.id,
      idempotency_key: input.idempotencyKey,
      appeal_id: row.id,
      channel: input.channel,
      request_hash: input.requestHash,
      tracking_code: trackingCodeFor(row.code),
      token: randomUUID(),
      api_key_id: input.apiKeyId ?? null,
      media_url: input.mediaUrl ?? null,
    });
    if (inserted) return { ...inserted, appealCode: row.code };
  }
}

function receiptOf(town: Town, order: repo.PublicOrderRow) {
  return {
    trackingCode: order.tracking_code,
    code: order.code,
    townName: town.name,
    ...statusOf(order),
    receivedAt: new Date(order.received_at).toISOString(),
  };
}

export function statusOf(
  order: Pick<repo.PublicOrderRow, 'kind' | 'state' | 'closed_at' | 'merged_into'>,
) {
  const { def } = kindFor(order.kind);
  return {
    status: order.closed_at || order.merged_into ? ('closed' as const) : ('open' as const),
    state: order.state,
    stateLabel: stateLabel(def, order.state),
  };
}

/**
 * 群众提交: a retry with the same Idempotency-Key and the same body gets the first receipt back
 * (no second order); the same key with a different body is a 409. Only new orders count against
 * the address's rate limit: the key is locked and looked up before the limit is counted, inside
 * one transaction, so retries racing the first submission (a phone resending on a bad network)
 * wait for it and are answered as replays instead of being counted and refused with 429.
 */
export async function submit(
  db: Db,
  town: Town,
  ip: string | null,
  body: PublicAppealCreateInput,
  key: string | undefined,
) {
  const hash = requestHash(body);
  const { row, replayed } = await db.transaction().execute(async (trx) => {
    if (key) {
      await repo.lockKey(trx, town.id, key);
      const earlier = await repo.findByKey(trx, town.id, key);
      if (earlier) return { row: earlier, replayed: true };
    }
    await hitRateLimit(trx, PUBLIC_APPEAL_RATE, ip ?? 'unknown');
    const created = await createPublicOrder(trx, {
      town,
      ip,
      channel: 'public_page',
      idempotencyKey: key ?? `auto:${randomUUID()}`,
      requestHash: hash,
      appeal: {
        categoryCode: body.categoryCode,
        villageId: body.villageId,
        title: body.title,
        content: body.content,
        contactName: body.contactName,
        contactPhone: body.contactPhone,
        address: body.address,
        lat: body.lat,
        lng: body.long,
      },
    });
    return { row: created as repo.PublicRequestRow, replayed: false };
  });
  if (replayed && row.request_hash !== hash)
    throw new Conflict(
      '该幂等键（Idempotency-Key）已用于另一份内容不同的提交；新的诉求请换一个新的幂等键',
    );
  return {
    receipt: receiptOf(town, (await repo.findPublicOrder(db, town.id, row.appeal_id))!),
    replayed,
  };
}

/**
 * The resident may rate (the 回访 answer) while the order waits for its follow-up: in a state the
 * kind's 回访 transition starts from (hotline: 已答复待回访). After a reopen and a new reply the
 * order is rated again.
 */
function canRate(order: repo.PublicOrderRow): boolean {
  const { def } = kindFor(order.kind);
  const followUp = def.transitions.find((t) => t.id === def.resident?.followUp);
  return !order.merged_into && !!followUp?.from.includes(order.state);
}

type Found = Awaited<ReturnType<typeof orderByTrackingCode>>;

/**
 * 进度查询, the public projection of an order (DESIGN 3): category, village, status, dates, the
 * timeline's steps and public photos. Once the caller has proven the order is theirs (`proven`),
 * also the text a handler published (scrubbed), their rating and whether they may rate — never
 * the resident's own words, names, phones, address, point, handlers or notes.
 */
async function viewOf(db: Db, { town, order }: Found, proven: boolean) {
  const { def } = kindFor(order.kind);
  const [events, rating, photos, context] = await Promise.all([
    repo.listPublicEvents(db, town.id, order.id),
    repo.findRating(db, town.id, order.id),
    photosOf(db, town.id, order.id),
    scrubContext(db, town),
  ]);
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  const text = proven ? publicTextOf(order, context) : { description: null, reply: null };
  return {
    ...receiptOf(town, order),
    proven,
    categoryName: order.category_name,
    villageName: order.village_name,
    description: text.description,
    reply: text.reply,
    publishedAt: proven ? iso(order.published_at) : null,
    // updated_at is stamped at the transaction's start, a few ms before received_at on a new order.
    updatedAt: iso(
      new Date(
        Math.max(new Date(order.updated_at).getTime(), new Date(order.received_at).getTime()),
      ),
    )!,
    expectedAt: order.closed_at ? null : iso(order.complete_due_at),
    closedAt: iso(order.closed_at),
    canRate: proven && canRate(order),
    rating:
      proven && rating
        ? {
            satisfaction: rating.satisfaction as (typeof SATISFACTION)[number],
            solved: rating.solved,
            comment: rating.comment,
            ratedAt: iso(rating.created_at)!,
          }
        : null,
    timeline: events.map((e) => ({
      at: iso(e.at)!,
      label: e.label,
      stateLabel: stateLabel(def, e.to_state),
    })),
    photos,
  };
}

/** By tracking code alone: the progress; the rest too when the order has no phone to prove with. */
export async function lookup(db: Db, code: string, ip: string | null) {
  const found = await orderByTrackingCode(db, code, ip);
  return viewOf(db, found, !(await needsProof(db, found.town.id, found.order.id)));
}

/** Tracking code plus the phone's last four digits: the whole view (published reply, rating). */
export async function prove(db: Db, code: string, phoneLast4: string, ip: string | null) {
  return viewOf(db, await provenOrder(db, code, phoneLast4, ip), true);
}

/**
 * 群众评价 = 回访 (appeals' followUpByResident): only with the proof, and only while the order
 * waits for its follow-up; 不满意 reopens it within the kind's limit. Two ratings racing on one
 * order: the second is refused by the order's version (409).
 */
export async function rate(
  db: Db,
  ip: string | null,
  code: string,
  body: {
    phoneLast4?: string | undefined;
    satisfaction: (typeof SATISFACTION)[number];
    solved: boolean;
    comment?: string | undefined;
  },
) {
  // Outside the transaction: a wrong proof's counted miss must survive the 404.
  const found = await provenOrder(db, code, body.phoneLast4, ip);
  const { town, order } = found;
  if (!canRate(order)) {
    throw new InvalidInput(
      `该诉求当前为「${statusOf(order).stateLabel}」，经办人答复后、回访前才能评价`,
      [{ path: 'satisfaction', label: '满意度', message: '答复后、回访前才能评价' }],
    );
  }
  const comment = body.comment ? body.comment : null;
  await db.transaction().execute(async (trx) => {
    await followUpByResident(trx, { townId: town.id, ip }, order.id, found.version, {
      satisfaction: body.satisfaction,
      solved: body.solved,
      comment,
    });
    await repo.saveRating(trx, {
      town_id: town.id,
      appeal_id: order.id,
      satisfaction: body.satisfaction,
      solved: body.solved,
      comment,
    });
  });
  return viewOf(
    db,
    { ...found, order: (await repo.findPublicOrder(db, town.id, order.id))! },
    true,
  );
}

/** Orders that came in through a public channel, for Open311 and other public readers. */
export function publicOrders(
  db: Db,
  townId: string,
  filter: repo.PublicOrderFilter,
  limit: number,
) {
  return repo.listPublicOrders(db, townId, filter, limit);
}

export async function publicOrderByToken(db: Db, townId: string, token: string) {
  const request = /^[0-9a-f-]{36}$/i.test(token)
    ? await repo.findByToken(db, townId, token)
    : undefined;
  return request && repo.findPublicOrder(db, townId, request.appeal_id);
}

export function findTown(db: Db, code: string) {
  return repo.findTownByCode(db, code);
}

export function listTowns(db: Db) {
  return repo.listTowns(db);
}

export function listCategories(db: Db) {
  return repo.listCategories(db);
}

export function listVillages(db: Db, townId: string) {
  return repo.listVillages(db, townId);
}
export type { PublicOrderRow } from './public-intake.repository.ts';
