import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Conversation } from '../../shared/contracts/conversations.ts';
import type {
  CloseRecoveryCaseInput,
  CreateActionItemInput,
  EscalateInput,
  Escalation,
  FollowUpInput,
  OpenRecoveryCaseInput,
  Playbook,
  RecoveryActionItem,
  RecoveryCase,
  RecoveryCaseDetail,
  RecoveryCaseStatus,
  RecoverySettings,
  UpdateActionItemInput,
  UpdatePlaybookInput,
  UpdateRecoveryCaseInput,
  UpdateRecoverySettingsInput,
} from '../../shared/contracts/recovery.ts';
import type { EscalationMetrics, RecoveryMetrics } from '../../shared/contracts/recovery-metrics.ts';
import type { Invitation } from '../../shared/contracts/surveys.ts';
import { api } from './client.ts';
import { conversationKeys } from './conversations.ts';
import { useWrite } from './hooks.ts';
import { fetchPage, nextCursor } from './pages.ts';

export const recoveryKeys = {
  all: ['recovery'] as const,
  cases: ['recovery', 'cases'] as const,
  list: (query: CaseQuery) => ['recovery', 'cases', 'list', query] as const,
  detail: (id: string) => ['recovery', 'cases', 'detail', id] as const,
  settings: ['recovery', 'settings'] as const,
  playbooks: ['recovery', 'playbooks'] as const,
  metrics: ['recovery', 'metrics'] as const,
  escalations: (conversationId: string) => ['escalations', conversationId] as const,
};

/** The list filters of GET /recovery/cases, as the board and the drill-downs send them. */
export interface CaseQuery {
  status?: RecoveryCaseStatus[];
  owner?: string;
  overdue?: boolean;
  contacted?: boolean;
  source?: string[];
  outcome?: string[];
  tag?: string;
  teamId?: string;
  channel?: string;
  contactId?: string;
  conversationId?: string;
  from?: string;
  to?: string;
  period?: 'opened' | 'contacted' | 'closed';
}

const toQuery = (query: CaseQuery) => ({
  ...query,
  overdue: query.overdue === undefined ? undefined : String(query.overdue),
  contacted: query.contacted === undefined ? undefined : String(query.contacted),
});

export function useCases(query: CaseQuery, options: { limit?: number; enabled?: boolean; refetch?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: recoveryKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<RecoveryCase>('/recovery/cases', { limit: options.limit ?? 50, ...toQuery(query) }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetch ? 30_000 : false,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: recoveryKeys.detail(id),
    queryFn: ({ signal }) => api<RecoveryCaseDetail>(`/recovery/cases/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** After a write on a case: its page takes the answer at once; lists, timelines and figures refresh. */
async function refreshAfterCaseWrite(queryClient: QueryClient, id: string, result: unknown): Promise<void> {
  const detail = result as Partial<RecoveryCaseDetail> & { case?: RecoveryCaseDetail };
  const fresh = detail.case ?? (detail.playbook ? (detail as RecoveryCaseDetail) : null);
  if (fresh) queryClient.setQueryData(recoveryKeys.detail(id), fresh);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: recoveryKeys.cases }),
    queryClient.invalidateQueries({ queryKey: recoveryKeys.metrics }),
    queryClient.invalidateQueries({ queryKey: ['contacts', 'timeline'] }),
  ]);
}

/** A write on one case. */
function useCaseWrite<Input, Output>(id: string, write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (result) => refreshAfterCaseWrite(queryClient, id, result),
  });
}

/** Any case of the board to another open column (drag and drop); closing asks for the outcome (useCloseCase). */
export function useMoveCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: RecoveryCaseStatus }) =>
      api<RecoveryCaseDetail>(`/recovery/cases/${id}`, { method: 'PATCH', body: { status } }),
    onSuccess: (result, { id }) => refreshAfterCaseWrite(queryClient, id, result),
  });
}

export const useUpdateCase = (id: string) =>
  useCaseWrite(id, (input: UpdateRecoveryCaseInput) =>
    api<RecoveryCaseDetail>(`/recovery/cases/${id}`, { method: 'PATCH', body: input }),
  );

export const useCloseCase = (id: string) =>
  useCaseWrite(id, (input: CloseRecoveryCaseInput) =>
    api<RecoveryCaseDetail>(`/recovery/cases/${id}/close`, { method: 'POST', body: input }),
  );

export const useSetStep = (id: string) =>
  useCaseWrite(id, ({ key, done }: { key: string; done: boolean }) =>
    api<RecoveryCaseDetail>(`/recovery/cases/${id}/steps/${encodeURIComponent(key)}`, {
      method: 'POST',
      body: { done },
    }),
  );

export const useSendFollowUp = (id: string) =>
  useCaseWrite(id, (input: FollowUpInput) =>
    api<{ case: RecoveryCaseDetail; invitation: Invitation }>(`/recovery/cases/${id}/follow-up`, {
      method: 'POST',
      body: input,
    }),
  );

/** Action items change the case (status, log): the case is read again. */
function useItemWrite<Input, Output>(caseId: string, write: (input: Input) => Promise<Output>) {
  return useWrite(write, [recoveryKeys.detail(caseId), recoveryKeys.cases, ['contacts', 'timeline']]);
}

export const useAddActionItem = (caseId: string) =>
  useItemWrite(caseId, (input: CreateActionItemInput) =>
    api<RecoveryActionItem>(`/recovery/cases/${caseId}/action-items`, { method: 'POST', body: input }),
  );

export const useUpdateActionItem = (caseId: string) =>
  useItemWrite(caseId, ({ id, ...input }: UpdateActionItemInput & { id: string }) =>
    api<RecoveryActionItem>(`/recovery/action-items/${id}`, { method: 'PATCH', body: input }),
  );

export const useDeleteActionItem = (caseId: string) =>
  useItemWrite(caseId, (id: string) => api<void>(`/recovery/action-items/${id}`, { method: 'DELETE' }));

export function useOpenCase() {
  return useWrite(
    (input: OpenRecoveryCaseInput) => api<RecoveryCaseDetail>('/recovery/cases', { method: 'POST', body: input }),
    [recoveryKeys.cases, ['contacts', 'timeline']],
  );
}

export const useRecoverySettings = () =>
  useQuery({
    queryKey: recoveryKeys.settings,
    queryFn: ({ signal }) => api<RecoverySettings>('/recovery/settings', { signal }),
  });

export const useSaveRecoverySettings = () =>
  useWrite(
    (input: UpdateRecoverySettingsInput) => api<RecoverySettings>('/recovery/settings', { method: 'PUT', body: input }),
    [recoveryKeys.settings],
  );

export const usePlaybooks = () =>
  useQuery({
    queryKey: recoveryKeys.playbooks,
    queryFn: async ({ signal }) => (await api<{ data: Playbook[] }>('/recovery/playbooks', { signal })).data,
  });

export const useSavePlaybook = () =>
  useWrite(
    ({ language, ...input }: UpdatePlaybookInput & { language: string }) =>
      api<Playbook>(`/recovery/playbooks/${language}`, { method: 'PUT', body: input }),
    [recoveryKeys.playbooks],
  );

export const useResetPlaybook = () =>
  useWrite(
    (language: string) => api<Playbook>(`/recovery/playbooks/${language}`, { method: 'DELETE' }),
    [recoveryKeys.playbooks],
  );

export function useEscalations(conversationId: string, enabled = true) {
  return useQuery({
    queryKey: recoveryKeys.escalations(conversationId),
    queryFn: async ({ signal }) =>
      (await api<{ data: Escalation[] }>(`/conversations/${conversationId}/escalations`, { signal })).data,
    enabled,
  });
}

export function useEscalate(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalateInput) =>
      api<{ escalation: Escalation; conversation: Conversation }>(`/conversations/${conversationId}/escalate`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: async ({ conversation }) => {
      queryClient.setQueryData(conversationKeys.detail(conversationId), conversation);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: recoveryKeys.escalations(conversationId) }),
        queryClient.invalidateQueries({ queryKey: conversationKeys.events(conversationId) }),
        queryClient.invalidateQueries({ queryKey: ['conversations', 'list'] }),
      ]);
    },
  });
}

export function useRecoveryMetrics(query: { from: string; to: string; by?: 'team' | 'channel' | 'owner' }) {
  return useQuery({
    queryKey: [...recoveryKeys.metrics, query],
    queryFn: ({ signal }) => api<RecoveryMetrics>('/metrics/recovery', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEscalationMetrics(query: { from: string; to: string; by?: 'team' | 'channel' }) {
  return useQuery({
    queryKey: [...recoveryKeys.metrics, 'escalations', query],
    queryFn: ({ signal }) => api<EscalationMetrics>('/metrics/escalations', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEscalatedConversations(
  query: { from: string; to: string; by?: 'team' | 'channel'; key?: string },
  enabled: boolean,
) {
  return useInfiniteQuery({
    queryKey: [...recoveryKeys.metrics, 'escalated', query],
    queryFn: ({ pageParam, signal }) =>
      fetchPage<Conversation>('/metrics/escalations/conversations', { limit: 50, ...query }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    enabled,
  });
}
