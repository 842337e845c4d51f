/**
 * The fault suite (DESIGN 11, issue 15): the real server (`lvzhi serve`, its own process) is killed
 * with SIGKILL after N acknowledged writes during an Excel ledger import, a burst of appeal
 * transitions and a burst of report freezes, and restarted. After each kill the database is opened
 * again and every acknowledged write must be there, nothing half-written (all-or-nothing imports,
 * each order in exactly one state with one event and one audit entry per version, each report
 * either a draft or frozen with its revision and audit entry), and `lvzhi audit verify` must pass.
 * Then SIGTERM must let the requests in flight finish, stop the scheduler and exit 0.
 *
 * Runs on PGlite under `npm test`, and on PostgreSQL when TEST_DATABASE_URL is set (CI's second
 * run). The counts are printed at the end: kills, writes checked, orders checked.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { XLSX_TYPE } from '../domains/ledgers/excel-columns.ts';
import {
  Client,
  killHard,
  lvzhi,
  startServer,
  streamLines,
  workers,
  type Reply,
  type Served,
  type Target,
} from './served.ts';

const BACKEND = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const RUN = `故障${Date.now().toString(36)}`;

let dir: string;
let pgDatabase: TestDatabase | undefined;
let target: Target;
let served: Served | undefined;
let client: Client;
let townId: string;
const cookies = new Map<string, string>();

const tally = {
  kills: 0,
  sigterms: 0,
  inFlightAtKills: [] as number[],
  acknowledged: { imports: 0, importRows: 0, intakes: 0, transitions: 0, drafts: 0, freezes: 0 },
  unacknowledgedCommitted: 0,
  unacknowledgedAbsent: 0,
  ordersChecked: 0,
  reportsChecked: 0,
  auditVerified: 0,
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lvzhi-fault-'));
  if (process.env.TEST_DATABASE_URL) {
    pgDatabase = await createTestDatabase({ migrate: false });
    target = { url: pgDatabase.url! };
  } else {
    target = { dataDir: path.join(dir, 'data') };
  }
  await start();
  const admin = await cookie('admin');
  const me = await client.send('GET', '/api/v1/auth/me', admin);
  townId = me.body.homeTownId ?? me.body.townId;
  expect(townId, JSON.stringify(me.body)).toBeTruthy();
}, 240_000);

afterAll(async () => {
  if (served && served.child.exitCode === null && served.child.signalCode === null)
    await killHard(served);
  await pgDatabase?.close();
  await rm(dir, { recursive: true, force: true });
  const a = tally.acknowledged;
  const writes = a.imports + a.intakes + a.transitions + a.drafts + a.freezes;
  console.log(
    [
      `fault suite on ${BACKEND}: ${tally.kills} SIGKILLs`,
      `(requests in flight at each: ${tally.inFlightAtKills.join(', ')}),`,
      `${tally.sigterms} SIGTERM; acknowledged writes checked: ${writes}`,
      `(${a.imports} imports = ${a.importRows} rows, ${a.intakes} intakes, ${a.transitions} transitions,`,
      `${a.drafts} drafts, ${a.freezes} freezes); unacknowledged writes found whole: ${tally.unacknowledgedCommitted},`,
      `absent: ${tally.unacknowledgedAbsent}; orders checked: ${tally.ordersChecked};`,
      `reports checked: ${tally.reportsChecked}; audit verify passed ${tally.auditVerified} times`,
    ].join(' '),
  );
}, 120_000);

async function start() {
  served = await startServer(target);
  client = new Client(served.base);
  cookies.clear();
}

async function cookie(user: string) {
  if (!cookies.has(user)) cookies.set(user, await client.login(user));
  return cookies.get(user)!;
}

/** Opens the database the way the restarted server would (PGlite recovers its directory). */
async function withDatabase<T>(work: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (pgDatabase) return work(pgDatabase.db);
  const opened: Database = await openDatabase({ dataDir: target.dataDir! });
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

async function auditVerify() {
  const verified = await lvzhi(target, 'audit', 'verify');
  expect(verified.stderr, verified.stdout).toBe('');
  expect(verified.code).toBe(0);
  expect(verified.stdout).toMatch(/✓ 审计链完好：1 个乡镇，\d+ 条记录/);
  tally.auditVerified++;
}

/**
 * Kills the server once armed (after the `n`-th acknowledged write): `delayMs` after it, or at once
 * when the scenario calls `fire()` at a moment of its choosing (an import half-way through).
 * Notes how many requests were in flight.
 */
function killAfter(n: number, delayMs: number | null) {
  let acks = 0;
  let fired = false;
  let killed: Promise<void> | undefined;
  const fire = () => {
    if (fired) return;
    fired = true;
    tally.inFlightAtKills.push(client.inFlight);
    tally.kills++;
    killed = killHard(served!).then(() => undefined);
  };
  const onAck = () => {
    acks++;
    if (acks === n && delayMs !== null) setTimeout(fire, delayMs);
  };
  return {
    onAck,
    fire,
    armed: () => acks >= n,
    fired: () => fired,
    killed: async () => {
      while (!killed) await new Promise((resolve) => setTimeout(resolve, 20));
      await killed;
    },
  };
}

function unexpected(what: string, reply: Reply): never {
  throw new Error(`${what}: unexpected ${reply.status} ${JSON.stringify(reply.body)}`);
}

// ---- Excel import ------------------------------------------------------------------------------

async function workbook(batch: number, rows: number, author: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('宣传信息报送');
  ws.addRow(['标题', '采用媒体/平台', '采用层级', '渠道', '刊发日期', '作者']);
  for (let i = 0; i < rows; i++)
    ws.addRow([`${RUN}-导入${batch}-${i}`, '县融媒体中心', '县级', '公众号', '2025/6/1', author]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe(`the real server on ${BACKEND}, killed with SIGKILL`, () => {
  it('during Excel ledger imports: every acknowledged import is whole, every other one absent or whole', async () => {
    const admin = await cookie('admin');
    const people = await client.send('GET', `/api/v1/towns/${townId}/people?limit=200`, admin);
    const author = (people.body.items as { name: string; titles: string[] }[]).find((p) =>
      p.titles.some((x) => x.includes('宣传专干')),
    )!.name;
    const sizes = Array.from({ length: 14 }, (_, i) => (i % 2 ? 1500 : 250));
    const books = await Promise.all(sizes.map((size, batch) => workbook(batch, size, author)));
    const startedAt = new Date();

    const sent = new Set<number>();
    const acked = new Set<number>();
    // Armed after 3 acknowledged imports, the kill falls when a large import in flight has passed
    // 1,100 of its 1,500 rows: two batches of 500 are inserted in its still open transaction.
    const kill = killAfter(3, null);
    let next = 0;
    await workers(3, kill.fired, async () => {
      const batch = next++;
      if (batch >= books.length || kill.fired()) return false;
      sent.add(batch);
      const last = await streamLines(
        client,
        `/api/v1/towns/${townId}/ledger-types/propaganda_item/import`,
        admin,
        books[batch]!,
        XLSX_TYPE,
        (line) => {
          if (line.type === 'progress' && kill.armed() && sizes[batch]! > 1000)
            if (Number(line.rows) >= 1100) kill.fire();
        },
      );
      if (last.type !== 'done') throw new Error(`import ${batch}: ${JSON.stringify(last)}`);
      expect(last.imported).toBe(sizes[batch]);
      acked.add(batch);
      kill.onAck();
      return true;
    });
    await kill.killed();
    expect(tally.kills).toBe(1);

    const after = await importState(startedAt);
    let committedRows = 0;
    let committed = 0;
    for (const batch of sent) {
      const rows = after.perBatch[batch] ?? 0;
      if (acked.has(batch)) {
        expect(rows, `acknowledged import ${batch}`).toBe(sizes[batch]);
      } else {
        expect([0, sizes[batch]], `unacknowledged import ${batch} is all or nothing`).toContain(
          rows,
        );
        if (rows) tally.unacknowledgedCommitted++;
        else tally.unacknowledgedAbsent++;
      }
      if (rows) {
        committed++;
        committedRows += rows;
      }
    }
    // Nothing but whole imports was added: the rows and the import audit entries add up.
    expect(after.records).toBe(committedRows);
    expect(after.auditImports).toBe(committed);
    tally.acknowledged.imports += acked.size;
    tally.acknowledged.importRows += [...acked].reduce((n, b) => n + sizes[b]!, 0);
    await auditVerify();
  }, 300_000);
});

/** Records and import audit entries written since `since`, and the marked rows per batch. */
async function importState(since: Date) {
  return withDatabase(async (db) => {
    const records = await db
      .selectFrom('ledger_record')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('town_id', '=', townId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    const audits = await db
      .selectFrom('audit_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('town_id', '=', townId)
      .where('action', '=', 'import')
      .where('entity_id', '=', 'propaganda_item')
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    const perBatch: Record<number, number> = {};
    const rows = await sql<{ batch: string; n: number }>`
      select split_part(data->>'title', '-', 2) as batch, count(*)::int as n from ledger_record
      where town_id = ${townId} and type_code = 'propaganda_item' and data->>'title' like ${`${RUN}-%`}
      group by 1`.execute(db);
    for (const r of rows.rows) perBatch[Number(r.batch.replace('导入', ''))] = r.n;
    return { records: Number(records.n), auditImports: Number(audits.n), perBatch };
  });
}

// ---- appeal transitions ------------------------------------------------------------------------

interface Ack {
  id: string;
  version: number;
  state: string;
}

const STEPS: [
  user: string,
  action: string,
  payload: (unitId: string) => Record<string, unknown>,
][] = [
  ['paidan', 'dispatch', (unitId) => ({ unitId })],
  ['zhuangan', 'claim', () => ({})],
  ['zhuangan', 'reply', () => ({ replyText: '已现场处理', contacted: true })],
  ['paidan', 'follow_up', () => ({ satisfaction: '满意', solved: true })],
  ['paidan', 'close', () => ({})],
];

describe(`the real server on ${BACKEND}, killed with SIGKILL`, () => {
  it('during intakes and transitions (two claims racing per order): every order in one state', async () => {
    await start();
    const base = `/api/v1/towns/${townId}`;
    const units = await client.send('GET', `${base}/units?limit=200`, await cookie('admin'));
    const unitId = (units.body.items as { id: string; code: string }[]).find(
      (u) => u.code === 'office_propaganda',
    )!.id;
    let serial = 0;
    const intake = async () => {
      const n = serial++;
      const reply = await client.send('POST', `${base}/appeals`, await cookie('paidan'), {
        kind: 'hotline',
        channel: 'hotline_12345',
        categoryCode: 'publicity.signage',
        title: `${RUN}-工单${n}`,
        content: '宣传栏破损，请尽快修理',
        payload: { hotlineNo: `${RUN}-${n}` },
      });
      if (reply.status !== 201) unexpected('intake', reply);
      tally.acknowledged.intakes++;
      return { id: reply.body.id as string, version: reply.body.version as number };
    };
    const queue: { id: string; version: number }[] = [];
    const acks: Ack[] = [];
    for (let i = 0; i < 8; i++) {
      const order = await intake();
      acks.push({ ...order, state: 'registered' });
      queue.push(order);
    }
    const kill = killAfter(60, 40);
    const ack = (body: Ack) => {
      acks.push({ id: body.id, version: body.version, state: body.state });
      kill.onAck();
    };
    let races = 0;
    await workers(4, kill.fired, async (worker) => {
      if (kill.fired()) return false;
      if (worker === 3) {
        const order = await intake();
        ack({ ...order, state: 'registered' });
        queue.push(order);
        return true;
      }
      const order = queue.shift();
      if (!order) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return true;
      }
      let version = order.version;
      for (const [user, action, payload] of STEPS) {
        const session = await cookie(user);
        const send = () =>
          client.send('POST', `${base}/appeals/${order.id}/transitions`, session, {
            action,
            version,
            payload: payload(unitId),
          });
        // Two claims on the same version race: exactly one wins, the other gets 409.
        const replies = action === 'claim' ? await Promise.all([send(), send()]) : [await send()];
        const won = replies.filter((r) => r.status === 200);
        const lost = replies.filter((r) => r.status !== 200);
        for (const r of lost) if (r.status !== 409) unexpected(action, r);
        expect(won, `${action}: ${JSON.stringify(replies.map((r) => r.status))}`).toHaveLength(1);
        if (replies.length > 1) races++;
        ack(won[0]!.body);
        version = won[0]!.body.version;
        if (kill.fired()) return false;
      }
      return true;
    });
    await kill.killed();
    expect(tally.kills).toBe(2);
    expect(races).toBeGreaterThan(0);

    const orders = await orderStates();
    const byId = new Map(orders.map((o) => [o.id, o]));
    for (const a of acks) {
      const o = byId.get(a.id);
      expect(o, `acknowledged order ${a.id}`).toBeTruthy();
      expect(
        o!.version,
        `order ${a.id} acknowledged at version ${a.version}`,
      ).toBeGreaterThanOrEqual(a.version);
      expect(o!.states[a.version - 1], `state of ${a.id} at version ${a.version}`).toBe(a.state);
    }
    for (const o of orders) {
      // One state: events 1…version, each version's event leads to the next, the last is the state.
      expect(o.seqs, `events of order ${o.code}`).toEqual(range(o.version));
      expect(o.states.at(-1), `state of order ${o.code}`).toBe(o.state);
      expect(o.snapshotVersion, `snapshot of order ${o.code}`).toBe(o.version);
    }
    const mine = orders.filter((o) => o.title.startsWith(`${RUN}-`));
    const lastAck = new Map<string, number>();
    for (const a of acks) lastAck.set(a.id, Math.max(a.version, lastAck.get(a.id) ?? 0));
    for (const o of mine) {
      expect(o.audits, `audit entries of order ${o.code}`).toBe(o.version);
      // Committed but cut before its answer reached the client: an intake or the next transitions.
      tally.unacknowledgedCommitted += o.version - (lastAck.get(o.id) ?? 0);
    }
    expect(mine.length).toBeGreaterThanOrEqual(new Set(acks.map((a) => a.id)).size);
    tally.acknowledged.transitions += acks.filter((a) => a.state !== 'registered').length;
    tally.ordersChecked += orders.length;
    await auditVerify();
  }, 300_000);
});

/** GET on a new TCP connection (fetch would reuse a kept-alive one): its status, or 'refused'. */
function newConnection(url: string): Promise<string> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      resolve(`answered ${res.statusCode}`);
    });
    req.on('error', () => resolve('refused'));
  });
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Every order of the town with its events' seqs and target states in order, and its audit count. */
async function orderStates() {
  return withDatabase(async (db) => {
    const rows = await sql<{
      id: string;
      code: string;
      title: string;
      state: string;
      version: number;
      snapshot_version: number | null;
      seqs: number[];
      states: string[];
      audits: number;
    }>`
      select a.id, a.code, a.title, a.state, a.version, (a.snapshot->>'version')::int as snapshot_version,
        coalesce((select array_agg(e.seq order by e.seq) from appeal_event e
                  where e.town_id = a.town_id and e.appeal_id = a.id), '{}') as seqs,
        coalesce((select array_agg(e.to_state order by e.seq) from appeal_event e
                  where e.town_id = a.town_id and e.appeal_id = a.id), '{}') as states,
        (select count(*)::int from audit_entry u where u.town_id = a.town_id and u.entity_id = a.id::text) as audits
      from appeal a where a.town_id = ${townId}`.execute(db);
    return rows.rows.map((r) => ({
      ...r,
      version: Number(r.version),
      snapshotVersion: r.snapshot_version === null ? null : Number(r.snapshot_version),
      seqs: r.seqs.map(Number),
    }));
  });
}

// ---- report freeze -----------------------------------------------------------------------------

describe(`the real server on ${BACKEND}, killed with SIGKILL`, () => {
  it('during report freezes: each report a draft, or frozen with one revision and audit entry', async () => {
    await start();
    const admin = await cookie('admin');
    const base = `/api/v1/towns/${townId}/reports`;
    const people = await client.send('GET', `/api/v1/towns/${townId}/people?limit=200`, admin);
    const leaders = (people.body.items as { id: string; titles: string[] }[])
      .filter((p) => p.titles.length)
      .slice(0, 12);
    const drafts: { id: string; version: number }[] = [];
    for (const year of [2024, 2025])
      for (const person of leaders) {
        const reply = await client.send('POST', base, admin, { personId: person.id, year });
        if (reply.status !== 201) unexpected('draft', reply);
        drafts.push({ id: reply.body.id, version: reply.body.version });
      }
    tally.acknowledged.drafts += drafts.length;
    expect(drafts.length).toBeGreaterThanOrEqual(16);

    const frozen = new Map<string, number>();
    const sent = new Set<string>();
    const kill = killAfter(8, 30);
    let next = 0;
    await workers(4, kill.fired, async () => {
      const draft = drafts[next++];
      if (!draft || kill.fired()) return false;
      sent.add(draft.id);
      const reply = await client.send('POST', `${base}/${draft.id}/freeze`, admin, {
        version: draft.version,
      });
      if (reply.status !== 200) unexpected('freeze', reply);
      expect(reply.body.state).toBe('frozen');
      frozen.set(draft.id, reply.body.version);
      kill.onAck();
      return true;
    });
    await kill.killed();
    expect(tally.kills).toBe(3);

    const reports = await reportStates(drafts.map((d) => d.id));
    expect(reports).toHaveLength(drafts.length);
    for (const r of reports) {
      const version = drafts.find((d) => d.id === r.id)!.version;
      if (r.state === 'frozen') {
        expect(r, `frozen report ${r.id}`).toMatchObject({
          version: version + 1,
          frozenAt: true,
          freezeRevisions: 1,
          freezeAudits: 1,
        });
      } else {
        expect(r, `draft report ${r.id}`).toMatchObject({
          state: 'draft',
          version,
          frozenAt: false,
          freezeRevisions: 0,
          freezeAudits: 0,
        });
      }
      if (frozen.has(r.id)) expect(r.state, `acknowledged freeze of ${r.id}`).toBe('frozen');
      else if (sent.has(r.id)) {
        if (r.state === 'frozen') tally.unacknowledgedCommitted++;
        else tally.unacknowledgedAbsent++;
      } else expect(r.state, `report ${r.id} never sent to freeze`).toBe('draft');
    }
    tally.acknowledged.freezes += frozen.size;
    tally.reportsChecked += reports.length;
    await auditVerify();
  }, 300_000);
});

async function reportStates(ids: string[]) {
  return withDatabase(async (db) => {
    const rows = await sql<{
      id: string;
      state: string;
      version: number;
      frozen_at: Date | null;
      freeze_revisions: number;
      freeze_audits: number;
    }>`
      select r.id, r.state, r.version, r.frozen_at,
        (select count(*)::int from report_revision v where v.town_id = r.town_id and v.report_id = r.id
           and v.reason = 'freeze') as freeze_revisions,
        (select count(*)::int from audit_entry u where u.town_id = r.town_id and u.entity_id = r.id::text
           and u.action = 'freeze') as freeze_audits
      from report r where r.town_id = ${townId} and r.id = any(${ids}::uuid[])`.execute(db);
    return rows.rows.map((r) => ({
      id: r.id,
      state: r.state,
      version: Number(r.version),
      frozenAt: r.frozen_at !== null,
      freezeRevisions: r.freeze_revisions,
      freezeAudits: r.freeze_audits,
    }));
  });
}

// ---- SIGTERM -----------------------------------------------------------------------------------

describe(`the real server on ${BACKEND}, stopped with SIGTERM`, () => {
  it('serves what it acknowledged, then finishes requests in flight, stops the scheduler, exits 0', async () => {
    await start();
    const admin = await cookie('admin');
    const paidan = await cookie('paidan');
    const town = `/api/v1/towns/${townId}`;
    // After the restarts the server answers with what it acknowledged before the kills.
    const reports = await client.send('GET', `${town}/reports?limit=200`, admin);
    expect(reports.status).toBe(200);
    expect(
      (reports.body.items as { state: string }[]).filter((r) => r.state === 'frozen').length,
    ).toBeGreaterThanOrEqual(tally.acknowledged.freezes);

    const people = await client.send('GET', `${town}/people?limit=200`, admin);
    const author = (people.body.items as { name: string; titles: string[] }[]).find((p) =>
      p.titles.some((x) => x.includes('宣传专干')),
    )!.name;
    const size = 3000;
    const book = await workbook(900, size, author);
    const startedAt = new Date();
    const answeredAt: number[] = [];
    const answered = (p: Promise<Reply>) =>
      p.then(
        (r) => {
          answeredAt.push(performance.now());
          return r;
        },
        (error: Error) => ({ status: -1, body: `${error.message}: ${String(error.cause)}` }),
      );
    // Open the connections first, so the requests below travel on sockets the server has accepted:
    // one still in the listen backlog when the listener closes is reset by the kernel, and that
    // is not a request in flight.
    await Promise.all(Array.from({ length: 6 }, () => client.send('GET', '/healthz', admin)));
    const importing = answered(
      client.send('POST', `${town}/ledger-types/propaganda_item/import`, admin, book, XLSX_TYPE),
    );
    const intakes = Array.from({ length: 4 }, (_, i) =>
      answered(
        client.send('POST', `${town}/appeals`, paidan, {
          kind: 'hotline',
          channel: 'phone',
          categoryCode: 'publicity.signage',
          title: `${RUN}-停机${i}`,
          content: '宣传栏破损',
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = performance.now();
    served!.child.kill('SIGTERM');
    tally.sigterms++;
    // The server reads the signal on its next event-loop turn, which PGlite (in the server's own
    // thread) can hold for a few hundred ms under load: probe once it says it is shutting down.
    for (
      let i = 0;
      i < 100 && !served!.logs().some((l) => String(l.msg).startsWith('shutting down'));
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await newConnection(`${served!.base}/healthz`);
    const imported = await importing;
    const taken = await Promise.all(intakes);
    const exit = await served!.exited;

    const log = served!
      .logs()
      .map((l) => `${l.msg} ${l.path ?? ''} ${l.status ?? ''} ${l.inFlight ?? ''}`)
      .join('\n');
    expect(refused, 'a new connection after SIGTERM').toBe('refused');
    expect(imported.status, `${JSON.stringify(imported.body)}\n${log}`).toBe(201);
    expect(imported.body.imported).toBe(size);
    for (const r of taken) expect(r.status, `${JSON.stringify(r.body)}\n${log}`).toBe(201);
    expect(Math.max(...answeredAt)).toBeGreaterThan(signalledAt);
    expect(exit).toEqual({ code: 0, signal: null });

    const logs = served!.logs();
    const at = (msg: string) => logs.findIndex((l) => String(l.msg).startsWith(msg));
    const shutting = logs[at('shutting down')];
    expect(shutting, 'shutdown log line').toBeTruthy();
    expect(
      shutting!.inFlight as number,
      'requests in flight when SIGTERM came',
    ).toBeGreaterThanOrEqual(1);
    const scheduler = logs[at('scheduler stopped')]?.scheduler as {
      ticks: number;
      failures: number;
    };
    expect(scheduler, 'scheduler stopped log line').toBeTruthy();
    expect(scheduler.ticks).toBeGreaterThanOrEqual(1);
    expect(scheduler.failures).toBe(0);
    expect(at('shutting down')).toBeLessThan(at('scheduler stopped'));
    expect(at('scheduler stopped')).toBeLessThan(at('database closed'));
    expect(logs.filter((l) => Number(l.level) >= 50)).toEqual([]);

    const after = await importState(startedAt);
    expect(after.perBatch[900]).toBe(size);
    expect(after.auditImports).toBe(1);
    tally.acknowledged.imports++;
    tally.acknowledged.importRows += size;
    tally.acknowledged.intakes += taken.length;
    await auditVerify();
  }, 300_000);
});
