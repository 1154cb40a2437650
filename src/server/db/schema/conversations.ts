import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  ActorType,
  Channel,
  ConversationEventType,
  ConversationStatus,
  MessageKind,
  Priority,
} from '../../../shared/contracts/conversations.ts';
import type { EscalationTier } from '../../../shared/contracts/recovery.ts';
import { tsvector, tz, workspaceId } from './columns.ts';
import { contacts } from './customers.ts';

export const conversations = pgTable(
  'conversations',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    status: text('status').$type<ConversationStatus>().notNull().default('open'),
    priority: text('priority').$type<Priority>().notNull().default('normal'),
    subject: text('subject').notNull().default(''),
    contactId: uuid('contact_id').notNull(),
    /** The contact's company when the conversation started (a snapshot for metrics). */
    companyId: uuid('company_id'),
    assigneeId: uuid('assignee_id'),
    teamId: uuid('team_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    language: text('language'),
    externalId: text('external_id'),
    /** Care cycle: 1 at creation, +1 on every reopen. Metrics are per cycle. */
    cycle: integer('cycle').notNull().default(1),
    cycleStartedAt: tz('cycle_started_at').notNull(),
    /** When the customer started waiting for a human reply (null: nobody waits). */
    waitingSince: tz('waiting_since'),
    firstResponseAt: tz('first_response_at'),
    resolvedAt: tz('resolved_at'),
    closedAt: tz('closed_at'),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** The nearest running SLA deadline (first/next response or resolution); null when no clock runs. */
    slaDueAt: tz('sla_due_at'),
    /** Escalation tier reached in this care cycle: agent → senior → manager. */
    escalationTier: text('escalation_tier').$type<EscalationTier>().notNull().default('agent'),
    messageCount: integer('message_count').notNull().default(0),
    lastMessageAt: tz('last_message_at'),
    lastActivityAt: tz('last_activity_at').notNull(),
    preview: text('preview').notNull().default(''),
    searchVector: tsvector('search_vector'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }),
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('conversations_activity_idx').on(t.workspaceId, t.lastActivityAt, t.id),
    index('conversations_status_idx').on(t.workspaceId, t.status, t.lastActivityAt),
    index('conversations_contact_idx').on(t.workspaceId, t.contactId, t.createdAt),
    index('conversations_assignee_idx').on(t.workspaceId, t.assigneeId, t.status),
    index('conversations_created_idx').on(t.workspaceId, t.createdAt),
    index('conversations_sla_due_idx').on(t.workspaceId, t.slaDueAt).where(sql`${t.slaDueAt} is not null`),
    index('conversations_tags_idx').using('gin', t.workspaceId, t.tags),
    index('conversations_search_idx').using('gin', t.workspaceId, t.searchVector),
    uniqueIndex('conversations_external_key')
      .on(t.workspaceId, t.channel, t.externalId)
      .where(sql`${t.externalId} is not null`),
  ],
);

/** One row per care cycle: the milestones metrics are computed from. */
export const conversationCycles = pgTable(
  'conversation_cycles',
  {
    workspaceId: workspaceId(),
    conversationId: uuid('conversation_id').notNull(),
    cycle: integer('cycle').notNull(),
    startedAt: tz('started_at').notNull(),
    firstResponseAt: tz('first_response_at'),
    firstResponderId: uuid('first_responder_id'),
    firstResponseSeconds: integer('first_response_seconds'),
    resolvedAt: tz('resolved_at'),
    resolverId: uuid('resolver_id'),
    resolutionSeconds: integer('resolution_seconds'),
    /** The same durations counted in business hours of the conversation's calendar (see business-hours). */
    firstResponseBusinessSeconds: integer('first_response_business_seconds'),
    resolutionBusinessSeconds: integer('resolution_business_seconds'),
    /** This cycle's resolution was undone by a reopen (imports set it from their reopen count). */
    reopened: boolean('reopened').notNull().default(false),
    publicReplies: integer('public_replies').notNull().default(0),
    inboundMessages: integer('inbound_messages').notNull().default(0),
    assigneeId: uuid('assignee_id'),
    teamId: uuid('team_id'),
  },
  (t) => [
    foreignKey({
      columns: [t.workspaceId, t.conversationId],
      foreignColumns: [conversations.workspaceId, conversations.id],
    }),
    primaryKey({ columns: [t.workspaceId, t.conversationId, t.cycle] }),
    index('conversation_cycles_started_idx').on(t.workspaceId, t.startedAt),
    index('conversation_cycles_resolved_idx').on(t.workspaceId, t.resolvedAt),
    index('conversation_cycles_first_response_idx').on(t.workspaceId, t.firstResponseAt),
  ],
);

/** Append-only: nothing updates or deletes these rows. The seam for SLA, automation and metrics. */
export const conversationEvents = pgTable(
  'conversation_events',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    cycle: integer('cycle').notNull(),
    type: text('type').$type<ConversationEventType>().notNull(),
    actorType: text('actor_type').$type<ActorType>().notNull(),
    actorId: uuid('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: tz('occurred_at').notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.workspaceId, t.conversationId],
      foreignColumns: [conversations.workspaceId, conversations.id],
    }),
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('conversation_events_conversation_idx').on(t.workspaceId, t.conversationId, t.occurredAt),
    index('conversation_events_type_idx').on(t.workspaceId, t.type, t.occurredAt),
  ],
);

export const messages = pgTable(
  'messages',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    cycle: integer('cycle').notNull(),
    kind: text('kind').$type<MessageKind>().notNull(),
    authorType: text('author_type').$type<ActorType>().notNull(),
    authorId: uuid('author_id'),
    /** Contact of the conversation, denormalised so a customer's timeline is one index scan. */
    contactId: uuid('contact_id').notNull(),
    body: text('body').notNull(),
    externalId: text('external_id'),
    /**
     * For a public human reply: how long the customer had waited for it (reply time),
     * in calendar and business seconds; null for every other message.
     */
    waitSeconds: integer('wait_seconds'),
    waitBusinessSeconds: integer('wait_business_seconds'),
    searchVector: tsvector('search_vector'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.workspaceId, t.conversationId],
      foreignColumns: [conversations.workspaceId, conversations.id],
    }),
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('messages_replies_idx').on(t.workspaceId, t.createdAt).where(sql`${t.waitSeconds} is not null`),
    index('messages_conversation_idx').on(t.workspaceId, t.conversationId, t.createdAt),
    index('messages_contact_idx').on(t.workspaceId, t.contactId, t.createdAt),
    index('messages_search_idx').using('gin', t.workspaceId, t.searchVector),
  ],
);

/** Canned responses; `bodies` maps a language ("ja", "en") to its text with {{variables}}. */
export const replyScripts = pgTable(
  'reply_scripts',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    shortcut: text('shortcut').notNull(),
    bodies: jsonb('bodies').$type<Record<string, string>>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('reply_scripts_shortcut_key').on(t.workspaceId, t.shortcut),
  ],
);
