import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
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
  DeliveryChannel,
  InvitationStatus,
  SurveyDefinition,
  SurveyKind,
  SurveySettings,
  SurveyStatus,
} from '../../../shared/contracts/surveys.ts';
import { tsvector, tz, workspaceId } from './columns.ts';

export const surveys = pgTable(
  'surveys',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<SurveyKind>().notNull(),
    status: text('status').$type<SurveyStatus>().notNull().default('draft'),
    /** The version new invitations use; answers keep the version they were given. */
    version: integer('version').notNull().default(1),
    settings: jsonb('settings').$type<SurveySettings>().notNull(),
    /** Template the survey came from (csat_support, ces_resolution, nps_relationship, article_helpful). */
    template: text('template'),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('surveys_status_idx').on(t.workspaceId, t.status)],
);

/** Immutable: editing a live survey writes a new version, so past answers keep their meaning. */
export const surveyVersions = pgTable(
  'survey_versions',
  {
    workspaceId: workspaceId(),
    surveyId: uuid('survey_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<SurveyDefinition>().notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.surveyId, t.version] }),
    foreignKey({ columns: [t.workspaceId, t.surveyId], foreignColumns: [surveys.workspaceId, surveys.id] }),
  ],
);

/**
 * One survey offered to one person once: by email, link, widget or inside a chat.
 * Holds the snapshot (agent, team, channel, touchpoint) taken when it was sent, and
 * the delivery funnel: scheduled → sent → delivered → opened → answered (or failed, dismissed).
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    version: integer('version').notNull(),
    contactId: uuid('contact_id'),
    /** An anonymous widget visitor (random id kept in their browser), throttled like a contact. */
    visitorId: text('visitor_id'),
    conversationId: uuid('conversation_id'),
    cycle: integer('cycle'),
    delivery: text('delivery').$type<DeliveryChannel>().notNull(),
    language: text('language').notNull(),
    status: text('status').$type<InvitationStatus>().notNull(),
    /** Snapshot at send time. */
    agentId: uuid('agent_id'),
    teamId: uuid('team_id'),
    channel: text('channel'),
    touchpoint: text('touchpoint'),
    email: text('email'),
    /** A re-survey sent to follow up a service-recovery case: its answer sets the case's outcome. */
    recoveryCaseId: uuid('recovery_case_id'),
    scheduledAt: tz('scheduled_at').notNull(),
    sentAt: tz('sent_at'),
    deliveredAt: tz('delivered_at'),
    openedAt: tz('opened_at'),
    answeredAt: tz('answered_at'),
    dismissedAt: tz('dismissed_at'),
    reminderSentAt: tz('reminder_sent_at'),
    /**
     * When the one reminder is due: set when the invitation email is sent, if the survey then
     * asks for reminders; cleared when the reminder job takes it (sent or no longer wanted).
     */
    reminderDueAt: tz('reminder_due_at'),
    expiresAt: tz('expires_at').notNull(),
    error: text('error'),
    createdAt: tz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.surveyId], foreignColumns: [surveys.workspaceId, surveys.id] }),
    index('survey_invitations_contact_idx')
      .on(t.workspaceId, t.contactId, t.createdAt)
      .where(sql`${t.contactId} is not null`),
    index('survey_invitations_visitor_idx')
      .on(t.workspaceId, t.visitorId, t.createdAt)
      .where(sql`${t.visitorId} is not null`),
    index('survey_invitations_survey_idx').on(t.workspaceId, t.surveyId, t.createdAt),
    /**
     * Reminders waiting for their day (the survey-reminders job). No index reads the status or
     * answered_at: marking an invitation answered then changes no indexed column, and PostgreSQL
     * updates the row in place on its page (a HOT update) instead of adding an entry to every
     * index, the largest single cost of writing an answer after the answer itself.
     */
    index('survey_invitations_reminder_due_idx').on(t.reminderDueAt).where(sql`${t.reminderDueAt} is not null`),
    /** At most once per care cycle. */
    uniqueIndex('survey_invitations_cycle_key')
      .on(t.workspaceId, t.surveyId, t.conversationId, t.cycle)
      .where(sql`${t.conversationId} is not null`),
  ],
);

/** One response per invitation; answering again updates it. Scores and comments merge here. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    surveyId: uuid('survey_id').notNull(),
    version: integer('version').notNull(),
    invitationId: uuid('invitation_id'),
    kind: text('kind').$type<SurveyKind>().notNull(),
    /** Null when the score was skipped: excluded from every denominator. */
    score: smallint('score'),
    comment: text('comment'),
    contactId: uuid('contact_id'),
    conversationId: uuid('conversation_id'),
    cycle: integer('cycle'),
    delivery: text('delivery').$type<DeliveryChannel>().notNull(),
    language: text('language').notNull(),
    agentId: uuid('agent_id'),
    teamId: uuid('team_id'),
    channel: text('channel'),
    touchpoint: text('touchpoint'),
    /** The id in the system a response was imported from (imports are idempotent by it). */
    externalId: text('external_id'),
    searchVector: tsvector('search_vector'),
    submittedAt: tz('submitted_at').notNull(),
    updatedAt: tz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.surveyId], foreignColumns: [surveys.workspaceId, surveys.id] }),
    uniqueIndex('survey_responses_invitation_key')
      .on(t.workspaceId, t.invitationId)
      .where(sql`${t.invitationId} is not null`),
    uniqueIndex('survey_responses_external_key')
      .on(t.workspaceId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index('survey_responses_survey_idx').on(t.workspaceId, t.surveyId, t.submittedAt),
    // Anonymous answers (links, the widget) and answers without a comment have no entry to
    // find: partial indexes skip them, smaller and cheaper to write.
    index('survey_responses_contact_idx')
      .on(t.workspaceId, t.contactId, t.submittedAt)
      .where(sql`${t.contactId} is not null`),
    index('survey_responses_conversation_idx')
      .on(t.workspaceId, t.conversationId)
      .where(sql`${t.conversationId} is not null`),
    index('survey_responses_submitted_idx').on(t.workspaceId, t.submittedAt),
    index('survey_responses_search_idx')
      .using('gin', t.workspaceId, t.searchVector)
      .where(sql`${t.searchVector} is not null`),
  ],
);

/** One row per answer: choice answers by option id, never the translated label. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    workspaceId: workspaceId(),
    responseId: uuid('response_id').notNull(),
    questionId: text('question_id').notNull(),
    /** For choice questions: the option id; a multiple-choice answer has one row per option. */
    optionId: text('option_id').notNull().default(''),
    score: smallint('score'),
    text: text('text'),
    skipped: boolean('skipped').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.responseId, t.questionId, t.optionId] }),
    foreignKey({
      columns: [t.workspaceId, t.responseId],
      foreignColumns: [surveyResponses.workspaceId, surveyResponses.id],
    }),
  ],
);
