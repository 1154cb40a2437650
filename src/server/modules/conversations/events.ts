import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Page } from '../../../shared/contracts/common.ts';
import type { ActorType, ConversationEvent, ConversationEventType } from '../../../shared/contracts/conversations.ts';
import type { DomainEventType } from '../../../shared/contracts/events.ts';
import type { Tx } from '../../db/client.ts';
import { contacts, conversationEvents } from '../../db/schema/index.ts';
import { decodeCursor, toPage } from '../../lib/cursor.ts';
import { newIds } from '../../lib/id.ts';
import { ruleNames } from '../automation/names.ts';
import { emitEvents, type NewDomainEvent } from '../events/emit.ts';
import { applySlaEvents } from '../sla/engine.ts';
import { memberNames } from '../workspaces/service.ts';
import { presentEvent } from './presenters.ts';
import { heldUpdates, mergeChange } from './updates.ts';

export interface Actor {
  type: ActorType;
  id: string | null;
}

export const SYSTEM: Actor = { type: 'system', id: null };

export interface NewEvent {
  conversationId: string;
  cycle: number;
  type: ConversationEventType;
  actor: Actor;
  data?: Record<string, unknown>;
  at: Date;
}

/** Conversation log entries that are also domain events (for rules, webhooks, notifications). */
const DOMAIN_TYPES: Partial<Record<ConversationEventType, DomainEventType>> = {
  created: 'conversation.created',
  assigned: 'conversation.assigned',
  resolved: 'conversation.resolved',
  reopened: 'conversation.reopened',
  escalated: 'conversation.escalated',
  message_inbound: 'message.received',
  message_outbound: 'message.sent',
  note_added: 'note.added',
};
/** Changes reported together as one `conversation.updated` per conversation and step. */
const UPDATE_TYPES = new Set<ConversationEventType>([
  'assigned',
  'team_changed',
  'status_changed',
  'priority_changed',
  'tags_changed',
  'subject_changed',
]);

/** The domain events a step's log entries stand for: one per notable entry, plus one `conversation.updated` listing the changes. */
export function domainEventsOf(events: NewEvent[]): NewDomainEvent[] {
  const out: NewDomainEvent[] = [];
  const updates = new Map<string, { event: NewEvent; changes: Record<string, unknown> }>();
  for (const e of events) {
    const type = DOMAIN_TYPES[e.type];
    if (type) {
      out.push({
        type,
        conversationId: e.conversationId,
        data: { cycle: e.cycle, ...(e.data ?? {}) },
        actor: e.actor,
        at: e.at,
      });
    }
    if (UPDATE_TYPES.has(e.type)) {
      const update = updates.get(e.conversationId) ?? { event: e, changes: {} };
      mergeChange(update.changes, e.type.replace(/_changed$/, ''), e.data ?? {});
      updates.set(e.conversationId, update);
    }
  }
  for (const { event, changes } of updates.values()) {
    if (Object.keys(changes).length === 0) continue;
    out.push({
      type: 'conversation.updated',
      conversationId: event.conversationId,
      data: { cycle: event.cycle, changes },
      actor: event.actor,
      at: event.at,
    });
  }
  return out;
}

/**
 * Appends to the conversation's event log inside the caller's transaction, and the
 * domain events they stand for to the outbox — unless `domainEvents` is false (imported
 * history: rules, webhooks and notifications act on what happens now, not on the past).
 */
export async function recordEvents(
  tx: Tx,
  workspaceId: string,
  events: NewEvent[],
  options: { domainEvents?: boolean } = {},
): Promise<void> {
  if (events.length === 0) return;
  if (options.domainEvents !== false) {
    const domain = domainEventsOf(events);
    const hold = heldUpdates();
    if (hold) hold.push(...domain.filter((e) => e.type === 'conversation.updated'));
    await emitEvents(tx, workspaceId, hold ? domain.filter((e) => e.type !== 'conversation.updated') : domain);
    // SLA clocks follow every live change in its transaction; overdue clocks add their breach to the log.
    events = [...events, ...(await applySlaEvents(tx, workspaceId, events))];
  }
  // The log is read in (occurred_at, id) order, and one step often records several events
  // at the same instant (reopened, status_changed, message_inbound).
  const ids = newIds(events.map((e) => e.at.getTime()));
  await tx.insert(conversationEvents).values(
    events.map((e, index) => ({
      workspaceId,
      id: ids[index] as string,
      conversationId: e.conversationId,
      cycle: e.cycle,
      type: e.type,
      actorType: e.actor.type,
      actorId: e.actor.id,
      data: e.data ?? {},
      occurredAt: e.at,
    })),
  );
}

export async function actorNames(
  tx: Tx,
  workspaceId: string,
  actors: { type: ActorType; id: string | null }[],
): Promise<Map<string, string>> {
  const userIds = actors.filter((a) => a.type === 'user' && a.id).map((a) => a.id as string);
  const contactIds = [...new Set(actors.filter((a) => a.type === 'contact' && a.id).map((a) => a.id as string))];
  const names = await memberNames(tx, workspaceId, userIds);
  if (contactIds.length > 0) {
    const rows = await tx
      .select({ id: contacts.id, name: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), sql`${contacts.id} in ${contactIds}`));
    for (const row of rows) names.set(row.id, row.name);
  }
  // An automation actor is a rule: its name ("by rule “VIP routing”").
  const ruleIds = actors.filter((a) => a.type === 'automation' && a.id).map((a) => a.id as string);
  for (const [id, name] of await ruleNames(tx, workspaceId, ruleIds)) names.set(id, name);
  return names;
}

export async function listEvents(
  tx: Tx,
  workspaceId: string,
  conversationId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<ConversationEvent>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await tx
    .select()
    .from(conversationEvents)
    .where(
      and(
        eq(conversationEvents.workspaceId, workspaceId),
        eq(conversationEvents.conversationId, conversationId),
        cursor
          ? or(
              gt(conversationEvents.occurredAt, new Date(cursor.at)),
              and(eq(conversationEvents.occurredAt, new Date(cursor.at)), gt(conversationEvents.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(conversationEvents.occurredAt), asc(conversationEvents.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.occurredAt, id: r.id }));
  const names = await actorNames(
    tx,
    workspaceId,
    page.data.map((r) => ({ type: r.actorType, id: r.actorId })),
  );
  return {
    data: page.data.map((r) => presentEvent(r, r.actorId ? (names.get(r.actorId) ?? null) : null)),
    nextCursor: page.nextCursor,
  };
}
