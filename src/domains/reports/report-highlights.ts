/**
 * 重点工作 of a draft: per portfolio, a recent record of each ledger counted in its paragraph that
 * has a title-like field, read through the metric's own drill-down (so it is one of the records
 * the cited number counts), a small page at a time.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { LedgerType } from '../../core/ledger/type.ts';
import type { HighlightRecord, MetricResult } from '../../core/report/compose.ts';
import { PLACEHOLDER_RE } from '../../core/report/parse.ts';
import type { DB } from '../../db/schema.ts';
import {
  drillDown,
  listMetrics,
  type MetricContext,
  type MetricQuery,
} from '../metrics/metrics.service.ts';

type Db = Kysely<DB>;
type MetricInfo = Awaited<ReturnType<typeof listMetrics>>[number];

const HIGHLIGHTS_PER_PORTFOLIO = 2;

/**
 * Fields that name a piece of work. Not `name` or any other text: in many ledgers those hold a
 * resident's or party member's name, which a report must not quote as a "highlight".
 */
const TITLE_KEYS = ['title', 'topic', 'theme', 'subject', 'activity', 'matter'];

function titleField(t: LedgerType): string | undefined {
  return t.fields.find((f) => f.type === 'text' && !f.removed && TITLE_KEYS.includes(f.key))?.key;
}

/**
 * A highlight is one record, so a drill-down page of a few rows is enough (it used to be fifty, whose
 * jsonb data was most of a draft's cost). The year's last quarter is read first — the freshest
 * memory of the year — and the whole year only when nothing was recorded then.
 */
const HIGHLIGHT_ROWS = 5;

function highlightWindows(params: MetricQuery): MetricQuery[] {
  const lastQuarter = `${params.to.slice(0, 4)}-10-01`;
  return lastQuarter > params.from && lastQuarter <= params.to
    ? [{ ...params, from: lastQuarter }, params]
    : [params];
}

const usableTitle = (v: unknown): v is string =>
  typeof v === 'string' && v.trim() !== '' && !new RegExp(PLACEHOLDER_RE.source, 'u').test(v);

/** Up to two highlights of one portfolio, from the drill-downs of the plain counts it cites (`params`: their period and scope). */
export async function highlightsFor(
  db: Db,
  ctx: MetricContext,
  actor: Actor,
  code: string,
  counted: readonly MetricResult[],
  infos: readonly MetricInfo[],
  params: MetricQuery,
): Promise<HighlightRecord[]> {
  const out: HighlightRecord[] = [];
  for (const r of counted) {
    if (out.length >= HIGHLIGHTS_PER_PORTFOLIO) break;
    const info = infos.find((m) => m.id === r.metricId);
    const type = ctx.types.find((t) => t.code === info?.typeCode);
    const key = type && titleField(type);
    if (!key || !r.value || info?.aggregation !== 'count' || info.filters.length > 0) continue;
    for (const window of highlightWindows(params)) {
      const page = await drillDown(
        db,
        actor,
        ctx.townId,
        r.metricId,
        { ...window, limit: HIGHLIGHT_ROWS },
        ctx,
      );
      // The latest of the rows read; one per ledger type.
      const rec = [...page.items].reverse().find((i) => usableTitle(i.data[key]));
      if (!rec) continue;
      out.push({
        title: String(rec.data[key]).slice(0, 40),
        date: rec.occurredOn,
        portfolio: code,
      });
      break;
    }
  }
  return out;
}
