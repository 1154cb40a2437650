import { z } from 'zod';
import { Id, PageQuery } from './common.ts';

/**
 * queued: waiting for the job queue to hand it to SMTP; sent: accepted by the SMTP server;
 * captured: kept in the development outbox (no SMTP_URL, or a demo workspace), never sent;
 * failed: SMTP refused it for good or every retry failed (see lastError).
 */
export const EMAIL_STATUSES = ['queued', 'sent', 'captured', 'failed'] as const;
export const EmailStatus = z.enum(EMAIL_STATUSES);
export type EmailStatus = z.infer<typeof EmailStatus>;

/** What an email is about; refId points at the object (a survey invitation for survey emails). */
export const EMAIL_PURPOSES = ['survey_invitation', 'survey_reminder', 'notification_digest'] as const;

export const OutboxEmail = z.object({
  id: Id,
  to: z.string(),
  subject: z.string(),
  purpose: z.string(),
  refId: Id.nullable(),
  status: EmailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;

/** One email with its content, as it was (or would have been) sent. */
export const OutboxEmailDetail = OutboxEmail.extend({
  text: z.string(),
  html: z.string(),
  headers: z.record(z.string(), z.string()),
  messageId: z.string().nullable(),
});
export type OutboxEmailDetail = z.infer<typeof OutboxEmailDetail>;

export const OutboxQuery = PageQuery.extend({
  status: EmailStatus.optional(),
  purpose: z.string().max(50).optional(),
  /** Exact recipient address (case-insensitive). */
  to: z.string().max(320).optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

/** unsubscribed: the person used the link in an email; bounced: the address does not exist; manual: added by a member. */
export const SUPPRESSION_REASONS = ['unsubscribed', 'bounced', 'manual'] as const;
export const SuppressionReason = z.enum(SUPPRESSION_REASONS);
export type SuppressionReason = z.infer<typeof SuppressionReason>;

/** An address that never gets survey email again (Japan's and the EU's e-mail laws). */
export const EmailSuppression = z.object({
  email: z.string(),
  reason: SuppressionReason,
  createdAt: z.iso.datetime(),
});
export type EmailSuppression = z.infer<typeof EmailSuppression>;

export const SuppressionListQuery = PageQuery.extend({
  /** Part of the address. */
  q: z.string().max(320).optional(),
});
export type SuppressionListQuery = z.infer<typeof SuppressionListQuery>;

export const CreateSuppressionInput = z.object({
  email: z.email().max(320),
  reason: z.enum(['manual', 'bounced']).default('manual'),
});
export type CreateSuppressionInput = z.infer<typeof CreateSuppressionInput>;

export const SuppressionParams = z.object({ email: z.email().max(320) });
