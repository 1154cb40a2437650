import type { DomainEventType } from '../../../shared/contracts/events.ts';
import type { Webhook, WebhookAttempt, WebhookDelivery } from '../../../shared/contracts/webhooks.ts';
import type { webhookDeliveries, webhookEndpoints } from '../../db/schema/index.ts';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export interface EndpointStats {
  lastDelivery: Webhook['lastDelivery'];
  recent: Webhook['recent'];
}

export const NO_STATS: EndpointStats = { lastDelivery: null, recent: { succeeded: 0, failed: 0, pending: 0 } };

export function presentWebhook(row: EndpointRow, stats: EndpointStats = NO_STATS, now = new Date()): Webhook {
  const overlap = signingSecrets(row, now).length > 1;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as DomainEventType[],
    enabled: row.enabled,
    lastDelivery: stats.lastDelivery,
    recent: stats.recent,
    previousSecretExpiresAt: overlap ? (row.previousSecretExpiresAt?.toISOString() ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** `webhook-id`: the event's id, so every endpoint and every retry name the same message; a ping's own id. */
export const messageIdOf = (row: Pick<DeliveryRow, 'eventId' | 'id'>) => row.eventId ?? row.id;

function presentAttempt(raw: Record<string, unknown>): WebhookAttempt {
  return {
    at: String(raw.at),
    statusCode: typeof raw.statusCode === 'number' ? raw.statusCode : null,
    error: typeof raw.error === 'string' ? raw.error : null,
    ms: typeof raw.ms === 'number' ? Math.round(raw.ms) : 0,
    response: typeof raw.response === 'string' ? raw.response : null,
  };
}

export function presentDelivery(row: DeliveryRow, maxAttempts: number): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    messageId: messageIdOf(row),
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: Math.max(maxAttempts, row.attempts),
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    payload: row.payload,
    attemptLog: row.attemptLog.map(presentAttempt),
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}

/** The secrets that sign a request made at `at`: the current one, and the previous one until it expires. */
export function signingSecrets(
  row: Pick<EndpointRow, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>,
  at: Date,
): string[] {
  const previous = row.previousSecret && row.previousSecretExpiresAt && row.previousSecretExpiresAt > at;
  return previous ? [row.secret, row.previousSecret as string] : [row.secret];
}
