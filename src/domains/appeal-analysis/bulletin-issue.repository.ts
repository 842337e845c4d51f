/**
 * Queries of issued bulletins (appeal_bulletin_issue): the next 期 number of a town's year, the
 * insert, the list and one issued bulletin with its frozen document and data.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AppealBulletinIssueTable } from '../../db/schema-appeal-analysis.ts';

type Db = Kysely<DB>;

const COLUMNS = [
  'id',
  'year',
  'number',
  'title',
  'period_from',
  'period_to',
  'scope_kind',
  'scope_id',
  'scope_name',
  'as_of',
  'issued_by_name',
  'issued_at',
] as const;
export type BulletinIssueRow = {
  id: string;
  year: number;
  number: number;
  title: string;
  period_from: string;
  period_to: string;
  scope_kind: string;
  scope_id: string | null;
  scope_name: string | null;
  as_of: Date | string;
  issued_by_name: string;
  issued_at: Date | string;
};

/**
 * Numbers are consecutive per town and year: the town's row is locked (until the caller's
 * transaction ends) so two issuers never take the same 期.
 */
export async function nextBulletinNumber(db: Db, townId: string, year: number): Promise<number> {
  await db.selectFrom('town').select('id').where('id', '=', townId).forUpdate().execute();
  const last = await db
    .selectFrom('appeal_bulletin_issue')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('town_id', '=', townId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(last?.n ?? 0) + 1;
}

export async function insertBulletinIssue(
  db: Db,
  row: Insertable<AppealBulletinIssueTable>,
): Promise<void> {
  await db.insertInto('appeal_bulletin_issue').values(row).execute();
}

export function listBulletinIssues(db: Db, townId: string, limit: number) {
  return db
    .selectFrom('appeal_bulletin_issue')
    .select(COLUMNS)
    .where('town_id', '=', townId)
    .orderBy('issued_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function findBulletinIssue(db: Db, townId: string, id: string) {
  return db
    .selectFrom('appeal_bulletin_issue')
    .select([...COLUMNS, 'document', 'data'])
    .where('town_id', '=', townId)
    .where('id', '=', id)
    .executeTakeFirst();
}
