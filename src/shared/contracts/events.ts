import { z } from 'zod';

/**
 * Domain events: what happened, as automation rules, webhooks and notifications see it.
 * Written to the `domain_events` outbox in the transaction of the change. Webhook
 * subscriptions and rule triggers name these types exactly.
 */
export const DOMAIN_EVENT_TYPES = [
  'conversation.created',
  'conversation.updated',
  'conversation.assigned',
  'conversation.resolved',
  'conversation.reopened',
  'conversation.escalated',
  'message.received',
  'message.sent',
  'note.added',
  'survey.answered',
  'sla.warning',
  'sla.breached',
  'recovery.opened',
  'recovery.updated',
  'recovery.overdue',
  'recovery.closed',
] as const;
export const DomainEventType = z.enum(DOMAIN_EVENT_TYPES);
export type DomainEventType = z.infer<typeof DomainEventType>;

export const DomainEvent = z.object({
  id: z.uuid(),
  type: DomainEventType,
  conversationId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  subjectId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
  originRuleId: z.uuid().nullable(),
  occurredAt: z.string(),
});
export type DomainEvent = z.infer<typeof DomainEvent>;
