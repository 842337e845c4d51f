/**
 * Open311 GeoReport v2 over the town's appeals: the leaf categories of the county-standard tree
 * are the services; requests are the orders filed through public channels (resident page and
 * Open311), newest first, 90 days by default; POST files a hotline order through the public
 * intake service, authorised by an API key that names the town (jurisdiction_id = town code).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ScrubOptions } from '../../core/privacy/scrub.ts';
import { publicPhoto } from '../appeals/appeal-attachments.service.ts';
import { publicTextOf, scrubContext } from '../public-intake/public-intake-publication.service.ts';
import * as intake from '../public-intake/public-intake.service.ts';
import { hitRateLimit } from '../public-intake/rate-limit.service.ts';
import { OPEN311_POST_RATE, postingKey } from './open311.keys.ts';
import { Open311Error } from './open311.format.ts';

type Db = Kysely<DB>;
type Params = Record<string, string | undefined>;

const DAY_MS = 86_400_000;
/** The spec's default and maximum search window, and its cap on one response. */
export const WINDOW_DAYS = 90;
const MAX_RESULTS = 1000;

/** The town a call is about: jurisdiction_id (town code), optional only while one town is served. */
export async function jurisdiction(db: Db, id: string | undefined): Promise<intake.Town> {
  if (id) {
    const town = await intake.findTown(db, id);
    if (!town) throw new Open311Error(404, `jurisdiction_id「${id}」不是本系统服务的乡镇代码`);
    return town;
  }
  const towns = await intake.listTowns(db);
  if (towns.length !== 1)
    throw new Open311Error(
      400,
      '本接口服务多个乡镇，须提供 jurisdiction_id 参数（乡镇代码，如 qingshi）',
    );
  return towns[0]!;
}

async function leafCategories(db: Db) {
  const all = await intake.listCategories(db);
  const names = new Map(all.map((c) => [c.code, c.name]));
  return all
    .filter((c) => c.parent_code)
    .map((c) => ({ ...c, group: names.get(c.parent_code!) ?? '' }));
}

export async function listServices(db: Db, town: intake.Town) {
  return (await leafCategories(db)).map((c) => ({
    service_code: c.code,
    service_name: c.name,
    description: `向${town.name}反映「${c.group}—${c.name}」方面的问题，由镇派单员派给承办单位办理`,
    metadata: true,
    type: 'realtime',
    keywords: `${c.group},${c.name}`,
    group: c.group,
  }));
}

async function serviceByCode(db: Db, code: string) {
  return (await leafCategories(db)).find((c) => c.code === code);
}

/** Extra fields a request may carry (`attribute[village]=…`), as data. */
export async function serviceDefinition(db: Db, town: intake.Town, code: string) {
  if (!(await serviceByCode(db, code)))
    throw new Open311Error(404, `服务代码「${code}」不存在；可用的服务见 services.json`);
  const villages = await intake.listVillages(db, town.id);
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'village',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '所在村（社区），取 values 中的 key',
        order: 1,
        description: '所在村（社区）',
        values: villages.map((v) => ({ key: v.id, name: v.name })),
      },
      {
        variable: true,
        code: 'title',
        datatype: 'string',
        required: false,
        datatype_description: '不超过 100 字；不填则取描述的前 30 字',
        order: 2,
        description: '标题',
      },
    ],
  };
}

type Projection = { town: intake.Town; mediaBase: string; scrub: ScrubOptions };

/**
 * One request as the public sees it (DESIGN 3, docs/security.md): category, status, dates, the
 * village as the place, and text only where a handler published it, scrubbed. The resident's
 * words, name, phone, address and point are never shown: `address` is the town and village, and
 * lat/long are left empty — there is no village geometry to snap a point to, and any rounding fine
 * enough to be useful still pins a hamlet's house. status_notes carries the published reply.
 *
 * media_url (GeoReport v2): the URL the client sent with its POST (its own public media), else the
 * newest public photo of the order — the resident's own, or a staff photo a handler marked 公开给群众
 * — under its unguessable token (`mediaBase` + token, see publicMedia).
 */
function requestOf(o: intake.PublicOrderRow, p: Projection) {
  const s = intake.statusOf(o);
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  const text = publicTextOf(o, p.scrub);
  const label = o.merged_into ? `${s.stateLabel}（与其他诉求合并办理）` : s.stateLabel;
  // updated_at is stamped by the database at the transaction's start, a few ms before received_at.
  const updated = Math.max(new Date(o.updated_at).getTime(), new Date(o.received_at).getTime());
  return {
    service_request_id: o.code,
    status: s.status,
    status_notes: text.reply ? `${label}。${text.reply}` : label,
    service_name: o.category_name,
    service_code: o.category_code,
    description: text.description,
    agency_responsible: o.unit_name ?? `${p.town.name}（待派单）`,
    service_notice: null,
    requested_datetime: iso(o.received_at),
    updated_datetime: new Date(updated).toISOString(),
    expected_datetime: o.closed_at ? null : iso(o.complete_due_at),
    address: o.village_name ? `${p.town.name}${o.village_name}` : p.town.name,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: o.media_url ?? (o.photo_token ? `${p.mediaBase}${o.photo_token}` : null),
  };
}

async function projection(db: Db, town: intake.Town, mediaBase: string): Promise<Projection> {
  return { town, mediaBase, scrub: await scrubContext(db, town) };
}

function parseDate(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const d = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(
    value,
  )
    ? new Date(value)
    : new Date(NaN);
  if (Number.isNaN(d.getTime()))
    throw new Open311Error(
      400,
      `${name} 应为 ISO 8601 时间（如 2025-03-01T00:00:00+08:00），收到「${value}」`,
    );
  return d;
}

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

/** GET requests: by ids (which override every other filter), else by service, window and status. */
export async function searchRequests(
  db: Db,
  town: intake.Town,
  q: Params,
  mediaBase: string,
  now = new Date(),
) {
  const p = await projection(db, town, mediaBase);
  const ids = list(q.service_request_id);
  if (ids)
    return (
      await intake.publicOrders(db, town.id, { codes: ids.slice(0, MAX_RESULTS) }, MAX_RESULTS)
    ).map((o) => requestOf(o, p));
  const start = parseDate('start_date', q.start_date);
  const endGiven = parseDate('end_date', q.end_date);
  const end = endGiven ?? (start ? new Date(start.getTime() + WINDOW_DAYS * DAY_MS) : now);
  const from = start ?? new Date(end.getTime() - WINDOW_DAYS * DAY_MS);
  if (from > end) throw new Open311Error(400, 'start_date 不能晚于 end_date');
  if (end.getTime() - from.getTime() > WINDOW_DAYS * DAY_MS)
    throw new Open311Error(400, `start_date 与 end_date 的间隔不能超过 ${WINDOW_DAYS} 天`);
  const statuses = list(q.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed'))
    throw new Open311Error(400, `status 只能是 open、closed 或二者以逗号分隔，收到「${q.status}」`);
  const open = statuses && statuses.length === 1 ? statuses[0] === 'open' : undefined;
  const rows = await intake.publicOrders(
    db,
    town.id,
    { serviceCodes: list(q.service_code), from, to: end, open },
    MAX_RESULTS,
  );
  return rows.map((o) => requestOf(o, p));
}

export async function requestById(db: Db, town: intake.Town, id: string, mediaBase: string) {
  const [o] = await intake.publicOrders(db, town.id, { codes: [id] }, 1);
  if (!o) throw new Open311Error(404, `诉求编号「${id}」不存在，或不是经公开渠道提交的诉求`);
  return [requestOf(o, await projection(db, town, mediaBase))];
}

/** A published photo by its token (no jurisdiction needed: the token alone names it). */
export async function publicMedia(db: Db, token: string) {
  const photo = /^[0-9a-f-]{36}$/i.test(token)
    ? await publicPhoto(db, token.toLowerCase())
    : undefined;
  if (!photo) throw new Open311Error(404, `媒体文件「${token}」不存在`);
  return photo;
}

/** media_url on POST: an absolute http(s) URL of at most 1000 characters. */
function mediaUrlOf(v: string | undefined): string | undefined {
  const raw = v?.trim();
  if (!raw) return undefined;
  let url: URL | null;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || raw.length > 1000)
    throw new Open311Error(
      400,
      `media_url 应为以 http:// 或 https:// 开头、不超过 1000 个字符的图片地址，收到「${raw.slice(0, 100)}」`,
    );
  return url.toString();
}

export async function requestByToken(db: Db, town: intake.Town, token: string) {
  const o = await intake.publicOrderByToken(db, town.id, token);
  if (!o) throw new Open311Error(404, `token「${token}」不存在`);
  return [{ service_request_id: o.code, token }];
}

/** The spec's limit on a description; a longer body is refused, not cut. */
export const DESCRIPTION_MAX = 4000;

/** service_code: required; an unknown one is a 404 as the spec says of unknown service codes. */
async function serviceOf(db: Db, code: string | undefined) {
  if (!code) throw new Open311Error(400, '缺少 service_code：请从 services.json 中选择诉求类别');
  const service = await serviceByCode(db, code);
  if (!service)
    throw new Open311Error(404, `service_code「${code}」不存在；可用的服务见 services.json`);
  return service;
}

/**
 * The location, as the spec allows it: lat/long, address_string or address_id (an id in the
 * client's address register, kept in the address for the desk to look up).
 */
function locationOf(p: Params) {
  const lat = number('lat', p.lat, -90, 90);
  const long = number('long', p.long, -180, 180);
  if ((lat === undefined) !== (long === undefined))
    throw new Open311Error(400, 'lat 与 long 须同时提供');
  const addressString = p.address_string?.trim() || undefined;
  const addressId = p.address_id?.trim() || undefined;
  if (lat === undefined && !addressString && !addressId)
    throw new Open311Error(
      400,
      '缺少位置：须提供 lat 与 long（WGS84 十进制度）、address_string（地址描述）或 address_id（地址编号）',
    );
  const address = [addressString, addressId && `地址编号 ${addressId}`].filter(Boolean).join('，');
  if (address.length > 200)
    throw new Open311Error(400, 'address_string 与 address_id 合计不能超过 200 个字符');
  return { lat, lng: long, address: address || undefined };
}

/** description is optional (up to 4,000 characters); without one the order says so. */
function textOf(p: Params, serviceName: string) {
  const description = p.description?.trim() || undefined;
  if (description && description.length > DESCRIPTION_MAX)
    throw new Open311Error(400, `description 不能超过 ${DESCRIPTION_MAX} 个字符`);
  const given = p['attribute[title]']?.trim();
  const title = given
    ? given.slice(0, 100)
    : (description?.split('\n')[0]!.slice(0, 30) ?? serviceName);
  return { title, content: description ?? `（提交时未附描述，诉求类别：${serviceName}）` };
}

/** first_name/last_name and phone are free text in the spec: kept as given, within bounds. */
function contactOf(p: Params) {
  const name = `${p.last_name ?? ''}${p.first_name ?? ''}`.trim().slice(0, 50) || undefined;
  const phone = p.phone?.trim() || undefined;
  if (phone && phone.length > 40) throw new Open311Error(400, 'phone 不能超过 40 个字符');
  return { contactName: name, contactPhone: phone };
}

async function villageOf(db: Db, town: intake.Town, villageId: string | undefined) {
  if (!villageId) return undefined;
  if (!(await intake.listVillages(db, town.id)).some((v) => v.id === villageId))
    throw new Open311Error(400, 'attribute[village] 不是本乡镇的村（社区），取值见服务定义');
  return villageId;
}

function number(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new Open311Error(
      400,
      `${name} 应为 ${min} 到 ${max} 之间的十进制度数（WGS84），收到「${v}」`,
    );
  return n;
}

/** POST requests: key → town, then the same intake as the resident page (channel `open311`). */
export async function postRequest(db: Db, p: Params, ip: string | null) {
  const key = await postingKey(db, p.api_key, ip);
  await hitRateLimit(db, OPEN311_POST_RATE, key.id);
  if (p.jurisdiction_id && p.jurisdiction_id !== key.town_code)
    throw new Open311Error(
      403,
      `该 api_key 属于乡镇「${key.town_code}」，不能向「${p.jurisdiction_id}」提交`,
    );
  const town = { id: key.town_id, code: key.town_code, name: key.town_name };
  const service = await serviceOf(db, p.service_code);
  const where = locationOf(p);
  const text = textOf(p, service.name);
  const villageId = await villageOf(db, town, p['attribute[village]']);
  const mediaUrl = mediaUrlOf(p.media_url);
  const row = await db.transaction().execute((trx) =>
    intake.createPublicOrder(trx, {
      town,
      ip,
      channel: 'open311',
      idempotencyKey: `open311:${randomUUID()}`,
      requestHash: intake.requestHash(p),
      apiKeyId: key.id,
      mediaUrl,
      appeal: {
        categoryCode: service.code,
        villageId,
        ...text,
        ...contactOf(p),
        ...where,
      },
    }),
  );
  // The spec returns service_request_id or token, not both: the id exists at once, so no token
  // (tokens/{token} still resolves the token kept on the request, for clients that stored one).
  return [
    {
      service_request_id: row.appealCode,
      service_notice: `已受理，群众查询码 ${row.tracking_code}；镇派单员将派给承办单位办理`,
      account_id: null,
    },
  ];
}
