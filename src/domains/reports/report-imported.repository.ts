/**
 * Queries of imported past reports (往年述职报告): the stored text and outline of each upload,
 * and the list with counts read in SQL. Every function takes the town.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, ImportedReportTable } from '../../db/schema.ts';

type Db = Kysely<DB>;
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toImported(r: Selectable<ImportedReportTable>) {
  return {
    id: r.id,
    personId: r.person_id,
    year: r.year,
    filename: r.filename,
    createdAt: iso(r.created_at)!,
    outline: json(r.outline) as unknown,
  };
}

export function insertImported(
  db: Db,
  r: {
    townId: string;
    id: string;
    personId: string | null;
    year: number | null;
    filename: string;
    text: string;
    outline: unknown;
    createdBy: string | null;
  },
) {
  return db
    .insertInto('imported_report')
    .values({
      town_id: r.townId,
      id: r.id,
      person_id: r.personId,
      year: r.year,
      filename: r.filename,
      text: r.text,
      outline: JSON.stringify(r.outline),
      created_by: r.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findImported(db: Db, townId: string, id: string) {
  return db
    .selectFrom('imported_report')
    .selectAll()
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listImported(db: Db, townId: string, personId?: string) {
  let q = db.selectFrom('imported_report').selectAll().where('town_id', '=', townId);
  if (personId) q = q.where('person_id', '=', personId);
  return q.orderBy('created_at', 'desc').limit(200).execute();
}

/** Who sees which imports: the whole town, or the caller's own (their person, or uploaded by them). */
export type ImportVisibility =
  { all: true } | { all: false; personId: string | null; userId: string };

/**
 * The imports list: no text nor outline, only what the list shows. The counts are read from the
 * stored outline's jsonb arrays in SQL (raw, as the builder has no jsonb functions), so a list of
 * many long reports does not ship their texts to count them.
 */
export function listImportSummaries(
  db: Db,
  townId: string,
  who: ImportVisibility,
  q: { personId?: string; after: [string, string] | null; limit: number },
) {
  let query = db
    .selectFrom('imported_report as i')
    .leftJoin('person as p', (j) =>
      j.onRef('p.town_id', '=', 'i.town_id').onRef('p.id', '=', 'i.person_id'),
    )
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.town_id', '=', 'i.town_id').onRef('u.id', '=', 'i.created_by'),
    )
    .select([
      'i.id',
      'i.person_id',
      'p.name as person_name',
      'i.year',
      'i.filename',
      'i.created_by',
      'u.display_name as created_by_name',
      'i.created_at',
    ])
    .select([
      // the keyset cursor at full (microsecond) precision, which a JavaScript Date would round
      sql<string>`cast(i.created_at as text)`.as('created_key'),
      sql<number>`jsonb_array_length(coalesce(i.outline->'placeholders', '[]'::jsonb))`.as(
        'placeholder_count',
      ),
      sql<number>`(
        select count(*) from jsonb_array_elements(coalesce(i.outline->'numbers', '[]'::jsonb)) n
        where coalesce((n->>'placeholder')::boolean, false) = false)`.as('number_count'),
    ])
    .where('i.town_id', '=', townId);
  if (!who.all) {
    const { personId, userId } = who;
    query = query.where((eb) =>
      eb.or([
        eb('i.created_by', '=', userId),
        ...(personId ? [eb('i.person_id', '=', personId)] : []),
      ]),
    );
  }
  if (q.personId) query = query.where('i.person_id', '=', q.personId);
  if (q.after) {
    const [at, id] = q.after;
    query = query.where(
      sql<boolean>`(i.created_at, i.id) < (cast(${at} as timestamptz), cast(${id} as uuid))`,
    );
  }
  return query
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

export function deleteImported(db: Db, townId: string, id: string) {
  return db
    .deleteFrom('imported_report')
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
}
