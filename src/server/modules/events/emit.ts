import type { ActorType } from '../../../shared/contracts/conversations.ts';
import type { DomainEventType } from '../../../shared/contracts/events.ts';
import type { Tx } from '../../db/client.ts';
import { insertMany } from '../../db/insert-many.ts';
import { domainEvents } from '../../db/schema/index.ts';
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
 * Appends domain events to the outbox inside the caller's transaction: they exist exactly
 * when the change they describe committed. The dispatcher (dispatch.ts) hands them to
 * recovery, automation, notifications and webhooks.
 */
export async function emitEvents(tx: Tx, workspaceId: string, events: NewDomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  // One array parameter per column: the same statement text for any number of events (the answer path emits in batches).
  const ids = newIds(events.map((e) => e.at.getTime()));
  await insertMany(
    tx,
    domainEvents,
    events.map((e, index) => ({
      workspaceId,
      id: ids[index] as string,
      type: e.type,
      conversationId: e.conversationId ?? null,
      contactId: e.contactId ?? null,
      subjectId: e.subjectId ?? null,
      data: e.data ?? {},
      originRuleId: e.actor?.type === 'automation' ? e.actor.id : null,
      actorType: e.actor?.type ?? null,
      actorId: e.actor?.id ?? null,
      occurredAt: e.at,
    })),
  );
}
