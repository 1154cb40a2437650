import { z } from 'zod';
import { Id, PageQuery } from './common.ts';
import { DOMAIN_EVENT_TYPES, DomainEventType } from './events.ts';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** sla_breached and automation (an automation rule's "notify" action) extend the original five. */
export const NOTIFICATION_TYPES = [
  'assigned',
  'mentioned',
  'escalated',
  'sla_warning',
  'recovery_due',
  'sla_breached',
  'automation',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Outgoing webhooks: subscriptions per domain event type, signed by the Standard Webhooks scheme. */

/** The event type of the ping sent by "Send test" (not a domain event; no subscription needed). */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/**
 * An endpoint's address: http or https, no user name or password (the signature is what
 * authenticates Koe). Whether the host may be private is checked by the server.
 */
export const WebhookUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute URL such as https://example.com/webhooks/koe' });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: 'must start with https:// or http://' });
    } else if (url.username || url.password) {
      ctx.addIssue({
        code: 'custom',
        message: 'must not contain a user name or password; the signature authenticates Koe',
      });
    } else if (!url.hostname) {
      ctx.addIssue({ code: 'custom', message: 'must name a host' });
    }
  });

const EventTypes = z
  .array(DomainEventType)
  .max(DOMAIN_EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, 'lists an event type twice');

export const CreateWebhookInput = z.object({
  url: WebhookUrl,
  description: z.string().trim().max(500).default(''),
  /** The domain event types delivered; empty (the default) means every type. */
  eventTypes: EventTypes.default([]),
  enabled: z.boolean().default(true),
});
export type CreateWebhookInput = z.input<typeof CreateWebhookInput>;

export const UpdateWebhookInput = z.object({
  url: WebhookUrl.optional(),
  description: z.string().trim().max(500).optional(),
  eventTypes: EventTypes.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInput>;

export const WebhookDeliveryStatus = z.enum(WEBHOOK_DELIVERY_STATUSES);

export const Webhook = z.object({
  id: Id,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(DomainEventType),
  enabled: z.boolean(),
  /** The latest delivery, for the list's status column. */
  lastDelivery: z
    .object({
      status: WebhookDeliveryStatus,
      eventType: z.string(),
      statusCode: z.number().int().nullable(),
      at: z.iso.datetime(),
    })
    .nullable(),
  /** Deliveries of the last 24 hours by outcome (pending counts those still retrying). */
  recent: z.object({ succeeded: z.number().int(), failed: z.number().int(), pending: z.number().int() }),
  /** Until when the secret before the last rotation still signs requests too (null: only the current one does). */
  previousSecretExpiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Webhook = z.infer<typeof Webhook>;

/**
 * Rotation. `previousSecretHours` (0–168, default 0): how long the old secret keeps signing requests
 * beside the new one (each request then carries both signatures), so a receiver can switch without
 * rejecting anything; 0 retires it at once.
 */
export const RotateWebhookSecretInput = z
  .object({ previousSecretHours: z.number().int().min(0).max(168).optional() })
  .optional();
export type RotateWebhookSecretInput = z.infer<typeof RotateWebhookSecretInput>;

/** Returned by create and rotate-secret only: the signing secret, "whsec_" + base64 of 32 random bytes. */
export const WebhookWithSecret = Webhook.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

/** One try: when, the HTTP status (null when no answer came), why it failed, how long it took. */
export const WebhookAttempt = z.object({
  at: z.iso.datetime(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  ms: z.number().int(),
  /** The start of the receiver's answer (at most 500 characters). */
  response: z.string().nullable(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

export const WebhookDelivery = z.object({
  id: Id,
  endpointId: Id,
  /** The domain event delivered (null for a test ping); it is also the `webhook-id` header. */
  eventId: Id.nullable(),
  /** The `webhook-id` header: the same on every retry. */
  messageId: z.string(),
  eventType: z.string(),
  status: WebhookDeliveryStatus,
  attempts: z.number().int(),
  /** Attempts allowed before the delivery counts as failed (first try + retries). */
  maxAttempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  attemptLog: z.array(WebhookAttempt),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryQuery = PageQuery.extend({ status: WebhookDeliveryStatus.optional() });
export type WebhookDeliveryQuery = z.infer<typeof WebhookDeliveryQuery>;
