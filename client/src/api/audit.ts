import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEventView, AuditQuery, Page } from '@liftoff/shared';
import { api } from './http';

export function useAuditTrail(query: AuditQuery, enabled = true) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api.get<Page<AuditEventView>>('/audit', { ...query }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
