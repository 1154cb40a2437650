import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  CreateSuppressionInput,
  EmailStatus,
  EmailSuppression,
  OutboxEmail,
  OutboxEmailDetail,
} from '../../shared/contracts/email.ts';
import type { WidgetInstallation } from '../../shared/contracts/widget.ts';
import { api } from './client.ts';
import { useWrite } from './hooks.ts';
import { fetchPage, nextCursor } from './pages.ts';

export const emailKeys = {
  outbox: (status: EmailStatus | null) => ['outbox', 'list', status] as const,
  outboxEmail: (id: string) => ['outbox', 'detail', id] as const,
  suppressions: (q: string) => ['email-suppressions', q] as const,
  widget: ['widget-installation'] as const,
};

export function useOutbox(status: EmailStatus | null) {
  return useInfiniteQuery({
    queryKey: emailKeys.outbox(status),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<OutboxEmail>('/outbox', { limit: 50, status: status ?? undefined }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    refetchInterval: 15_000,
  });
}

export function useOutboxEmail(id: string | null) {
  return useQuery({
    queryKey: emailKeys.outboxEmail(id ?? ''),
    queryFn: ({ signal }) => api<OutboxEmailDetail>(`/outbox/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useSuppressions(q: string) {
  return useInfiniteQuery({
    queryKey: emailKeys.suppressions(q),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<EmailSuppression>('/email-suppressions', { limit: 50, q: q.trim() || undefined }, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

export function useAddSuppression() {
  return useWrite(
    (input: CreateSuppressionInput) => api<EmailSuppression>('/email-suppressions', { method: 'POST', body: input }),
    [['email-suppressions']],
  );
}

export function useRemoveSuppression() {
  return useWrite(
    (email: string) => api<void>(`/email-suppressions/${encodeURIComponent(email)}`, { method: 'DELETE' }),
    [['email-suppressions']],
  );
}

export function useWidgetInstallation(enabled = true) {
  return useQuery({
    queryKey: emailKeys.widget,
    queryFn: ({ signal }) => api<WidgetInstallation>('/settings/widget', { signal }),
    enabled,
    retry: false,
  });
}

export function useRotateWidgetSecret() {
  return useWrite(() => api<WidgetInstallation>('/settings/widget/secret', { method: 'POST' }), [emailKeys.widget]);
}
