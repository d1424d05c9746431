import { describe, expect, it } from 'vitest';
import {
  applyPilotListChange,
  CLEAR_DRILL_DOWN,
  CLEAR_FILTERS,
  CLEAR_HEALTH_WEEK,
  drillDownSummary,
  hasFilters,
  healthWeekSummary,
  nextSort,
  readPilotListView,
  toPilotListParams,
} from './pilot-list-view';

describe('readPilotListView', () => {
  it('uses defaults for an empty query string', () => {
    expect(readPilotListView(new URLSearchParams())).toEqual({
      businessUnitId: undefined,
      stage: undefined,
      search: undefined,
      page: 1,
      sort: 'name',
      order: 'asc',
    });
  });

  it('drops values the API would reject', () => {
    const view = readPilotListView(new URLSearchParams('stage=flying&page=-2&sort=lead&order=up&pattern=stuck&startedAfter=2026-02-30&startedBefore=soon'));
    expect(view).toMatchObject({ stage: undefined, page: 1, sort: 'name', order: 'asc', pattern: undefined, startedAfter: undefined, startedBefore: undefined });
  });

  it('reads the pattern, the start-date range and the derived sorts the server applies', () => {
    const view = readPilotListView(new URLSearchParams('pattern=no_integration_path&startedAfter=2026-01-31&startedBefore=2026-07-01&sort=readinessScore&order=desc'));
    expect(toPilotListParams(view)).toMatchObject({
      pattern: 'no_integration_path',
      startedAfter: '2026-01-31',
      startedBefore: '2026-07-01',
      sort: 'readinessScore',
      order: 'desc',
    });
    expect(readPilotListView(new URLSearchParams('sort=lastUpdateAt')).sort).toBe('lastUpdateAt');
    expect(readPilotListView(new URLSearchParams('sort=openFlagCount')).sort).toBe('openFlagCount');
  });

  it('keeps only the lower bound of an empty start-date range', () => {
    const view = readPilotListView(new URLSearchParams('startedAfter=2026-05-01&startedBefore=2026-05-01'));
    expect(view).toMatchObject({ startedAfter: '2026-05-01', startedBefore: undefined });
  });

  it('reads filters, page and sort', () => {
    const view = readPilotListView(new URLSearchParams('businessUnitId=u1&stage=scaling&search=%20bot%20&page=3&sort=stage&order=desc'));
    expect(toPilotListParams(view)).toEqual({
      businessUnitId: 'u1',
      stage: 'scaling',
      search: 'bot',
      page: 3,
      pageSize: 25,
      sort: 'stage',
      order: 'desc',
    });
  });
});

describe('applyPilotListChange', () => {
  it('returns to page 1 when a filter changes', () => {
    const next = applyPilotListChange(new URLSearchParams('page=4&stage=piloting'), { stage: 'scaling' });
    expect(next.toString()).toBe('stage=scaling');
  });

  it('keeps the page when paging and removes cleared filters', () => {
    expect(applyPilotListChange(new URLSearchParams('search=x'), { page: '2' }).toString()).toBe('search=x&page=2');
    expect(applyPilotListChange(new URLSearchParams('search=x'), { search: undefined }).toString()).toBe('');
  });

  it('counts pattern and start dates as filters, and clears them with the rest', () => {
    const view = readPilotListView(new URLSearchParams('pattern=workflow_unchanged&startedBefore=2026-03-01&sort=stage'));
    expect(hasFilters(view)).toBe(true);
    expect(applyPilotListChange(new URLSearchParams('pattern=workflow_unchanged&startedBefore=2026-03-01&sort=stage'), CLEAR_FILTERS).toString()).toBe('sort=stage');
    expect(hasFilters(readPilotListView(new URLSearchParams('sort=stage')))).toBe(false);
  });

  it('starts "days since update" with the fewest days, which is the latest update first', () => {
    const view = readPilotListView(new URLSearchParams());
    expect(nextSort(view, 'lastUpdateAt')).toEqual({ sort: 'lastUpdateAt', order: 'desc' });
    expect(nextSort(readPilotListView(new URLSearchParams('sort=lastUpdateAt&order=desc')), 'lastUpdateAt')).toEqual({ sort: 'lastUpdateAt', order: 'asc' });
    expect(nextSort(view, 'readinessScore')).toEqual({ sort: 'readinessScore', order: 'asc' });
  });

  it('flips the order when the sorted column is clicked again', () => {
    const view = readPilotListView(new URLSearchParams());
    expect(nextSort(view, 'name')).toEqual({ sort: 'name', order: 'desc' });
    expect(nextSort(view, 'stage')).toEqual({ sort: 'stage', order: 'asc' });
    const params = applyPilotListChange(new URLSearchParams(), nextSort(view, 'name'));
    expect(params.toString()).toBe('sort=name&order=desc');
  });
});

describe('the time-in-pilot drill-down', () => {
  it('reads complexity, underway and the months range, and sends them to the API', () => {
    const view = readPilotListView(new URLSearchParams('businessUnitId=u1&complexity=typical&underway=true&monthsInPilotMin=3&monthsInPilotMax=6&sort=startDate'));
    expect(toPilotListParams(view)).toEqual({
      businessUnitId: 'u1',
      complexity: 'typical',
      underway: true,
      monthsInPilotMin: 3,
      monthsInPilotMax: 6,
      page: 1,
      pageSize: 25,
      sort: 'startDate',
      order: 'asc',
    });
    expect(readPilotListView(new URLSearchParams('monthsInPilotMin=0&monthsInPilotMax=2.5'))).toMatchObject({ monthsInPilotMin: 0, monthsInPilotMax: 2.5 });
  });

  it.each([
    ['complexity=hard', { complexity: undefined }],
    ['underway=yes', { underway: undefined }],
    ['underway=false', { underway: undefined }],
    ['monthsInPilotMin=-1', { monthsInPilotMin: undefined }],
    ['monthsInPilotMin=three', { monthsInPilotMin: undefined }],
    ['monthsInPilotMin=1e3', { monthsInPilotMin: undefined }],
    ['monthsInPilotMin=', { monthsInPilotMin: undefined }],
    ['monthsInPilotMax=Infinity', { monthsInPilotMax: undefined }],
    // An empty range is refused by the API; keep the lower bound.
    ['monthsInPilotMin=6&monthsInPilotMax=3', { monthsInPilotMin: 6, monthsInPilotMax: undefined }],
    ['monthsInPilotMin=3&monthsInPilotMax=3', { monthsInPilotMin: 3, monthsInPilotMax: undefined }],
  ])('ignores what the API would refuse: %s', (query, expected) => {
    const view = readPilotListView(new URLSearchParams(query));
    expect(view).toMatchObject(expected);
    expect(toPilotListParams(view)).toMatchObject(expected);
  });

  it('counts as filters, a zero lower bound too, and clears on its own or with the rest', () => {
    const query = 'stage=piloting&complexity=best&underway=true&monthsInPilotMin=0&monthsInPilotMax=3&page=2';
    expect(hasFilters(readPilotListView(new URLSearchParams('monthsInPilotMin=0')))).toBe(true);
    expect(applyPilotListChange(new URLSearchParams(query), CLEAR_DRILL_DOWN).toString()).toBe('stage=piloting');
    expect(applyPilotListChange(new URLSearchParams(query), CLEAR_FILTERS).toString()).toBe('');
  });

  it('keeps the drill-down when another filter or the sort changes, and writes it back unchanged', () => {
    const query = 'complexity=complex&underway=true&monthsInPilotMin=18';
    expect(applyPilotListChange(new URLSearchParams(query), { search: 'bot' }).toString()).toBe(`${query}&search=bot`);
    expect(applyPilotListChange(new URLSearchParams(query), { sort: 'startDate', order: 'desc' }).toString()).toBe(`${query}&sort=startDate&order=desc`);
  });

  it('says in words why the list is narrowed', () => {
    const summary = (query: string) => drillDownSummary(readPilotListView(new URLSearchParams(query)));
    expect(summary('complexity=typical&monthsInPilotMin=3&monthsInPilotMax=6&underway=true')).toBe('Complexity: Typical · 3–6 months in pilot · underway only');
    expect(summary('complexity=best&monthsInPilotMin=18&underway=true')).toBe('Complexity: Best case · 18+ months in pilot · underway only');
    expect(summary('monthsInPilotMin=0&underway=true')).toBe('already started · underway only');
    expect(summary('monthsInPilotMax=1.5')).toBe('under 1.5 months in pilot');
    expect(summary('stage=piloting&pattern=workflow_unchanged')).toBeNull();
  });
});

describe('the health filters', () => {
  it('reads a health in a week, from the health-over-time chart, and sends both to the API', () => {
    const view = readPilotListView(new URLSearchParams('businessUnitId=u1&stage=piloting&sponsorId=s1&health=at_risk&healthWeek=2026-W40'));
    expect(toPilotListParams(view)).toEqual({
      businessUnitId: 'u1',
      stage: 'piloting',
      sponsorId: 's1',
      health: 'at_risk',
      healthWeek: '2026-W40',
      page: 1,
      pageSize: 25,
      sort: 'name',
      order: 'asc',
    });
  });

  it('reads a health alone as the latest health', () => {
    const view = readPilotListView(new URLSearchParams('health=off_track'));
    expect(view).toMatchObject({ health: 'off_track', healthWeek: undefined });
    expect(healthWeekSummary(view)).toBeNull();
    expect(hasFilters(view)).toBe(true);
  });

  it.each([
    ['health=green&healthWeek=2026-W40', { health: undefined, healthWeek: undefined }],
    ['health=ON_TRACK', { health: undefined }],
    ['health=', { health: undefined }],
    ['health=at_risk&healthWeek=2026-40', { health: 'at_risk', healthWeek: undefined }],
    ['health=at_risk&healthWeek=2026-W54', { health: 'at_risk', healthWeek: undefined }],
    ['health=at_risk&healthWeek=', { health: 'at_risk', healthWeek: undefined }],
    // The API refuses a week without a health.
    ['healthWeek=2026-W40', { health: undefined, healthWeek: undefined }],
  ])('ignores what the API would refuse: %s', (query, expected) => {
    const view = readPilotListView(new URLSearchParams(query));
    expect(view).toMatchObject(expected);
    expect(toPilotListParams(view)).toMatchObject(expected);
  });

  it('says the week and health in words', () => {
    expect(healthWeekSummary(readPilotListView(new URLSearchParams('health=at_risk&healthWeek=2026-W40')))).toBe('Health in 2026-W40: At risk');
    expect(healthWeekSummary(readPilotListView(new URLSearchParams('health=on_track&healthWeek=2026-W01')))).toBe('Health in 2026-W01: On track');
  });

  it('writes them to the URL, keeps them when other filters change, and clears them on their own or with the rest', () => {
    const query = 'stage=piloting&health=at_risk&healthWeek=2026-W40';
    expect(applyPilotListChange(new URLSearchParams('stage=piloting&page=3'), { health: 'at_risk', healthWeek: '2026-W40' }).toString()).toBe(query);
    expect(applyPilotListChange(new URLSearchParams(query), { search: 'bot' }).toString()).toBe(`${query}&search=bot`);
    expect(applyPilotListChange(new URLSearchParams(query), CLEAR_HEALTH_WEEK).toString()).toBe('stage=piloting');
    expect(applyPilotListChange(new URLSearchParams(query), CLEAR_FILTERS).toString()).toBe('');
    // Picking a latest health replaces the week's.
    expect(applyPilotListChange(new URLSearchParams(query), { health: 'off_track', healthWeek: undefined }).toString()).toBe('stage=piloting&health=off_track');
    expect(applyPilotListChange(new URLSearchParams('health=off_track'), { health: '', healthWeek: undefined }).toString()).toBe('');
  });
});
