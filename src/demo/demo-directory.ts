/**
 * Who is where in the demo town, as the record generators need it: each village with its
 * branch, population, secretary, grid worker and liaison leader; each office with its staff;
 * the leadership by title and portfolio.
 */
import type { OrgRows } from './demo.repository.ts';
import { PLACES, type DemoPlace } from './demo-places.ts';
import type { SeededRandom } from './random.ts';

export interface Village {
  unitId: string;
  branchId: string;
  place: DemoPlace;
  secretary: string;
  grid: string | null;
  liaison: string | null;
}

export interface Office {
  code: string;
  unitId: string;
  people: string[];
}

export interface Directory {
  partyUnit: string;
  villages: Village[];
  offices: Map<string, Office>;
  /** Leadership person ids by title (党委书记, 镇长, 组织委员 …) in creation order. */
  leaders: Array<{ personId: string; title: string; portfolios: string[] }>;
  staff: Array<{ personId: string; title: string; unitId: string }>;
  byPortfolio: Map<string, string[]>;
  /** The leader whose title matches, for records a particular role keeps. */
  leader(re: RegExp): string;
}

export function buildDirectory(org: OrgRows): Directory {
  const unitsOf = (kind: string) => org.units.filter((u) => u.kind === kind);
  const holders = (unitId: string) => org.positions.filter((p) => p.unit_id === unitId);
  const portfolioOf = new Map<string, string[]>();
  for (const pp of org.portfolios)
    portfolioOf.set(pp.position_id, [
      ...(portfolioOf.get(pp.position_id) ?? []),
      pp.portfolio_code,
    ]);
  const villages = unitsOf('village').map((v): Village => {
    const people = holders(v.id);
    return {
      unitId: v.id,
      branchId: org.units.find((u) => u.parent_id === v.id && u.kind === 'branch')?.id ?? v.id,
      place: PLACES.find((p) => p.name === v.name) ?? {
        name: v.name,
        kind: 'village',
        population: 1500,
      },
      secretary: people.find((p) => p.title.includes('书记'))?.person_id ?? people[0]!.person_id,
      grid: people.find((p) => p.title.includes('网格员'))?.person_id ?? null,
      liaison: org.liaisons.find((l) => l.village_id === v.id)?.person_id ?? null,
    };
  });
  const offices = new Map(
    unitsOf('office')
      .filter((o) => o.code)
      .map((o): [string, Office] => [
        o.code!,
        { code: o.code!, unitId: o.id, people: holders(o.id).map((p) => p.person_id) },
      ]),
  );
  const leaders = org.positions
    .filter((p) => p.leadership)
    .map((p) => ({
      personId: p.person_id,
      title: p.title,
      portfolios: portfolioOf.get(p.id) ?? [],
    }));
  const villageIds = new Set(villages.map((v) => v.unitId));
  const staff = org.positions
    .filter((p) => !p.leadership && !villageIds.has(p.unit_id))
    .map((p) => ({ personId: p.person_id, title: p.title, unitId: p.unit_id }));
  const byPortfolio = new Map<string, string[]>();
  for (const l of leaders)
    for (const code of l.portfolios)
      byPortfolio.set(code, [...(byPortfolio.get(code) ?? []), l.personId]);
  return {
    partyUnit: org.units.find((u) => u.code === 'party')!.id,
    villages,
    offices,
    leaders,
    staff,
    byPortfolio,
    leader(re) {
      const found = leaders.find((l) => re.test(l.title));
      if (!found) throw new Error(`no demo leader titled ${re}`);
      return found.personId;
    },
  };
}

/** A village drawn with probability proportional to its population. */
export function villageByPopulation(rng: SeededRandom, villages: readonly Village[]): Village {
  const total = villages.reduce((n, v) => n + v.place.population, 0);
  let x = rng.next() * total;
  for (const v of villages) {
    x -= v.place.population;
    if (x < 0) return v;
  }
  return villages.at(-1)!;
}
