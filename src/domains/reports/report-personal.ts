/**
 * The person's own records behind 学习、廉洁、法治: the study sessions of their group (党委中心组
 * for the leadership, 机关干部集体学习 for office staff, the branch's 集中学习 for a village) and
 * those they led, party lectures they gave, training courses and hours, law exams and 述法,
 * personal-matters reports and integrity talks. Figures over the person are chips with `personId`.
 */
import type { Kysely } from 'kysely';
import type { PersonalFacts } from '../../core/report/compose.ts';
import type { DB } from '../../db/schema.ts';
import type { MetricContext } from '../metrics/metrics.service.ts';
import { resultOf, valuesOf } from './report-areas.ts';
import { periodOf, type ReportSubject } from './report-subject.ts';

type Db = Kysely<DB>;

/** Which metric each personal fact is (counted over the person). */
const OWN: Partial<Record<keyof PersonalFacts, string>> = {
  partyLectures: 'ledger.branch_meeting.party_lectures',
  trainingCourses: 'ledger.cadre_study.courses',
  trainingHours: 'ledger.cadre_study.hours',
  lawExams: 'ledger.law_study.exams',
  lawExamsPassed: 'ledger.law_study.exams_passed',
  lawReports: 'ledger.law_study.reports',
  courtHearings: 'ledger.law_study.court',
  personalMatters: 'ledger.integrity_file.personal_matters',
  talksReceived: 'ledger.integrity_file.talks_received',
  talksGiven: 'ledger.integrity_file.talks_given',
  pledges: 'ledger.integrity_file.pledges',
};

/** The study group a person sits in: 中心组 for the leadership, 集体学习 for staff, the branch for a village. */
function groupStudy(subject: ReportSubject): { metricId: string; unitId?: string } {
  if (subject.scope.kind === 'unit' && subject.inVillage)
    return { metricId: 'ledger.theory_study.branch_sessions', unitId: subject.scope.unitId };
  if (subject.role === 'specialist') return { metricId: 'ledger.theory_study.cadre_sessions' };
  return { metricId: 'ledger.theory_study.center_group_sessions' };
}

export async function gatherPersonal(
  db: Db,
  ctx: MetricContext,
  subject: ReportSubject,
): Promise<PersonalFacts> {
  const period = periodOf(subject.year);
  const own = { ...period, personId: subject.personId };
  const group = groupStudy(subject);
  const groupParams = { ...period, ...(group.unitId ? { unitId: group.unitId } : {}) };
  const known = (id: string) => ctx.has(id);
  const ownIds = Object.values(OWN).filter(known);
  const ownValues = await valuesOf(
    db,
    ctx,
    [...ownIds, ...(known(group.metricId) ? [group.metricId] : [])],
    own,
  );
  const groupValues = known(group.metricId)
    ? await valuesOf(db, ctx, [group.metricId], groupParams)
    : new Map<string, number | null>();
  const facts: PersonalFacts = {};
  for (const [key, id] of Object.entries(OWN) as Array<[keyof PersonalFacts, string]>) {
    const value = ownValues.get(id);
    if (!value) continue;
    facts[key] = resultOf(ctx.find(id).metric, value, own);
  }
  const groupValue = groupValues.get(group.metricId);
  if (groupValue) {
    const metric = ctx.find(group.metricId).metric;
    facts.centerGroup = resultOf(metric, groupValue, groupParams);
    // The sessions of that group they led: a part of the group's figure.
    const led = ownValues.get(group.metricId);
    if (led) facts.ledStudy = resultOf(metric, led, own);
  }
  return facts;
}
