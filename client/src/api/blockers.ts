import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Blocker,
  BlockerListQuery,
  BlockerMatch,
  BlockerMention,
  BlockerStatus,
  MergeBlockersRequest,
  Page,
  PortfolioBlocker,
  ResolveBlockerRequest,
  SplitBlockerRequest,
  SplitBlockerResponse,
} from '@liftoff/shared';
import { useDebouncedValue } from '../components/use-debounced-value';
import { api } from './http';
import { pilotKeys } from './query-keys';

export const blockerKeys = {
  all: ['blockers'] as const,
  portfolio: (query: BlockerListQuery) => [...blockerKeys.all, 'portfolio', query] as const,
  mentions: (id: string) => [...blockerKeys.all, 'mentions', id] as const,
  matches: (pilotId: string, text: string) => [...blockerKeys.all, 'matches', pilotId, text] as const,
};

/** Shorter texts say too little to match on. */
export const MIN_MATCH_TEXT = 4;
const MATCH_DEBOUNCE_MS = 300;

/**
 * The pilot's open blockers a text being typed resembles, best first; asked once the typing pauses.
 * `text` is the debounced text the matches are for, so a caller can tell stale ones apart.
 */
export function useBlockerMatches(pilotId: string, typed: string) {
  const text = useDebouncedValue(typed.trim(), MATCH_DEBOUNCE_MS);
  const enabled = text.length >= MIN_MATCH_TEXT;
  const query = useQuery({
    queryKey: blockerKeys.matches(pilotId, text),
    queryFn: ({ signal }) => api.get<BlockerMatch[]>(`/pilots/${encodeURIComponent(pilotId)}/blocker-matches`, { text }, signal),
    enabled,
    staleTime: 30_000,
    // A failed look-up only means no prompt: the update can still be posted.
    retry: false,
  });
  return { text, matches: enabled ? (query.data ?? []) : [] };
}

/** The updates that reported a blocker, with the words each used (for splitting one off). */
export function useBlockerMentions(blockerId: string) {
  return useQuery({
    queryKey: blockerKeys.mentions(blockerId),
    queryFn: ({ signal }) => api.get<BlockerMention[]>(`/blockers/${encodeURIComponent(blockerId)}/mentions`, {}, signal),
  });
}

function useInvalidateRegister() {
  const queryClient = useQueryClient();
  return (pilotId: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: pilotKeys.detail(pilotId) }),
      queryClient.invalidateQueries({ queryKey: blockerKeys.all }),
    ]);
}

/** Program office: `blocker` joins `into`; the pilot's flags are re-analysed by the server. */
export function useMergeBlockers() {
  const invalidate = useInvalidateRegister();
  return useMutation({
    mutationFn: ({ blocker, into }: { blocker: Blocker; into: Blocker }) =>
      api.post<Blocker>(`/blockers/${encodeURIComponent(blocker.id)}/merge`, { intoId: into.id, version: blocker.version, intoVersion: into.version } satisfies MergeBlockersRequest),
    onSuccess: (survivor) => invalidate(survivor.pilotId),
  });
}

/** Program office: one update's mention of `blocker` becomes a blocker of its own. */
export function useSplitBlocker() {
  const invalidate = useInvalidateRegister();
  return useMutation({
    mutationFn: ({ blocker, updateId }: { blocker: Blocker; updateId: string }) =>
      api.post<SplitBlockerResponse>(`/blockers/${encodeURIComponent(blocker.id)}/split`, { updateId, version: blocker.version } satisfies SplitBlockerRequest),
    onSuccess: (result) => invalidate(result.original.pilotId),
  });
}

export function usePilotBlockers(pilotId: string, status?: BlockerStatus) {
  return useQuery({
    queryKey: pilotKeys.blockers(pilotId, status),
    queryFn: ({ signal }) => api.get<Blocker[]>(`/pilots/${encodeURIComponent(pilotId)}/blockers`, { status }, signal),
  });
}

/** Every pilot's blockers, open first and then the longest standing; filtered and paged by the server. */
export function usePortfolioBlockers(query: BlockerListQuery) {
  return useQuery({
    queryKey: blockerKeys.portfolio(query),
    queryFn: ({ signal }) => api.get<Page<PortfolioBlocker>>('/blockers', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

export function resolveBlocker(blockerId: string, body: ResolveBlockerRequest): Promise<Blocker> {
  return api.post<Blocker>(`/blockers/${encodeURIComponent(blockerId)}/resolve`, body);
}

export function useResolveBlocker() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ blocker, note }: { blocker: Blocker; note?: string }) =>
      resolveBlocker(blocker.id, { version: blocker.version, note }),
    onSuccess: (blocker) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: pilotKeys.detail(blocker.pilotId) }),
        queryClient.invalidateQueries({ queryKey: blockerKeys.all }),
      ]),
  });
}
