import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { DomainEventType } from '../../../shared/contracts/events.ts';
import { tz, workspaceId } from './columns.ts';

/**
 * The transactional outbox of domain events (conversation created, survey answered, SLA
 * warning, recovery case overdue, …), written in the same transaction as the change they
 * describe. One dispatcher reads the undispatched rows (FOR UPDATE SKIP LOCKED) and hands
 * each to the registered handlers — recovery, automation rules, webhooks, notifications —
 * inside one transaction with the marking, so an acknowledged change is acted on once.
 * Append-only: what is still to dispatch is in `domain_event_queue`.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    workspaceId: workspaceId(),
    /** UUIDv7: ascending in the order events happened. */
    id: uuid('id').notNull(),
    type: text('type').$type<DomainEventType>().notNull(),
    conversationId: uuid('conversation_id'),
    contactId: uuid('contact_id'),
    /** Survey response, recovery case, SLA target … the event is about (see `type`). */
    subjectId: uuid('subject_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Set when an automation rule's action caused the event: rules never run on such events (the loop guard). */
    originRuleId: uuid('origin_rule_id'),
    actorType: text('actor_type'),
    actorId: uuid('actor_id'),
    occurredAt: tz('occurred_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('domain_events_type_idx').on(t.workspaceId, t.type, t.occurredAt),
    index('domain_events_conversation_idx')
      .on(t.workspaceId, t.conversationId, t.occurredAt)
      .where(sql`${t.conversationId} is not null`),
  ],
);

/**
 * The events not dispatched yet, by id (UUIDv7, so in the order they happened): a narrow
 * row written with the event and deleted when it is dispatched. The dispatcher claims
 * rows here (FOR UPDATE SKIP LOCKED), so the wide event row is never rewritten: marking
 * it would be a non-HOT update of every index on domain_events for every event.
 */
export const domainEventQueue = pgTable(
  'domain_event_queue',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
  },
  // Keyed by id first: the dispatcher reads the queue in event order across workspaces.
  (t) => [primaryKey({ columns: [t.id, t.workspaceId] })],
);
