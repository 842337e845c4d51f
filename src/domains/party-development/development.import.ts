/**
 * The 发展党员 ledger's records become the pipeline's history (issue 14). An idempotent data step,
 * not a migration: migrations are frozen and may not run the engine, while this builds each
 * person's snapshot with the kind's own opening guards (18 at application) and clocks, reads the
 * records through the ledger service in the caller's ledger scope, and keeps each record's id
 * (`source_record_id`, unique per town), so running it again adds only records not yet imported.
 * Each stage the record dates becomes one history row marked as imported.
 */
import type { Kysely } from 'kysely';
import type { WriteCtx } from '../../core/actor.ts';
import { localInstant } from '../../core/calendar/local-time.ts';
import type { WorkCalendar } from '../../core/calendar/work-calendar.ts';
import { applyClocks, openAppeal, type AppealSnapshot } from '../../core/workflow/index.ts';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../db/ids.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadWorkCalendar } from '../calendar/calendar.service.ts';
import { allPages, prepareList } from '../ledgers/ledger-list.service.ts';
import { branchScope } from './development.policy.ts';
import * as repo from './development.repository.ts';
import { developmentKind, engineActor, eventRow } from './development.service.ts';
import { nearestClock, snapshotToJson } from './development.snapshot.ts';

type Db = Kysely<DB>;
const LEDGER = 'member_development';

/** Ledger stage → the pipeline action that enters it and the record's dates it records. */
const STAGES: { stage: string; action: string; values: (d: Data) => Record<string, string> }[] = [
  { stage: 'activist', action: 'make_activist', values: (d) => ({ activistOn: d.activist_on! }) },
  {
    stage: 'candidate',
    action: 'make_candidate',
    values: (d) => ({ candidateOn: d.candidate_on! }),
  },
  {
    stage: 'probationary',
    action: 'approve',
    values: (d) => ({ meetingOn: d.probationary_on!, approvedOn: d.probationary_on! }),
  },
  { stage: 'full', action: 'confirm', values: (d) => ({ confirmedOn: d.stage_on! }) },
];
const ORDER = ['applicant', 'activist', 'candidate', 'probationary', 'full'];

interface Data {
  person_name?: string;
  branch?: string;
  stage?: string;
  stage_on?: string;
  birth_date?: string;
  applied_on?: string;
  activist_on?: string;
  candidate_on?: string;
  probationary_on?: string;
  occupation?: string;
}

/** The dates a record of stage `stage` holds for the stages before it (the ledger's own names). */
function withOwnStageDate(d: Data): Data {
  const own = { applicant: 'applied_on', activist: 'activist_on', candidate: 'candidate_on' };
  const key = own[d.stage as keyof typeof own] as keyof Data | undefined;
  const probationary = d.stage === 'probationary' ? { probationary_on: d.stage_on } : {};
  return { ...d, ...(key && !d[key] ? { [key]: d.stage_on } : {}), ...probationary };
}

type Built = { snapshot: AppealSnapshot; events: ReturnType<typeof eventRow>[] } | string;

function build(ctx: WriteCtx, id: string, d: Data, calendar: WorkCalendar): Built {
  const kind = developmentKind();
  if (!d.birth_date) return '台账记录缺少出生日期';
  if (!d.applied_on) return '台账记录缺少递交入党申请书日期';
  const apply = {
    personName: d.person_name,
    birthDate: d.birth_date,
    branchId: d.branch,
    appliedOn: d.applied_on,
    ...(d.occupation ? { occupation: d.occupation } : {}),
  };
  const at = localInstant(d.applied_on, 9 * 60);
  const opened = openAppeal(kind, engineActor(ctx.actor, ctx.townId), apply, { at, calendar });
  if (!opened.ok) return opened.error.message;
  let snapshot = opened.value.next;
  const events = [eventRow(ctx.townId, id, opened.value, kind.initial.fields, null, true)];
  for (const s of STAGES.slice(0, Math.max(0, ORDER.indexOf(d.stage ?? '')))) {
    const values = s.values(d);
    const on = Object.values(values)[0];
    if (!on) return `台账记录缺少${kind.states.find((x) => x.id === s.stage)?.label}的确定日期`;
    const t = kind.transitions.find((x) => x.id === s.action)!;
    const env = { at: localInstant(on, 9 * 60), calendar };
    const clocks = applyClocks(kind, s.action, snapshot, env, values);
    const next = {
      ...snapshot,
      state: s.stage,
      version: snapshot.version + 1,
      deadlines: clocks.deadlines,
      fields: { ...snapshot.fields, ...values },
    };
    const event = { action: t.id, label: t.label, from: snapshot.state, to: s.stage };
    const outcome = { event: { ...event, actor: '', at: env.at, note: null, payload: values } };
    events.push(eventRow(ctx.townId, id, outcome, t.fields, null, true));
    snapshot = next;
  }
  return { snapshot, events };
}

/** Imports the records not yet in the pipeline; says per skipped record why, in Chinese. */
export async function importLedger(db: Db, ctx: WriteCtx) {
  const scope = await branchScope(db, ctx.actor, ctx.townId, 'manage');
  const done = await repo.importedRecordIds(db, ctx.townId);
  const calendar = await loadWorkCalendar(db);
  const kind = developmentKind();
  const list = await prepareList(db, ctx.actor, ctx.townId, LEDGER, { limit: 500 });
  const skipped: { recordId: string; personName: string; reason: string }[] = [];
  let imported = 0;
  for await (const page of allPages(db, ctx.townId, list))
    for (const record of page) {
      if (done.has(record.id)) continue;
      const d = withOwnStageDate(record.data as Data);
      const personName = d.person_name ?? '';
      if (!d.branch || (scope !== null && !scope.includes(d.branch))) continue;
      const id = newId();
      const built = build(ctx, id, d, calendar);
      if (typeof built === 'string') {
        skipped.push({ recordId: record.id, personName, reason: built });
        continue;
      }
      const due = nearestClock(kind, built.snapshot);
      await repo.insertCandidate(db, {
        town_id: ctx.townId,
        id,
        branch_id: d.branch,
        person_name: personName,
        birth_date: d.birth_date!,
        occupation: d.occupation ?? null,
        state: built.snapshot.state,
        snapshot: snapshotToJson({ ...built.snapshot, version: 1 }),
        applied_on: d.applied_on!,
        stage_on: built.events[built.events.length - 1]!.on_date ?? d.applied_on!,
        next_due_at: due?.dueAt ?? null,
        next_due_clock: due?.clock ?? null,
        source_record_id: record.id,
      });
      await repo.insertEvents(db, built.events);
      imported++;
    }
  await recordAudit(db, {
    townId: ctx.townId,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action: 'import_ledger',
    entityType: 'member_candidate',
    after: { imported, skipped: skipped.length },
    ip: ctx.ip,
  });
  return { imported, skipped };
}
