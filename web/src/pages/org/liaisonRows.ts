/** The rows of the 包联村 page: every village with its liaisons, and who may be a liaison. */
import type { Position, Unit, VillageLiaison } from '../../api/org.ts';

export interface LiaisonRow {
  village: Unit;
  liaisons: VillageLiaison[];
}

/** Villages in their tree order; liaisons that ended before `today` only with `showEnded`. */
export function liaisonRows(
  units: readonly Unit[],
  liaisons: readonly VillageLiaison[],
  showEnded: boolean,
  today: string,
): LiaisonRow[] {
  return units
    .filter((u) => u.kind === 'village')
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((village) => ({
      village,
      liaisons: liaisons.filter(
        (l) => l.villageId === village.id && (showEnded || !l.endsOn || l.endsOn >= today),
      ),
    }));
}

/** Liaisons are town leaders: people holding a 班子 position now, once each, with the title. */
export function leaderOptions(positions: readonly Position[]) {
  const seen = new Map<string, string>();
  for (const p of positions)
    if (p.leadership && !seen.has(p.personId))
      seen.set(p.personId, `${p.personName}（${p.title}）`);
  return [...seen].map(([value, label]) => ({ value, label }));
}
