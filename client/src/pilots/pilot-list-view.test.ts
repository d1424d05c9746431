import { describe, expect, it } from 'vitest';
import { applyPilotListChange, nextSort, readPilotListView, toPilotListParams } from './pilot-list-view';

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
    const view = readPilotListView(new URLSearchParams('stage=flying&page=-2&sort=lead&order=up'));
    expect(view).toMatchObject({ stage: undefined, page: 1, sort: 'name', order: 'asc' });
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

  it('flips the order when the sorted column is clicked again', () => {
    const view = readPilotListView(new URLSearchParams());
    expect(nextSort(view, 'name')).toEqual({ sort: 'name', order: 'desc' });
    expect(nextSort(view, 'stage')).toEqual({ sort: 'stage', order: 'asc' });
    const params = applyPilotListChange(new URLSearchParams(), nextSort(view, 'name'));
    expect(params.toString()).toBe('sort=name&order=desc');
  });
});
