/**
 * Inserts of the organisation (units, people, positions, 包联) and the version check before an
 * edit; the reads and the portfolio links are in org.repository.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

export function insertUnit(
  db: Db,
  row: {
    townId: string;
    id: string;
    parentId: string | null;
    kind: string;
    name: string;
    code: string | null;
    sortOrder: number;
  },
) {
  return db
    .insertInto('unit')
    .values({
      town_id: row.townId,
      id: row.id,
      parent_id: row.parentId,
      kind: row.kind,
      name: row.name,
      code: row.code,
      sort_order: row.sortOrder,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** `values` are the person's columns (name, gender, birth_date, phone, …). */
export function insertPerson(db: Db, townId: string, id: string, values: Record<string, unknown>) {
  return db
    .insertInto('person')
    .values({ town_id: townId, id, ...values } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertPosition(
  db: Db,
  row: {
    townId: string;
    id: string;
    personId: string;
    unitId: string;
    title: string;
    leadership: boolean;
    startsOn: string;
    endsOn: string | null;
  },
): Promise<void> {
  await db
    .insertInto('position')
    .values({
      town_id: row.townId,
      id: row.id,
      person_id: row.personId,
      unit_id: row.unitId,
      title: row.title,
      leadership: row.leadership,
      starts_on: row.startsOn,
      ends_on: row.endsOn,
    })
    .execute();
}

export async function insertLiaison(
  db: Db,
  row: {
    townId: string;
    id: string;
    villageId: string;
    personId: string;
    startsOn: string;
    endsOn: string | null;
  },
): Promise<void> {
  await db
    .insertInto('village_liaison')
    .values({
      town_id: row.townId,
      id: row.id,
      village_id: row.villageId,
      person_id: row.personId,
      starts_on: row.startsOn,
      ends_on: row.endsOn,
    })
    .execute();
}

/** The row's current version, or undefined when it is gone. */
export async function versionOf(
  db: Db,
  table: 'unit' | 'person',
  townId: string,
  id: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom(table)
    .select('version')
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.version;
}
