import { describe, expect, it } from 'vitest';
import { toTimelinePosition } from './timeline-position';

const pilot = { startDate: '2026-01-31', complexity: 'typical' as const, stage: 'piloting' as const, stageEnteredAt: '2026-01-31T00:00:00Z' };

describe('toTimelinePosition', () => {
  it('reads the expected window from COMPLEXITY_MONTHS', () => {
    const position = toTimelinePosition(pilot, new Date('2026-03-15T12:00:00Z'));
    expect(position).toMatchObject({ min: 4, max: 6, status: 'before_window', stopped: false });
    expect(position.monthsElapsed).toBeCloseTo(1.5, 1);
  });

  it('is in the window between the bounds and on the deadline day itself', () => {
    expect(toTimelinePosition(pilot, new Date('2026-06-15T00:00:00Z')).status).toBe('in_window');
    // Jan 31 + 6 months clamps to Jul 31.
    const onDeadline = toTimelinePosition(pilot, new Date('2026-07-31T23:00:00Z'));
    expect(onDeadline).toMatchObject({ status: 'in_window', deadline: '2026-07-31', monthsElapsed: 6 });
  });

  it('is past the window the day after the deadline', () => {
    expect(toTimelinePosition(pilot, new Date('2026-08-01T00:00:00Z')).status).toBe('past_window');
  });

  it('stops the clock when the pilot closed', () => {
    const position = toTimelinePosition(
      { ...pilot, complexity: 'best', stage: 'production', stageEnteredAt: '2026-04-30T10:00:00Z' },
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(position).toMatchObject({ stopped: true, status: 'in_window', monthsElapsed: 3, min: 2, max: 3 });
  });

  it('never goes negative for a future start', () => {
    expect(toTimelinePosition(pilot, new Date('2025-12-01T00:00:00Z')).monthsElapsed).toBe(0);
  });
});
