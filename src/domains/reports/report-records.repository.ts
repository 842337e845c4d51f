/**
 * Reads a draft needs beyond metrics: the year's most significant records of a ledger type in the
 * report's scope (ranked by the type's declared fields), names for the units and people those
 * records mention, and the 问题清单 entries still open that the person answers for.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB>;

/** One ranking field: an option field ranks by its option order, a number or amount larger first. */
export type RankField =
  { key: string; kind: 'enum'; options: string[] } | { key: string; kind: 'number' };

export interface TopRecordQuery {
  townId: string;
  typeCode: string;
  from: string;
  to: string;
  /** Unit subtree the report counts (undefined: the whole town). */
  unitIds?: string[];
  personId?: string;
  rank: RankField[];
  /** Only records whose first rank field holds one of these options. */
  onlyOptions?: string[];
  /** Only records whose field holds this value. */
  when?: { field: string; equals: string | boolean };
  limit: number;
}

export interface TopRecord {
  id: string;
  occurredOn: string;
  unitId: string | null;
  personId: string | null;
  data: Record<string, unknown>;
}

function rankExpr(r: RankField) {
  if (r.kind === 'enum')
    return sql`coalesce(array_position(${sql.val(r.options)}::text[], data->>${r.key}), 999)`;
  return sql`case when jsonb_typeof(data->${r.key}) = 'number' then -(data->>${r.key})::numeric end`;
}

/** The top records of one type in a period and scope, most significant first, then latest. */
export async function topRecords(db: Db, q: TopRecordQuery): Promise<TopRecord[]> {
  if (q.unitIds && q.unitIds.length === 0) return [];
  let query = db
    .selectFrom('ledger_record')
    .select(['id', 'unit_id', 'person_id', 'data'])
    .select(sql<string>`to_char(occurred_on, 'YYYY-MM-DD')`.as('occurred_on'))
    .where('town_id', '=', q.townId)
    .where('type_code', '=', q.typeCode)
    .where('deleted_at', 'is', null)
    .where(sql<SqlBool>`occurred_on between cast(${q.from} as date) and cast(${q.to} as date)`);
  if (q.unitIds) query = query.where('unit_id', 'in', q.unitIds);
  if (q.personId) query = query.where('person_id', '=', q.personId);
  const first = q.rank[0];
  if (q.onlyOptions && first)
    query = query.where(sql<SqlBool>`data->>${first.key} in (${sql.join(q.onlyOptions)})`);
  if (q.when) query = query.where(sql<SqlBool>`data->>${q.when.field} = ${String(q.when.equals)}`);
  for (const r of q.rank) query = query.orderBy(sql`${rankExpr(r)} asc nulls last`);
  const rows = await query.orderBy('occurred_on', 'desc').orderBy('id').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    occurredOn: r.occurred_on,
    unitId: r.unit_id,
    personId: r.person_id,
    data: r.data as Record<string, unknown>,
  }));
}

/** Names of the town's units and people with these ids. */
export async function namesOf(db: Db, townId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const units = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('town_id', '=', townId)
    .where('id', 'in', ids)
    .execute();
  const people = await db
    .selectFrom('person')
    .select(['id', 'name'])
    .where('town_id', '=', townId)
    .where('id', 'in', ids)
    .execute();
  return new Map([...units, ...people].map((r) => [r.id, r.name]));
}

/**
 * 问题清单 entries not yet rectified that the person answers for: owned by them, by a unit of
 * their subtree or about a village in it (the whole town when `unitIds` is absent and `town`).
 */
export async function openProblems(
  db: Db,
  q: { townId: string; personId: string; unitIds?: string[]; town: boolean; before: string },
): Promise<Array<{ title: string; dueOn: string | null }>> {
  let query = db
    .selectFrom('appeal_problem')
    .select(['title'])
    .select(sql<string | null>`to_char(due_on, 'YYYY-MM-DD')`.as('due_on'))
    .where('town_id', '=', q.townId)
    .where('status', 'in', ['unclaimed', 'rectifying'])
    .where(sql<SqlBool>`created_at < cast(${q.before} as date) + 1`);
  if (!q.town)
    query = query.where((eb) =>
      eb.or([
        eb('owner_person_id', '=', q.personId),
        ...(q.unitIds && q.unitIds.length > 0
          ? [eb('owner_unit_id', 'in', q.unitIds), eb('village_id', 'in', q.unitIds)]
          : []),
      ]),
    );
  const rows = await query.orderBy('due_on', 'asc').orderBy('title').limit(3).execute();
  return rows.map((r) => ({ title: r.title, dueOn: r.due_on }));
}
