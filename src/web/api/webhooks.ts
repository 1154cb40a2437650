import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  CreateWebhookInput,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookWithSecret,
} from '../../shared/contracts/webhooks.ts';
import { api } from './client.ts';
import { useWrite } from './hooks.ts';
import { fetchAll, fetchPage, nextCursor } from './pages.ts';

export const webhookKeys = {
  all: ['webhooks'] as const,
  deliveries: (id: string, status: WebhookDeliveryStatus | null) => ['webhooks', id, 'deliveries', status] as const,
};

/** Refetched while shown so each endpoint's last delivery follows the deliveries made in the background. */
export function useWebhooks(enabled = true) {
  return useQuery({
    queryKey: webhookKeys.all,
    queryFn: ({ signal }) => fetchAll<Webhook>('/webhooks', signal),
    enabled,
    refetchInterval: 10_000,
  });
}

export type WebhookInput = CreateWebhookInput & { id?: string };

/** Creating returns the secret (shown once); saving an existing endpoint does not. */
export function useSaveWebhook() {
  return useWrite(
    ({ id, ...input }: WebhookInput): Promise<Webhook | WebhookWithSecret> =>
      id
        ? api<Webhook>(`/webhooks/${id}`, { method: 'PATCH', body: input satisfies UpdateWebhookInput })
        : api<WebhookWithSecret>('/webhooks', { method: 'POST', body: input }),
    [webhookKeys.all],
  );
}

export function useSetWebhookEnabled() {
  return useWrite(
    ({ id, enabled }: { id: string; enabled: boolean }) =>
      api<Webhook>(`/webhooks/${id}`, { method: 'PATCH', body: { enabled } }),
    [webhookKeys.all],
  );
}

export function useDeleteWebhook() {
  return useWrite((id: string) => api<void>(`/webhooks/${id}`, { method: 'DELETE' }), [webhookKeys.all]);
}

export function useRotateWebhookSecret() {
  return useWrite(
    ({ id, previousSecretHours }: { id: string; previousSecretHours: number }) =>
      api<WebhookWithSecret>(`/webhooks/${id}/rotate-secret`, { method: 'POST', body: { previousSecretHours } }),
    [webhookKeys.all],
  );
}

export function useTestWebhook() {
  return useWrite((id: string) => api<WebhookDelivery>(`/webhooks/${id}/test`, { method: 'POST' }), [webhookKeys.all]);
}

export function useRetryDelivery() {
  return useWrite(
    (id: string) => api<WebhookDelivery>(`/webhooks/deliveries/${id}/retry`, { method: 'POST' }),
    [['webhooks']],
  );
}

/** The delivery log, newest first; polled while shown so attempts and retries appear as they happen. */
export function useDeliveries(endpointId: string | null, status: WebhookDeliveryStatus | null) {
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveries(endpointId ?? '', status),
    queryFn: ({ pageParam, signal }) =>
      fetchPage<WebhookDelivery>(
        `/webhooks/${endpointId}/deliveries`,
        { limit: 25, status: status ?? undefined },
        pageParam,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    enabled: Boolean(endpointId),
    refetchInterval: 3_000,
  });
}
