/**
 * Demo records of the 发展党员 ledger (one row per person, at the stage they hold today), sized
 * for 16 village/community branches. A stage is held for a while only (an applicant is talked to
 * and made an 积极分子 within months, an 积极分子 becomes a 发展对象 after a year or so), so the
 * rows still at an early stage are recent ones: the pipeline imported from them has a handful of
 * steps falling due at the demo's today, not years of overdue 谈话.
 */
import { shift } from './demo-clock.ts';
import { chance, dates, int, pick, resident, type Gen, type Profile } from './demo-gen.ts';

const back = (iso: string, days: number) => shift(iso, -days);

/**
 * The longest a person stays at a stage before the branch moves them on, in days: a drawn record
 * older than this has moved on since (it is counted at its later stage, or left the pipeline).
 */
const STAY: Record<string, number> = {
  applicant: 150,
  activist: 380,
  candidate: 200,
  probationary: 430,
};

/**
 * People the organisation work has to act on, present on any demo day (days since they reached
 * the stage): an 积极分子 whose year of 培养考察 is complete, a 预备党员 whose year ran out days
 * ago and awaits the branch's 转正 discussion (or 延长预备期).
 */
export const DUE_NOW: readonly (readonly [string, number])[] = [
  ['activist', 390],
  ['probationary', 370],
];

/**
 * 发展党员: the dates of the stages passed before the record's own stage, consistent with the
 * type's waiting-period rules (a year and more as 积极分子, a year of 预备期, 18+ at application).
 */
function stageDates(g: Gen, stage: string, on: string) {
  const reached = ['applicant', 'activist', 'candidate', 'probationary', 'full'].indexOf(stage);
  const probationary = reached === 4 ? back(on, int(g, 366, 400)) : reached === 3 ? on : undefined;
  const candidate =
    reached === 2 ? on : probationary ? back(probationary, int(g, 60, 150)) : undefined;
  const activist = reached === 1 ? on : candidate ? back(candidate, int(g, 370, 500)) : undefined;
  const applied = reached === 0 ? on : activist ? back(activist, int(g, 30, 200)) : on;
  return {
    applied_on: applied,
    ...(activist ? { activist_on: activist } : {}),
    ...(candidate && reached >= 3 ? { candidate_on: candidate } : {}),
    ...(probationary && reached >= 4 ? { probationary_on: probationary } : {}),
    birth_date: back(applied, int(g, 19 * 365, 40 * 365)),
  };
}

const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Whether a person who reached `stage` on `on` could still be there on the demo's today. */
const stillThere = (g: Gen, stage: string, on: string) =>
  stage === 'full' || daysBetween(on, g.today) <= (STAY[stage] ?? Infinity);

export const memberDevelopment: Profile = (g) => {
  const out = g.dir.villages.flatMap((v) => {
    const scale = v.place.population / 1900;
    const stages: Array<[string, number]> = [
      ['applicant', 3.1],
      ['activist', 1.7],
      ['candidate', 1.1],
      ['probationary', 0.9],
      ['full', 0.9],
    ];
    return stages.flatMap(([stage, per]) =>
      dates(g, Math.round(per * scale * g.factor + g.rng.next() * 0.8))
        .filter((date) => stillThere(g, stage, date))
        .map((date) => ({
          date,
          data: {
            person_name: resident(g),
            branch: v.branchId,
            stage,
            stage_on: date,
            introducer: chance(g, 0.7) ? v.secretary : (v.grid ?? v.secretary),
            occupation: pick(g, ['农民', '个体工商户', '教师', '村干部', '退役军人']),
            ...stageDates(g, stage, date),
          },
        })),
    );
  });
  const v = g.dir.villages[0];
  for (const [stage, days] of DUE_NOW) {
    const on = back(g.today, days);
    if (v && on.startsWith(`${g.year}-`))
      out.push({
        date: on,
        data: {
          person_name: resident(g),
          branch: v.branchId,
          stage,
          stage_on: on,
          introducer: v.secretary,
          occupation: '村干部',
          ...stageDates(g, stage, on),
        },
      });
  }
  return out;
};
