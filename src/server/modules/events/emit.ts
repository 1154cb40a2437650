import type { ActorType } from '../../../shared/contracts/conversations.ts';
import type { DomainEventType } from '../../../shared/contracts/events.ts';
import type { Tx } from '../../db/client.ts';
import { namedQuery } from '../../db/raw.ts';
import type { domainEvents } from '../../db/schema/index.ts';
import { newIds } from '../../lib/id.ts';

export interface NewDomainEvent {
  type: DomainEventType;
  conversationId?: string | null;
  contactId?: string | null;
  subjectId?: string | null;
  data?: Record<string, unknown>;
  /** Who did it; an `automation` actor's id is the rule, which marks the event for the loop guard. */
  actor?: { type: ActorType; id: string | null };
  at: Date;
}

export type DomainEventRow = typeof domainEvents.$inferSelect;

/**
 * The events and their queue entries in one statement of fixed text (array parameters):
 * the same for any number of events, so it is parsed and planned once per connection.
 */
const EMIT = `with events as (
    insert into domain_events (workspace_id, id, type, conversation_id, contact_id, subject_id, data,
      origin_rule_id, actor_type, actor_id, occurred_at)
    select $1, id, type, conversation_id, contact_id, subject_id, data::jsonb,
      origin_rule_id, actor_type, actor_id, occurred_at
    from unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::uuid[], $9::text[],
      $10::uuid[], $11::timestamptz[])
      as e(id, type, conversation_id, contact_id, subject_id, data, origin_rule_id, actor_type, actor_id, occurred_at)
    returning workspace_id, id)
  insert into domain_event_queue (workspace_id, id) select workspace_id, id from events`;

/**
 * Appends domain events to the outbox inside the caller's transaction, and queues them for
 * dispatch: they exist exactly when the change they describe committed. The dispatcher
 * (dispatch.ts) hands them to recovery, automation, notifications and webhooks.
 */
export async function emitEvents(tx: Tx, workspaceId: string, events: NewDomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const ids = newIds(events.map((e) => e.at.getTime()));
  await namedQuery(tx, 'koe_emit_events', EMIT, [
    workspaceId,
    ids,
    events.map((e) => e.type),
    events.map((e) => e.conversationId ?? null),
    events.map((e) => e.contactId ?? null),
    events.map((e) => e.subjectId ?? null),
    events.map((e) => JSON.stringify(e.data ?? {})),
    events.map((e) => (e.actor?.type === 'automation' ? e.actor.id : null)),
    events.map((e) => e.actor?.type ?? null),
    events.map((e) => e.actor?.id ?? null),
    events.map((e) => e.at.toISOString()),
  ]);
}
