/**
 * 本单位承担的业务 — the portfolios a unit carries. The server lists them on every unit
 * (`Unit.portfolios`) and accepts them on create/update, so the unit form saves the unit and
 * what it carries in one request (one version, one audit entry). Staff of the unit keep the
 * ledger types of these portfolios, town-wide.
 */
import { api } from '../../api/client.ts';
import type { Unit, UnitInput } from '../../api/org.ts';

export type CarryingUnit = Unit & { portfolios?: string[] };
export type CarryingUnitInput = UnitInput & { portfolios: string[] };

const units = (townId: string) => `/api/v1/towns/${encodeURIComponent(townId)}/units`;

export const unitWrites = {
  create: (townId: string, input: CarryingUnitInput) =>
    api.post<CarryingUnit>(units(townId), input),
  update: (townId: string, id: string, input: CarryingUnitInput & { version: number }) =>
    api.patch<CarryingUnit>(`${units(townId)}/${id}`, input),
};

/** Portfolio names of a unit, in catalogue order, for tags and read-only display. */
export function portfolioNames(
  unit: CarryingUnit,
  catalogue: { code: string; name: string }[] | undefined,
): string[] {
  const codes = new Set(unit.portfolios ?? []);
  return (catalogue ?? []).filter((p) => codes.has(p.code)).map((p) => p.name);
}
