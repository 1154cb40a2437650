import { useQuery } from '@tanstack/react-query';
import type { SurveySummary } from '../../shared/contracts/survey-results.ts';
import { api } from './client.ts';

export interface SummaryFilters {
  /** Calendar dates (2026-11-01) in the workspace's time zone. */
  from?: string;
  to?: string;
  bucket?: 'day' | 'week' | 'month';
  channel?: string;
  agentId?: string;
  teamId?: string;
}

export const summaryKey = (surveyId: string, filters: SummaryFilters = {}) =>
  ['survey-summary', surveyId, filters] as const;

export function useSurveySummary(surveyId: string, filters: SummaryFilters = {}, enabled = true) {
  return useQuery({
    queryKey: summaryKey(surveyId, filters),
    queryFn: ({ signal }) => api<SurveySummary>(`/surveys/${surveyId}/summary`, { query: { ...filters }, signal }),
    enabled,
    staleTime: 60_000,
  });
}
