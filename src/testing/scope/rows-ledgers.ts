/**
 * The scope matrix's ledger checks: records of each checked type, a record out of scope opened by
 * id, ledger metrics and their drill-downs (also asked for a village outside the caller's scope),
 * and files on records. See rows.ts.
 */
import { sql } from 'kysely';
import { subtreeOf, type CallerReach, type Reach, type RecordRaw } from './reach.ts';
import {
  collect,
  compare,
  LEDGER_METRICS,
  LEDGER_TYPES,
  ok,
  PROBE_VILLAGE,
  YEAR,
  type Ctx,
  type Get,
  type TownCaller,
} from './rows-common.ts';

export async function checkLedgers(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const { records } = c.facts;
  for (const type of LEDGER_TYPES) {
    const ofType = records.filter((x) => x.type_code === type);
    const got =
      (await collect(
        c,
        caller,
        `ledgers.${type}`,
        get,
        `/ledger-types/${type}/records?limit=500`,
      )) ?? [];
    compare(
      c,
      caller,
      `ledgers.${type}`,
      got.map((x) => x.id),
      ofType,
      r.record,
    );
    const outside = ofType.find((x) => r.record(x) === 'none');
    if (outside && (await get(`/ledger-types/${type}/records/${outside.id}`)).status === 200) {
      c.out.push({
        caller,
        resource: `ledgers.${type}`,
        kind: 'leak',
        detail: `record ${outside.id} outside scope opened by id`,
      });
    }
  }
  for (const [metricId, type] of LEDGER_METRICS)
    await checkLedgerMetric(c, caller, r, get, metricId, type);
  await checkLedgerFiles(c, caller, r, get);
}

/** A ledger metric's value against the rows behind it, for the town and for the probe village. */
async function checkLedgerMetric(
  c: Ctx,
  caller: TownCaller,
  r: CallerReach,
  get: Get,
  metricId: string,
  type: string,
) {
  const { records } = c.facts;
  const resource = `metrics.${metricId}`;
  const inYear = (x: RecordRaw): Reach =>
    x.type_code === type && x.occurred_on >= YEAR.from && x.occurred_on <= YEAR.to
      ? r.record(x)
      : 'none';
  const value = await get(`/metrics/${metricId}?from=${YEAR.from}&to=${YEAR.to}`);
  const rows =
    (await collect(
      c,
      caller,
      resource,
      get,
      `/metrics/${metricId}/records?from=${YEAR.from}&to=${YEAR.to}&limit=500`,
    )) ?? [];
  compare(
    c,
    caller,
    resource,
    rows.map((x) => x.id),
    records,
    inYear,
  );
  if (ok(c, caller, resource, value) && value.body.value !== rows.length)
    c.out.push({
      caller,
      resource,
      kind: 'value',
      detail: `value ${value.body.value} but ${rows.length} rows behind it`,
    });
  // Asking for another village's figure must not widen the caller's scope (a unit parameter only narrows).
  const village = new Set(subtreeOf(c.facts, c.facts.unitByName.get(PROBE_VILLAGE)!));
  const narrowed = (x: RecordRaw): Reach =>
    x.unit_id !== null && village.has(x.unit_id) ? inYear(x) : 'none';
  const q = `from=${YEAR.from}&to=${YEAR.to}&unitId=${c.facts.unitByName.get(PROBE_VILLAGE)}`;
  const probe =
    (await collect(
      c,
      caller,
      `${resource}@${PROBE_VILLAGE}`,
      get,
      `/metrics/${metricId}/records?${q}&limit=500`,
    )) ?? [];
  compare(
    c,
    caller,
    `${resource}@${PROBE_VILLAGE}`,
    probe.map((x) => x.id),
    records,
    narrowed,
  );
  const probeValue = await get(`/metrics/${metricId}?${q}`);
  if (
    ok(c, caller, `${resource}@${PROBE_VILLAGE}`, probeValue) &&
    probeValue.body.value !== probe.length
  )
    c.out.push({
      caller,
      resource: `${resource}@${PROBE_VILLAGE}`,
      kind: 'value',
      detail: `value ${probeValue.body.value} but ${probe.length} rows behind it`,
    });
}

/** A ledger file is readable by whoever may read the live record that owns it (issue 10 item 5). */
async function checkLedgerFiles(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const refs = (
    await sql<{ attachment_id: string; record_id: string }>`
    select a.id as attachment_id, l.id as record_id from attachment a
    join ledger_record l on l.town_id = a.town_id and l.id = a.owner_id and l.deleted_at is null
    where a.town_id = ${c.facts.townId} and a.owner_kind = 'ledger_record' order by a.id`.execute(
      c.t.database.db,
    )
  ).rows;
  const records = new Map(c.facts.records.map((x) => [x.id, x]));
  const reach = (f: (typeof refs)[number]): Reach => r.record(records.get(f.record_id)!);
  const sample = [
    refs.find((f) => reach(f) === 'none'),
    refs.find((f) => reach(f) === 'must'),
  ].filter((f) => f !== undefined);
  let seen = 0;
  for (const f of sample) {
    const res = await get(`/attachments/${f.attachment_id}`);
    const expected = reach(f);
    if (res.status >= 500) continue;
    if (expected === 'none' && res.status === 200)
      c.out.push({
        caller,
        resource: 'ledgers.attachments',
        kind: 'leak',
        detail: `file of record ${f.record_id} outside scope`,
      });
    else if (expected === 'must' && res.status !== 200)
      c.out.push({
        caller,
        resource: 'ledgers.attachments',
        kind: 'missing',
        detail: `file of record ${f.record_id} in scope: ${res.status}`,
      });
    else if (res.status === 200) seen++;
  }
  c.seen.set(`${caller} ledgers.attachments`, seen);
}
