/**
 * Demo records of the office books: village collective income, emergency drills, defence
 * education, supervision of village affairs (docs/demo.md).
 */
import { dates, int, pick, spread, volume, weighted, type Profile } from './demo-gen.ts';

const INCOME_PROJECTS = [
  '闲置厂房出租',
  '光伏发电收益',
  '茶园托管服务',
  '集体鱼塘承包',
  '农机服务队',
  '入股合作社分红',
];
const DRILL_TITLES = ['消防疏散演练', '汛期转移避险演练', '燃气泄漏处置演练', '学校应急疏散演练'];
const DEFENSE_THEMES = ['全民国防教育日宣传', '国防知识进校园', '双拥政策宣讲', '征兵政策进村'];

const collective: Profile = (g) =>
  g.dir.villages.flatMap((v) =>
    dates(
      g,
      Math.max(1, Math.round((v.place.population / 1000) * 1.3 * g.factor + g.rng.next())),
      [0.6, 0.6, 0.8, 0.8, 0.8, 1.6, 0.8, 0.8, 0.8, 0.8, 0.8, 2.2],
    ).map((date) => ({
      date,
      data: {
        village: v.unitId,
        project: pick(g, INCOME_PROJECTS),
        source: weighted(g, [
          ['lease', 36],
          ['dividend', 24],
          ['service', 22],
          ['business', 18],
        ] as const),
        booked_on: date,
        income: int(g, 24, 460) * 500,
      },
    })),
  );

const emergencyDrill: Profile = (g) =>
  spread(g, volume(g, 17), [0.4, 0.4, 1.0, 1.2, 2.0, 2.2, 1.4, 0.8, 0.8, 1.0, 1.2, 0.8]).map(
    ({ v, date }) => {
      const title = pick(g, DRILL_TITLES);
      return {
        date,
        data: {
          title,
          kind: title.includes('消防')
            ? 'fire'
            : title.includes('汛')
              ? 'flood'
              : title.includes('燃气')
                ? 'gas'
                : 'evacuation',
          village: v.unitId,
          held_on: date,
          participants: int(g, 26, 180),
        },
      };
    },
  );

const defense: Profile = (g) =>
  spread(g, volume(g, 13), [0.4, 0.4, 0.8, 1.0, 1.2, 0.8, 1.2, 1.2, 2.4, 1.0, 0.6, 0.4]).map(
    ({ v, date }) => ({
      date,
      data: {
        theme: pick(g, DEFENSE_THEMES),
        village: v.unitId,
        held_on: date,
        audience: int(g, 40, 320),
      },
    }),
  );

const villageSupervision: Profile = (g) =>
  g.dir.villages.flatMap((v) =>
    dates(g, Math.round(4 * g.factor + g.rng.next() * 2)).map((date) => ({
      date,
      data: {
        village: v.unitId,
        held_on: date,
        kind: weighted(g, [
          ['meeting', 36],
          ['audit', 30],
          ['project', 18],
          ['welfare', 16],
        ] as const),
        items: int(g, 2, 9),
        problems: int(g, 0, 3),
      },
    })),
  );

export const OFFICE_PROFILES: Record<string, Profile> = {
  collective_economy: collective,
  emergency_drill: emergencyDrill,
  defense_education: defense,
  village_supervision: villageSupervision,
};
