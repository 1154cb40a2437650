import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { tz, workspaceId } from './columns.ts';

export type EmailStatus = 'queued' | 'sent' | 'captured' | 'failed';

/**
 * Every email Koe sends. With SMTP_URL it is sent through nodemailer and its result
 * kept here; without it the email is captured here (the development outbox shown in
 * the app), so nothing is lost. Failures are retried by the job queue.
 */
export const emailMessages = pgTable(
  'email_messages',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /** What it is about: survey_invitation, survey_reminder, member_invitation … */
    purpose: text('purpose').notNull(),
    refId: uuid('ref_id'),
    status: text('status').$type<EmailStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: tz('created_at').notNull().defaultNow(),
    sentAt: tz('sent_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('email_messages_created_idx').on(t.workspaceId, t.createdAt),
    index('email_messages_ref_idx').on(t.workspaceId, t.refId),
    /** The sweep finds emails whose delivery job never got enqueued. */
    index('email_messages_queued_idx').on(t.workspaceId, t.createdAt).where(sql`${t.status} = 'queued'`),
  ],
);

/** People who must not get survey email: unsubscribed, bounced, or added by hand. */
export const emailSuppressions = pgTable(
  'email_suppressions',
  {
    workspaceId: workspaceId(),
    email: text('email').notNull(),
    reason: text('reason').$type<'unsubscribed' | 'bounced' | 'manual'>().notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.email] })],
);

/** A saved filter of contacts, e.g. Japanese customers of Pro-plan companies. */
export const segments = pgTable(
  'segments',
  {
    workspaceId: workspaceId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
    createdAt: tz('created_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);
