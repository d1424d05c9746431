import { describe, expect, it } from 'vitest';
import { makeUpdate } from '../../test/fixtures';
import { toConfidenceSeries } from './confidence-series';

describe('toConfidenceSeries', () => {
  it('is empty without updates', () => {
    expect(toConfidenceSeries([])).toEqual([]);
  });

  it('orders oldest first whatever order the API returns (newest first)', () => {
    const series = toConfidenceSeries([
      makeUpdate({ week: '2026-W40', confidence: 2, health: 'off_track' }),
      makeUpdate({ week: '2026-W39', confidence: 3, health: 'at_risk' }),
      makeUpdate({ week: '2026-W38', confidence: 4, health: 'on_track' }),
    ]);
    expect(series.map((p) => [p.week, p.confidence, p.healthScore])).toEqual([
      ['2026-W38', 4, 3],
      ['2026-W39', 3, 2],
      ['2026-W40', 2, 1],
    ]);
  });

  it('fills silent weeks with nulls so the line breaks', () => {
    const series = toConfidenceSeries([makeUpdate({ week: '2026-W41', confidence: 3 }), makeUpdate({ week: '2026-W38', confidence: 4 })]);
    expect(series.map((p) => p.week)).toEqual(['2026-W38', '2026-W39', '2026-W40', '2026-W41']);
    expect(series[1]).toEqual({
      week: '2026-W39',
      confidence: null,
      health: null,
      healthScore: null,
      activeUsers: null,
      activeUsersOutsideTeam: null,
    });
  });

  it('crosses the ISO year boundary, including 53-week years', () => {
    const series = toConfidenceSeries([makeUpdate({ week: '2026-W53' }), makeUpdate({ week: '2027-W01' })]);
    expect(series.map((p) => p.week)).toEqual(['2026-W53', '2027-W01']);
  });

  it('carries adoption numbers through', () => {
    const [point] = toConfidenceSeries([makeUpdate({ activeUsers: 40, activeUsersOutsideTeam: 12 })]);
    expect(point).toMatchObject({ activeUsers: 40, activeUsersOutsideTeam: 12 });
  });
});
