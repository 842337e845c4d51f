/**
 * Metrics (指标) of one town (`/api/v1/towns/{townId}/metrics`): the declarations the caller may
 * use, one metric's value over a period and scope (with optional groups), and the paged records
 * behind that value. The UI shows these numbers as given. Types come from the OpenAPI document.
 */
import { api, type QueryParams, type Schemas } from './client.ts';

export type MetricInfo = Schemas['Metric'];
export type MetricValue = Schemas['MetricValue'];
export type MetricCell = Pick<MetricValue, 'value' | 'display' | 'numerator' | 'denominator'>;
export type DrillItem = Schemas['MetricDrillDownItem'];
export type MetricQuery = QueryParams<'/api/v1/towns/{townId}/metrics/{metricId}', 'get'>;

export const metricsApi = {
  list: (townId: string, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/metrics', { params: { path: { townId } }, signal }),
  evaluate: (townId: string, metricId: string, query: MetricQuery, signal?: AbortSignal) =>
    api.GET('/api/v1/towns/{townId}/metrics/{metricId}', {
      params: { path: { townId, metricId }, query },
      signal,
    }),
  records: (
    townId: string,
    metricId: string,
    query: QueryParams<'/api/v1/towns/{townId}/metrics/{metricId}/records', 'get'>,
    signal?: AbortSignal,
  ) =>
    api.GET('/api/v1/towns/{townId}/metrics/{metricId}/records', {
      params: { path: { townId, metricId }, query },
      signal,
    }),
};
