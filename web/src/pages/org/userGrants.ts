/** Which towns an admin may name in a user's grants, and how a grant reads in the list. */
import type { Grant } from '../../api/auth.ts';
import type { Town } from '../../api/org.ts';

/**
 * Towns of the current town's county that this admin administers (a county supervisor's grants
 * may name several), the current town first.
 */
export function grantTownOptions(
  towns: readonly Town[],
  townId: string,
  myGrants: readonly Grant[],
) {
  const countyId = towns.find((t) => t.id === townId)?.countyId;
  const administered = new Set(myGrants.filter((g) => g.role === 'admin').map((g) => g.townId));
  return towns
    .filter((t) => t.countyId === countyId && administered.has(t.id))
    .sort((a, b) => Number(b.id === townId) - Number(a.id === townId))
    .map((t) => ({ value: t.id, label: t.name }));
}
