import { afterAll, describe, expect, it } from 'vitest';
import { fromTownWallClock, townToday, townWallClock } from './time.ts';

// The pickers work in the PC's zone; these helpers must make them read and write Beijing time
// wherever the PC is (process.env.TZ is re-read by Node on assignment).
const saved = process.env.TZ;
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe.each(['America/New_York', 'UTC', 'Asia/Shanghai'])('pickers under TZ=%s', (tz) => {
  it('shows and reads the town wall clock', () => {
    process.env.TZ = tz;
    const picked = townWallClock('2025-12-16T09:30:00Z'); // 17:30 in Beijing
    expect(picked.format('YYYY-MM-DD HH:mm')).toBe('2025-12-16 17:30');
    expect(fromTownWallClock(picked)).toBe('2025-12-16T09:30:00.000Z');
    expect(fromTownWallClock(picked.add(2, 'day').hour(8).minute(0))).toBe(
      '2025-12-18T00:00:00.000Z',
    );
  });

  it("takes today from the town's clock", () => {
    process.env.TZ = tz;
    // 23:00 UTC on 31 Dec is already New Year's Day in Beijing.
    expect(townToday(new Date('2025-12-31T23:00:00Z')).format('YYYY-MM-DD')).toBe('2026-01-01');
  });
});
