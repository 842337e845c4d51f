/**
 * 本单位承担的业务 — the portfolios a unit carries. The server lists them on every unit
 * (`Unit.portfolios`) and accepts them on create/update, so the unit form saves the unit and
 * what it carries in one request (one version, one audit entry). Staff of the unit keep the
 * ledger types of these portfolios, town-wide.
 */
import type { Unit } from '../../api/org.ts';

/** Portfolio names of a unit, in catalogue order, for tags and read-only display. */
export function portfolioNames(
  unit: Pick<Unit, 'portfolios'>,
  catalogue: { code: string; name: string }[] | undefined,
): string[] {
  const codes = new Set(unit.portfolios ?? []);
  return (catalogue ?? []).filter((p) => codes.has(p.code)).map((p) => p.name);
}
