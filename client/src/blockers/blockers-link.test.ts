import { describe, expect, it } from 'vitest';
import { blockersLink } from './blockers-link';
import { readBlockerFilters, toBlockerQuery, weeksOpen } from './blocker-filters';

describe('blockersLink', () => {
  it('carries the overview’s unit, stage and sponsor and the category clicked', () => {
    expect(blockersLink({ businessUnitId: 'u1', stage: 'piloting', sponsorId: 's1' }, { category: 'integration' })).toBe(
      '/blockers?category=integration&businessUnitId=u1&stage=piloting&sponsorId=s1',
    );
    expect(blockersLink({ businessUnitId: 'u1' })).toBe('/blockers?businessUnitId=u1');
    expect(blockersLink({}, { category: 'security_compliance' })).toBe('/blockers?category=security_compliance');
    expect(blockersLink({})).toBe('/blockers');
  });

  it('leaves the default status (open) out and keeps any other', () => {
    expect(blockersLink({}, { status: 'open' })).toBe('/blockers');
    expect(blockersLink({ businessUnitId: 'u1' }, { category: 'budget', status: 'all' })).toBe('/blockers?category=budget&status=all&businessUnitId=u1');
  });

  it('builds links the blockers page reads back', () => {
    const link = blockersLink({ businessUnitId: 'u1', stage: 'scaling', sponsorId: 's1' }, { category: 'data', status: 'resolved' });
    const filters = readBlockerFilters(new URL(link, 'http://localhost').searchParams);
    expect(toBlockerQuery(filters, 1, 25)).toEqual({ category: 'data', status: 'resolved', businessUnitId: 'u1', stage: 'scaling', sponsorId: 's1', page: 1, pageSize: 25 });
  });

  it('drops a stage the API would refuse', () => {
    expect(readBlockerFilters(new URLSearchParams('stage=launched')).stage).toBeUndefined();
  });
});

describe('weeks open', () => {
  const today = new Date('2026-10-01T12:00:00Z'); // 2026-W40

  it('counts whole weeks since an open blocker was first reported', () => {
    expect(weeksOpen({ status: 'open', firstSeenWeek: '2026-W38' }, today)).toBe(2);
    expect(weeksOpen({ status: 'open', firstSeenWeek: '2026-W40' }, today)).toBe(0);
    expect(weeksOpen({ status: 'open', firstSeenWeek: '2025-W52' }, today)).toBe(40);
  });

  it('has no count for a resolved blocker', () => {
    expect(weeksOpen({ status: 'resolved', firstSeenWeek: '2026-W38' }, today)).toBeNull();
  });
});
