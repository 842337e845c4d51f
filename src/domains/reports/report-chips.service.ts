/**
 * Use cases of a report's numbers (chips): the records behind one of them, and the 插入数据
 * picker's choices and previews for a report its caller may edit.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { allChips } from '../../core/report/model.ts';
import type { DB } from '../../db/schema.ts';
import { evaluateMetric, drillDown } from '../metrics/metrics.service.ts';
import { appealChipOrders, isAppealMetric } from './report-appeals.ts';
import { chipCatalogue, previewChip } from './report-chips.ts';
import { metricQueryOf } from './report-facts.ts';
import { getReport, readable } from './report.service.ts';
import { canWriteReport } from './reports.policy.ts';

type Db = Kysely<DB>;

/**
 * The records behind one number of the report (its n-th chip in reading order): the metric's
 * drill-down, run as the caller, so nobody opens a record their own scope would not show them.
 */
export async function chipRecords(
  db: Db,
  actor: Actor,
  townId: string,
  id: string,
  index: number,
  page: { cursor?: string; limit: number },
) {
  const report = await getReport(db, actor, townId, id);
  const chip = allChips(report.document)[index];
  if (!chip) throw new NotFound('报告中的数字');
  if (isAppealMetric(chip.metricId)) {
    const orders = await appealChipOrders(db, actor, townId, chip.metricId, chip.params, page);
    return {
      chip,
      metric: { ...orders.metric, value: chip.value },
      items: orders.items.map((o) => ({ ...o, occurredOn: o.receivedOn })),
      nextCursor: orders.nextCursor,
    };
  }
  const query = metricQueryOf(chip.params);
  const metric = await evaluateMetric(db, actor, townId, chip.metricId, query);
  const records = await drillDown(db, actor, townId, chip.metricId, { ...query, ...page });
  return {
    chip,
    metric: { ...metric.metric, value: metric.display },
    items: records.items,
    nextCursor: records.nextCursor,
  };
}

/** The 插入数据 picker's choices for a report its caller may edit. */
export async function chipOptions(db: Db, actor: Actor, townId: string, id: string) {
  const report = await readable(db, actor, townId, id);
  if (!canWriteReport(actor, townId, report.personId))
    throw new Forbidden('只能修改本人的述职报告');
  return chipCatalogue(db, actor, townId, report);
}

/** A chip ready to insert: the metric over the report's own scope and the chosen period, valued now. */
export async function chipPreview(
  db: Db,
  actor: Actor,
  townId: string,
  id: string,
  input: { metricId: string; from: string; to: string },
) {
  const report = await readable(db, actor, townId, id);
  if (!canWriteReport(actor, townId, report.personId))
    throw new Forbidden('只能修改本人的述职报告');
  return previewChip(db, actor, townId, report, input);
}
