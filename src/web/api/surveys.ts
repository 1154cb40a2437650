import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SendSurveyResult } from '../../shared/contracts/distribution.ts';
import type {
  CreateSurveyInput,
  Invitation,
  Survey,
  SurveyTemplate,
  ThrottlingSettings,
  UpdateSurveyInput,
} from '../../shared/contracts/surveys.ts';
import { api } from './client.ts';
import { useAllQuery, useWrite } from './hooks.ts';
import { fetchPage, nextCursor } from './pages.ts';

export const surveyKeys = {
  all: ['surveys'] as const,
  list: ['surveys', 'list'] as const,
  detail: (id: string) => ['surveys', 'detail', id] as const,
  templates: ['survey-templates'] as const,
  throttling: ['survey-throttling'] as const,
  invitations: (id: string) => ['surveys', 'invitations', id] as const,
};

export const useSurveys = (enabled = true) => useAllQuery<Survey>(surveyKeys.list, '/surveys', enabled);

export function useSurvey(id: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Survey>(`/surveys/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSurveyTemplates() {
  return useQuery({
    queryKey: surveyKeys.templates,
    queryFn: ({ signal }) => api<{ data: SurveyTemplate[] }>('/survey-templates', { signal }),
    select: (result) => result.data,
    staleTime: 60 * 60_000,
  });
}

/** `status` defaults on the server; the form may leave it out. */
export type CreateSurvey = Omit<CreateSurveyInput, 'status'> & { status?: CreateSurveyInput['status'] };

export function useCreateSurvey() {
  return useWrite((input: CreateSurvey) => api<Survey>('/surveys', { method: 'POST', body: input }), [surveyKeys.all]);
}

export function useUpdateSurvey(id: string) {
  return useWrite(
    (input: UpdateSurveyInput) => api<Survey>(`/surveys/${id}`, { method: 'PATCH', body: input }),
    [surveyKeys.all],
  );
}

export function useThrottling() {
  return useQuery({
    queryKey: surveyKeys.throttling,
    queryFn: ({ signal }) => api<ThrottlingSettings>('/settings/survey-throttling', { signal }),
  });
}

export function useSaveThrottling() {
  return useWrite(
    (input: ThrottlingSettings) =>
      api<ThrottlingSettings>('/settings/survey-throttling', { method: 'PUT', body: input }),
    [surveyKeys.throttling],
  );
}

export interface SendSurveyRequest {
  delivery: 'email' | 'link';
  contactId?: string;
  segmentId?: string;
  language?: string;
}

export function useSendSurvey(id: string) {
  return useWrite(
    (input: SendSurveyRequest) => api<SendSurveyResult>(`/surveys/${id}/send`, { method: 'POST', body: input }),
    [surveyKeys.invitations(id), ['survey-summary', id]],
  );
}

/** The invitations of one survey, newest first (whether it has ever been sent tells the editor about versions). */
export function useInvitations(surveyId: string, limit = 20) {
  return useInfiniteQuery({
    queryKey: [...surveyKeys.invitations(surveyId), limit],
    queryFn: ({ pageParam, signal }) =>
      fetchPage<Invitation>(`/surveys/${surveyId}/invitations`, { limit }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    retry: false,
  });
}
