import { describe, expect, it } from 'vitest';
import { makeBlocker, makeUpdate } from '../../test/fixtures';
import { toBlockerTimeline } from './blocker-timeline';

const ref = (id: string) => ({ id, text: id, category: 'data' as const, status: 'open' as const });

describe('toBlockerTimeline', () => {
  it('is empty without blockers or updates', () => {
    expect(toBlockerTimeline([], [])).toEqual({ weeks: [], rows: [] });
  });

  it('spans the weeks from first to last seen, as half-open week indexes', () => {
    const updates = [
      makeUpdate({ week: '2026-W42', blockers: [ref('b1')] }),
      makeUpdate({ week: '2026-W41', blockers: [] }),
      makeUpdate({ week: '2026-W40', blockers: [ref('b1')] }),
    ];
    const timeline = toBlockerTimeline([makeBlocker({ id: 'b1', firstSeenWeek: '2026-W40', lastSeenWeek: '2026-W42' })], updates);
    expect(timeline.weeks).toEqual(['2026-W40', '2026-W41', '2026-W42']);
    expect(timeline.rows[0]).toMatchObject({ id: 'b1', span: [0, 3], reportedWeeks: ['2026-W40', '2026-W42'] });
  });

  it('widens the week axis to blockers seen outside the loaded updates', () => {
    const timeline = toBlockerTimeline(
      [makeBlocker({ id: 'old', firstSeenWeek: '2026-W30', lastSeenWeek: '2026-W31', status: 'resolved' })],
      [makeUpdate({ week: '2026-W33' })],
    );
    expect(timeline.weeks[0]).toBe('2026-W30');
    expect(timeline.weeks.at(-1)).toBe('2026-W33');
    expect(timeline.rows[0]).toMatchObject({ span: [0, 2], status: 'resolved', reportedWeeks: [] });
  });

  it('gives a one-week blocker a one-week bar', () => {
    const timeline = toBlockerTimeline([makeBlocker({ firstSeenWeek: '2026-W40', lastSeenWeek: '2026-W40' })], [makeUpdate({ week: '2026-W41' })]);
    expect(timeline.rows[0].span).toEqual([0, 1]);
  });

  it('orders rows by when they were first seen', () => {
    const timeline = toBlockerTimeline(
      [
        makeBlocker({ id: 'late', text: 'Late', firstSeenWeek: '2026-W41', lastSeenWeek: '2026-W41' }),
        makeBlocker({ id: 'early', text: 'Early', firstSeenWeek: '2026-W39', lastSeenWeek: '2026-W41' }),
      ],
      [],
    );
    expect(timeline.rows.map((row) => row.id)).toEqual(['early', 'late']);
    expect(timeline.rows[1].span).toEqual([2, 3]);
  });
});
