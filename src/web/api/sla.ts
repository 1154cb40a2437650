import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Page } from '../../shared/contracts/common.ts';
import type {
  CreateSlaPolicyInput,
  SlaBreach,
  SlaGroupBy,
  SlaPolicy,
  SlaReport,
  UpdateSlaPolicyInput,
} from '../../shared/contracts/sla.ts';
import { api } from './client.ts';
import { useWrite } from './hooks.ts';
import { type InsightsFilters, metricsPath } from './metrics.ts';

const policiesKey = ['sla-policies'] as const;

/** SLA targets already count in their policy's calendar: the business-hours switch does not apply. */
const withoutBusinessHours = (filters: InsightsFilters): InsightsFilters => ({ ...filters, businessHours: false });
/** Conversations show their clocks: a policy change may withdraw some. */
const conversationsKey = ['conversations'] as const;

export const useSlaPolicies = () =>
  useQuery({
    queryKey: policiesKey,
    queryFn: async ({ signal }) => (await api<{ data: SlaPolicy[] }>('/sla/policies', { signal })).data,
  });

export type SlaPolicyDraft = CreateSlaPolicyInput & { id?: string };

export function useSaveSlaPolicy() {
  return useWrite(
    ({ id, ...input }: SlaPolicyDraft) =>
      id
        ? api<SlaPolicy>(`/sla/policies/${id}`, { method: 'PATCH', body: input satisfies UpdateSlaPolicyInput })
        : api<SlaPolicy>('/sla/policies', { method: 'POST', body: input }),
    [policiesKey],
  );
}

export function useToggleSlaPolicy() {
  return useWrite(
    ({ id, enabled }: { id: string; enabled: boolean }) =>
      api<SlaPolicy>(`/sla/policies/${id}`, { method: 'PATCH', body: { enabled } }),
    [policiesKey],
  );
}

export function useDeleteSlaPolicy() {
  return useWrite(
    (id: string) => api<void>(`/sla/policies/${id}`, { method: 'DELETE' }),
    [policiesKey, conversationsKey],
  );
}

export function useReorderSlaPolicies() {
  return useWrite(
    (ids: string[]) => api<{ data: SlaPolicy[] }>('/sla/policies/reorder', { method: 'POST', body: { ids } }),
    [policiesKey],
  );
}

export const useSlaReport = (filters: InsightsFilters, by?: SlaGroupBy) => {
  const url = metricsPath('/metrics/sla', withoutBusinessHours(filters), { by });
  return useQuery({
    queryKey: ['metrics', 'sla', url],
    queryFn: ({ signal }) => api<SlaReport>(url, { signal }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
};

export function useSlaBreaches(filters: InsightsFilters) {
  const base = metricsPath('/sla/breaches', withoutBusinessHours(filters), { limit: 25 });
  return useInfiniteQuery({
    queryKey: ['metrics', 'sla-breaches', base],
    queryFn: ({ pageParam, signal }) =>
      api<Page<SlaBreach>>(pageParam ? `${base}&cursor=${encodeURIComponent(pageParam)}` : base, { signal }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The CSV download link of the breach list with the same filters (UTF-8 BOM for Excel). */
export const slaBreachesCsvUrl = (filters: InsightsFilters) =>
  `/api/v1${metricsPath('/exports/sla-breaches.csv', withoutBusinessHours(filters), { bom: 'true' })}`;
