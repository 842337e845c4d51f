/**
 * The request kinds of the outside probe that grew a PGlite server's memory (issue 15), for the
 * soaks (bench/soak.ts over HTTP, bench/soak-kinds.ts in process): Open311 reads and submissions,
 * public intake with a photo upload, logins (a new session each), the intake form's similar-orders
 * hint (problem matching over the block's recent orders), the duty report's Word export and the
 * orders' Excel export. Each kind sends one request (or one intake and its photo) per call, with
 * texts that differ every time, as residents' do.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { nextResident } from './load-routes.ts';

/** fetch() against the server, or app.request() in process: a path and init, a Response. */
export type Call = (path: string, init?: RequestInit) => Promise<Response>;

export interface SoakKind {
  name: string;
  /** Sends the i-th request of this kind; answers the (last) status. */
  send(i: number): Promise<number>;
}

const PHRASES = [
  '村口路灯坏了一个多月，晚上走路看不见',
  '小区垃圾清运不及时，天热了气味很大',
  '夜里工地施工，噪音吵得孩子睡不着',
  '自来水停了大半天，事先也没有通知',
  '村道破损坑洼，下雨天积水电动车过不去',
  '工地拖欠工资三个月，老板一直推说没钱',
  '卫生室缺药，老人看病要跑到县城',
  '河边有人倾倒建筑垃圾，堵住了排水沟',
];

/**
 * A resident's description, different for every i: a few hundred to about 1,900 characters (the
 * intake form takes 2,000), as a long-suffering caller writes it.
 */
export function residentText(i: number): string {
  const parts = 10 + (i % 80);
  return Array.from(
    { length: parts },
    (_, r) => `${PHRASES[(i + r) % PHRASES.length]}，${(i * 7 + r) % 97}组${r + 1}号`,
  ).join('。');
}

/** A small valid PNG header (1×1) followed by `size` random bytes, unique per call. */
export function smallPng(size = 8 * 1024): Buffer {
  const header = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
    'hex',
  );
  return Buffer.concat([header, randomBytes(size)]);
}

async function json(res: Response, what: string): Promise<any> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function login(call: Call, username: string, password: string): Promise<string> {
  const res = await call('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The setting the kinds share: cookies, the demo town, a village and category of one block. */
async function setting(call: Call, password: string) {
  const [admin, leader, dispatcher] = [
    await login(call, 'admin', password),
    await login(call, 'shuji', password),
    await login(call, 'paidan', password),
  ];
  const get = async (cookie: string, path: string) =>
    json(await call(path, { headers: { cookie } }), `GET ${path}`);
  const me = await get(leader, '/api/v1/auth/me');
  const townId: string = me.homeTownId ?? me.towns?.[0]?.id ?? me.user?.homeTownId;
  const base = `/api/v1/towns/${townId}`;
  const catalog = await get('', '/api/v1/public/towns/qingshi/catalog');
  const category = catalog.categories[0];
  const reports = await get(leader, `${base}/reports?limit=5`);
  let reportId: string | undefined = reports.items[0]?.id;
  if (!reportId) {
    const drafted = await call(`${base}/reports`, {
      method: 'POST',
      headers: { cookie: leader, 'content-type': 'application/json' },
      body: JSON.stringify({ personId: me.personId, year: new Date().getFullYear() - 1 }),
    });
    reportId = (await json(drafted, 'draft report')).id as string;
  }
  return {
    admin,
    leader,
    dispatcher,
    base,
    reportId,
    categoryCode: (category.children[0]?.code ?? category.code) as string,
    villageId: catalog.villages[0].id as string,
    // Every village with every top-level category: the blocks problem matching reads.
    blocks: (catalog.villages as { id: string }[]).flatMap((v) =>
      (catalog.categories as { code: string; children: { code: string }[] }[]).map((c) => ({
        villageId: v.id,
        categoryCode: c.children[0]?.code ?? c.code,
      })),
    ),
  };
}

export async function soakKinds(call: Call, password: string): Promise<SoakKind[]> {
  const s = await setting(call, password);
  const year = new Date().getFullYear();
  let open311Key = '';
  const issueOpen311Key = async (i: number) => {
    const res = await call(`${s.base}/open311/keys`, {
      method: 'POST',
      headers: { cookie: s.admin, 'content-type': 'application/json' },
      body: JSON.stringify({ label: `浸泡测试接入 ${i}` }),
    });
    open311Key = (await json(res, 'issue Open311 key')).key as string;
  };
  /** A resident's submission through the public form, then a photo of it. */
  const intake = async (i: number) => {
    const ip = nextResident();
    const block = s.blocks[Math.floor(i / 2) % s.blocks.length]!;
    const res = await call('/api/v1/public/towns/qingshi/appeals', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': ip,
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({
        ...block,
        title: `${PHRASES[i % PHRASES.length]!.slice(0, 12)}（${i}）`,
        content: residentText(i).slice(0, 1_990),
        contactPhone: `138${String(i).padStart(8, '0')}`,
      }),
    });
    const receipt = await json(res, 'public intake');
    const form = new FormData();
    form.set('file', new File([new Uint8Array(smallPng())], `现场${i}.png`, { type: 'image/png' }));
    const photo = await call(`/api/v1/public/appeals/${receipt.trackingCode}/photos`, {
      method: 'POST',
      headers: { 'x-forwarded-for': ip },
      body: form,
    });
    return photo.status;
  };
  /** The dispatcher's intake form asking, while typing, which orders and problems it is like. */
  const hint = async (i: number) => {
    const q = new URLSearchParams({
      text: residentText(i + 100_000).slice(0, 120),
      ...s.blocks[Math.floor(i / 2) % s.blocks.length]!,
      phone: `1390000${String(i % 20).padStart(4, '0')}`, // 20 numbers: under the per-user limit
    });
    // Each from its own desk address: the hint's per-address limit is not what is measured.
    const res = await call(`${s.base}/appeals/similar?${q}`, {
      headers: { cookie: s.dispatcher, 'x-forwarded-for': nextResident() },
    });
    await res.arrayBuffer();
    return res.status;
  };
  return [
    {
      name: 'Open311 读取（服务列表、诉求查询）',
      send: async (i) =>
        (
          await call(
            i % 2
              ? '/open311/v2/services.json?jurisdiction_id=qingshi'
              : '/open311/v2/requests.json?jurisdiction_id=qingshi',
          )
        ).status,
    },
    {
      name: 'Open311 提交',
      async send(i) {
        // 120 submissions per key in 10 minutes: a fresh key every 100.
        if (!open311Key || i % 100 === 0) await issueOpen311Key(i);
        const body = new URLSearchParams({
          api_key: open311Key,
          jurisdiction_id: 'qingshi',
          service_code: s.categoryCode,
          lat: '30.12',
          long: '120.34',
          description: residentText(i + 50_000).slice(0, 1_900),
          first_name: '测',
          last_name: '试',
        });
        const res = await call('/open311/v2/requests.json', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        });
        return res.status;
      },
    },
    { name: '公开受理 + 照片上传', send: intake },
    { name: '相似件提示（受理时边录入边查询）', send: hint },
    {
      name: '公开受理与相似件提示交替（每件新诉求都进入提示的候选）',
      send: (i) => (i % 2 ? hint(i) : intake(i)),
    },
    {
      name: '登录（新会话）',
      send: async () => {
        await login(call, 'paidan', password);
        return 200;
      },
    },
    {
      name: '述职报告 Word 导出',
      send: async () => {
        const res = await call(`${s.base}/reports/${s.reportId}/export?format=docx`, {
          headers: { cookie: s.leader },
        });
        await res.arrayBuffer();
        return res.status;
      },
    },
    {
      name: '工单导出 Excel（全年）',
      send: async () => {
        const res = await call(`${s.base}/appeals/export?from=${year}-01-01&to=${year}-12-31`, {
          headers: { cookie: s.dispatcher },
        });
        await res.arrayBuffer();
        return res.status;
      },
    },
  ];
}
