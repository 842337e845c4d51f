/**
 * Who a person field may name (its declared `who`, e.g. 包案领导 a current 班子成员, 办事责任人 a
 * cadre of the order's village or a town office): checked by the server on every step that names
 * someone, on the day of the step, and asked by the person picker, which lists only those people.
 * The rule's meaning is org's positions held on a day (holdings); the order gives the units.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { localDateOf } from '../../core/calendar/index.ts';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { PERSON_RULE_LABELS, type FieldSpec, type PersonRule } from '../../core/workflow/fields.ts';
import type { DB } from '../../db/schema.ts';
import { peopleHolding, type HolderFilter } from '../org/holdings.service.ts';
import { kindFor } from './appeal.kinds.ts';
import { appealScope, scopeSql } from './appeal.policy.ts';
import * as repo from './appeal.repository.ts';
import { snapshotFromJson } from './appeal.snapshot.ts';

type Db = Kysely<DB>;

/** The units an order's people rules read: its village and its handling unit, when it has them. */
export interface OrderUnits {
  villageId: string | null;
  unitId: string | null;
}

function filterOf(rule: PersonRule, day: string, order: OrderUnits): HolderFilter {
  switch (rule) {
    case 'leadership':
      return { day, leadership: true };
    case 'cadre':
      return { day };
    case 'local_cadre':
      return {
        day,
        unitsOrOffices: [order.villageId, order.unitId].filter((x): x is string => !!x),
      };
  }
}

/**
 * Refuses a step naming someone its field's rule does not allow (422 naming the field, the rule
 * and the person); `values` are the step's validated payload, `at` the step's time.
 */
export async function assertPersonRules(
  db: Db,
  townId: string,
  fields: readonly FieldSpec[],
  values: Record<string, unknown>,
  order: OrderUnits,
  at: Date,
): Promise<void> {
  for (const f of fields) {
    const v = values[f.name];
    if (!f.who || v === undefined) continue;
    const ids = [...new Set(Array.isArray(v) ? v.map(String) : [String(v)])];
    const filter = filterOf(f.who, localDateOf(at), order);
    const allowed = await peopleHolding(db, townId, filter, { ids, limit: ids.length });
    const refused = ids.filter((id) => !allowed.some((p) => p.id === id));
    if (!refused.length) continue;
    const names = Object.values(await repo.personNames(db, townId, refused));
    const who = names.length ? `「${names.join('」「')}」` : '所选人员';
    const message = `${f.label}须是${PERSON_RULE_LABELS[f.who]}，${who}不是`;
    throw new InvalidInput(message, [{ path: `payload.${f.name}`, label: f.label, message }]);
  }
}

/** The person field `field` of action `action` of this order's kind, if it declares who. */
function ruledField(kind: string, action: string, field: string) {
  const { def } = kindFor(kind);
  const t = action === def.initial.id ? def.initial : def.transitions.find((x) => x.id === action);
  const f = t?.fields.find((x) => x.name === field);
  return f?.who ? { ...f, who: f.who } : undefined;
}

/**
 * 人员选择 for one field of one action on an order in the caller's scope: the people its rule
 * allows today, by name (`q` searching), with their current titles.
 */
export async function peopleChoices(
  db: Db,
  actor: Actor,
  townId: string,
  appealId: string,
  query: { action: string; field: string; q?: string; limit: number },
) {
  const row = await repo.findAppeal(
    db,
    townId,
    appealId,
    scopeSql(await appealScope(db, actor, townId)),
  );
  if (!row) throw new NotFound('工单');
  const f = ruledField(row.kind, query.action, query.field);
  if (!f)
    throw new InvalidInput('该操作没有限定人选的这个人员字段', [
      { path: 'field', label: '人员字段', message: '该操作没有限定人选的这个人员字段' },
    ]);
  const assignment = snapshotFromJson(row.snapshot).assignment;
  const unitId = typeof assignment.unit === 'string' ? assignment.unit : null;
  const filter = filterOf(f.who, localDateOf(new Date()), {
    villageId: row.village_id,
    unitId,
  });
  const items = await peopleHolding(db, townId, filter, { q: query.q, limit: query.limit });
  return { rule: PERSON_RULE_LABELS[f.who], items };
}
