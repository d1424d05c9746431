import { describe, expect, it } from 'vitest';
import type { PortfolioOverview } from '@liftoff/shared';
import {
  allTimeInPilotLink,
  blockerCategoryRows,
  shortBucket,
  decisionsLink,
  funnelRows,
  healthWeekLink,
  patternRows,
  pilotsLink,
  presentPatterns,
  quarterOf,
  selectedHealthWeek,
  stuckLink,
  timeInPilotLink,
  timelineMarkers,
  timeRows,
} from './overview-data';

const zero = { missing_executive_sponsor: 0, no_integration_path: 0, enthusiast_only_adoption: 0, workflow_unchanged: 0, unclear_success_metrics: 0, wrong_use_case_for_scale: 0 };
const bucket = (name: string, fromMonths: number, toMonths: number | null, best = 0, typical = 0, complex = 0) => ({
  bucket: name,
  fromMonths,
  toMonths,
  counts: { best, typical, complex },
});
const overview = {
  funnel: [
    { stage: 'piloting', reached: 10, current: 6 },
    { stage: 'scaling', reached: 4, current: 3 },
  ],
  patternsByUnit: [
    { businessUnitId: 'u1', businessUnitName: 'Finance', patterns: { ...zero, no_integration_path: 2 } },
    { businessUnitId: 'u2', businessUnitName: 'HR', patterns: { ...zero, missing_executive_sponsor: 1 } },
  ],
  timeInPilot: [bucket('0-3 months', 0, 3, 1, 2, 0), bucket('3-6 months', 3, 6, 0, 1, 0), bucket('6-9 months', 6, 9), bucket('9-12 months', 9, 12), bucket('12-18 months', 12, 18), bucket('18+ months', 18, null)],
  timelineBounds: { best: 3, typical: 6, complex: 12 },
  blockerCategories: [
    { category: 'budget', open: 1, total: 4, mentions: 9 },
    { category: 'integration', open: 3, total: 5, mentions: 20 },
  ],
} as unknown as PortfolioOverview;

describe('overview chart data', () => {
  it('labels the funnel stages', () => {
    expect(funnelRows(overview).map((r) => [r.label, r.reached, r.current])).toEqual([
      ['Piloting', 10, 6],
      ['Scaling', 4, 3],
    ]);
  });

  it('flattens patterns by unit into one row per unit', () => {
    expect(patternRows(overview)).toEqual([
      { unit: 'Finance', businessUnitId: 'u1', ...zero, no_integration_path: 2 },
      { unit: 'HR', businessUnitId: 'u2', ...zero, missing_executive_sponsor: 1 },
    ]);
  });

  it('lists only the patterns present, in the canonical order', () => {
    expect(presentPatterns(overview)).toEqual(['missing_executive_sponsor', 'no_integration_path']);
  });

  it('flattens time buckets by complexity', () => {
    expect(timeRows(overview)[0]).toEqual({ bucket: '0-3 months', fromMonths: 0, toMonths: 3, best: 1, typical: 2, complex: 0 });
  });

  it('marks the 3 / 6 / 12 month bounds at the start of the bucket they open', () => {
    expect(timelineMarkers(overview)).toEqual([
      { bucket: '3-6 months', position: 'start', months: 3, label: 'best ≤3' },
      { bucket: '6-9 months', position: 'start', months: 6, label: 'typical ≤6' },
      { bucket: '12-18 months', position: 'start', months: 12, label: 'complex ≤12' },
    ]);
  });

  it('draws a bound inside a bucket through its middle, and merges bounds that coincide', () => {
    const odd = { ...overview, timelineBounds: { best: 4, typical: 4, complex: 12 } } as PortfolioOverview;
    expect(timelineMarkers(odd)[0]).toEqual({ bucket: '3-6 months', position: 'middle', months: 4, label: 'best/typical ≤4' });
  });

  it('shortens bucket names for the axis', () => {
    expect(shortBucket('12-18 months')).toBe('12–18 mo');
    expect(shortBucket('18+ months')).toBe('18+ mo');
  });

  it('orders blocker categories by how often they recur, splitting open from resolved', () => {
    expect(blockerCategoryRows(overview)).toEqual([
      { category: 'integration', label: 'Integration', open: 3, resolved: 2, total: 5, mentions: 20 },
      { category: 'budget', label: 'Budget', open: 1, resolved: 3, total: 4, mentions: 9 },
    ]);
  });
});

describe('where a chart click leads', () => {
  const filter = { businessUnitId: 'u1', stage: 'piloting' as const, sponsorId: 's1' };

  it('a funnel bar opens the pilots list at that stage, keeping unit and sponsor', () => {
    expect(pilotsLink(filter, { stage: 'scaling' })).toBe('/pilots?businessUnitId=u1&stage=scaling&sponsorId=s1');
    expect(pilotsLink({})).toBe('/pilots');
  });

  it('a time-in-pilot segment opens the underway pilots of that complexity and months range, keeping unit, stage and sponsor', () => {
    const [first, second, , , , last] = timeRows(overview);
    expect(timeInPilotLink(filter, second, 'typical')).toBe(
      '/pilots?businessUnitId=u1&stage=piloting&sponsorId=s1&complexity=typical&underway=true&monthsInPilotMin=3&monthsInPilotMax=6&sort=startDate',
    );
    // The first bucket starts at zero months, the last has no upper bound.
    expect(timeInPilotLink({}, first, 'best')).toBe('/pilots?complexity=best&underway=true&monthsInPilotMin=0&monthsInPilotMax=3&sort=startDate');
    expect(timeInPilotLink({}, last, 'complex')).toBe('/pilots?complexity=complex&underway=true&monthsInPilotMin=18&sort=startDate');
  });

  it('the time-in-pilot hint opens every pilot the chart counts', () => {
    expect(allTimeInPilotLink({ sponsorId: 's1' }, timeRows(overview))).toBe('/pilots?sponsorId=s1&underway=true&monthsInPilotMin=0&sort=startDate');
    expect(pilotsLink({}, { underway: false, monthsInPilotMax: 0 })).toBe('/pilots?monthsInPilotMax=0');
  });

  it('a week and health of the health chart opens the pilots that reported it that week, keeping unit, stage and sponsor', () => {
    expect(healthWeekLink(filter, '2026-W40', 'at_risk')).toBe('/pilots?businessUnitId=u1&stage=piloting&sponsorId=s1&health=at_risk&healthWeek=2026-W40');
    expect(healthWeekLink({}, '2026-W47', 'off_track')).toBe('/pilots?health=off_track&healthWeek=2026-W47');
    expect(pilotsLink({ sponsorId: 's1' }, { health: 'on_track' })).toBe('/pilots?sponsorId=s1&health=on_track');
    // The API refuses a week without a health.
    expect(pilotsLink({}, { healthWeek: '2026-W40' })).toBe('/pilots');
  });

  it('the health chart shows the week picked while the chart has it, else the latest', () => {
    const rows = [
      { week: '2026-W45', on_track: 1, at_risk: 2, off_track: 3 },
      { week: '2026-W46', on_track: 4, at_risk: 5, off_track: 6 },
    ];
    expect(selectedHealthWeek(rows, null)).toBe(rows[1]);
    expect(selectedHealthWeek(rows, '2026-W45')).toBe(rows[0]);
    // A filter change can leave a picked week without updates: back to the latest.
    expect(selectedHealthWeek(rows, '2026-W30')).toBe(rows[1]);
    expect(selectedHealthWeek([], '2026-W45')).toBeUndefined();
  });

  it('a pattern segment opens the stuck list of that unit and pattern, keeping stage and sponsor', () => {
    expect(stuckLink(filter, { businessUnitId: 'u2', pattern: 'no_integration_path' })).toBe('/stuck?businessUnitId=u2&stage=piloting&sponsorId=s1&pattern=no_integration_path');
    expect(stuckLink({})).toBe('/stuck');
  });

  it('a decision segment opens the log of that kind and quarter, keeping unit, sponsor and stage', () => {
    expect(decisionsLink(filter, { kind: 'scale', quarter: '2026-Q3' })).toBe('/decisions?kind=scale&quarter=2026-Q3&businessUnitId=u1&sponsorId=s1&stage=piloting');
    expect(decisionsLink({})).toBe('/decisions');
  });

  it('names quarters as the API does', () => {
    expect(quarterOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-09-30T23:59:59Z'))).toBe('2026-Q3');
    expect(quarterOf(new Date('2026-10-01T00:00:00Z'))).toBe('2026-Q4');
  });
});
