import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Company,
  Contact,
  TimelineItem,
  TimelineKind,
  UpdateContactInput,
} from '../../shared/contracts/customers.ts';
import { api } from './client.ts';
import { fetchPage, nextCursor } from './pages.ts';

export const contactKeys = {
  list: (query: { q: string; companyId?: string }) => ['contacts', 'list', query] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
  timeline: (id: string, kinds: TimelineKind[]) => ['contacts', 'timeline', id, kinds] as const,
};

export const companyKeys = {
  list: (q: string) => ['companies', 'list', q] as const,
  detail: (id: string) => ['companies', 'detail', id] as const,
};

export function useContactList(query: { q: string; companyId?: string }, enabled = true) {
  return useInfiniteQuery({
    queryKey: contactKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<Contact>(
        '/contacts',
        { limit: 50, q: query.q.trim() || undefined, companyId: query.companyId },
        pageParam,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    enabled,
  });
}

export function useContact(id: string | undefined) {
  return useQuery({
    queryKey: contactKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Contact>(`/contacts/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useTimeline(contactId: string, kinds: TimelineKind[], limit = 30) {
  return useInfiniteQuery({
    queryKey: contactKeys.timeline(contactId, kinds),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<TimelineItem>(`/contacts/${contactId}/timeline`, { limit, kinds }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

export function useUpdateContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateContactInput) => api<Contact>(`/contacts/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (contact) => {
      queryClient.setQueryData(contactKeys.detail(id), contact);
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
    },
  });
}

export function useMergeContact(targetId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sourceId: string) =>
      api<Contact>(`/contacts/${targetId}/merge`, { method: 'POST', body: { sourceId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
    },
  });
}

export function useCompanyList(q: string) {
  return useInfiniteQuery({
    queryKey: companyKeys.list(q),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<Company>('/companies', { limit: 50, q: q.trim() || undefined }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

export function useCompany(id: string | undefined) {
  return useQuery({
    queryKey: companyKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Company>(`/companies/${id}`, { signal }),
    enabled: Boolean(id),
  });
}
