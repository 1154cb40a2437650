import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  AutomationRule,
  AutomationRun,
  AutomationRunStatus,
  CreateAutomationRuleInput,
  UpdateAutomationRuleInput,
} from '../../shared/contracts/automation.ts';
import { api } from './client.ts';
import { useWrite } from './hooks.ts';
import { fetchAll, fetchPage, nextCursor } from './pages.ts';

export const automationKeys = {
  rules: ['automation', 'rules'] as const,
  rule: (id: string) => ['automation', 'rules', id] as const,
  runs: (ruleId: string | null, status: AutomationRunStatus | null) => ['automation', 'runs', ruleId, status] as const,
};

/** Refetched while shown, so "last run" follows what the rules do in the background. */
export function useAutomationRules(enabled = true) {
  return useQuery({
    queryKey: automationKeys.rules,
    queryFn: ({ signal }) => fetchAll<AutomationRule>('/automation/rules', signal),
    enabled,
    // Fresh on every visit: coming back from the run log, the list's "last run" must agree with it.
    staleTime: 0,
    refetchInterval: 15_000,
  });
}

export function useAutomationRule(id: string | undefined) {
  return useQuery({
    queryKey: automationKeys.rule(id ?? ''),
    queryFn: ({ signal }) => api<AutomationRule>(`/automation/rules/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export type RuleInput = CreateAutomationRuleInput & { id?: string };

export function useSaveRule() {
  return useWrite(
    ({ id, ...input }: RuleInput) =>
      id
        ? api<AutomationRule>(`/automation/rules/${id}`, {
            method: 'PATCH',
            body: input satisfies UpdateAutomationRuleInput,
          })
        : api<AutomationRule>('/automation/rules', { method: 'POST', body: input }),
    [['automation']],
  );
}

export function useSetRuleEnabled() {
  return useWrite(
    ({ id, enabled }: { id: string; enabled: boolean }) =>
      api<AutomationRule>(`/automation/rules/${id}`, { method: 'PATCH', body: { enabled } }),
    [automationKeys.rules],
  );
}

export function useReorderRules() {
  return useWrite(
    (ids: string[]) => api<{ data: AutomationRule[] }>('/automation/rules/reorder', { method: 'POST', body: { ids } }),
    [automationKeys.rules],
  );
}

export function useDeleteRule() {
  return useWrite((id: string) => api<void>(`/automation/rules/${id}`, { method: 'DELETE' }), [['automation']]);
}

/** The run log, newest first, refreshed while shown. */
export function useAutomationRuns(ruleId: string | null, status: AutomationRunStatus | null) {
  return useInfiniteQuery({
    queryKey: automationKeys.runs(ruleId, status),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<AutomationRun>(
        '/automation/runs',
        { limit: 50, ruleId: ruleId ?? undefined, status: status ?? undefined },
        pageParam,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    staleTime: 0,
    refetchInterval: 10_000,
  });
}
