import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  EscalationTier,
  PlaybookStep,
  PlaybookStepState,
  RecoveryCaseStatus,
  RecoveryOutcome,
  RecoverySource,
  RecoveryThresholds,
} from '../../../shared/contracts/recovery.ts';
import { tz, workspaceId } from './columns.ts';

/** How a workspace runs its service-recovery program (one row per workspace; defaults when absent). */
export const recoverySettings = pgTable('recovery_settings', {
  workspaceId: workspaceId().primaryKey(),
  enabled: boolean('enabled').notNull().default(true),
  thresholds: jsonb('thresholds').$type<RecoveryThresholds>().notNull(),
  /** Due time to first contact, in business seconds of `calendar_id` (workspace default calendar when null). */
  firstContactSeconds: integer('first_contact_seconds').notNull(),
  calendarId: uuid('calendar_id'),
  /** Survey sent to re-survey the customer after the follow-up (the original survey when null). */
  followUpSurveyId: uuid('follow_up_survey_id'),
  updatedAt: tz('updated_at').notNull(),
});

/** The checklist a case starts with, per workspace and language. */
export const recoveryPlaybooks = pgTable(
  'recovery_playbooks',
  {
    workspaceId: workspaceId(),
    language: text('language').notNull(),
    steps: jsonb('steps').$type<PlaybookStep[]>().notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.language] })],
);

/**
 * One customer issue being recovered: opened by a negative answer (or by hand from a
 * conversation or review). A second bad answer about the same conversation joins the open case.
 */
export const recoveryCases = pgTable(
  'recovery_cases',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    /** Human number per workspace (#1, #2, …). */
    number: integer('number').notNull(),
    contactId: uuid('contact_id').notNull(),
    conversationId: uuid('conversation_id'),
    /** The answer that opened the case (null when opened by hand). */
    responseId: uuid('response_id'),
    source: text('source').$type<RecoverySource>().notNull(),
    /** The triggering score and its scale (csat, nps, ces7, ces5), kept to judge the outcome. */
    triggerKind: text('trigger_kind'),
    triggerScore: smallint('trigger_score'),
    triggerComment: text('trigger_comment'),
    reason: text('reason').notNull().default(''),
    status: text('status').$type<RecoveryCaseStatus>().notNull(),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    /** Snapshot for figures: channel of the conversation or answer. */
    channel: text('channel'),
    language: text('language').notNull(),
    /** Causes (tags), for "top causes". */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    playbook: jsonb('playbook').$type<PlaybookStepState[]>().notNull(),
    dueAt: tz('due_at').notNull(),
    firstContactAt: tz('first_contact_at'),
    /** Set once when the overdue event fired. */
    overdueNotifiedAt: tz('overdue_notified_at'),
    followUpInvitationId: uuid('follow_up_invitation_id'),
    outcome: text('outcome').$type<RecoveryOutcome>(),
    outcomeScore: smallint('outcome_score'),
    openedAt: tz('opened_at').notNull(),
    closedAt: tz('closed_at'),
    createdBy: uuid('created_by'),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('recovery_cases_number_key').on(t.workspaceId, t.number),
    /** One open case per conversation. */
    uniqueIndex('recovery_cases_open_conversation_key')
      .on(t.workspaceId, t.conversationId)
      .where(sql`${t.conversationId} is not null and ${t.status} <> 'closed'`),
    index('recovery_cases_status_idx').on(t.workspaceId, t.status, t.dueAt),
    index('recovery_cases_contact_idx').on(t.workspaceId, t.contactId, t.openedAt),
    index('recovery_cases_opened_idx').on(t.workspaceId, t.openedAt),
    index('recovery_cases_due_idx')
      .on(t.dueAt)
      .where(sql`${t.firstContactAt} is null and ${t.overdueNotifiedAt} is null`),
  ],
);

/** Action items agreed with the customer, each with an owner and a due date. */
export const recoveryActionItems = pgTable(
  'recovery_action_items',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    title: text('title').notNull(),
    ownerId: uuid('owner_id'),
    dueOn: date('due_on'),
    doneAt: tz('done_at'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('recovery_action_items_case_idx').on(t.workspaceId, t.caseId),
  ],
);

/** Append-only log of every step on a case (shown on the case and the customer's timeline). */
export const recoveryCaseEvents = pgTable(
  'recovery_case_events',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    type: text('type').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: tz('occurred_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('recovery_case_events_case_idx').on(t.workspaceId, t.caseId, t.occurredAt),
    index('recovery_case_events_contact_idx').on(t.workspaceId, t.contactId, t.occurredAt),
  ],
);

/**
 * Every escalation of a conversation: from whom to which team or person, the tier it
 * reached (agent → senior → manager), why, and whether a rule did it.
 */
export const escalations = pgTable(
  'escalations',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    cycle: integer('cycle').notNull(),
    fromTier: text('from_tier').$type<EscalationTier>().notNull(),
    toTier: text('to_tier').$type<EscalationTier>().notNull(),
    fromUserId: uuid('from_user_id'),
    fromTeamId: uuid('from_team_id'),
    toUserId: uuid('to_user_id'),
    toTeamId: uuid('to_team_id'),
    reason: text('reason').notNull(),
    ruleId: uuid('rule_id'),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    /** Snapshot for the escalation rate per channel and team. */
    channel: text('channel').notNull(),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('escalations_conversation_idx').on(t.workspaceId, t.conversationId, t.createdAt),
    index('escalations_created_idx').on(t.workspaceId, t.createdAt),
  ],
);
