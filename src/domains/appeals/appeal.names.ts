/**
 * Names for the ids an order records: the people it names (包案领导, 办事责任人, 经办人 and every
 * person field of its timeline), so the UI, lists and exports show names, never ids.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { kindFor } from './appeal.kinds.ts';
import * as repo from './appeal.repository.ts';

type Db = Kysely<DB>;

/**
 * The people an order names by id — its case leader, owner and handler, and every person field
 * its timeline recorded — so the UI shows names, never ids.
 */
export async function peopleNamed(
  db: Db,
  townId: string,
  row: repo.AppealRow,
  events: repo.AppealEventRow[],
): Promise<Record<string, string>> {
  const { def } = kindFor(row.kind);
  const personFields = new Set(
    [def.initial, ...def.transitions]
      .flatMap((t) => t.fields)
      .filter((f) => f.type === 'person_id' || f.type === 'person_ids')
      .map((f) => f.name),
  );
  const ids: string[] = [
    row.case_leader_person_id,
    row.owner_person_id,
    row.handler_person_id,
  ].filter((x): x is string => !!x);
  for (const e of events) {
    const payload = (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as Record<
      string,
      unknown
    > | null;
    for (const [k, v] of Object.entries(payload ?? {}))
      if (personFields.has(k)) ids.push(...(Array.isArray(v) ? v.map(String) : [String(v)]));
  }
  return repo.personNames(db, townId, ids);
}
