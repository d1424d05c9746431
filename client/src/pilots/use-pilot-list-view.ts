import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { applyPilotListChange, readPilotListView, type PilotListChange, type PilotListView } from './pilot-list-view';

/** The pilots list view kept in the URL: filters, sort and page survive reloads and shared links. */
export function usePilotListView(): [PilotListView, (change: PilotListChange, options?: { replace?: boolean }) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => readPilotListView(searchParams), [searchParams]);
  const update = useCallback(
    (change: PilotListChange, options?: { replace?: boolean }) =>
      setSearchParams((current) => applyPilotListChange(current, change), { replace: options?.replace }),
    [setSearchParams],
  );
  return [view, update];
}
