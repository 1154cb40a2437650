import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type {
  AutomationAction,
  AutomationActionResult,
  AutomationConditionGroup,
  AutomationRunStatus,
  AutomationTrigger,
} from '../../../shared/contracts/automation.ts';
import type { NotificationType, WebhookDeliveryStatus } from '../../../shared/contracts/webhooks.ts';
import { tz, workspaceId } from './columns.ts';

/** When (trigger) · if (conditions, AND/OR groups) · then (actions), tried in `position` order. */
export const automationRules = pgTable(
  'automation_rules',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    position: integer('position').notNull(),
    trigger: jsonb('trigger').$type<AutomationTrigger>().notNull(),
    conditions: jsonb('conditions').$type<AutomationConditionGroup>().notNull(),
    actions: jsonb('actions').$type<AutomationAction[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/**
 * Every run of a rule on an event (or, for time-based rules, on a conversation reaching its
 * time): the actions and their results. Unique per (rule, event key), so a repeated
 * dispatch or tick never acts twice.
 */
export const automationRuns = pgTable(
  'automation_runs',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    ruleId: uuid('rule_id').notNull(),
    /** The domain event id, or for time-based rules "<conversation id>:<cycle>:<state since>". */
    eventKey: text('event_key').notNull(),
    eventType: text('event_type').notNull(),
    conversationId: uuid('conversation_id'),
    status: text('status').$type<AutomationRunStatus>().notNull(),
    actions: jsonb('actions').$type<AutomationActionResult[]>().notNull().default([]),
    error: text('error'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('automation_runs_event_key').on(t.workspaceId, t.ruleId, t.eventKey),
    index('automation_runs_created_idx').on(t.workspaceId, t.createdAt),
  ],
);

/** Outgoing webhook subscriptions; `secret` is the Standard Webhooks "whsec_…" signing key. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    /** Event types delivered (domain event types); empty means every type. */
    eventTypes: text('event_types').array().notNull().default(sql`'{}'::text[]`),
    secret: text('secret').notNull(),
    /** After a rotation with an overlap: the old secret, which also signs requests until it expires. */
    previousSecret: text('previous_secret'),
    previousSecretExpiresAt: tz('previous_secret_expires_at'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: tz('created_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** One event to one endpoint, with its attempts; retried with growing delays until it succeeds or gives up. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    endpointId: uuid('endpoint_id').notNull(),
    /** The domain event (null for test pings); webhook-id is this delivery's event id or own id. */
    eventId: uuid('event_id'),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<WebhookDeliveryStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tz('next_attempt_at'),
    lastAttemptAt: tz('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    /** Every attempt: { at, statusCode, error, ms }. */
    attemptLog: jsonb('attempt_log').$type<Record<string, unknown>[]>().notNull().default([]),
    createdAt: tz('created_at').notNull(),
    deliveredAt: tz('delivered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('webhook_deliveries_event_key').on(t.workspaceId, t.endpointId, t.eventId),
    index('webhook_deliveries_endpoint_idx').on(t.workspaceId, t.endpointId, t.createdAt),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'retrying')`),
  ],
);

/** In-app notifications for one member of a workspace. */
export const notifications = pgTable(
  'notifications',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    type: text('type').$type<NotificationType>().notNull(),
    /** What to show and where it leads: { conversationId?, caseId?, title params }. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** The domain event it came from: one notification per event and person. */
    eventId: uuid('event_id'),
    readAt: tz('read_at'),
    digestedAt: tz('digested_at'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('notifications_user_idx').on(t.workspaceId, t.userId, t.createdAt),
    uniqueIndex('notifications_event_key')
      .on(t.workspaceId, t.userId, t.eventId, t.type)
      .where(sql`${t.eventId} is not null`),
  ],
);

/** Per member: the optional daily e-mail digest of unread notifications. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    workspaceId: workspaceId(),
    userId: uuid('user_id').notNull(),
    dailyDigest: boolean('daily_digest').notNull().default(false),
    /** Local hour (workspace time zone) the digest goes out. */
    digestHour: integer('digest_hour').notNull().default(9),
    lastDigestAt: tz('last_digest_at'),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);
