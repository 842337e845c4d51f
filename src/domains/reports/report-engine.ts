/**
 * The reporting engine's identity and a chip's parameters: a draft's figures are read as the town
 * (a chip is a fact about its own scope, the same whoever opens the report; who may open the
 * report is decided before, by reports.policy), over the report year and the person's scope.
 */
import type { Actor } from '../../core/actor.ts';
import type { MetricQuery } from '../metrics/metrics.service.ts';
import { periodOf, type CountScope } from './report-subject.ts';

export function engineActor(townId: string): Actor {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    homeTownId: townId,
    username: 'report-engine',
    displayName: '述职报告',
    personId: null,
    grants: [{ role: 'leader', townId, unitId: null }],
    sessionId: '',
  };
}

/** Chip params: the period and the scope; everything the metrics service needs to recount. */
export interface ChipParams {
  from: string;
  to: string;
  unitId?: string;
  personId?: string;
  /** One record (a deed's figure). */
  recordId?: string;
}

export function chipParams(year: number, scope: CountScope): ChipParams {
  const p: ChipParams = { ...periodOf(year) };
  if (scope.kind === 'unit') p.unitId = scope.unitId;
  if (scope.kind === 'person') p.personId = scope.personId;
  return p;
}

/** Reads a stored chip's params back; anything else in them is ignored. */
export function metricQueryOf(params: Record<string, unknown>): MetricQuery {
  const str = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined);
  return {
    from: str('from') ?? '',
    to: str('to') ?? '',
    unitId: str('unitId'),
    personId: str('personId'),
    recordId: str('recordId'),
  };
}
