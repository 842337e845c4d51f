/**
 * What evaluating metrics for one caller in one town needs, resolved once per request: the
 * town's current ledger types, the caller's record scope, the source registry, the metric
 * index and the unit subtrees asked for. A report or a dashboard evaluates dozens of metrics;
 * resolving these per metric was most of their cost (docs/performance.md, 台账).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { NotFound } from '../../core/errors.ts';
import type { LedgerType } from '../../core/ledger/type.ts';
import type { EvaluationParams } from '../../db/metrics/compile.ts';
import type { MetricDeclaration } from '../../core/metrics/declaration.ts';
import {
  createSourceRegistry,
  ledgerSource,
  type SourceDescriptor,
  type SourceRegistry,
} from '../../db/metrics/source.ts';
import {
  PARTY_MEETING_GAP,
  PARTY_METRIC_TABLE,
  partyMetricTypes,
} from '../../core/party/metric-sources.ts';
import { todayKey } from '../../core/calendar/display.ts';
import { meetingGapSourceFrom } from '../../db/party-meeting-gaps.ts';
import type { DB } from '../../db/schema.ts';
import {
  currentTypes,
  recordScope,
  typeVisible,
  type RecordScope,
} from '../ledgers/ledger-access.service.ts';
import { unitSubtree } from '../org/org.service.ts';

type Db = Kysely<DB>;

/**
 * Party work's sources (core/party/metric-sources.ts): ledger-shaped rows of a view, and the
 * missing meetings computed as of the evaluation's day (db/party-meeting-gaps.ts).
 */
const derivedSources = new Map<string, SourceDescriptor>(
  partyMetricTypes.map((t) => [
    t.code,
    {
      ...ledgerSource(t),
      table: t.code === PARTY_MEETING_GAP ? meetingGapSourceFrom : PARTY_METRIC_TABLE,
    },
  ]),
);

/** The ledger registry, with the derived sources resolved to their view. */
function registryOf(types: readonly LedgerType[]): SourceRegistry {
  const base = createSourceRegistry(types);
  return {
    register: (kind, resolver) => base.register(kind, resolver),
    resolve: (source) =>
      (source.kind === 'ledger' ? derivedSources.get(source.typeCode) : undefined) ??
      base.resolve(source),
  };
}

export interface MetricQuery {
  from: string;
  to: string;
  unitId?: string;
  personId?: string;
  /** One record only (a duty report's deed figure). */
  recordId?: string;
  groupBy?: string;
}

export interface ResolvedMetric {
  type: LedgerType;
  metric: MetricDeclaration;
}

/** One caller's view of the town's metrics; build it once per request with metricContext(). */
export interface MetricContext {
  townId: string;
  types: LedgerType[];
  scope: RecordScope;
  registry: SourceRegistry;
  /** The visible metric with this id; NotFound (not Forbidden) for one out of sight. */
  find(metricId: string): ResolvedMetric;
  /** Whether `find` would succeed. */
  has(metricId: string): boolean;
  /** Compiler parameters for metrics of `type` under this caller's scope. */
  params(type: LedgerType, q: MetricQuery): Promise<EvaluationParams>;
}

/**
 * Whole-type readers (leaders, supervisors, the type's portfolio leader, staff of a unit that
 * carries the type's portfolio) get the scope they ask for; for the other types a reader sees
 * (village cadres; staff of a unit without portfolios; the types a staff unit already keeps) the
 * metric is narrowed to their own subtrees — a metric never counts a record its reader could not
 * open from the drill-down. The scope (grants, unit portfolios, subtrees, kept types) is resolved
 * once here, in a few queries, however many metrics the request evaluates.
 */
export async function metricContext(db: Db, actor: Actor, townId: string): Promise<MetricContext> {
  // The town's ledger types, then party work's derived sources (never stored as ledger types).
  const types = [...(await currentTypes(db, townId)), ...partyMetricTypes];
  const scope = await recordScope(db, actor, townId, types, false);
  const index = new Map<string, ResolvedMetric>();
  for (const type of types) {
    if (!typeVisible(scope, type)) continue;
    for (const metric of type.metrics) index.set(metric.id, { type, metric });
  }
  const subtrees = new Map<string, Promise<string[]>>();
  const subtreeOf = (unitId: string) => {
    if (!subtrees.has(unitId)) subtrees.set(unitId, unitSubtree(db, townId, unitId));
    return subtrees.get(unitId)!;
  };
  return {
    townId,
    types,
    scope,
    registry: registryOf(types),
    find(metricId) {
      const found = index.get(metricId);
      if (!found) throw new NotFound('指标');
      return found;
    },
    has: (metricId) => index.has(metricId),
    async params(type, q) {
      let unitIds = q.unitId ? await subtreeOf(q.unitId) : undefined;
      let orPersonId: string | undefined;
      if (!scope.all && !scope.typeCodes.includes(type.code)) {
        const allowed = new Set(scope.unitIds);
        // Without a unit asked for, the reader's own records outside their subtree count too,
        // exactly as the record list shows them (ledgers.policy.ts recordInScope).
        if (!q.unitId && scope.personId) orPersonId = scope.personId;
        unitIds = (unitIds ?? scope.unitIds).filter((id) => allowed.has(id));
      }
      return {
        townIds: [townId],
        period: { from: q.from, to: q.to },
        scope: { unitIds, personId: q.personId, orPersonId, recordId: q.recordId },
        groupBy: q.groupBy,
        // Figures that depend on the day (missing meetings) are judged on the town's today.
        asOf: todayKey(),
      };
    },
  };
}
