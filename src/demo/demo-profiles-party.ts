/**
 * Demo records of the party-building and propaganda ledgers, sized for a town of ~30,000 with
 * 16 village/community branches (docs/demo.md): branch life on its schedule with a few missed
 * meetings, study sessions led by the leadership, articles mostly in county outlets.
 */
import { memberDevelopment } from './demo-profiles-development.ts';
import { partyMembers } from './demo-places.ts';
import { BRANCH_TOPICS, PARTY_DAY_THEMES, STUDY_TOPICS } from './demo-texts.ts';
import {
  chance,
  dates,
  inMonth,
  int,
  keeper,
  pick,
  resident,
  spread,
  tenth,
  volume,
  weighted,
  type Draft,
  type Gen,
  type Profile,
} from './demo-gen.ts';

/** 三会一课: a committee meeting a month, an assembly and a party lecture a quarter; a few missed. */
const branchMeeting: Profile = (g) => {
  const out: Draft[] = [];
  const miss = g.factor < 1 ? 0.05 : 0.02;
  for (const v of g.dir.villages)
    for (let m = 1; m <= 12; m++) {
      const members = partyMembers(v.place);
      const kinds = m % 3 === 0 ? ['committee', 'member_assembly', 'party_lecture'] : ['committee'];
      for (const kind of kinds) {
        const date = inMonth(g, m);
        if (!date || chance(g, miss)) continue;
        const expected = kind === 'committee' ? int(g, 5, 7) : members;
        const r = g.rng.next();
        const who =
          kind !== 'party_lecture' || r < 0.58
            ? v.secretary
            : r < 0.82
              ? (v.liaison ?? v.secretary)
              : g.dir.leader(r < 0.91 ? /^党委书记$/u : /组织委员/u);
        out.push({
          date,
          data: {
            meeting_type: kind,
            branch: v.branchId,
            held_on: date,
            topic: kind === 'party_lecture' ? pick(g, STUDY_TOPICS) : pick(g, BRANCH_TOPICS),
            expected,
            attendees: Math.round(expected * (0.78 + g.rng.next() * 0.2)),
            lecturer: who,
          },
        });
      }
    }
  return out;
};

const themePartyDay: Profile = (g) => {
  const out: Draft[] = [];
  for (const v of g.dir.villages)
    for (let m = 1; m <= 12; m++) {
      const date = inMonth(g, m, 1, 12);
      if (!date || chance(g, g.factor < 1 ? 0.06 : 0.025)) continue;
      const expected = partyMembers(v.place);
      out.push({
        date,
        data: {
          branch: v.branchId,
          held_on: date,
          theme: pick(g, PARTY_DAY_THEMES),
          activity_form: weighted(g, [
            ['study', 40],
            ['service', 30],
            ['red_education', 12],
            ['visit', 14],
            ['other', 4],
          ] as const),
          expected,
          attendees: Math.round(expected * (0.55 + g.rng.next() * 0.3)),
        },
      });
    }
  return out;
};

const starRating: Profile = (g) =>
  g.dir.villages.flatMap((v): Draft[] => {
    const date = inMonth(g, 12, 5, 20);
    if (!date) return [];
    const stars = weighted(g, [
      ['2', 8],
      ['3', 38],
      ['4', 36],
      ['5', 18],
    ] as const);
    return [
      {
        date,
        data: {
          branch: v.branchId,
          year: g.year,
          stars: Number(stars),
          score: int(g, 62, 97),
          rated_on: date,
          promoted: chance(g, 0.3),
        },
      },
    ];
  });

const careVisit: Profile = (g) =>
  spread(g, volume(g, 128), [2.6, 1.8, 0.3, 0.3, 0.4, 2.2, 1.6, 0.3, 0.4, 0.6, 0.5, 1.0]).map(
    ({ v, date }) => ({
      date,
      data: {
        member_name: resident(g),
        visit_kind: weighted(g, [
          ['hardship', 38],
          ['senior', 34],
          ['long_service', 14],
          ['sick', 14],
        ] as const),
        village: v.unitId,
        visited_on: date,
        visitor: chance(g, 0.5) ? v.secretary : (v.liaison ?? v.secretary),
        cash: pick(g, [300, 400, 500, 600, 800, 1000]),
        goods: pick(g, ['米、油', '慰问金及生活用品', '棉被']),
      },
    }),
  );

const theoryStudy: Profile = (g) => {
  const forms: Array<[string, number]> = [
    ['center_group', 14],
    ['cadre_collective', 21],
    ['branch_collective', 62],
    ['lecture', 27],
    ['seminar', 8],
  ];
  const members = g.dir.leaders.map((l) => l.personId);
  const staff = g.dir.staff.map((s) => s.personId);
  return forms.flatMap(([form, base]) =>
    (form === 'branch_collective'
      ? spread(g, volume(g, base))
      : dates(g, volume(g, base)).map((date) => ({ v: null, date }))
    ).map(({ v, date }) => {
      const village =
        form === 'branch_collective' || form === 'lecture' ? (v ?? pick(g, g.dir.villages)) : null;
      const speaker =
        form === 'center_group'
          ? chance(g, 0.3)
            ? g.dir.leader(/^党委书记$/u)
            : pick(g, members)
          : form === 'branch_collective'
            ? village!.secretary
            : form === 'lecture'
              ? chance(g, 0.5)
                ? keeper(g, 'office_propaganda', 'propaganda')
                : pick(g, members)
              : pick(g, [...members, ...staff]);
      const attendees =
        form === 'center_group'
          ? int(g, 11, 13)
          : form === 'branch_collective'
            ? Math.round(partyMembers(village!.place) * (0.5 + g.rng.next() * 0.3))
            : form === 'lecture'
              ? int(g, 36, 168)
              : int(g, 14, 48);
      return {
        date,
        data: {
          form,
          topic: pick(g, STUDY_TOPICS),
          held_on: date,
          host_unit: village ? village.unitId : g.dir.partyUnit,
          speaker,
          attendees,
          hours: tenth(1.5 + g.rng.next() * 1.5),
        },
      };
    }),
  );
};

export const PARTY_PROFILES: Record<string, Profile> = {
  branch_meeting: branchMeeting,
  theme_party_day: themePartyDay,
  branch_star_rating: starRating,
  member_development: memberDevelopment,
  member_care_visit: careVisit,
  theory_study: theoryStudy,
};

export type { Gen };
