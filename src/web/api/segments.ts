import { useQuery } from '@tanstack/react-query';
import type {
  CreateSegmentInput,
  Segment,
  SegmentContacts,
  SegmentFilter,
  UpdateSegmentInput,
} from '../../shared/contracts/segments.ts';
import { api } from './client.ts';
import { useAllQuery, useWrite } from './hooks.ts';

const segmentsKey = ['segments'] as const;

export const useSegments = () => useAllQuery<Segment>(segmentsKey, '/segments');

export function useSaveSegment() {
  return useWrite(
    ({ id, ...input }: CreateSegmentInput & { id?: string }) =>
      id
        ? api<Segment>(`/segments/${id}`, { method: 'PATCH', body: input satisfies UpdateSegmentInput })
        : api<Segment>('/segments', { method: 'POST', body: input }),
    [segmentsKey],
  );
}

export function useDeleteSegment() {
  return useWrite((id: string) => api<void>(`/segments/${id}`, { method: 'DELETE' }), [segmentsKey]);
}

/** How many contacts a saved segment selects now, and the first of them. */
export function useSegmentContacts(id: string | null, limit = 5) {
  return useQuery({
    queryKey: [...segmentsKey, 'contacts', id, limit],
    queryFn: ({ signal }) => api<SegmentContacts>(`/segments/${id}/contacts`, { query: { limit }, signal }),
    enabled: Boolean(id),
  });
}

/** Try a filter before saving: the count and the first contacts. */
export function useSegmentPreview(filter: SegmentFilter, enabled = true) {
  return useQuery({
    queryKey: [...segmentsKey, 'preview', filter],
    queryFn: ({ signal }) =>
      api<SegmentContacts>('/segments/preview', { method: 'POST', body: { filter, limit: 5 }, signal }),
    enabled,
    placeholderData: (previous) => previous,
    retry: false,
  });
}
