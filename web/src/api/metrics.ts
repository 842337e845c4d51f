/**
 * Types and calls for metrics (指标) of one town (`/api/v1/towns/{townId}/metrics`): the
 * declarations the caller may use, one metric's value over a period and scope (with optional
 * groups), and the paged records behind that value. The UI shows these numbers as given.
 */
import { api } from './client.ts';
import type { Page } from './org.ts';

export interface MetricInfo {
  id: string;
  label: string;
  unit: string;
  description: string | null;
  typeCode: string;
  typeName: string;
  portfolio: string;
  aggregation: 'count' | 'sum' | 'count_distinct' | 'rate' | string;
  groupBy: string | null;
}

export interface MetricCell {
  value: number | null;
  /** The value as reports show it (e.g. yuan sums declared in 万元). */
  display: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface MetricValue extends MetricCell {
  metric: MetricInfo;
  period: { from: string; to: string };
  scope: { unitId: string | null; personId: string | null };
  groups: (MetricCell & { key: string | null })[] | null;
}

export interface DrillItem {
  id: string;
  occurredOn: string;
  groupKey: string | null;
  measure: number | string | null;
  inNumerator: boolean | null;
  unitId: string | null;
  personId: string | null;
  data: Record<string, unknown>;
  version: number;
}

export interface MetricQuery {
  from?: string;
  to?: string;
  unitId?: string;
  personId?: string;
  groupBy?: string;
}

const base = (townId: string) => `/api/v1/towns/${townId}/metrics`;

export const metricsApi = {
  list: (townId: string, signal?: AbortSignal) =>
    api.get<{ items: MetricInfo[] }>(base(townId), undefined, signal),
  evaluate: (townId: string, id: string, q: MetricQuery, signal?: AbortSignal) =>
    api.get<MetricValue>(`${base(townId)}/${id}`, { ...q }, signal),
  records: (
    townId: string,
    id: string,
    q: MetricQuery & { cursor?: string; limit?: number },
    signal?: AbortSignal,
  ) => api.get<Page<DrillItem>>(`${base(townId)}/${id}/records`, { ...q }, signal),
};
