/**
 * Demo records of each cadre's own books: study and training hours, law exams and 述法, integrity files (docs/demo.md).
 */
import { COURSES } from './demo-texts.ts';
import {
  chance,
  dates,
  inMonth,
  int,
  pick,
  weighted,
  type Draft,
  type Gen,
  type Profile,
} from './demo-gen.ts';

function cadres(g: Gen): Array<{ id: string; kind: 'leader' | 'staff' | 'village' }> {
  return [
    ...g.dir.leaders.map((l) => ({ id: l.personId, kind: 'leader' as const })),
    ...g.dir.staff.map((s) => ({ id: s.personId, kind: 'staff' as const })),
    ...g.dir.villages.map((v) => ({ id: v.secretary, kind: 'village' as const })),
  ];
}

const cadreStudy: Profile = (g) =>
  cadres(g).flatMap(({ id, kind }) =>
    dates(g, int(g, kind === 'leader' ? 3 : 1, kind === 'leader' ? 5 : 3)).map((date) => {
      const k = weighted(g, [
        ['party_school', kind === 'village' ? 8 : 22],
        ['special', 34],
        ['online', 36],
        ['visit', 8],
      ] as const);
      const hours = {
        party_school: int(g, 24, 72),
        special: int(g, 8, 24),
        online: int(g, 10, 46),
        visit: int(g, 12, 30),
      }[k];
      return {
        date,
        data: {
          cadre: id,
          course: pick(g, COURSES[k]!),
          kind: k,
          started_on: date,
          hours,
          certified: true,
        },
      };
    }),
  );

const lawStudy: Profile = (g) =>
  cadres(g).flatMap(({ id, kind }): Draft[] => {
    const out: Draft[] = [];
    const exam = inMonth(g, pick(g, [10, 11]));
    if (exam && chance(g, 0.96)) {
      const score = int(g, 74, 99);
      out.push({
        date: exam,
        data: {
          cadre: id,
          kind: 'exam',
          held_on: exam,
          subject: '年度学法用法考试',
          score,
          passed: score >= 80 || chance(g, 0.6),
        },
      });
    }
    const report = inMonth(g, 12, 10, 28);
    if (report && kind !== 'staff')
      out.push({
        date: report,
        data: { cadre: id, kind: 'report', held_on: report, subject: '年度述法' },
      });
    const court = inMonth(g, pick(g, [5, 6, 9]));
    if (court && kind === 'leader' && chance(g, 0.6))
      out.push({
        date: court,
        data: { cadre: id, kind: 'court', held_on: court, subject: '旁听县法院行政案件庭审' },
      });
    return out;
  });

const integrityFile: Profile = (g) =>
  cadres(g).flatMap(({ id, kind }): Draft[] => {
    const out: Draft[] = [];
    const add = (date: string | null, data: Record<string, unknown>) =>
      date && out.push({ date, data: { cadre: id, on: date, ...data } });
    if (kind === 'leader') add(inMonth(g, pick(g, [1, 2, 3])), { kind: 'personal_matters' });
    add(inMonth(g, 2, 18, 28), { kind: 'pledge' });
    if (chance(g, kind === 'leader' ? 0.5 : 0.7))
      add(inMonth(g, int(g, 3, 11)), { kind: 'talk_received' });
    if (kind === 'leader')
      add(inMonth(g, int(g, 2, 12)), { kind: 'talk_given', people: int(g, 4, 17) });
    return out;
  });

export const OWN_PROFILES: Record<string, Profile> = {
  cadre_study: cadreStudy,
  law_study: lawStudy,
  integrity_file: integrityFile,
};
