/**
 * 重点工作 of a draft: the year's most significant records of each area cited — ranked by the
 * fields its ledger type declares (level, reach, money) — described as work done with the type's
 * deed pattern: when (month), where and what (the record's own values) and how many (a chip over
 * that one record, so the figure stays live and its drill-down opens the record).
 */
import type { Kysely } from 'kysely';
import { deedParts, type LedgerDeed } from '../../core/ledger/deed.ts';
import type { LedgerField, LedgerType } from '../../core/ledger/type.ts';
import { displayValue } from '../../core/metrics/result.ts';
import type { AreaFacts, Deed, MetricResult } from '../../core/report/compose.ts';
import { PLACEHOLDER_RE } from '../../core/report/parse.ts';
import type { DB } from '../../db/schema.ts';
import type { MetricContext } from '../metrics/metrics.service.ts';
import { deedFor, resultOf } from './report-areas.ts';
import type { ChipParams } from './report-engine.ts';
import {
  namesOf,
  topRecords,
  type RankField,
  type TopRecord,
} from './report-records.repository.ts';

type Db = Kysely<DB>;

/** Deeds per area, and records read to find them (the best, then others unlike them). */
const DEEDS_PER_AREA = 4;
const RECORDS_READ = 14;

function rankFields(t: LedgerType, deed: LedgerDeed): RankField[] {
  return deed.rank.flatMap((key): RankField[] => {
    const f = t.fields.find((x) => x.key === key);
    if (f?.type === 'enum') return [{ key, kind: 'enum', options: f.options.map((o) => o.code) }];
    return f ? [{ key, kind: 'number' }] : [];
  });
}

const usable = (v: unknown): v is string =>
  typeof v === 'string' && v.trim() !== '' && !new RegExp(PLACEHOLDER_RE.source, 'u').test(v);

function fieldText(f: LedgerField, v: unknown, names: Map<string, string>): string | null {
  if (f.type === 'enum') {
    if (v === 'other') return null; // "开展其他" says nothing
    return f.options.find((o) => o.code === v)?.label ?? null;
  }
  if (f.type === 'unit' || f.type === 'person')
    return typeof v === 'string' ? (names.get(v) ?? null) : null;
  if (usable(v)) return v.trim().replace(/[“”]/gu, '').slice(0, 40);
  return null;
}

/** The record worded by the pattern, or null when a slot has nothing to say. */
function word(
  t: LedgerType,
  deed: LedgerDeed,
  rec: TopRecord,
  names: Map<string, string>,
  period: ChipParams,
): { pieces: Array<string | MetricResult>; values: string[] } | null {
  const pieces: Array<string | MetricResult> = [];
  const values: string[] = [];
  for (const part of deedParts(deed.pattern)) {
    if (typeof part === 'string') pieces.push(part);
    else if (part.kind === 'month') pieces.push(String(Number(rec.occurredOn.slice(5, 7))));
    else if (part.kind === 'field') {
      const f = t.fields.find((x) => x.key === part.key);
      const v = f && fieldText(f, rec.data[part.key], names);
      if (!v) return null;
      pieces.push(v);
      if (f.type === 'text') values.push(v);
    } else {
      const m = t.metrics.find((x) => x.id === `ledger.${t.code}.${part.slug}`);
      const agg = m?.aggregation;
      const raw = agg?.fn === 'sum' ? Number(rec.data[agg.field]) : NaN;
      if (!m || !Number.isFinite(raw) || raw <= 0) return null;
      const params = { from: period.from, to: period.to, recordId: rec.id };
      const value = displayValue(m, raw);
      pieces.push(resultOf(m, value, params));
      values.push(`#${value}`);
    }
  }
  return { pieces, values };
}

/** Adds each area's deeds (at most one or two records, the most significant of the year). */
export async function attachDeeds(
  db: Db,
  ctx: MetricContext,
  portfolio: string,
  areas: AreaFacts[],
  period: ChipParams,
): Promise<void> {
  for (const area of areas) {
    const type = ctx.types.find((t) => t.code === area.code);
    const deed = type && deedFor(type);
    if (!type || !deed) continue;
    const scope = (await ctx.params(type, period)).scope ?? {};
    const records = await topRecords(db, {
      townId: ctx.townId,
      typeCode: type.code,
      from: period.from,
      to: period.to,
      unitIds: scope.unitIds,
      personId: scope.personId,
      rank: rankFields(type, deed),
      onlyOptions: deed.onlyOptions,
      when: deed.when,
      limit: RECORDS_READ,
    });
    const ids = records.flatMap((r) =>
      type.fields
        .filter((f) => f.type === 'unit' || f.type === 'person')
        .map((f) => r.data[f.key])
        .filter((v): v is string => typeof v === 'string'),
    );
    const names = await namesOf(db, ctx.townId, [...new Set(ids)]);
    const deeds: Deed[] = [];
    const seen = new Set<string>();
    for (const rec of records) {
      if (deeds.length >= DEEDS_PER_AREA) break;
      const worded = word(type, deed, rec, names, period);
      if (!worded) continue;
      // Two deeds of one place, month, title or size read as the same event told twice.
      const marks = [rec.unitId ?? '', rec.occurredOn.slice(0, 7), ...worded.values].filter(
        Boolean,
      );
      if (marks.some((m) => seen.has(m))) continue;
      marks.forEach((m) => seen.add(m));
      deeds.push({ portfolio, area: area.code, date: rec.occurredOn, pieces: worded.pieces });
    }
    area.deeds = deeds;
  }
}
