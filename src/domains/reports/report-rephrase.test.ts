/**
 * 润色 against a stub model server on 127.0.0.1 (an OpenAI-compatible chat-completions endpoint
 * started here): its bad rewrites — two figures swapped, 万元 turned into 元, 十二 written for 12,
 * a chip dropped — are each refused with a Chinese message and change nothing; a timeout and a
 * server error change nothing; one good rewrite is proposed, accepted and saved as a revision.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChips, sectionText, type ReportDocument } from '../../core/report/model.ts';
import { toChineseOrdinal } from '../../core/report/numerals.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { demoYear } from '../../testing/demo.ts';
import pino from 'pino';
import { createApp } from '../../server/app.ts';
import { WEB_DIST } from '../../server/config.ts';

const KEY = 'stub-secret-key-5f1c';
/** Long enough for a loaded CI machine to answer in time; the slow mode answers 1 s later. */
const TIMEOUT_MS = 4000;
type Mode = 'good' | 'swap' | 'unit' | 'spell' | 'drop' | 'slow' | 'error';
let mode: Mode = 'good';
/** Closes the next connection unanswered, as a server does to one idle in the keep-alive pool. */
let dropNext = false;
const seen: Array<{ auth: string | undefined; model: string }> = [];

const TOKEN = /\{\{(\d+)\|([^{}]*)\}\}/gu;

/** What each mode of the stub does to the locked text it is given. */
function rewrite(text: string): string {
  const tokens = [...text.matchAll(TOKEN)].map((m) => m[0]);
  switch (mode) {
    case 'good':
      return text
        .split('\n')
        .map((line) => `扎实推进，${line}`)
        .join('\n');
    case 'swap': {
      const [a, b] = tokens;
      return text.replace(a!, '\u0000').replace(b!, a!).replace('\u0000', b!);
    }
    case 'unit':
      return text.replace(/\{\{(\d+)\|([\d.]+)万元\}\}/u, '{{$1|$2元}}');
    case 'spell': {
      const small = [...text.matchAll(TOKEN)].find((m) =>
        /^([2-9]|[1-9]\d)(?![\d.])/u.test(m[2]!),
      )!;
      const [, n, unit] = /^(\d+)(.*)$/u.exec(small[2]!)!;
      return text.replace(small[0], `${toChineseOrdinal(Number(n))}${unit}`);
    }
    case 'drop':
      return text.replace(tokens[tokens.length - 1]!, '');
    default:
      return text;
  }
}

let stub: Server;
let stubUrl: string;
let t: TestApp;
let cookie: string;
let path: string;
let sectionId: string;
let version: number;

function startStub(): Promise<void> {
  stub = createServer((req, res) => {
    if (dropNext) {
      dropNext = false;
      req.socket.destroy();
      return;
    }
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = JSON.parse(raw) as { model: string; messages: Array<{ content: string }> };
      seen.push({ auth: req.headers.authorization, model: body.model });
      if (mode === 'error') {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"internal"}}');
        return;
      }
      const prompt = body.messages[body.messages.length - 1]!.content;
      const text = prompt.slice(prompt.indexOf('正文：\n') + '正文：\n'.length);
      const answer = JSON.stringify({ choices: [{ message: { content: rewrite(text) } }] });
      const send = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(answer);
      };
      if (mode === 'slow') setTimeout(send, TIMEOUT_MS + 1000).unref();
      else send();
    });
  });
  return new Promise((resolve) =>
    stub.listen(0, '127.0.0.1', () => {
      stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/v1/chat/completions`;
      resolve();
    }),
  );
}

/** A section of the draft with at least three figures, one of them in 万元 and one below 100. */
function pickSection(doc: ReportDocument) {
  return doc.sections.find((s) => {
    const chips = s.paragraphs.flatMap((p) => p.inlines.filter((i) => i.type === 'metric'));
    return (
      chips.length >= 3 &&
      chips.some((c) => c.unit === '万元' && c.value !== null) &&
      chips.some(
        (c) => c.value !== null && Number.isInteger(c.value) && c.value >= 2 && c.value < 100,
      )
    );
  });
}

beforeAll(async () => {
  await startStub();
  t = await createTestApp({
    config: { rephrase: { url: stubUrl, model: 'qwen-stub', apiKey: KEY, timeoutMs: TIMEOUT_MS } },
  });
  cookie = await t.login('cunganbu');
  const me = (await t.call('GET', '/api/v1/auth/me', { cookie })).body;
  const { year } = await demoYear(t.database.db, t.townId);
  path = `/api/v1/towns/${t.townId}/reports`;
  const draft = await t.call('POST', path, { cookie, body: { personId: me.personId, year } });
  expect(draft.status).toBe(201);
  path = `${path}/${draft.body.id}`;
  version = draft.body.version;
  const section = pickSection(draft.body.document);
  if (!section) throw new Error('the village secretary’s draft has no section with 万元 figures');
  sectionId = section.id;
}, 120_000);
afterAll(async () => {
  await t?.close();
  await new Promise((r) => stub?.close(r));
});

async function unchanged() {
  const now = await t.call('GET', path, { cookie });
  expect(now.body.version).toBe(version);
  const revisions = await t.call('GET', `${path}/revisions`, { cookie });
  expect(revisions.body.items).toEqual([]);
}

describe('润色 through a stub model server', () => {
  it('reports the service as configured; an unconfigured server says so and changes nothing', async () => {
    expect((await t.call('GET', `${path}/rephrase`, { cookie })).body).toEqual({
      enabled: true,
      timeoutSeconds: 4,
    });
    // The same database served by an app whose operator configured no model server.
    const off = createApp({
      db: t.database.db,
      logger: pino({ level: 'silent' }),
      config: { secureCookies: false, sessionIdleHours: 12, sessionMaxDays: 7, webDir: WEB_DIST },
    });
    const ask = (method: string, body?: unknown) =>
      off.request(`${path}/rephrase`, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect(await (await ask('GET')).json()).toEqual({ enabled: false, timeoutSeconds: null });
    const refused = await ask('POST', { sectionId });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { detail: string }).detail).toBe(
      '本系统未配置润色服务（由系统管理员在服务器上设置），报告未作改动',
    );
    await unchanged();
  });

  const cases: Array<[Mode, RegExp]> = [
    ['swap', /位置被调换/u],
    ['unit', /单位被改成了“元”/u],
    ['spell', /被改写成了“[一二三四五六七八九十]+/u],
    ['drop', /被删掉了/u],
  ];
  for (const [m, message] of cases) {
    it(`refuses the stub’s “${m}” rewrite with a Chinese message and changes nothing`, async () => {
      mode = m;
      const res = await t.call('POST', `${path}/rephrase`, { cookie, body: { sectionId } });
      expect(res.status).toBe(422);
      expect(res.body.detail).toMatch(/^润色结果改动了数字，已拒绝采用/u);
      expect(res.body.detail).toMatch(message);
      await unchanged();
    });
  }

  it('gives a clear message on a timeout and on a server error, and changes nothing', async () => {
    mode = 'slow';
    const late = await t.call('POST', `${path}/rephrase`, { cookie, body: { sectionId } });
    expect([late.status, late.body.detail]).toEqual([
      503,
      '润色服务在 4 秒内没有答复，请稍后再试，报告未作改动',
    ]);
    mode = 'error';
    const failed = await t.call('POST', `${path}/rephrase`, { cookie, body: { sectionId } });
    expect([failed.status, failed.body.detail]).toEqual([
      503,
      '润色服务出错（HTTP 500），报告未作改动',
    ]);
    expect(JSON.stringify([late.body, failed.body])).not.toContain(KEY);
    await unchanged();
  });

  it('proposes a good rewrite without saving it, then saves it as a revision once accepted', async () => {
    mode = 'good';
    const before = (await t.call('GET', path, { cookie })).body.document as ReportDocument;
    // The first connection is closed unanswered: the request is sent once more, on a new one.
    dropNext = true;
    const res = await t.call('POST', `${path}/rephrase`, { cookie, body: { sectionId } });
    expect([res.status, dropNext]).toEqual([200, false]);
    expect(seen.at(-1)).toEqual({ auth: `Bearer ${KEY}`, model: 'qwen-stub' });
    await unchanged();

    const stale = await t.call('POST', `${path}/rephrase/accept`, {
      cookie,
      body: { version: version - 1 || 99, sectionId, text: res.body.text },
    });
    expect(stale.status).toBe(409);
    const tampered = await t.call('POST', `${path}/rephrase/accept`, {
      cookie,
      body: {
        version,
        sectionId,
        text: res.body.text.replace(/\{\{1\|[^}]*\}\}/u, '{{1|9999次}}'),
      },
    });
    expect(tampered.status).toBe(422);
    await unchanged();

    const ok = await t.call('POST', `${path}/rephrase/accept`, {
      cookie,
      body: { version, sectionId, text: res.body.text },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(version + 1);
    const after = ok.body.document as ReportDocument;
    const old = before.sections.find((s) => s.id === sectionId)!;
    const now = after.sections.find((s) => s.id === sectionId)!;
    expect(sectionText(now)).toBe(
      old.paragraphs.map((p) => `扎实推进，${sectionText({ ...old, paragraphs: [p] })}`).join('\n'),
    );
    // The figures are the same live chips (metric, parameters, value), in the same order.
    const chipsOf = (d: ReportDocument) =>
      allChips(d).map((c) => [c.metricId, JSON.stringify(c.params), c.value]);
    expect(chipsOf(after)).toEqual(chipsOf(before));
    const revisions = (await t.call('GET', `${path}/revisions`, { cookie })).body.items;
    expect(revisions.map((r: { reason: string }) => r.reason)).toEqual(['rephrase']);
    const kept = await t.call('GET', `${path}/revisions/${revisions[0].id}`, { cookie });
    expect(
      sectionText(kept.body.document.sections.find((s: { id: string }) => s.id === sectionId)),
    ).toBe(sectionText(old));
  });
});
