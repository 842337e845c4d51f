/**
 * Request and response shapes of the organisation API (units, people, positions, village
 * liaisons, portfolios). Every field carries its Chinese label for error messages.
 */
import { z } from '@hono/zod-openapi';

const id = (title: string) => z.uuid().meta({ title });
const date = (title: string) => z.iso.date().meta({ title });
const text = (title: string, max: number) => z.string().trim().min(1).max(max).meta({ title });
const version = z.number().int().min(1).meta({ title: '版本号' });

export const UNIT_KINDS = [
  'party_committee',
  'government',
  'office',
  'village',
  'branch',
  'grid',
] as const;

const portfolios = z
  .array(z.string().regex(/^[a-z_]{2,40}$/))
  .max(20)
  .meta({ title: '分管领域' });
const unitPortfolios = z
  .array(z.string().regex(/^[a-z_]{2,40}$/))
  .max(20)
  .meta({ title: '承担业务' });

export const Unit = z
  .object({
    id: z.string(),
    townId: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(UNIT_KINDS),
    name: z.string(),
    code: z.string().nullable(),
    sortOrder: z.number(),
    /** 本单位承担的业务: portfolio codes the unit carries (its staff keep these ledgers). */
    portfolios: z.array(z.string()),
    version: z.number(),
  })
  .openapi('Unit');

export const UnitCreate = z.object({
  parentId: id('上级单位').nullable().optional(),
  kind: z.enum(UNIT_KINDS).meta({ title: '单位类型' }),
  name: text('单位名称', 60),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .nullable()
    .optional()
    .meta({ title: '单位编码' }),
  sortOrder: z.number().int().min(0).max(100000).optional().meta({ title: '排序' }),
  portfolios: unitPortfolios.optional(),
});
export const UnitUpdate = UnitCreate.partial().extend({ version });
/** Sets only what the unit carries; `version` is the unit's (the mapping is part of the unit). */
export const UnitPortfoliosSet = z.object({ version, portfolios: unitPortfolios });

export const Person = z
  .object({
    id: z.string(),
    townId: z.string(),
    name: z.string(),
    gender: z.enum(['male', 'female']).nullable(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable(),
    partyMember: z.boolean(),
    unitId: z.string().nullable(),
    note: z.string().nullable(),
    titles: z.array(z.string()),
    version: z.number(),
  })
  .openapi('Person');

export const PersonCreate = z.object({
  name: text('姓名', 30),
  gender: z.enum(['male', 'female']).nullable().optional().meta({ title: '性别' }),
  birthDate: date('出生日期').nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '手机号应为 11 位数字，座机如 0571-88886666')
    .nullable()
    .optional()
    .meta({ title: '联系电话' }),
  partyMember: z.boolean().optional().meta({ title: '是否党员' }),
  unitId: id('所在单位').nullable().optional(),
  note: z.string().trim().max(500).nullable().optional().meta({ title: '备注' }),
});
export const PersonUpdate = PersonCreate.partial().extend({ version });

export const PersonQuery = z.object({
  q: z.string().trim().max(30).optional().meta({ title: '姓名关键字' }),
  unitId: z.uuid().optional().meta({ title: '单位' }),
  cursor: z.string().max(200).optional().meta({ title: '游标' }),
  limit: z.coerce.number().int().min(1).max(500).default(100).meta({ title: '每页条数' }),
});

export const Position = z
  .object({
    id: z.string(),
    townId: z.string(),
    personId: z.string(),
    personName: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    title: z.string(),
    leadership: z.boolean(),
    portfolios: z.array(z.string()),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    version: z.number(),
  })
  .openapi('Position');

export const PositionCreate = z.object({
  personId: id('人员'),
  unitId: id('任职单位'),
  title: text('职务', 40),
  leadership: z.boolean().optional().meta({ title: '是否班子成员' }),
  portfolios: portfolios.optional(),
  startsOn: date('任职开始日期'),
  endsOn: date('任职结束日期').nullable().optional(),
});
export const PositionUpdate = PositionCreate.partial().extend({ version });

export const PositionQuery = z.object({
  personId: z.uuid().optional().meta({ title: '人员' }),
  unitId: z.uuid().optional().meta({ title: '单位' }),
  activeOn: z.iso.date().optional().meta({ title: '在任日期' }),
});

export const VillageLiaison = z
  .object({
    id: z.string(),
    villageId: z.string(),
    villageName: z.string(),
    personId: z.string(),
    personName: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    version: z.number(),
  })
  .openapi('VillageLiaison');

export const VillageLiaisonCreate = z.object({
  villageId: id('村（社区）'),
  personId: id('包联领导'),
  startsOn: date('开始日期'),
  endsOn: date('结束日期').nullable().optional(),
});

/** 编辑/结束包联: dates only; village and leader are fixed (end it and add a new one instead). */
export const VillageLiaisonUpdate = z.object({
  version,
  startsOn: date('开始日期').optional(),
  endsOn: date('结束日期').nullable().optional(),
});

export const Portfolio = z.object({ code: z.string(), name: z.string() }).openapi('Portfolio');

export const VersionQuery = z.object({
  version: z.coerce.number().int().min(1).meta({ title: '版本号' }),
});

export type UnitCreateInput = z.infer<typeof UnitCreate>;
export type UnitUpdateInput = z.infer<typeof UnitUpdate>;
export type UnitPortfoliosInput = z.infer<typeof UnitPortfoliosSet>;
export type PersonCreateInput = z.infer<typeof PersonCreate>;
export type PersonUpdateInput = z.infer<typeof PersonUpdate>;
export type PositionCreateInput = z.infer<typeof PositionCreate>;
export type PositionUpdateInput = z.infer<typeof PositionUpdate>;
export type LiaisonCreateInput = z.infer<typeof VillageLiaisonCreate>;
export type LiaisonUpdateInput = z.infer<typeof VillageLiaisonUpdate>;
