import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SurveyResponseDetail } from '../../shared/contracts/survey-results.ts';
import type { SurveyResponse } from '../../shared/contracts/surveys.ts';
import type { Band } from '../../shared/metrics/bands.ts';
import { api, buildUrl } from './client.ts';
import { fetchPage, nextCursor } from './pages.ts';

export interface ResponseFilters {
  surveyId: string | null;
  scoreBand: Band | null;
  channel: string | null;
  agentId: string | null;
  teamId: string | null;
  /** Calendar dates (2026-11-01) in the workspace's time zone. */
  from: string | null;
  to: string | null;
  hasComment: boolean | null;
  q: string;
}

/** The list's query parameters (its filters, as the API names them). */
const filterParams = (filters: ResponseFilters) => ({
  surveyId: filters.surveyId ?? undefined,
  scoreBand: filters.scoreBand ?? undefined,
  channel: filters.channel ?? undefined,
  agentId: filters.agentId ?? undefined,
  teamId: filters.teamId ?? undefined,
  from: filters.from ?? undefined,
  to: filters.to ?? undefined,
  hasComment: filters.hasComment === null ? undefined : String(filters.hasComment),
  q: filters.q.trim() || undefined,
});

/** The responses of the list, with the same filters, as a CSV file (a byte order mark for Excel). */
export const responsesCsvUrl = (filters: ResponseFilters) =>
  buildUrl('/exports/responses.csv', { ...filterParams(filters), bom: 'true' });

export const responseKeys = {
  list: (filters: ResponseFilters) => ['survey-responses', 'list', filters] as const,
  detail: (id: string) => ['survey-responses', 'detail', id] as const,
  conversation: (id: string) => ['survey-responses', 'conversation', id] as const,
};

export function useResponseList(filters: ResponseFilters) {
  return useInfiniteQuery({
    queryKey: responseKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<SurveyResponse>('/survey-responses', { limit: 50, ...filterParams(filters) }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    refetchInterval: 60_000,
  });
}

export function useSurveyResponse(id: string | null) {
  return useQuery({
    queryKey: responseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<SurveyResponseDetail>(`/survey-responses/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Answers about one conversation (every care cycle), newest first. */
export function useConversationResponses(conversationId: string) {
  return useQuery({
    queryKey: responseKeys.conversation(conversationId),
    queryFn: ({ signal }) =>
      api<{ data: SurveyResponse[] }>(`/conversations/${conversationId}/survey-responses`, { signal }),
    select: (result) => result.data,
    refetchInterval: 60_000,
  });
}
