/**
 * Demo records of the village-work, talent and civil-affairs ledgers (docs/demo.md): per village
 * in proportion to its population — pairing help, reserve cadres, the three lists, micro-wishes,
 * local talent, training, households monitored against poverty, 四议两公开, 三务公开 every
 * quarter, and relief paid per household and quarter.
 */
import { partyMembers } from './demo-places.ts';
import {
  CLAIMERS,
  DECISIONS,
  ITEMS,
  OCCUPATIONS,
  PARTNERS,
  POSTS,
  SPECIALTIES,
  TRAINING_TITLES,
  WISHES,
} from './demo-texts.ts';
import {
  after,
  chance,
  dates,
  int,
  pick,
  resident,
  spread,
  tenth,
  volume,
  weighted,
  type Profile,
} from './demo-gen.ts';

const pairing: Profile = (g) => {
  const households = new Map<string, string[]>();
  return spread(g, volume(g, 146)).map(({ v, date }) => {
    const own = households.get(v.unitId) ?? [];
    if (own.length < Math.ceil(v.place.population / 420) || chance(g, 0.15)) own.push(resident(g));
    households.set(v.unitId, own);
    return {
      date,
      data: {
        member: chance(g, 0.6) ? v.secretary : (v.grid ?? v.secretary),
        household: pick(g, own),
        village: v.unitId,
        helped_on: date,
        help_kind: weighted(g, [
          ['livelihood', 40],
          ['industry', 18],
          ['employment', 14],
          ['schooling', 10],
          ['medical', 14],
          ['other', 4],
        ] as const),
        amount: int(g, 6, 48) * 50,
      },
    };
  });
};

const reserveCadre: Profile = (g) =>
  spread(g, volume(g, 19)).map(({ v, date }) => ({
    date,
    data: {
      name: resident(g),
      education: weighted(g, [
        ['junior_high', 10],
        ['high_school', 38],
        ['college', 32],
        ['bachelor', 18],
        ['postgraduate', 2],
      ] as const),
      political_status: weighted(g, [
        ['member', 46],
        ['probationary', 10],
        ['masses', 44],
      ] as const),
      village: v.unitId,
      current_post: pick(g, POSTS),
      listed_on: date,
      mentor: v.secretary,
      training_hours: tenth(8 + g.rng.next() * 40),
    },
  }));

const threeLists: Profile = (g) =>
  spread(g, volume(g, 73)).map(({ v, date }) => {
    const status = weighted(g, [
      ['done', 68],
      ['matched', 22],
      ['open', 10],
    ] as const);
    return {
      date,
      data: {
        list_kind: weighted(g, [
          ['need', 48],
          ['resource', 26],
          ['project', 26],
        ] as const),
        item: pick(g, ITEMS),
        village: v.unitId,
        partner: pick(g, PARTNERS),
        listed_on: date,
        status,
        ...(status === 'done' ? { done_on: after(g, date, int(g, 10, 70)) ?? date } : {}),
      },
    };
  });

const microWish: Profile = (g) =>
  spread(g, volume(g, 86)).map(({ v, date }) => {
    const fulfilledOn = after(g, date, int(g, 5, 40));
    const status =
      fulfilledOn && chance(g, 0.9) ? 'fulfilled' : chance(g, 0.6) ? 'claimed' : 'posted';
    return {
      date,
      data: {
        wisher: resident(g),
        wish: pick(g, WISHES),
        village: v.unitId,
        posted_on: date,
        claimed_by: pick(g, CLAIMERS),
        status,
        ...(status === 'fulfilled' ? { fulfilled_on: fulfilledOn } : {}),
        value: int(g, 4, 36) * 10,
      },
    };
  });

const talentPool: Profile = (g) =>
  spread(g, volume(g, 27)).map(({ v, date }) => ({
    date,
    data: {
      name: resident(g),
      category: weighted(g, [
        ['worthy', 22],
        ['entrepreneur', 26],
        ['craftsman', 18],
        ['returnee', 20],
        ['graduate', 14],
      ] as const),
      village: v.unitId,
      specialty: pick(g, SPECIALTIES),
      registered_on: date,
      engaged: chance(g, 0.55),
    },
  }));

const training: Profile = (g) =>
  dates(g, volume(g, 26)).map((date) => {
    const program = weighted(g, [
      ['farmer', 34],
      ['village_cadre', 16],
      ['party_member', 18],
      ['vocational', 14],
      ['safety', 14],
      ['other', 4],
    ] as const);
    return {
      date,
      data: {
        title: pick(g, TRAINING_TITLES[program]!),
        program,
        held_on: date,
        organizer: g.dir.offices.get(program === 'safety' ? 'office_emergency' : 'office_economy')
          ?.unitId,
        trainees: int(g, 24, 118),
        hours: tenth(int(g, 4, 24)),
        location: '镇党群服务中心',
      },
    };
  });

const poverty: Profile = (g) =>
  spread(g, volume(g, 21))
    .map(({ v, date }) => {
      const cleared = after(g, date, int(g, 60, 240));
      const risk = weighted(g, [
        ['illness', 38],
        ['disability', 16],
        ['schooling', 12],
        ['accident', 10],
        ['unemployment', 14],
        ['disaster', 6],
        ['other', 4],
      ] as const);
      return {
        date,
        data: {
          household_head: resident(g),
          village: v.unitId,
          household_size: int(g, 1, 6),
          risk_type: risk,
          identified_on: date,
          measure_kind:
            risk === 'illness'
              ? 'medical'
              : risk === 'schooling'
                ? 'schooling'
                : weighted(g, [
                    ['industry', 30],
                    ['employment', 36],
                    ['social_security', 30],
                    ['other', 4],
                  ] as const),
          measures: '落实帮扶责任人，制定一户一策帮扶计划并按月回访。',
          help_amount: int(g, 24, 150) * 100,
          helper: v.liaison ?? v.secretary,
          risk_cleared: !!cleared && chance(g, 0.62),
          ...(cleared ? { cleared_on: cleared } : {}),
        },
      };
    })
    .map((d) => (d.data.risk_cleared ? d : { ...d, data: { ...d.data, cleared_on: undefined } }));

const decision: Profile = (g) =>
  spread(g, volume(g, 68)).map(({ v, date }) => {
    const kind = weighted(g, [
      ['project', 34],
      ['funds', 20],
      ['assets', 10],
      ['contracting', 12],
      ['welfare', 20],
      ['other', 4],
    ] as const);
    const stage = weighted(g, [
      ['result_public', 62],
      ['resolution_public', 14],
      ['resolution', 10],
      ['review', 8],
      ['consultation', 6],
    ] as const);
    return {
      date,
      data: {
        village: v.unitId,
        matter: pick(g, DECISIONS[kind]!),
        matter_kind: kind,
        proposed_on: date,
        stage,
        ...(stage !== 'consultation' && stage !== 'review'
          ? { resolved_on: after(g, date, int(g, 7, 30)) ?? date }
          : {}),
        amount:
          kind === 'project' ? int(g, 60, 980) * 500 : kind === 'other' ? 0 : int(g, 8, 160) * 500,
        representatives_present: int(g, 18, 42),
        votes_for: int(g, 16, 38),
      },
    };
  });

export const VILLAGE_PROFILES: Record<string, Profile> = {
  member_pairing: pairing,
  reserve_cadre: reserveCadre,
  three_lists: threeLists,
  micro_wish: microWish,
  talent_pool: talentPool,
  training_session: training,
  poverty_monitoring: poverty,
  village_decision: decision,
};

export { partyMembers, OCCUPATIONS };
