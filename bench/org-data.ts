/**
 * Demo-like organisation data for many towns, generated inside the database with
 * generate_series (one INSERT … SELECT per table), so 200 towns load in seconds on either
 * back-end. Shapes follow the demo town: two roots, villages/offices/grids below, people spread
 * over units, a position per person plus some second posts.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';

export interface OrgScale {
  towns: number;
  units: number;
  people: number;
  positions: number;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '霞',
  '平',
  '刚',
  '桂',
];
const arr = (xs: string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(',')}]`);

/** Adds `scale.towns` towns under `countyId`; returns their ids. */
export async function generateTowns(
  db: Kysely<DB>,
  countyId: string,
  scale: OrgScale,
): Promise<string[]> {
  await sql`insert into town (id, county_id, name, code)
    select gen_random_uuid(), ${countyId}, '基准' || g || '镇', 'bench' || lpad(g::text, 4, '0')
    from generate_series(1, ${scale.towns}) g`.execute(db);
  await sql`insert into unit (town_id, id, parent_id, kind, name, code, sort_order)
    select t.id, gen_random_uuid(), null, k.kind, t.name || k.label, k.code, k.s
    from town t
    cross join (values ('party_committee', '党委', 'party', 1), ('government', '人民政府', 'gov', 2))
      k(kind, label, code, s)
    where t.code like 'bench%'`.execute(db);
  await sql`insert into unit (town_id, id, parent_id, kind, name, code, sort_order)
    select r.town_id, gen_random_uuid(), r.id,
      case when g <= 16 then 'village' when g <= 30 then 'office' when g <= 46 then 'branch' else 'grid' end,
      case when g <= 16 then '第' || g || '村' when g <= 30 then '第' || g || '办公室'
        when g <= 46 then '第' || g || '党支部' else '第' || g || '网格' end,
      'u' || g, 10 + g
    from unit r join town t on t.id = r.town_id and t.code like 'bench%'
    cross join generate_series(1, ${scale.units - 2}) g where r.code = 'gov'`.execute(db);
  await sql`with u as (
      select town_id, id, row_number() over (partition by town_id order by sort_order, id) as rn
      from unit where town_id in (select id from town where code like 'bench%'))
    insert into person (town_id, id, name, gender, birth_date, phone, party_member, unit_id)
    select u.town_id, gen_random_uuid(),
      (${arr(SURNAMES)})[1 + (g * 7 + u.rn::int) % 20] || (${arr(GIVEN)})[1 + (g * 13) % 22]
        || (${arr(GIVEN)})[1 + (g * 5 + u.rn::int) % 22],
      case when g % 3 = 0 then 'female' else 'male' end,
      make_date(1965 + g % 35, 1 + g % 12, 1 + g % 28),
      '139' || lpad((g * 7919 % 100000000)::text, 8, '0'), g % 2 = 0, u.id
    from generate_series(1, ${scale.people}) g join u on u.rn = 1 + (g * 7) % ${scale.units}`.execute(
    db,
  );
  await sql`with p as (
      select town_id, id, unit_id, row_number() over (partition by town_id order by id) as rn
      from person where town_id in (select id from town where code like 'bench%'))
    insert into position (town_id, id, person_id, unit_id, title, leadership, starts_on)
    select p.town_id, gen_random_uuid(), p.id, p.unit_id,
      case when g <= ${scale.people} then '专干' else '兼任网格员' end, g <= 12, date '2025-01-01'
    from generate_series(1, ${scale.positions}) g join p on p.rn = 1 + (g - 1) % ${scale.people}`.execute(
    db,
  );
  await sql`analyze`.execute(db);
  const rows = await db
    .selectFrom('town')
    .select('id')
    .where('code', 'like', 'bench%')
    .orderBy('code')
    .execute();
  return rows.map((r) => r.id);
}
