import type { Conversation, ConversationEvent, Message, ReplyScript } from '../../../shared/contracts/conversations.ts';
import type { conversationEvents, conversations, messages, replyScripts } from '../../db/schema/index.ts';

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function presentConversation(
  row: typeof conversations.$inferSelect,
  contact: { id: string; name: string; email: string | null } | null,
  /** The open SLA clocks and nearest deadline (sla/targets.ts slaOfConversations). */
  sla: Pick<Conversation, 'slaDueAt' | 'slaTargets'> = { slaDueAt: null, slaTargets: [] },
): Conversation {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    priority: row.priority,
    subject: row.subject,
    preview: row.preview,
    contactId: row.contactId,
    contact,
    companyId: row.companyId,
    assigneeId: row.assigneeId,
    teamId: row.teamId,
    tags: row.tags,
    language: row.language,
    externalId: row.externalId,
    cycle: row.cycle,
    cycleStartedAt: row.cycleStartedAt.toISOString(),
    waitingSince: isoOrNull(row.waitingSince),
    firstResponseAt: isoOrNull(row.firstResponseAt),
    resolvedAt: isoOrNull(row.resolvedAt),
    closedAt: isoOrNull(row.closedAt),
    reopenCount: row.reopenCount,
    slaDueAt: sla.slaDueAt,
    slaTargets: sla.slaTargets,
    escalationTier: row.escalationTier,
    messageCount: row.messageCount,
    lastMessageAt: isoOrNull(row.lastMessageAt),
    lastActivityAt: row.lastActivityAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentMessage(row: typeof messages.$inferSelect, authorName: string | null): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    cycle: row.cycle,
    kind: row.kind,
    authorType: row.authorType,
    authorId: row.authorId,
    authorName,
    body: row.body,
    externalId: row.externalId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentEvent(row: typeof conversationEvents.$inferSelect, actorName: string | null): ConversationEvent {
  return {
    id: row.id,
    conversationId: row.conversationId,
    cycle: row.cycle,
    type: row.type,
    actorType: row.actorType,
    actorId: row.actorId,
    actorName,
    data: row.data,
    occurredAt: row.occurredAt.toISOString(),
  };
}

export function presentScript(row: typeof replyScripts.$inferSelect): ReplyScript {
  return {
    id: row.id,
    name: row.name,
    shortcut: row.shortcut,
    bodies: row.bodies,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
