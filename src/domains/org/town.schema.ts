/**
 * Request and response shapes of towns (乡镇/街道, the tenants) and counties (县/区, which group
 * them). Every field carries its Chinese label for error messages.
 */
import { z } from '@hono/zod-openapi';

const version = z.number().int().min(1).meta({ title: '版本号' });
const name = (title: string) => z.string().trim().min(1).max(30).meta({ title });
/** Codes name a town on the command line, in Open311's jurisdiction_id and in public links. */
const code = (title: string) =>
  z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]{1,31}$/, '编码须以小写字母开头，2–32 位小写字母、数字、下划线或连字符')
    .meta({ title });
const clock = (title: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, '时间格式应为 HH:MM')
    .meta({ title });

export const OfficePeriod = z.object({ start: clock('开始时间'), end: clock('结束时间') });

/** What an admin may set on a town today: office hours (办公时间), in which working-hour limits run. */
export const TownSettings = z
  .object({ officeHours: z.array(OfficePeriod).min(1).max(6).meta({ title: '办公时间' }) })
  .openapi('TownSettings');

export const Town = z
  .object({
    id: z.string(),
    countyId: z.string(),
    countyName: z.string(),
    name: z.string(),
    code: z.string(),
    settings: TownSettings,
    /** true when office hours are the built-in default (not set for this town). */
    defaultOfficeHours: z.boolean(),
    version: z.number(),
  })
  .openapi('Town');

export const TownCreate = z.object({ name: name('乡镇名称'), code: code('乡镇编码') });
export const TownUpdate = z.object({
  version,
  name: name('乡镇名称').optional(),
  code: code('乡镇编码').optional(),
  settings: z
    .object({ officeHours: TownSettings.shape.officeHours.optional() })
    .optional()
    .meta({ title: '乡镇设置' }),
});

export const CountyTown = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  version: z.number(),
});

export const County = z
  .object({
    id: z.string(),
    name: z.string(),
    code: z.string(),
    version: z.number(),
    /** The caller administers every town of the county (see town.policy.ts). */
    isCountyAdmin: z.boolean(),
    /** Towns of the county in the caller's scope (all of them for a county admin). */
    towns: z.array(CountyTown),
  })
  .openapi('County');

export const CountyCreate = z.object({ name: name('县（区）名称'), code: code('县（区）编码') });
export const CountyUpdate = z.object({ version, name: name('县（区）名称') });

export const CountyParams = z.object({
  countyId: z
    .uuid()
    .meta({ title: '县（区）' })
    .openapi({ param: { name: 'countyId', in: 'path' } }),
});

export type TownCreateInput = z.infer<typeof TownCreate>;
export type TownUpdateInput = z.infer<typeof TownUpdate>;
export type CountyCreateInput = z.infer<typeof CountyCreate>;
export type CountyUpdateInput = z.infer<typeof CountyUpdate>;
