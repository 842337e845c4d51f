/** The town at a glance for the 工作台: its counts, the positions held today and the portfolios. */
import { useEffect, useState } from 'react';
import { todayKey } from '../../lib/time.ts';
import { allPeople, orgApi, type Portfolio, type Position } from '../../api/org.ts';
import { useApiErrorHandler } from '../../api/errors.ts';

export interface TownCounts {
  units: number;
  villages: number;
  people: number;
  positions: number;
}

export interface TownOverview {
  /** null until loaded. */
  counts: TownCounts | null;
  positions: Position[];
  portfolios: Portfolio[];
}

export function useTownOverview(townId: string): TownOverview {
  const onError = useApiErrorHandler();
  const [counts, setCounts] = useState<TownCounts | null>(null);
  const [positions, setPositions] = useState<Position[]>([]);
  const [portfolios, setPortfolios] = useState<Portfolio[]>([]);

  useEffect(() => {
    const ctrl = new AbortController();
    const today = todayKey();
    Promise.all([
      orgApi.units(townId),
      allPeople(townId, ctrl.signal),
      orgApi.positions(townId, { activeOn: today }),
      orgApi.portfolios(),
    ])
      .then(([units, people, pos, pf]) => {
        setCounts({
          units: units.length,
          villages: units.filter((u) => u.kind === 'village').length,
          people: people.length,
          positions: pos.length,
        });
        setPositions(pos);
        setPortfolios(pf);
      })
      .catch(onError);
    return () => ctrl.abort();
  }, [townId, onError]);

  return { counts, positions, portfolios };
}
