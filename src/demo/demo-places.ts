/**
 * The demo town's villages and communities with their (invented) resident populations — about
 * 30,400 people in all — and party members, which scale every per-village volume of the demo.
 */

export interface DemoPlace {
  name: string;
  kind: 'village' | 'community';
  population: number;
}

export const PLACES: readonly DemoPlace[] = [
  { name: '石桥村', kind: 'village', population: 2460 },
  { name: '青松村', kind: 'village', population: 1830 },
  { name: '柳溪村', kind: 'village', population: 2120 },
  { name: '河湾村', kind: 'village', population: 1560 },
  { name: '东岭村', kind: 'village', population: 980 },
  { name: '西坪村', kind: 'village', population: 1240 },
  { name: '南坝村', kind: 'village', population: 2310 },
  { name: '北岗村', kind: 'village', population: 1090 },
  { name: '竹园村', kind: 'village', population: 1420 },
  { name: '枫林村', kind: 'village', population: 860 },
  { name: '云台村', kind: 'village', population: 730 },
  { name: '白沙村', kind: 'village', population: 1670 },
  { name: '桃源社区', kind: 'community', population: 3420 },
  { name: '龙泉社区', kind: 'community', population: 2890 },
  { name: '新街社区', kind: 'community', population: 3650 },
  { name: '镜湖社区', kind: 'community', population: 2180 },
];

export const TOWN_POPULATION = PLACES.reduce((n, p) => n + p.population, 0);

/** Party members of a village's branch: about 4.2 % of its residents. */
export const partyMembers = (p: DemoPlace) => Math.round(p.population * 0.042);

/** A village's share of the town's records of a kind spread by population. */
export const shareOf = (p: DemoPlace) => p.population / TOWN_POPULATION;
