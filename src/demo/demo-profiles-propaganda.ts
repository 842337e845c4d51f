/**
 * Demo records of the propaganda ledgers: articles mostly in county outlets, sites, civility
 * activities and volunteer service, by village population (docs/demo.md).
 */
import {
  ARTICLE_TITLES,
  ACTIVITY_TITLES,
  OUTLETS,
  SITE_SPOTS,
  SLOGANS,
  VOLUNTEER_PROJECTS,
  VOLUNTEER_TEAMS,
} from './demo-texts.ts';
import {
  dates,
  int,
  keeper,
  pick,
  spread,
  tenth,
  volume,
  weighted,
  type Profile,
} from './demo-gen.ts';

const propagandaItem: Profile = (g) =>
  dates(g, volume(g, 126)).map((date) => {
    const level = weighted(g, [
      ['national', 3],
      ['provincial', 7],
      ['municipal', 18],
      ['county', 72],
    ] as const);
    return {
      date,
      data: {
        title: pick(g, ARTICLE_TITLES),
        outlet: pick(g, OUTLETS[level]!),
        level,
        channel:
          level === 'county'
            ? weighted(g, [
                ['official_account', 55],
                ['video_account', 20],
                ['media', 25],
              ] as const)
            : 'media',
        published_on: date,
        author: keeper(g, 'office_propaganda', 'propaganda'),
      },
    };
  });

const publicitySite: Profile = (g) =>
  (
    [
      ['added', 15],
      ['replaced', 19],
      ['removed', 7],
      ['inspected', 23],
    ] as const
  ).flatMap(([action, base]) =>
    spread(g, volume(g, base)).map(({ v, date }) => ({
      date,
      data: {
        site_kind: weighted(g, [
          ['national_flag', 22],
          ['slogan', 38],
          ['board', 24],
          ['screen', 8],
          ['culture_wall', 8],
        ] as const),
        action,
        village: v.unitId,
        location: pick(g, SITE_SPOTS),
        content: pick(g, SLOGANS),
        quantity: action === 'inspected' ? int(g, 2, 9) : int(g, 1, 4),
        acted_on: date,
        keeper: v.grid ?? v.secretary,
      },
    })),
  );

const civilization: Profile = (g) =>
  spread(g, volume(g, 104)).map(({ v, date }) => {
    const category = weighted(g, [
      ['theory', 30],
      ['culture', 24],
      ['customs', 16],
      ['health', 14],
      ['science', 10],
      ['other', 6],
    ] as const);
    return {
      date,
      data: {
        title: pick(g, ACTIVITY_TITLES[category]!),
        category,
        station: v.unitId,
        held_on: date,
        participants: Math.round((v.place.population / 1000) * int(g, 14, 52)),
        volunteers: int(g, 4, 16),
        organizer: v.secretary,
      },
    };
  });

const volunteer: Profile = (g) =>
  spread(g, volume(g, 138)).map(({ v, date }) => {
    const volunteers = int(g, 5, 24);
    return {
      date,
      data: {
        project: pick(g, VOLUNTEER_PROJECTS),
        team: pick(g, VOLUNTEER_TEAMS),
        village: v.unitId,
        served_on: date,
        volunteers,
        hours: tenth(volunteers * (1.5 + g.rng.next() * 2)),
        beneficiaries: int(g, 8, 76),
      },
    };
  });

export const PROPAGANDA_PROFILES: Record<string, Profile> = {
  propaganda_item: propagandaItem,
  publicity_site: publicitySite,
  civilization_activity: civilization,
  volunteer_service: volunteer,
};
