/**
 * The state of the 指标 page, kept in the URL (metric, period, scope, breakdown field) so a view
 * can be shared, and the server's answers for it: the value, the groups by the chosen field.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { currentYear } from '../../lib/time.ts';
import { ledgersApi } from '../../api/ledgers.ts';
import { metricsApi, type MetricInfo, type MetricQuery } from '../../api/metrics.ts';
import { useLoader } from '../../api/useLoader.ts';
import { liveFields } from '../ledgers/fieldFormat.ts';
import type { MetricScope } from './metricChoices.ts';

const BREAKDOWN_TYPES = ['enum', 'unit', 'person', 'boolean'];

/** The URL's choices, with this year and the whole town by default. */
function useMetricParams() {
  const [params, setParams] = useSearchParams();
  const scope = (params.get('scope') as MetricScope | null) ?? 'town';
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return {
    metricId: params.get('metric') ?? '',
    from: params.get('from') ?? `${currentYear()}-01-01`,
    to: params.get('to') ?? `${currentYear()}-12-31`,
    scope,
    unitId: scope === 'unit' ? (params.get('unitId') ?? undefined) : undefined,
    personId: scope === 'person' ? (params.get('personId') ?? undefined) : undefined,
    groupByParam: params.get('groupBy') ?? undefined,
    update,
  };
}

export function useMetricView(townId: string, metrics: MetricInfo[] | undefined) {
  const p = useMetricParams();
  const metric = metrics?.find((m) => m.id === p.metricId);
  const type = useLoader(
    (signal) =>
      metric ? ledgersApi.type(townId, metric.typeCode, signal) : Promise.resolve(undefined),
    [townId, metric?.typeCode],
  );
  const fields = useMemo(() => liveFields(type.data), [type.data]);
  const groupBy = p.groupByParam ?? metric?.groupBy ?? type.data?.unitField ?? undefined;
  const { from, to, unitId, personId } = p;
  const base = useMemo<MetricQuery>(
    () => ({ from, to, unitId, personId }),
    [from, to, unitId, personId],
  );
  const drillQuery = useMemo<MetricQuery>(() => ({ ...base, groupBy }), [base, groupBy]);
  const value = useLoader(
    (signal) =>
      metric ? metricsApi.evaluate(townId, metric.id, base, signal) : Promise.resolve(undefined),
    [townId, metric, base],
  );
  // A metric grouped by its own declaration answers its groups with the value itself.
  const regroup = !!metric && !!groupBy && groupBy !== metric.groupBy;
  const grouped = useLoader(
    (signal) =>
      regroup && metric
        ? metricsApi.evaluate(townId, metric.id, drillQuery, signal)
        : Promise.resolve(undefined),
    [townId, metric, drillQuery],
  );
  return {
    ...p,
    metric,
    type: type.data,
    fields,
    breakdownOptions: fields
      .filter((f) => BREAKDOWN_TYPES.includes(f.type))
      .map((f) => ({ value: f.key, label: f.label })),
    groupBy,
    groupField: fields.find((f) => f.key === groupBy),
    drillQuery,
    value,
    groups: (regroup ? grouped.data?.groups : value.data?.groups) ?? null,
    groupsLoading: grouped.loading || value.loading,
  };
}
