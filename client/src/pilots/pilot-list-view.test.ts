import { describe, expect, it } from 'vitest';
import { applyPilotListChange, CLEAR_FILTERS, hasFilters, nextSort, readPilotListView, toPilotListParams } from './pilot-list-view';

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
