import { ctx, history, updatesEndingAt } from '../testing/history-builder';
import { confidenceDecline, confidenceSlope } from './confidence-decline';

/** Confidences in consecutive weeks ending 2026-W23; null = no update that week. */
const series = (values: (number | null)[]) => updatesEndingAt('2026-W23', values.map((v) => (v === null ? null : { confidence: v })));

describe('confidence_decline', () => {
  it.each([
    // name, confidences (oldest first), expected slope, expected fires
    ['steady', [4, 4, 4, 4, 4, 4], 0, false],
    ['rising', [2, 3, 3, 4, 4, 5], 0.543, false],
    ['one step down at the end: -0.143 (just above)', [5, 5, 5, 5, 5, 4], -0.143, false],
    ['one step down mid-way: -0.257', [4, 4, 4, 3, 3, 3], -0.257, true],
    ['collapse', [5, 4, 4, 3, 2, 1], -0.771, true],
    ['only the last 6 count', [1, 1, 1, 4, 4, 4, 4, 4, 4], 0, false],
  ])('%s', (_name, values, slope, fires) => {
    const [result] = confidenceDecline(history({ updates: series(values) }), ctx());
    expect(result.evidence.slopePerWeek).toBeCloseTo(slope, 3);
    expect(result.fires).toBe(fires);
  });

  it('measures x in ISO weeks, so gaps flatten the slope', () => {
    // Same six values: consecutive weeks give -0.257; spread over 11 weeks the drop is slower.
    const gappy = series([4, null, 4, null, 4, null, 3, null, 3, null, 3]);
    expect(confidenceSlope(gappy)).toBeCloseTo(-0.129, 3);
    expect(confidenceDecline(history({ updates: gappy }), ctx())[0].fires).toBe(false);
  });

  // x = 0, 1, 2, 3, 4, 8 and y = 5, 5, 5, 5, 4, 4 give a slope of exactly -36/240 = -0.15.
  const boundary = series([5, 5, 5, 5, 4, null, null, null, 4]);
  it.each([
    ['exactly at the threshold does not fire', -0.15, false],
    ['a threshold one step above fires', -0.14, true],
  ])('boundary: %s', (_name, confidenceSlopePerWeek, fires) => {
    expect(confidenceSlope(boundary)).toBe(-0.15);
    expect(confidenceDecline(history({ updates: boundary }), ctx({ confidenceSlopePerWeek }))[0].fires).toBe(fires);
  });

  it.each([
    [6, 5, false], // one update short of the window: no verdict even on a collapse
    [6, 6, true],
    [3, 3, true],
  ])('window K=%i with %i collapsing updates -> %s', (confidenceWindowUpdates, count, fires) => {
    const values = [5, 4, 3, 2, 1, 1].slice(0, count);
    const [result] = confidenceDecline(history({ updates: series(values) }), ctx({ confidenceWindowUpdates }));
    expect(result.fires).toBe(fires);
  });

  it.each([
    ['piloting', true],
    ['scaling', true],
    ['proposed', false],
    ['paused', false],
    ['production', false],
  ] as const)('in %s -> %s', (stage, fires) => {
    const [result] = confidenceDecline(history({ pilot: { stage }, updates: series([5, 4, 4, 3, 2, 1]) }), ctx());
    expect(result.fires).toBe(fires);
  });

  it('names the fall and the slope', () => {
    const [result] = confidenceDecline(history({ updates: series([5, 4, 4, 3, 2, 1]) }), ctx());
    expect(result.summary).toBe('Confidence fell from 5 to 1 over the last 6 updates (-0.77 per week since 2026-W18).');
    expect(result.evidence).toMatchObject({ confidences: [5, 4, 4, 3, 2, 1], since: '2026-W18' });
  });
});

describe('confidence_decline since', () => {
  it.each([
    [[4, 4, 4, 3, 3, 3], '2026-04-27'], // window W18..W23
    [[5, 5, 5, 5, 4, 3, 2, 1, 1], '2026-04-27'], // only the fitted window: W18, not the first update
    [[4, 4, 4, 4, 4, 4], undefined],
  ])('%p -> %s', (values, since) => {
    expect(confidenceDecline(history({ updates: series(values) }), ctx())[0].since).toBe(since);
  });
});
