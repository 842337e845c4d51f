/**
 * Property: whatever personal data a resident or a handler writes into a publicly filed order —
 * phone and ID numbers however written, house numbers, names, a precise point — none of it is
 * found in any anonymous response (the tracking page API, Open311 JSON and XML, one request and
 * the list), before or after a handler publishes text quoting it.
 *
 * The generators below are written from how people write these things, independently of the
 * scrubber (src/core/privacy): they share no pattern or list with it, so a form the scrubber does
 * not know shows up here as a failure rather than being generated only where it already works.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';
import { DEMO_OPEN311_KEY } from '../open311/open311.keys.ts';
import { arbitraryPlanting, type Secret } from '../../testing/pii-generators.ts';

let t: TestApp;
let k: AppealKit;
let villageId: string;
let run = 0;
const planted: Record<Secret['kind'], number> = {
  phone: 0,
  landline: 0,
  id: 0,
  house: 0,
  name: 0,
  point: 0,
};
let responses = 0;
let orders = 0;

beforeAll(async () => {
  process.env.LVZHI_TRUST_PROXY = '1';
  t = await createTestApp();
  k = appealKit(t);
  villageId = await k.village('石桥村');
});
afterAll(async () => {
  delete process.env.LVZHI_TRUST_PROXY;
  await t.close();
});

function report(): string {
  const total = Object.values(planted).reduce((a, b) => a + b, 0);
  const kinds = Object.entries(planted).map(([kind, n]) => `${kind} ${n}`);
  return (
    `PII property test: ${total} generated variants planted in ${orders} orders ` +
    `(${kinds.join(', ')}); none found in ${responses} anonymous responses`
  );
}

const J = 'jurisdiction_id=qingshi';

/** The test's own reading of digits: full-width and Chinese numerals to ASCII, separators dropped. */
const CHINESE: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
function digitsOf(text: string): string {
  return [...text]
    .map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c >= 0xff10 && c <= 0xff19) return String(c - 0xff10);
      return CHINESE[ch] ?? ch;
    })
    .join('')
    .replace(/[\s\-–—－.·/()（）+＋_、,，]/g, '');
}

function findLeaks(body: string, secrets: Secret[]): string[] {
  const squeezed = digitsOf(body);
  return secrets
    .filter(
      (s) =>
        s.forms.some((f) => body.includes(f)) ||
        (s.digits !== undefined && squeezed.includes(s.digits)),
    )
    .map((s) => `${s.kind}「${s.forms[0]}」`);
}

/** The tracking page as anyone with the code sees it, and as the resident after the phone proof. */
const proven = (code: string, phone: string) =>
  t.call('POST', `/api/v1/public/appeals/${code}/proof`, {
    body: { phoneLast4: phone.replace(/\D/g, '').slice(-4) },
  });

async function anonymousBodies(orderCodes: string[], trackingCodes: string[], phone: string) {
  const calls = [
    ...trackingCodes.map((c) => t.call('GET', `/api/v1/public/appeals/${c}`)),
    ...trackingCodes.map((c) => proven(c, phone)),
    ...orderCodes.flatMap((c) => [
      t.call('GET', `/open311/v2/requests/${c}.json?${J}`),
      t.call('GET', `/open311/v2/requests/${c}.xml?${J}`),
    ]),
    t.call('GET', `/open311/v2/requests.json?${J}&service_request_id=${orderCodes.join(',')}`),
    t.call('GET', `/open311/v2/requests.xml?${J}&service_request_id=${orderCodes.join(',')}`),
    t.call('GET', `/open311/v2/requests.json?${J}`),
  ];
  const results = await Promise.all(calls);
  for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(200);
  responses += results.length;
  return results.map((r) => (typeof r.body === 'string' ? r.body : JSON.stringify(r.body)));
}

describe('the public projection never shows planted personal data', () => {
  // PII_RUNS / PII_SEED run it longer or elsewhere (e.g. PII_RUNS=300 before changing the scrubber).
  it(
    'finds no generated variant in any anonymous response, before or after publishing',
    { timeout: 900_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryPlanting(), async (p) => {
          run++;
          const secrets = p.secrets;
          // A resident files through the public page …
          const page = await t.call('POST', '/api/v1/public/towns/qingshi/appeals', {
            headers: { 'x-forwarded-for': `10.66.${run % 250}.${Math.floor(run / 250) + 1}` },
            body: {
              categoryCode: 'urban.roads',
              villageId,
              title: p.residentText.slice(0, 30),
              content: p.residentText,
              contactName: p.contactName,
              contactPhone: p.contactPhone,
              address: p.address,
              lat: p.lat,
              long: p.long,
            },
          });
          expect(page.status, JSON.stringify(page.body)).toBe(201);
          // … and a client system files through Open311 (the per-key ceiling is tested elsewhere).
          await t.database.db
            .deleteFrom('rate_limit')
            .where('key', 'like', 'open311_post:%')
            .execute();
          const posted = await t.call('POST', '/open311/v2/requests.json', {
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              api_key: DEMO_OPEN311_KEY,
              jurisdiction_id: 'qingshi',
              service_code: 'urban.roads',
              lat: String(p.lat),
              long: String(p.long),
              address_string: p.address,
              description: p.residentText,
              first_name: p.contactName.slice(1),
              last_name: p.contactName.slice(0, 1),
              phone: p.contactPhone,
              'attribute[village]': villageId,
            }).toString(),
          });
          expect(posted.status, JSON.stringify(posted.body)).toBe(201);
          const open311Code = posted.body[0].service_request_id as string;
          const open311Tracking = /查询码\s*(\S+?)[；;，,]/.exec(
            posted.body[0].service_notice,
          )![1]!;
          const codes = [page.body.code as string, open311Code];
          const tracking = [page.body.trackingCode as string, open311Tracking];
          orders += 2;

          for (const body of await anonymousBodies(codes, tracking, p.contactPhone))
            expect(findLeaks(body, secrets), body).toEqual([]);

          // A handler publishes a description and a reply that quote it all.
          for (const code of codes) {
            const order = await t.database.db
              .selectFrom('appeal')
              .select('id')
              .where('code', '=', code)
              .executeTakeFirstOrThrow();
            const res = await t.call('PUT', `${k.base}/appeals/${order.id}/publication`, {
              cookie: await k.cookie('paidan'),
              body: { description: p.residentText, reply: p.replyText, version: 0 },
            });
            expect(res.status, JSON.stringify(res.body)).toBe(200);
          }
          const after = await anonymousBodies(codes, tracking, p.contactPhone);
          for (const body of after) expect(findLeaks(body, secrets), body).toEqual([]);
          // Not vacuous: the published words are there, only the personal data is gone.
          const shown = await proven(tracking[0]!, p.contactPhone);
          expect(shown.body.description).toContain(p.filler);
          expect(shown.body.reply).toContain(p.replyFiller);
          for (const s of secrets) planted[s.kind]++;
        }),
        {
          numRuns: Number(process.env.PII_RUNS ?? 40),
          seed: Number(process.env.PII_SEED ?? 20250301),
          endOnFailure: true,
        },
      );
      console.log(report());
    },
  );
});
