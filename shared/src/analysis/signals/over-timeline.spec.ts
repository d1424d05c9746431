import { ctx, history } from '../testing/history-builder';
import { overTimeline, timelinePosition } from './over-timeline';

describe('over_timeline', () => {
  it.each([
    // complexity (upper bound), startDate, stage, expected fires (today is 2026-06-10)
    ['best', '2026-03-10', 'piloting', false], // exactly 3 months: on the deadline, not over it
    ['best', '2026-03-09', 'piloting', true], // one day over
    ['typical', '2025-12-10', 'piloting', false], // exactly 6 months
    ['typical', '2025-12-09', 'scaling', true],
    ['complex', '2025-06-10', 'piloting', false], // exactly 12 months
    ['complex', '2025-06-09', 'piloting', true],
    ['complex', '2026-01-01', 'piloting', false],
    ['typical', '2025-01-01', 'proposed', true],
    ['typical', '2025-01-01', 'paused', true],
    ['typical', '2025-01-01', 'production', false],
    ['typical', '2025-01-01', 'killed', false],
    ['typical', '2025-01-01', 'pivoted', false],
  ] as const)('%s complexity started %s, %s -> %s', (complexity, startDate, stage, fires) => {
    const results = overTimeline(history({ pilot: { complexity, startDate, stage } }), ctx());
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'over_timeline', fires });
  });

  it('reports months, bound, ratio and deadline', () => {
    const [result] = overTimeline(history({ pilot: { complexity: 'typical', startDate: '2025-09-01' } }), ctx());
    expect(result.summary).toBe(
      'Started 2025-09-01: 9 months in against a 6-month upper bound for typical complexity (1.56x, deadline 2026-03-01).',
    );
    expect(result.evidence).toMatchObject({ deadline: '2026-03-01', boundMonths: 6, monthsElapsed: 9, daysOver: 101, ratio: 1.56 });
  });

  it('measures the ratio in days against the bound', () => {
    const position = timelinePosition(history({ pilot: { complexity: 'best', startDate: '2026-03-10' } }), new Date('2026-06-10'));
    expect(position).toMatchObject({ deadline: '2026-06-10', elapsedDays: 92, boundDays: 92, ratio: 1 });
  });
});
