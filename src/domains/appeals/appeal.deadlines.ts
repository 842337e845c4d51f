/**
 * Deadlines after a calendar edit: a clock that is still running and not yet due, and whose limit
 * counts working days or hours, is recomputed from its start on the new calendar (an order
 * created before the State Council notice was entered gets the holiday it should have had).
 * Extended clocks keep the date the approver set. The order's version is not bumped: nobody
 * changed the order, so nobody's open form goes stale.
 */
import type { Kysely } from 'kysely';
import { computeDueAt, type WorkCalendar } from '../../core/calendar/index.ts';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { townSettings } from '../org/town-settings.service.ts';
import { kindFor } from './appeal.kinds.ts';
import * as repo from './appeal.repository.ts';
import { deriveColumns, snapshotFromJson, snapshotToJson } from './appeal.snapshot.ts';
import type { WriteCtx } from '../../core/actor.ts';

export async function recomputeDeadlines(
  db: Kysely<DB>,
  ctx: WriteCtx,
  calendar: WorkCalendar,
  now: Date,
): Promise<number> {
  const rows = await repo.openWithFutureDeadline(db, now);
  const settingsByTown = new Map<string, Awaited<ReturnType<typeof townSettings>>>();
  const changedByTown = new Map<string, string[]>();
  for (const row of rows) {
    if (!settingsByTown.has(row.town_id))
      settingsByTown.set(row.town_id, await townSettings(db, row.town_id));
    const settings = settingsByTown.get(row.town_id)!;
    const snapshot = snapshotFromJson(row.snapshot);
    let changed = false;
    for (const [clock, c] of Object.entries(snapshot.deadlines)) {
      if (c.stoppedAt || c.extensions > 0 || c.dueAt <= now || !c.rule.unit.startsWith('working_'))
        continue;
      const { dueAt } = computeDueAt(c.startedAt, c.rule, calendar, settings.officeHours);
      if (dueAt.getTime() !== c.dueAt.getTime()) {
        snapshot.deadlines[clock] = { ...c, dueAt };
        changed = true;
      }
    }
    if (!changed) continue;
    const { kpi } = kindFor(row.kind);
    const d = deriveColumns(snapshot, kpi, now, '', null, row);
    await repo.setDeadlines(db, row.town_id, row.id, {
      snapshot: snapshotToJson(snapshot),
      response_due_at: d.response_due_at,
      complete_due_at: d.complete_due_at,
      next_due_at: d.next_due_at,
      next_due_clock: d.next_due_clock,
    });
    changedByTown.set(row.town_id, [...(changedByTown.get(row.town_id) ?? []), row.code]);
  }
  for (const [townId, codes] of changedByTown) {
    await recordAudit(db, {
      townId,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action: 'recompute_deadlines',
      entityType: 'appeal',
      entityId: null,
      after: { reason: '工作日历变更', codes },
      ip: ctx.ip,
    });
  }
  return [...changedByTown.values()].reduce((n, c) => n + c.length, 0);
}
