/** The position form's values: dates as dayjs for the pickers; trimmed and nulled on save. */
import dayjs, { type Dayjs } from 'dayjs';
import type { Position, PositionInput } from '../../api/org.ts';
import { townToday } from '../../lib/time.ts';

export interface PositionValues extends Omit<PositionInput, 'startsOn' | 'endsOn'> {
  startsOn: Dayjs;
  endsOn: Dayjs | null;
}

/** A new position starts today, holds no portfolio and is open-ended. */
export function initialPositionValues(position: Position | null): Partial<PositionValues> {
  return position
    ? {
        ...position,
        startsOn: dayjs(position.startsOn),
        endsOn: position.endsOn ? dayjs(position.endsOn) : null,
      }
    : { leadership: false, portfolios: [], startsOn: townToday(), endsOn: null };
}

export function positionInput(v: PositionValues): PositionInput {
  return {
    personId: v.personId,
    unitId: v.unitId,
    title: v.title.trim(),
    leadership: !!v.leadership,
    portfolios: v.portfolios ?? [],
    startsOn: v.startsOn.format('YYYY-MM-DD'),
    endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
  };
}
