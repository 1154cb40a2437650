import { z } from 'zod';
import { commaList, Id, PageQuery, PastTimestamp } from './common.ts';
import { EscalationTier } from './recovery.ts';
import { SlaTargetSummary } from './sla-targets.ts';

export const CHANNELS = ['email', 'chat', 'in_app', 'phone', 'social', 'review', 'api'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
export const ConversationStatus = z.enum(STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const Priority = z.enum(PRIORITIES);
export type Priority = z.infer<typeof Priority>;

/**
 * customer: inbound from the customer; reply: public reply by a person;
 * note: internal, never shown to the customer; bot: automated public message.
 */
export const MESSAGE_KINDS = ['customer', 'reply', 'note', 'bot'] as const;
export const MessageKind = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKind>;

/** `automation`: an automation rule acted (the actor id is the rule). */
export const ACTOR_TYPES = ['user', 'contact', 'bot', 'system', 'automation'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const CONVERSATION_EVENT_TYPES = [
  'created',
  'message_inbound',
  'message_outbound',
  'note_added',
  'bot_message',
  'first_response',
  'assigned',
  'team_changed',
  'status_changed',
  'priority_changed',
  'tags_changed',
  'subject_changed',
  'resolved',
  'reopened',
  'closed',
  'contact_merged',
  'escalated',
  'sla_breached',
] as const;
export type ConversationEventType = (typeof CONVERSATION_EVENT_TYPES)[number];

const Tag = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[^,\s][^,]*$/, 'must not contain commas');

export const Conversation = z.object({
  id: Id,
  channel: Channel,
  status: ConversationStatus,
  priority: Priority,
  subject: z.string(),
  preview: z.string(),
  contactId: Id,
  contact: z.object({ id: Id, name: z.string(), email: z.string().nullable() }).nullable(),
  companyId: Id.nullable(),
  assigneeId: Id.nullable(),
  teamId: Id.nullable(),
  tags: z.array(z.string()),
  language: z.string().nullable(),
  externalId: z.string().nullable(),
  cycle: z.number().int(),
  cycleStartedAt: z.iso.datetime(),
  waitingSince: z.iso.datetime().nullable(),
  firstResponseAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  reopenCount: z.number().int(),
  /** The nearest running SLA deadline (past when overdue); null when no clock runs. */
  slaDueAt: z.iso.datetime().nullable(),
  /** Open SLA clocks of the conversation: running, paused (pending) or breached and not yet met. */
  slaTargets: z.array(SlaTargetSummary),
  /** Escalation tier reached in this care cycle: agent → senior → manager. */
  escalationTier: EscalationTier,
  messageCount: z.number().int(),
  lastMessageAt: z.iso.datetime().nullable(),
  lastActivityAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Conversation = z.infer<typeof Conversation>;

/** The customer: an existing contact id, or an email/phone/external id that finds or creates one. */
export const CustomerRef = z
  .object({
    contactId: Id.optional(),
    email: z.email().max(320).optional(),
    phone: z.string().trim().min(5).max(30).optional(),
    externalId: z.string().trim().min(1).max(200).optional(),
    name: z.string().trim().max(200).optional(),
    locale: z.string().trim().min(2).max(20).optional(),
  })
  .refine((c) => c.contactId || c.email || c.phone || c.externalId, {
    message: 'needs contactId, email, phone or externalId',
  });

export const CreateConversationInput = z.object({
  channel: Channel,
  customer: CustomerRef,
  subject: z.string().trim().max(500).default(''),
  priority: Priority.default('normal'),
  status: ConversationStatus.optional(),
  assigneeId: Id.nullable().optional(),
  teamId: Id.nullable().optional(),
  tags: z.array(Tag).max(50).default([]),
  language: z.string().trim().min(2).max(20).optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
  /** When the conversation began; defaults to now (used by imports of history). */
  createdAt: PastTimestamp.optional(),
  /** The customer's first message, if any. */
  message: z.object({ body: z.string().min(1).max(100_000) }).optional(),
});
export type CreateConversationInput = z.infer<typeof CreateConversationInput>;

export const UpdateConversationInput = z.object({
  status: ConversationStatus.optional(),
  priority: Priority.optional(),
  subject: z.string().trim().max(500).optional(),
  assigneeId: Id.nullable().optional(),
  teamId: Id.nullable().optional(),
  tags: z.array(Tag).max(50).optional(),
});
export type UpdateConversationInput = z.infer<typeof UpdateConversationInput>;

export const ConversationListQuery = PageQuery.extend({
  status: commaList(ConversationStatus),
  channel: commaList(Channel),
  /** A user id, "me" or "none" (unassigned). */
  assignee: z.union([Id, z.enum(['me', 'none'])]).optional(),
  teamId: Id.optional(),
  tag: z.string().max(50).optional(),
  contactId: Id.optional(),
  q: z.string().trim().max(200).optional(),
  /**
   * SLA: `running` = a deadline runs (overdue included); `due_soon` = a running clock's
   * warning fired or its deadline passed; `breached` = overdue.
   */
  sla: z.enum(['running', 'due_soon', 'breached']).optional(),
  /** Escalation tiers reached in the current care cycle, comma-separated: `senior,manager` = escalated. */
  escalation: commaList(EscalationTier),
  /** `activity` (latest first, the default) or `sla_due` (nearest SLA deadline first; none last). */
  sort: z.enum(['activity', 'sla_due']).default('activity'),
});
export type ConversationListQuery = z.infer<typeof ConversationListQuery>;

export const Message = z.object({
  id: Id,
  conversationId: Id,
  cycle: z.number().int(),
  kind: MessageKind,
  authorType: z.enum(ACTOR_TYPES),
  authorId: Id.nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  externalId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Message = z.infer<typeof Message>;

export const CreateMessageInput = z.object({
  kind: MessageKind,
  body: z.string().trim().min(1).max(100_000),
  /** For `reply` and `note` through an API key: the member who wrote it (defaults to the caller). */
  authorId: Id.optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
  createdAt: PastTimestamp.optional(),
  /** Set the status in the same step ("reply and resolve"). */
  status: ConversationStatus.optional(),
});
export type CreateMessageInput = z.infer<typeof CreateMessageInput>;

export const ConversationEvent = z.object({
  id: Id,
  conversationId: Id,
  cycle: z.number().int(),
  type: z.enum(CONVERSATION_EVENT_TYPES),
  actorType: z.enum(ACTOR_TYPES),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  occurredAt: z.iso.datetime(),
});
export type ConversationEvent = z.infer<typeof ConversationEvent>;

export const ReplyScript = z.object({
  id: Id,
  name: z.string(),
  shortcut: z.string(),
  bodies: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ReplyScript = z.infer<typeof ReplyScript>;

export const CreateReplyScriptInput = z.object({
  name: z.string().trim().min(1).max(200),
  shortcut: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[a-z0-9_-]+$/, 'must be lowercase letters, digits, - or _'),
  bodies: z
    .record(
      z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as ja or en'),
      z.string().min(1).max(10_000),
    )
    .refine((b) => Object.keys(b).length > 0, 'needs at least one language'),
});
export const UpdateReplyScriptInput = CreateReplyScriptInput.partial();

export const RenderScriptInput = z.object({
  conversationId: Id,
  language: z.string().min(2).max(20).optional(),
});

export const ConversationPageQuery = PageQuery;
