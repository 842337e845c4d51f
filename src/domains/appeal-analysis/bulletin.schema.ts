/**
 * Response shapes of 分析通报 and the county ranking: the figures (each with its metric reference
 * so the UI can drill down), the composed document, issued bulletins and the drill-down orders.
 */
import { z } from '@hono/zod-openapi';
import { reportDocumentSchema } from '../../core/report/model.ts';

/** A figure of the bulletin: value and unit plus the metric and parameters it came from. */
const Figure = z.object({
  metricId: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  params: z.record(z.string(), z.unknown()),
});
const NamedFigure = Figure.extend({ name: z.string() });

export const BulletinData = z
  .object({
    townName: z.string(),
    scopeName: z.string().nullable(),
    periodLabel: z.string(),
    issuedOn: z.string(),
    totals: z.record(z.string(), Figure),
    composite: z.number().nullable(),
    byKind: z.array(NamedFigure),
    topCategories: z.array(NamedFigure),
    villages: z.array(z.object({ name: z.string(), received: Figure, satisfaction: Figure })),
    overdueOrders: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        unitName: z.string(),
        dueOn: z.string().nullable(),
      }),
    ),
    problems: z.array(
      z.object({
        title: z.string(),
        orderCount: z.number(),
        ownerName: z.string(),
        statusLabel: z.string(),
        dueOn: z.string().nullable(),
        overdue: z.boolean(),
      }),
    ),
    commitments: z.array(
      z.object({
        title: z.string(),
        promisedTo: z.string(),
        ownerName: z.string(),
        statusLabel: z.string(),
        dueOn: z.string(),
        overdue: z.boolean(),
      }),
    ),
    tables: z.array(
      z.object({
        title: z.string(),
        groupLabel: z.string(),
        columns: z.array(z.object({ metricId: z.string(), label: z.string() })),
        rows: z.array(z.object({ name: z.string(), cells: z.array(Figure) })),
      }),
    ),
  })
  .openapi('AppealBulletinData');

/** An order behind a bulletin figure. */
export const BulletinOrder = z
  .object({
    id: z.string(),
    code: z.string(),
    kind: z.string(),
    state: z.string(),
    title: z.string(),
    receivedOn: z.string(),
    unitId: z.string().nullable().optional(),
    villageId: z.string().nullable().optional(),
    nextDueAt: z.string().nullable().optional(),
    inNumerator: z.boolean().optional(),
    closedAt: z.string().nullable(),
    satisfaction: z.string().nullable().optional(),
  })
  .openapi('AppealBulletinOrder');

export const Bulletin = z
  .object({
    data: BulletinData,
    document: reportDocumentSchema,
    html: z.string(),
    overdueOrders: z.array(BulletinOrder),
    overdueNextCursor: z.string().nullable(),
    params: z.record(z.string(), z.unknown()),
  })
  .openapi('AppealBulletin');

/** 签发 — a bulletin as issued (numbered per town and year); its figures never change. */
export const IssuedSummary = z
  .object({
    id: z.string(),
    year: z.number(),
    number: z.number(),
    label: z.string(),
    title: z.string(),
    from: z.string(),
    to: z.string(),
    scopeKind: z.string(),
    scopeId: z.string().nullable(),
    scopeName: z.string().nullable(),
    asOf: z.string(),
    issuedByName: z.string(),
    issuedAt: z.string(),
  })
  .openapi('AppealBulletinIssued');
export const IssuedBulletin = IssuedSummary.extend({
  document: reportDocumentSchema,
  data: BulletinData,
  html: z.string(),
}).openapi('AppealBulletinIssuedDetail');

const RankingCell = z.object({
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
});
export const Ranking = z
  .object({
    sort: z.string(),
    items: z.array(
      z.object({
        townId: z.string(),
        townName: z.string(),
        received: z.number(),
        responseRate: RankingCell,
        resolutionRate: RankingCell,
        satisfactionRate: RankingCell,
        composite: z.number().nullable(),
        weights: z.object({
          response: z.number(),
          resolution: z.number(),
          satisfaction: z.number(),
        }),
        rank: z.number().nullable(),
      }),
    ),
  })
  .openapi('AppealRanking');
