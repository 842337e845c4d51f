/**
 * Demo records of the safety, transport, environment, rule-of-law, petitions and armed-forces
 * ledgers, and the cadres' own study, law and integrity records (docs/demo.md).
 */
import { HAZARD_PLACES, INTEGRITY_TITLES, LAW_THEMES, PATROL_POSTS, SQUADS } from './demo-texts.ts';
import {
  after,
  chance,
  dates,
  int,
  keeper,
  pick,
  resident,
  spread,
  tenth,
  volume,
  weighted,
  type Draft,
  type Profile,
} from './demo-gen.ts';

const hazard: Profile = (g) =>
  spread(g, volume(g, 168), [1.6, 1.0, 0.9, 1.0, 1.1, 1.5, 1.6, 1.4, 0.9, 1.0, 1.0, 1.3]).map(
    ({ v, date }) => {
      const fixedOn = after(g, date, int(g, 3, 45));
      const fixed = !!fixedOn && chance(g, 0.94);
      return {
        date,
        data: {
          place: pick(g, HAZARD_PLACES),
          village: v.unitId,
          hazard_kind: weighted(g, [
            ['fire', 30],
            ['road', 16],
            ['construction', 14],
            ['gas', 12],
            ['chemicals', 4],
            ['flood_geology', 12],
            ['food', 8],
            ['other', 4],
          ] as const),
          severity: chance(g, 0.03) ? 'major' : 'general',
          found_on: date,
          description: '现场检查发现，已当场告知整改要求。',
          inspector: keeper(g, 'office_emergency', 'safety'),
          deadline: after(g, date, 30) ?? date,
          fixed,
          ...(fixed ? { fixed_on: fixedOn } : {}),
        },
      };
    },
  );

const traffic: Profile = (g) =>
  dates(g, volume(g, 152), [2.0, 2.2, 0.8, 1.0, 1.4, 0.7, 0.7, 0.8, 0.9, 1.8, 0.7, 1.0]).map(
    (date) => ({
      date,
      data: {
        post: pick(g, PATROL_POSTS),
        duty_kind: weighted(g, [
          ['persuasion', 64],
          ['patrol', 26],
          ['publicity', 10],
        ] as const),
        duty_on: date,
        staff: int(g, 2, 4),
        violations_stopped: int(g, 2, 23),
        hours: tenth(2 + g.rng.next() * 2),
        leader: keeper(g, 'office_emergency', 'transport'),
      },
    }),
  );

const illegal: Profile = (g) =>
  spread(g, volume(g, 23)).map(({ v, date }) => {
    const stage = weighted(g, [
      ['stopped', 28],
      ['rectifying', 14],
      ['demolished', 36],
      ['legalized', 12],
      ['transferred', 6],
      ['found', 4],
    ] as const);
    return {
      date,
      data: {
        village: v.unitId,
        party_name: resident(g),
        location: `${v.place.name}${pick(g, ['上湾组', '下湾组', '河堤边', '村道旁'])}`,
        area: int(g, 18, 160),
        found_on: date,
        stage,
        ...(stage !== 'found' ? { handled_on: after(g, date, int(g, 5, 60)) ?? date } : {}),
        handler: keeper(g, 'office_construction', 'environment'),
      },
    };
  });

const living: Profile = (g) => {
  const out: Draft[] = [];
  for (const v of g.dir.villages) {
    const perYear = Math.round(8 + (v.place.population / 1000) * 3.4);
    for (const date of dates(g, Math.round(perYear * g.factor))) {
      const found = int(g, 2, 14);
      out.push({
        date,
        data: {
          village: v.unitId,
          acted_on: date,
          task_kind: weighted(g, [
            ['garbage', 38],
            ['sewage', 12],
            ['toilet', 8],
            ['greening', 14],
            ['clutter', 24],
            ['other', 4],
          ] as const),
          participants: Math.round((v.place.population / 1000) * int(g, 6, 17)),
          garbage_tons: tenth(0.5 + g.rng.next() * 6),
          issues_found: found,
          issues_fixed: Math.max(0, found - int(g, 0, 2)),
          inspector: v.liaison ?? v.secretary,
        },
      });
    }
  }
  return out;
};

const legalPublicity: Profile = (g) =>
  spread(g, volume(g, 47)).map(({ v, date }) => ({
    date,
    data: {
      theme: pick(g, LAW_THEMES),
      form: weighted(g, [
        ['lecture', 24],
        ['stall', 30],
        ['door_to_door', 20],
        ['online', 14],
        ['circuit_trial', 8],
        ['other', 4],
      ] as const),
      held_on: date,
      village: v.unitId,
      audience: Math.round((v.place.population / 1000) * int(g, 18, 96)),
      materials: int(g, 40, 380),
      organizer: keeper(g, 'office_safety_peace', 'politics_law'),
    },
  }));

const integrityEducation: Profile = (g) =>
  dates(g, volume(g, 27)).map((date) => {
    const form = weighted(g, [
      ['lecture', 26],
      ['warning', 26],
      ['case_reform', 12],
      ['site_visit', 10],
      ['talk', 22],
      ['other', 4],
    ] as const);
    return {
      date,
      data: {
        title: pick(g, INTEGRITY_TITLES[form]!),
        form,
        held_on: date,
        host_unit: g.dir.offices.get('office_discipline')?.unitId,
        attendees: form === 'talk' ? int(g, 6, 16) : int(g, 28, 74),
        speaker: chance(g, 0.6) ? g.dir.leader(/纪委书记/u) : g.dir.leader(/^党委书记$/u),
      },
    };
  });

const petitionReception: Profile = (g) =>
  spread(g, volume(g, 84)).map(({ v, date }) => {
    const resolvedOn = after(g, date, int(g, 3, 50));
    const resolved = !!resolvedOn && chance(g, 0.9);
    return {
      date,
      data: {
        visitor: resident(g),
        village: v.unitId,
        received_on: date,
        receiver: pick(g, [
          ...(g.dir.byPortfolio.get('petitions') ?? []),
          keeper(g, 'office_governance'),
        ]),
        reception_kind: weighted(g, [
          ['leader_day', 26],
          ['walk_in', 44],
          ['home_visit', 18],
          ['phone', 12],
        ] as const),
        issue_kind: weighted(g, [
          ['land', 26],
          ['construction', 14],
          ['wages', 12],
          ['neighbour', 22],
          ['social_security', 18],
          ['other', 8],
        ] as const),
        people:
          weighted(g, [
            ['1', 58],
            ['2', 22],
            ['3', 12],
            ['5', 8],
          ] as const) === '1'
            ? 1
            : int(g, 2, 6),
        summary: '来访反映问题，已登记并明确承办人。',
        resolved,
        ...(resolved ? { resolved_on: resolvedOn } : {}),
      },
    };
  });

const conscription: Profile = (g) =>
  (
    [
      ['registered', 186, [1.2, 1.0, 1.5, 1.6, 1.4, 1.2, 0.2, 0, 0, 0, 0, 0]],
      ['applied', 41, [0.2, 0.4, 1.2, 1.6, 1.4, 1.2, 1.0, 0.4, 0, 0, 0, 0]],
      ['examined', 27, [0, 0, 0.4, 1.2, 1.2, 1.0, 1.6, 1.6, 0.4, 0, 0, 0]],
      ['enlisted', 10, [0, 0, 0.8, 0.4, 0, 0, 0, 0, 1.6, 1.2, 0, 0]],
    ] as const
  ).flatMap(([stage, base, season]) =>
    spread(g, volume(g, base), season).map(({ v, date }) => ({
      date,
      data: {
        name: resident(g),
        village: v.unitId,
        stage,
        stage_on: date,
        education: weighted(g, [
          ['high_school', 34],
          ['vocational', 26],
          ['college', 24],
          ['bachelor', 16],
        ] as const),
        student: chance(g, 0.2),
        exam_passed: stage === 'enlisted' || chance(g, 0.7),
      },
    })),
  );

const militia: Profile = (g) =>
  spread(g, volume(g, 96), [0.2, 0.3, 2.5, 2.5, 1.0, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2]).map(
    ({ v, date }) => ({
      date,
      data: {
        name: resident(g),
        village: v.unitId,
        militia_kind: chance(g, 0.36) ? 'primary' : 'ordinary',
        squad: pick(g, SQUADS),
        veteran: chance(g, 0.3),
        party_member: chance(g, 0.28),
        enrolled_on: date,
        training_days: int(g, 3, 15),
      },
    }),
  );

/** Everyone who writes a report: the leadership, the town's staff and the village secretaries. */
export const GOV_PROFILES: Record<string, Profile> = {
  safety_hazard: hazard,
  traffic_patrol: traffic,
  illegal_building: illegal,
  living_environment: living,
  legal_publicity: legalPublicity,
  integrity_education: integrityEducation,
  petition_reception: petitionReception,
  conscription,
  militia_roster: militia,
};
