/**
 * The scope matrix's appeal checks: lists, my queue, overdue, a KPI drill-down, an order in and
 * one out of scope, files on orders, problems and commitments. See rows.ts.
 */
import { sql } from 'kysely';
import type { AppealRaw, CallerReach, Reach } from './reach.ts';
import { collect, compare, ok, YEAR, type Ctx, type Get, type TownCaller } from './rows-common.ts';

export async function checkAppeals(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const { appeals } = c.facts;
  const list = (await collect(c, caller, 'appeals.list', get, '/appeals?limit=200')) ?? [];
  compare(
    c,
    caller,
    'appeals.list',
    list.map((a) => a.id),
    appeals,
    r.appeal,
  );
  const phones = new Map(appeals.map((a) => [a.id, a.contact_phone]));
  if (list.some((a) => a.contactPhone !== null && a.contactPhone === phones.get(a.id)))
    c.out.push({
      caller,
      resource: 'appeals.list',
      kind: 'unmasked',
      detail: 'a resident’s phone number in a list',
    });

  const queue = await get('/appeals/queue');
  const open = (a: AppealRaw): Reach =>
    a.closed || a.merged ? 'none' : r.appeal(a) === 'none' ? 'none' : 'may';
  if (ok(c, caller, 'appeals.queue', queue))
    compare(
      c,
      caller,
      'appeals.queue',
      queue.body.items.map((a: any) => a.id),
      appeals,
      open,
    );
  const overdue = await get('/appeals/overdue');
  const late = (a: AppealRaw): Reach => (a.overdue ? r.appeal(a) : 'none');
  if (ok(c, caller, 'appeals.overdue', overdue))
    compare(
      c,
      caller,
      'appeals.overdue',
      overdue.body.items.map((a: any) => a.id),
      appeals,
      late,
    );

  const received =
    (await collect(
      c,
      caller,
      'appeals.kpi_orders',
      get,
      `/appeals/kpis/appeals.received/orders?from=${YEAR.from}&to=${YEAR.to}&limit=500`,
    )) ?? [];
  const inYear = (a: AppealRaw): Reach =>
    !a.merged && a.received_on >= YEAR.from && a.received_on <= YEAR.to ? r.appeal(a) : 'none';
  compare(
    c,
    caller,
    'appeals.kpi_orders',
    received.map((a) => a.id),
    appeals,
    inYear,
  );

  await checkAppealDetail(c, caller, r, get);
  await checkAppealFiles(c, caller, r, get);
  await checkOwned(c, caller, r, get);
}

/** One order outside the caller's scope must be unknown to them (404), one inside readable. */
async function checkAppealDetail(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const { appeals } = c.facts;
  const outside = appeals.find((a) => r.appeal(a) === 'none');
  if (outside) {
    const res = await get(`/appeals/${outside.id}`);
    if (res.status === 200)
      c.out.push({
        caller,
        resource: 'appeals.detail',
        kind: 'leak',
        detail: `order ${outside.id} outside scope answered ${res.status}`,
      });
    else if (res.status !== 404 && res.status < 500)
      c.out.push({
        caller,
        resource: 'appeals.detail',
        kind: 'status',
        detail: `order ${outside.id} outside scope answered ${res.status} (not 404)`,
      });
  }
  const inside = appeals.find((a) => r.appeal(a) === 'must');
  if (inside) {
    const res = await get(`/appeals/${inside.id}`);
    if (res.status !== 200 && res.status < 500)
      c.out.push({
        caller,
        resource: 'appeals.detail',
        kind: 'missing',
        detail: `order ${inside.id} in scope answered ${res.status}`,
      });
  }
}

/** Problems and commitments: read like the orders they gather. */
async function checkOwned(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  for (const [resource, path, rows] of [
    ['appeal_problems.list', '/appeal-problems?limit=500', c.facts.problems],
    ['appeal_commitments.list', '/appeal-commitments?limit=500', c.facts.commitments],
  ] as const) {
    const res = await get(path);
    if (ok(c, caller, resource, res))
      compare(
        c,
        caller,
        resource,
        res.body.items.map((x: any) => x.id),
        rows,
        r.owned,
      );
  }
}

/** Files on orders: listed and downloaded exactly for the orders the caller may read. */
async function checkAppealFiles(c: Ctx, caller: TownCaller, r: CallerReach, get: Get) {
  const files = (
    await sql<{ appeal_id: string; attachment_id: string }>`
      select appeal_id, attachment_id from appeal_attachment
      where town_id = ${c.facts.townId} order by appeal_id`.execute(c.t.database.db)
  ).rows;
  const orders = new Map(c.facts.appeals.map((a) => [a.id, a]));
  const sample = [
    files.find((f) => r.appeal(orders.get(f.appeal_id)!) === 'none'),
    files.find((f) => r.appeal(orders.get(f.appeal_id)!) === 'must'),
  ].filter((f) => f !== undefined);
  let seen = 0;
  for (const f of sample) {
    const expected = r.appeal(orders.get(f.appeal_id)!);
    const list = await get(`/appeals/${f.appeal_id}/attachments`);
    const download = await get(`/appeals/${f.appeal_id}/attachments/${f.attachment_id}`);
    for (const [res, what] of [
      [list, 'list'],
      [download, 'download'],
    ] as const) {
      if (res.status >= 500) continue;
      if (expected === 'none' && res.status === 200)
        c.out.push({
          caller,
          resource: 'appeals.attachments',
          kind: 'leak',
          detail: `${what} of a file on order ${f.appeal_id} outside scope`,
        });
      else if (expected === 'must' && res.status !== 200)
        c.out.push({
          caller,
          resource: 'appeals.attachments',
          kind: 'missing',
          detail: `${what} of a file on order ${f.appeal_id} in scope: ${res.status}`,
        });
      else if (res.status === 200) seen++;
    }
  }
  c.seen.set(`${caller} appeals.attachments`, seen);
}
