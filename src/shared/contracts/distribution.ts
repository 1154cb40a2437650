import { z } from 'zod';
import { Id, PageQuery } from './common.ts';
import { Invitation, InvitationStatus } from './surveys.ts';

/**
 * Why a contact did not get a survey: the survey's recontact period, the workspace's
 * minimum gap or maximum per period, an unsubscribed (suppressed) address, no email
 * address for an email invitation, or this conversation's care cycle already surveyed.
 */
export const SKIP_REASONS = [
  'recontact_period',
  'min_gap',
  'max_per_period',
  'unsubscribed',
  'no_email',
  'already_surveyed',
] as const;
export const SkipReason = z.enum(SKIP_REASONS);
export type SkipReason = z.infer<typeof SkipReason>;

/** What POST /api/v1/surveys/{id}/send answers. */
export const SendSurveyResult = z.object({
  /** Invitations offered now (link delivery: each with its url). Skipped ones are not listed here. */
  invitations: z.array(Invitation),
  /** Emails written (sent through SMTP, or captured in the outbox without it). */
  sent: z.number().int(),
  skipped: z.array(z.object({ contactId: Id, reason: SkipReason })),
});
export type SendSurveyResult = z.infer<typeof SendSurveyResult>;

export const InvitationListQuery = PageQuery.extend({
  status: InvitationStatus.optional(),
  contactId: Id.optional(),
});
export type InvitationListQuery = z.infer<typeof InvitationListQuery>;
