/**
 * Demo records of village affairs disclosure and relief payments, by village population and season (docs/demo.md).
 */
import {} from './demo-texts.ts';
import {
  chance,
  dates,
  inMonth,
  int,
  keeper,
  resident,
  weighted,
  type Draft,
  type Profile,
} from './demo-gen.ts';

const disclosure: Profile = (g) => {
  const out: Draft[] = [];
  for (const v of g.dir.villages)
    for (const q of [1, 2, 3, 4])
      for (const kind of ['party', 'village', 'finance']) {
        const date = inMonth(g, q * 3, 5, 25);
        if (!date || chance(g, g.factor < 1 ? 0.05 : 0.02)) continue;
        out.push({
          date,
          data: {
            village: v.unitId,
            disclosure_kind: kind,
            period_label: `第${'一二三四'[q - 1]}季度`,
            disclosed_on: date,
            method: weighted(g, [
              ['board', 60],
              ['online', 30],
              ['meeting', 10],
            ] as const),
            items: int(g, 3, 14),
          },
        });
      }
  return out;
};

/** Relief: one record per household and quarter (the demo keeps part of the roll, docs/demo.md). */
const relief: Profile = (g) => {
  const out: Draft[] = [];
  for (const v of g.dir.villages) {
    const households = Math.round((v.place.population / 1000) * 4.6 * g.factor);
    for (let h = 0; h < households; h++) {
      const program = weighted(g, [
        ['subsistence', 62],
        ['destitute', 9],
        ['veterans', 12],
        ['disability', 17],
      ] as const);
      const recipient = resident(g);
      const base = program === 'destitute' ? 2900 : program === 'subsistence' ? 1900 : 900;
      for (const q of [1, 2, 3, 4]) {
        const date = inMonth(g, q * 3 - 2, 8, 15);
        if (date)
          out.push({
            date,
            data: {
              recipient,
              village: v.unitId,
              program,
              paid_on: date,
              amount: base + int(g, 0, 24) * 25,
              period_label: `第${'一二三四'[q - 1]}季度`,
              handler: keeper(g, 'office_social', 'civil_affairs'),
            },
          });
      }
    }
    for (const date of dates(g, Math.round((v.place.population / 1000) * 1.3)))
      out.push({
        date,
        data: {
          recipient: resident(g),
          village: v.unitId,
          program: 'temporary',
          paid_on: date,
          amount: int(g, 8, 60) * 50,
          handler: keeper(g, 'office_social', 'civil_affairs'),
        },
      });
  }
  return out;
};

export const AFFAIRS_PROFILES: Record<string, Profile> = {
  village_disclosure: disclosure,
  relief_payment: relief,
};
