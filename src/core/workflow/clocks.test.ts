import { describe, expect, it } from 'vitest';
import { InvalidTransition } from '../errors.ts';
import { applyClocks, extendClock, ruleFor } from './clocks.ts';
import { kindByName } from './kinds/index.ts';
import type { AppealSnapshot } from './types.ts';
import { bj, calendar } from '../../testing/workflow.ts';

const hotline = kindByName('hotline')!;
const clock = (id: string) => hotline.clocks.find((c) => c.id === id)!;
const empty: AppealSnapshot = {
  state: 'registered',
  version: 1,
  urgency: 'urgent',
  counters: {},
  deadlines: {},
  assignment: {},
  fields: {},
};

describe('clocks', () => {
  it('picks the urgency rule or the default', () => {
    expect(ruleFor(clock('claim'), 'urgent')).toEqual({ amount: 2, unit: 'clock_hours' });
    expect(ruleFor(clock('claim'), 'general')).toEqual({ amount: 24, unit: 'clock_hours' });
    expect(ruleFor(clock('claim'))).toEqual({ amount: 24, unit: 'clock_hours' });
  });

  it('starts a clock on its starting action and stops it, late, on its stopping action', () => {
    const started = applyClocks(hotline, 'dispatch', empty, {
      at: bj('2025-09-30T09:00'),
      calendar,
    });
    expect(started.deadlines.claim).toMatchObject({
      dueAt: bj('2025-09-30T11:00'),
      stoppedAt: null,
    });
    const stopped = applyClocks(
      hotline,
      'claim',
      { ...empty, deadlines: started.deadlines },
      { at: bj('2025-09-30T12:00'), calendar },
    );
    expect(stopped.changes[0]).toMatchObject({ clock: 'claim', op: 'stop', onTime: false });
  });

  it('refuses to extend a clock that is not running', () => {
    const approve = hotline.transitions.find((t) => t.id === 'approve_extension')!;
    expect(() =>
      extendClock(
        hotline,
        approve,
        { deadlines: {}, changes: [], warnings: [] },
        { newDueDate: '2025-10-20' },
        { at: bj('2025-10-01T09:00'), calendar },
      ),
    ).toThrow(InvalidTransition);
  });
});
