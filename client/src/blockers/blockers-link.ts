import type { BlockerCategory, PortfolioFilter } from '@liftoff/shared';
import { DEFAULT_BLOCKER_STATUS, type BlockerStatusFilter } from './blocker-filters';

/**
 * The blockers list behind a part of the overview, with the overview's unit, stage and sponsor
 * filters; the status is left out while it is the list's default (open).
 */
export function blockersLink(filter: PortfolioFilter, extra: { category?: BlockerCategory; status?: BlockerStatusFilter } = {}): string {
  const search = new URLSearchParams();
  if (extra.category) search.set('category', extra.category);
  if (extra.status && extra.status !== DEFAULT_BLOCKER_STATUS) search.set('status', extra.status);
  if (filter.businessUnitId) search.set('businessUnitId', filter.businessUnitId);
  if (filter.stage) search.set('stage', filter.stage);
  if (filter.sponsorId) search.set('sponsorId', filter.sponsorId);
  const text = search.toString();
  return text ? `/blockers?${text}` : '/blockers';
}
