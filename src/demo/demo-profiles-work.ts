/**
 * Demo records of the remaining areas (catalogue/work.ts): investment and construction projects,
 * farm services, education and health work, veterans' and elderly services, supervision
 * inspections, monthly dispute screening, patrols and militia duty (docs/demo.md).
 */
import {
  after,
  chance,
  dates,
  inMonth,
  int,
  keeper,
  pick,
  spread,
  tenth,
  volume,
  weighted,
  type Draft,
  type Profile,
} from './demo-gen.ts';

const PROJECTS = [
  '茶叶深加工厂',
  '竹制品加工项目',
  '乡村民宿集群',
  '冷链物流仓储中心',
  '有机蔬菜基地',
  '农机合作社扩建',
  '生态康养项目',
];
const WORKS = [
  '组道硬化',
  '饮水管网改造',
  '太阳能路灯安装',
  '村级活动广场',
  '便民桥修建',
  '排水沟渠整治',
];
const INSPECTIONS = [
  '惠民惠农补贴发放',
  '村级财务收支',
  '节日期间作风纪律',
  '工程项目招投标',
  '低保评审程序',
  '公车使用和公务接待',
];
const DRILLS = ['汛前抢险演练', '森林防火扑救演练', '基干民兵集中轮训', '应急救援拉动'];

const investment: Profile = (g) =>
  dates(g, volume(g, 9)).map((date) => ({
    date,
    data: {
      name: pick(g, PROJECTS),
      sector: weighted(g, [
        ['industry', 40],
        ['agriculture', 35],
        ['service', 25],
      ] as const),
      stage: weighted(g, [
        ['signed', 40],
        ['started', 38],
        ['producing', 22],
      ] as const),
      signed_on: date,
      investment: int(g, 20, 600) * 50000,
      jobs: int(g, 8, 120),
      village: pick(g, g.dir.villages).unitId,
      contact: chance(g, 0.5) ? g.dir.leader(/镇长/u) : keeper(g, 'office_economy', 'economy'),
    },
  }));

const construction: Profile = (g) =>
  spread(g, volume(g, 14)).map(({ v, date }) => ({
    date,
    data: {
      name: pick(g, WORKS),
      village: v.unitId,
      kind: weighted(g, [
        ['road', 40],
        ['water', 24],
        ['lighting', 18],
        ['public', 18],
      ] as const),
      started_on: date,
      investment: int(g, 16, 520) * 5000,
      stage: after(g, date, 90) ? 'done' : 'building',
    },
  }));

const farm: Profile = (g) =>
  spread(g, volume(g, 58), [0.3, 0.5, 1.6, 1.8, 1.4, 1.2, 1.0, 0.8, 1.2, 1.0, 0.6, 0.3]).map(
    ({ v, date }) => ({
      date,
      data: {
        village: v.unitId,
        kind: weighted(g, [
          ['guidance', 44],
          ['pest', 26],
          ['seeds', 16],
          ['machinery', 14],
        ] as const),
        served_on: date,
        households: Math.round((v.place.population / 1000) * int(g, 6, 34)),
        technician: keeper(g, 'office_agriculture', 'agriculture'),
      },
    }),
  );

const eduHealth: Profile = (g) =>
  spread(g, volume(g, 41)).map(({ v, date }) => ({
    date,
    data: {
      kind: weighted(g, [
        ['dropout', 14],
        ['campus', 18],
        ['checkup', 28],
        ['doctor', 24],
        ['lecture', 16],
      ] as const),
      village: v.unitId,
      held_on: date,
      people: Math.round((v.place.population / 1000) * int(g, 12, 96)),
    },
  }));

const veterans: Profile = (g) =>
  spread(g, volume(g, 46), [2.2, 1.6, 0.6, 0.6, 0.8, 0.8, 2.0, 1.6, 0.6, 0.8, 0.6, 1.0]).map(
    ({ v, date }) => ({
      date,
      data: {
        kind: weighted(g, [
          ['visit', 52],
          ['card', 20],
          ['employment', 14],
          ['plaque', 14],
        ] as const),
        village: v.unitId,
        served_on: date,
        people: int(g, 3, 38),
      },
    }),
  );

const elderly: Profile = (g) =>
  spread(g, volume(g, 72)).map(({ v, date }) => ({
    date,
    data: {
      kind: weighted(g, [
        ['visit', 44],
        ['meal', 26],
        ['allowance', 16],
        ['care', 14],
      ] as const),
      village: v.unitId,
      served_on: date,
      people: int(g, 4, 46),
    },
  }));

const inspection: Profile = (g) =>
  dates(g, volume(g, 14)).map((date) => {
    const problems = int(g, 1, 12);
    return {
      date,
      data: {
        subject: pick(g, INSPECTIONS),
        kind: weighted(g, [
          ['funds', 34],
          ['conduct', 30],
          ['project', 18],
          ['village', 18],
        ] as const),
        checked_on: date,
        units: int(g, 2, 16),
        problems,
        fixed: Math.max(0, problems - int(g, 0, 2)),
        leader: chance(g, 0.7)
          ? g.dir.leader(/纪委书记/u)
          : keeper(g, 'office_discipline', 'discipline'),
      },
    };
  });

const screening: Profile = (g) => {
  const out: Draft[] = [];
  for (const v of g.dir.villages)
    for (let m = 1; m <= 12; m++) {
      const date = inMonth(g, m, 20, 28);
      if (!date || chance(g, 0.04)) continue;
      const found = Math.max(0, Math.round((v.place.population / 1000) * g.rng.next() * 2.4));
      out.push({
        date,
        data: {
          village: v.unitId,
          screened_on: date,
          found,
          resolved: Math.max(0, found - (chance(g, 0.2) ? 1 : 0)),
          screener: v.grid ?? v.secretary,
        },
      });
    }
  return out;
};

const patrol: Profile = (g) =>
  spread(g, volume(g, 132)).map(({ v, date }) => ({
    date,
    data: {
      village: v.unitId,
      patrolled_on: date,
      patrollers: int(g, 3, 12),
      hours: tenth(1.5 + g.rng.next() * 2.5),
    },
  }));

const drill: Profile = (g) =>
  dates(g, volume(g, 12), [0.4, 0.4, 1.4, 1.6, 1.8, 1.6, 1.2, 0.8, 0.6, 1.0, 0.8, 0.4]).map(
    (date) => {
      const title = pick(g, DRILLS);
      return {
        date,
        data: {
          title,
          kind: title.includes('汛')
            ? 'flood'
            : title.includes('森林')
              ? 'fire'
              : title.includes('轮训')
                ? 'training'
                : 'rescue',
          held_on: date,
          participants: int(g, 18, 64),
          commander: g.dir.leader(/武装部长/u),
        },
      };
    },
  );

export const WORK_PROFILES: Record<string, Profile> = {
  investment_project: investment,
  construction_project: construction,
  farm_service: farm,
  edu_health_work: eduHealth,
  veteran_service: veterans,
  elderly_care: elderly,
  discipline_inspection: inspection,
  dispute_screening: screening,
  security_patrol: patrol,
  militia_drill: drill,
};
