import type { BlockerCategory, PortfolioFilter } from '@liftoff/shared';
import { toQueryString } from '../api/http';
import { DEFAULT_BLOCKER_STATUS, type BlockerStatusFilter } from './blocker-filters';

/**
 * The blockers list behind a part of the overview, with the overview's unit, stage and sponsor
 * filters; the status is left out while it is the list's default (open).
 */
export function blockersLink(filter: PortfolioFilter, extra: { category?: BlockerCategory; status?: BlockerStatusFilter } = {}): string {
  return `/blockers${toQueryString({
    category: extra.category,
    status: extra.status === DEFAULT_BLOCKER_STATUS ? undefined : extra.status,
    businessUnitId: filter.businessUnitId,
    stage: filter.stage,
    sponsorId: filter.sponsorId,
  })}`;
}
