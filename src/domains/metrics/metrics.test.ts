import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerCatalogue, catalogueMetrics } from '../../core/ledger/catalogue/index.ts';
import { partyMetricTypes } from '../../core/party/metric-sources.ts';
import { recomputeFromDrillDown, type DrillDownRow } from '../../core/metrics/result.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { demoYear, type DemoYear } from '../../testing/demo.ts';
import { engineActor } from '../reports/report-facts.ts';
import { drillDown, evaluateMetric, evaluateMetrics, metricContext } from './metrics.service.ts';

let t: TestApp;
let admin: string;
let base: string;
let shiqiao: string;
let Y: DemoYear;

// The demo town on purpose: a year of records over every catalogue type. Its year and figures are
// read from its records (testing/demo.ts), so the demo may move with the clock.
beforeAll(async () => {
  t = await createTestApp();
  Y = await demoYear(t.database.db, t.townId);
  admin = await t.login('admin');
  base = `/api/v1/towns/${t.townId}/metrics`;
  const units = (await t.call('GET', `/api/v1/towns/${t.townId}/units`, { cookie: admin })).body
    .items as { id: string; name: string }[];
  shiqiao = units.find((u) => u.name === '石桥村')!.id;
});
afterAll(() => t.close());

/** Every drill-down page of a metric, as the compiler's rows (snake_case) for recomputation. */
async function allRows(cookie: string, id: string, q: string): Promise<DrillDownRow[]> {
  const rows: DrillDownRow[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: any } = await t.call(
      'GET',
      `${base}/${id}/records?${q}&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
      { cookie },
    );
    expect(res.status).toBe(200);
    for (const r of res.body.items)
      rows.push({
        id: r.id,
        period_key: r.occurredOn,
        group_key: r.groupKey,
        measure: r.measure,
        in_numerator: r.inNumerator,
      });
    cursor = res.body.nextCursor;
  } while (cursor);
  return rows;
}

function asResult(body: any) {
  return body.groups
    ? {
        kind: 'grouped',
        groups: body.groups.map((g: any) => ({
          key: g.key,
          value: g.value,
          ...(g.numerator !== undefined && g.numerator !== null
            ? { numerator: g.numerator, denominator: g.denominator }
            : {}),
        })),
      }
    : {
        kind: 'total',
        value: body.value,
        ...(body.numerator !== null
          ? { numerator: body.numerator, denominator: body.denominator }
          : {}),
      };
}

describe('metrics over the demo year', () => {
  it('lists every catalogue metric and party work’s for a leader', async () => {
    const res = await t.call('GET', base, { cookie: admin });
    expect(res.body.items.map((m: { id: string }) => m.id).sort()).toEqual(
      catalogueMetrics([...ledgerCatalogue, ...partyMetricTypes])
        .map((m) => m.id)
        .sort(),
    );
  });

  it('reproduces every catalogue metric from all pages of its drill-down (town, and one village)', async () => {
    let nonZero = 0;
    for (const m of catalogueMetrics(ledgerCatalogue)) {
      for (const q of [Y.query, `from=${Y.on('03-01')}&to=${Y.on('09-30')}&unitId=${shiqiao}`]) {
        const value = await t.call('GET', `${base}/${m.id}?${q}`, { cookie: admin });
        expect(value.status, m.id).toBe(200);
        const rows = await allRows(admin, m.id, q);
        const recomputed = recomputeFromDrillDown(m, rows, Boolean(m.groupBy));
        expect(asResult(value.body), `${m.id} ${q}`).toEqual(recomputed);
        if ((value.body.value ?? value.body.groups?.length ?? 0) > 0) nonZero++;
      }
    }
    // The demo year gives (almost) every metric something to count.
    expect(nonZero).toBeGreaterThan(catalogueMetrics(ledgerCatalogue).length);
  });

  it('counts branch meetings per type as the records hold them', async () => {
    const res = await t.call('GET', `${base}/ledger.branch_meeting.held_by_type?${Y.query}`, {
      cookie: admin,
    });
    const byType = Object.fromEntries(
      res.body.groups.map((g: { key: string; value: number }) => [g.key, g.value]),
    );
    const stored = await t.database.db
      .selectFrom('ledger_record')
      .select([
        sql<string>`data->>'meeting_type'`.as('type'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('town_id', '=', t.townId)
      .where('type_code', '=', 'branch_meeting')
      .where('deleted_at', 'is', null)
      .where('occurred_on', '>=', Y.from)
      .where('occurred_on', '<=', Y.to)
      .groupBy(sql`data->>'meeting_type'`)
      .execute();
    expect(stored.length).toBeGreaterThan(1);
    expect(byType).toEqual(Object.fromEntries(stored.map((r) => [r.type, Number(r.n)])));
  });

  it('narrows a village cadre to their village, and hides other portfolios from a portfolio leader', async () => {
    const cadre = await t.login('cunganbu');
    const mine = await t.call('GET', `${base}/ledger.branch_meeting.held?${Y.query}`, {
      cookie: cadre,
    });
    const all = await t.call('GET', `${base}/ledger.branch_meeting.held?${Y.query}`, {
      cookie: admin,
    });
    expect(mine.body.value).toBeGreaterThan(0);
    expect(mine.body.value).toBeLessThan(all.body.value);
    const rows = await allRows(cadre, 'ledger.branch_meeting.held', Y.query);
    expect(rows).toHaveLength(mine.body.value);
    // Every one of them is a meeting of a branch inside the cadre's village (石桥村).
    const branches = await t.database.db
      .selectFrom('unit')
      .select('id')
      .where('town_id', '=', t.townId)
      .where('parent_id', '=', shiqiao)
      .execute();
    const inVillage = new Set([shiqiao, ...branches.map((b) => b.id)]);
    const units = await t.database.db
      .selectFrom('ledger_record')
      .select('unit_id')
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(units.every((u) => inVillage.has(u.unit_id!))).toBe(true);
    const leader = await t.login('xuanchuan');
    expect(
      (await t.call('GET', `${base}/ledger.branch_meeting.held`, { cookie: leader })).status,
    ).toBe(404);
    const listed = (await t.call('GET', base, { cookie: leader })).body.items as {
      portfolio: string;
    }[];
    expect(listed.every((m) => m.portfolio === 'propaganda')).toBe(true);
    expect(
      (
        await t.call('GET', `${base}/ledger.propaganda_item.count?${Y.query}`, {
          cookie: leader,
        })
      ).body.value,
    ).toBeGreaterThan(0);
  });

  it('refuses a bad period and a bad cursor with problem+json', async () => {
    expect(
      (
        await t.call('GET', `${base}/ledger.propaganda_item.count?from=2025-12-31&to=2025-01-01`, {
          cookie: admin,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await t.call('GET', `${base}/ledger.propaganda_item.count/records?cursor=bad`, {
          cookie: admin,
        })
      ).status,
    ).toBe(400);
  });

  // The batch values equal those of single evaluation and of each metric's drill-down.
  it('evaluates every catalogue metric in batches', async () => {
    const db = t.database.db;
    const actor = engineActor(t.townId);
    const ids = catalogueMetrics(ledgerCatalogue).map((m) => m.id);
    const person = (
      await db
        .selectFrom('app_user')
        .select('person_id')
        .where('username', '=', 'xuanchuan')
        .executeTakeFirstOrThrow()
    ).person_id!;
    const queries = [
      { from: Y.from, to: Y.to },
      { from: Y.on('03-01'), to: Y.on('09-30'), unitId: shiqiao },
      { from: Y.from, to: Y.to, personId: person },
    ];
    let nonZero = 0;
    for (const q of queries) {
      const ctx = await metricContext(db, actor, t.townId);
      const batched = await evaluateMetrics(db, actor, t.townId, ids, q, ctx);
      expect([...batched.keys()]).toEqual(ids);
      for (const m of catalogueMetrics(ledgerCatalogue)) {
        const single = await evaluateMetric(db, actor, t.townId, m.id, q);
        expect(batched.get(m.id), `${m.id} ${JSON.stringify(q)}`).toEqual(single);
        if (q.personId) {
          const rows: DrillDownRow[] = [];
          let cursor: string | undefined;
          do {
            const page = await drillDown(
              db,
              actor,
              t.townId,
              m.id,
              { ...q, cursor, limit: 500 },
              ctx,
            );
            rows.push(
              ...page.items.map((r) => ({
                id: r.id,
                period_key: r.occurredOn,
                group_key: r.groupKey,
                measure: r.measure,
                in_numerator: r.inNumerator,
              })),
            );
            cursor = page.nextCursor ?? undefined;
          } while (cursor);
          expect(asResult(batched.get(m.id)), m.id).toEqual(
            recomputeFromDrillDown(m, rows, Boolean(m.groupBy)),
          );
        }
        if ((single.value ?? single.groups?.length ?? 0) > 0) nonZero++;
      }
    }
    expect(nonZero).toBeGreaterThan(ids.length);
  });

  it("answers 404 for a batch naming a metric out of the caller's sight", async () => {
    const res = await t.call('GET', `${base}/ledger.branch_meeting.held`, {
      cookie: await t.login('xuanchuan'),
    });
    expect(res.status).toBe(404);
    const db = t.database.db;
    const leader = { ...engineActor(t.townId), grants: [] };
    await expect(
      evaluateMetrics(db, leader, t.townId, ['ledger.branch_meeting.held'], {
        from: Y.from,
        to: Y.to,
      }),
    ).rejects.toThrow();
  });
});
