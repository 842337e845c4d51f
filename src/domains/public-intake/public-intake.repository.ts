/**
 * Queries behind the public channels: towns by code, the form catalogue, public_request rows
 * (idempotency keys, tracking codes, Open311 tokens), the public view of an order (only orders
 * that came in through a public channel, joined with names) and residents' ratings.
 * Every query past the town lookup takes the town.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, PublicRequestTable } from '../../db/schema.ts';

type Db = Kysely<DB>;
export type PublicRequestRow = Selectable<PublicRequestTable>;

export function findTownByCode(db: Db, code: string) {
  return db
    .selectFrom('town')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export function findTownById(db: Db, townId: string) {
  return db
    .selectFrom('town')
    .select(['id', 'code', 'name'])
    .where('id', '=', townId)
    .executeTakeFirst();
}

export function listTowns(db: Db) {
  return db.selectFrom('town').select(['id', 'code', 'name']).orderBy('code').limit(2).execute();
}

/** The county-standard category tree (reference data, the same for every town). */
export function listCategories(db: Db) {
  return db
    .selectFrom('appeal_category')
    .select(['code', 'parent_code', 'name', 'sort_order'])
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** 村（社区）: units of kind `village` (the kind appeal intake accepts as a location). */
export function listVillages(db: Db, townId: string) {
  return db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('town_id', '=', townId)
    .where('kind', '=', 'village')
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

export function findByKey(db: Db, townId: string, key: string) {
  return db
    .selectFrom('public_request')
    .selectAll()
    .where('town_id', '=', townId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** The code alone finds the town (public_tracking_code), then the town's row is read. */
export function findByTrackingCode(db: Db, code: string) {
  return db
    .selectFrom('public_tracking_code as l')
    .innerJoin('public_request as pr', (j) =>
      j.onRef('pr.town_id', '=', 'l.town_id').onRef('pr.tracking_code', '=', 'l.tracking_code'),
    )
    .selectAll('pr')
    .where('l.tracking_code', '=', code)
    .executeTakeFirst();
}

export function findByToken(db: Db, townId: string, token: string) {
  return db
    .selectFrom('public_request')
    .selectAll()
    .where('town_id', '=', townId)
    .where('token', '=', token)
    .executeTakeFirst();
}

/**
 * Inserts unless the tracking code is taken in any town (then undefined, and the caller draws
 * another): the code is claimed in the global directory first, in the caller's transaction.
 */
export async function insertRequest(db: Db, row: Insertable<PublicRequestTable>) {
  const claimed = await db
    .insertInto('public_tracking_code')
    .values({ tracking_code: row.tracking_code, town_id: row.town_id })
    .onConflict((oc) => oc.column('tracking_code').doNothing())
    .returning('tracking_code')
    .executeTakeFirst();
  if (!claimed) return undefined;
  return db.insertInto('public_request').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Serialises submissions with one idempotency key inside the caller's transaction. */
export async function lockKey(db: Db, townId: string, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`public_request:${townId}:${key}`}))`.execute(
    db,
  );
}

function publicOrders(db: Db, townId: string) {
  return db
    .selectFrom('public_request as pr')
    .innerJoin('appeal as a', (j) =>
      j.onRef('a.town_id', '=', 'pr.town_id').onRef('a.id', '=', 'pr.appeal_id'),
    )
    .leftJoin('appeal_category as c', 'c.code', 'a.category_code')
    .leftJoin('unit as v', (j) =>
      j.onRef('v.town_id', '=', 'a.town_id').onRef('v.id', '=', 'a.village_id'),
    )
    .leftJoin('unit as u', (j) =>
      j.onRef('u.town_id', '=', 'a.town_id').onRef('u.id', '=', 'a.unit_id'),
    )
    .where('pr.town_id', '=', townId)
    .select([
      'pr.tracking_code',
      'pr.token',
      'pr.channel as public_channel',
      'a.id',
      'a.code',
      'a.kind',
      'a.state',
      'a.category_code',
      'a.title',
      'a.content',
      'a.address',
      'a.lat',
      'a.lng',
      'a.received_at',
      'a.updated_at',
      'a.complete_due_at',
      'a.closed_at',
      'a.merged_into',
      'c.name as category_name',
      'v.name as village_name',
      'u.name as unit_name',
      'pr.media_url',
      'pr.public_description',
      'pr.public_reply',
      'pr.published_at',
      // Read only to scrub the order's own contact name from published text; never shown.
      'a.contact_name',
      // The newest public photo (Open311 media_url when the client sent none): the resident's own,
      // or a staff photo a handler marked 公开给群众 — never a staff photo by default.
      (eb) =>
        eb
          .selectFrom('appeal_attachment as aa')
          .select('aa.public_token')
          .whereRef('aa.town_id', '=', 'a.town_id')
          .whereRef('aa.appeal_id', '=', 'a.id')
          .where('aa.is_public', '=', true)
          .orderBy('aa.created_at', 'desc')
          .limit(1)
          .as('photo_token'),
    ]);
}
export type PublicOrderRow = Awaited<
  ReturnType<ReturnType<typeof publicOrders>['executeTakeFirstOrThrow']>
>;

export function findPublicOrder(db: Db, townId: string, appealId: string) {
  return publicOrders(db, townId).where('a.id', '=', appealId).executeTakeFirst();
}

export interface PublicOrderFilter {
  codes?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Open = neither closed nor merged into another order. */
  open?: boolean | undefined;
}

/** Newest first, at most `limit` (Open311 caps a response at 1000). */
export function listPublicOrders(db: Db, townId: string, f: PublicOrderFilter, limit: number) {
  let q = publicOrders(db, townId);
  if (f.codes) q = q.where('a.code', 'in', f.codes.length ? f.codes : ['']);
  if (f.serviceCodes)
    q = q.where('a.category_code', 'in', f.serviceCodes.length ? f.serviceCodes : ['']);
  if (f.from) q = q.where('a.received_at', '>=', f.from);
  if (f.to) q = q.where('a.received_at', '<=', f.to);
  if (f.open === true) q = q.where('a.closed_at', 'is', null).where('a.merged_into', 'is', null);
  if (f.open === false)
    q = q.where((eb) =>
      eb.or([eb('a.closed_at', 'is not', null), eb('a.merged_into', 'is not', null)]),
    );
  return q.orderBy('a.received_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
}

/** What a handler has published of an order's words (migration 0013). */
export function findPublication(db: Db, townId: string, appealId: string) {
  return db
    .selectFrom('public_request')
    .select([
      'public_description',
      'public_reply',
      'published_at',
      'published_by_name',
      'publication_version',
    ])
    .where('town_id', '=', townId)
    .where('appeal_id', '=', appealId)
    .executeTakeFirst();
}
export type PublicationRow = NonNullable<Awaited<ReturnType<typeof findPublication>>>;

/** Writes the published text if the version is still the one the handler saw (else undefined). */
export function updatePublication(
  db: Db,
  townId: string,
  appealId: string,
  version: number,
  values: {
    public_description: string | null;
    public_reply: string | null;
    published_at: Date | null;
    published_by_name: string | null;
  },
) {
  return db
    .updateTable('public_request')
    .set({ ...values, publication_version: version + 1 })
    .where('town_id', '=', townId)
    .where('appeal_id', '=', appealId)
    .where('publication_version', '=', version)
    .returning([
      'public_description',
      'public_reply',
      'published_at',
      'published_by_name',
      'publication_version',
    ])
    .executeTakeFirst();
}

/** The timeline as the resident sees it: what happened and when, never who or the notes. */
export function listPublicEvents(db: Db, townId: string, appealId: string) {
  return db
    .selectFrom('appeal_event')
    .select(['at', 'label', 'to_state'])
    .where('town_id', '=', townId)
    .where('appeal_id', '=', appealId)
    .orderBy('seq')
    .execute();
}

export function findRating(db: Db, townId: string, appealId: string) {
  return db
    .selectFrom('public_rating')
    .selectAll()
    .where('town_id', '=', townId)
    .where('appeal_id', '=', appealId)
    .executeTakeFirst();
}

/** The latest rating of an order (a reopened order is rated again after its next reply). */
export async function saveRating(
  db: Db,
  row: {
    town_id: string;
    appeal_id: string;
    satisfaction: string;
    solved: boolean;
    comment: string | null;
  },
): Promise<void> {
  await db
    .insertInto('public_rating')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['town_id', 'appeal_id']).doUpdateSet({
        satisfaction: row.satisfaction,
        solved: row.solved,
        comment: row.comment,
        created_at: new Date(),
      }),
    )
    .execute();
}

/** The phone the resident gave and the order's version: read only to check a proof, never shown. */
export function findProofFacts(db: Db, townId: string, appealId: string) {
  return db
    .selectFrom('appeal')
    .select(['contact_phone', 'version'])
    .where('town_id', '=', townId)
    .where('id', '=', appealId)
    .executeTakeFirstOrThrow();
}
