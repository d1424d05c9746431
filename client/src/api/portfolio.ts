import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PortfolioFilter, PortfolioOverview } from '@liftoff/shared';
import { api } from './http';

/** Aggregates for every chart of the overview, filtered server-side. */
export function usePortfolioOverview(filter: PortfolioFilter) {
  return useQuery({
    queryKey: ['portfolio', 'overview', filter],
    queryFn: ({ signal }) => api.get<PortfolioOverview>('/portfolio/overview', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}
