import { z } from 'zod';
import { Id, PageQuery } from './common.ts';
import { NOTIFICATION_TYPES } from './webhooks.ts';

export const NotificationType = z.enum(NOTIFICATION_TYPES);

/**
 * What a notification shows, captured when it was created (names and subjects as they were
 * then), and where it leads. Every field is optional: each type fills its own.
 */
export const NotificationData = z.object({
  conversationId: Id.optional(),
  subject: z.string().optional(),
  contactName: z.string().optional(),
  /** Who did it (assigned, mentioned, escalated, opened the case). */
  actorName: z.string().optional(),
  /** The start of the note that mentioned the person. */
  excerpt: z.string().optional(),
  /** Escalation: the tier reached and why; the team when escalated to a team. */
  tier: z.string().optional(),
  teamName: z.string().optional(),
  reason: z.string().optional(),
  /** SLA: which target (first_response, next_response, resolution) and its deadline. */
  target: z.string().optional(),
  dueAt: z.string().optional(),
  /** Recovery: the case, its number and what happened (opened, overdue). */
  caseId: Id.optional(),
  caseNumber: z.number().int().optional(),
  recovery: z.enum(['opened', 'overdue']).optional(),
  /** Automation: the rule and its message. */
  ruleName: z.string().optional(),
  message: z.string().optional(),
});
export type NotificationData = z.infer<typeof NotificationData>;

export const Notification = z.object({
  id: Id,
  type: NotificationType,
  data: NotificationData,
  /** The domain event it came from (null when an automation rule or a command wrote it without one). */
  eventId: Id.nullable(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationQuery = PageQuery.extend({
  /** `true`: unread only. */
  unread: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true'),
});
export type NotificationQuery = z.infer<typeof NotificationQuery>;

export const UnreadCount = z.object({ count: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCount>;

export const ReadAllResult = z.object({ updated: z.number().int() });

export const DigestHour = z.number().int().min(0, 'must be an hour 0–23').max(23, 'must be an hour 0–23');

export const NotificationPreferences = z.object({
  /** One email a day listing the notifications not read yet. */
  dailyDigest: z.boolean(),
  /** Local hour (in `timeZone`, the workspace's) the digest goes out. */
  digestHour: DigestHour,
  timeZone: z.string(),
  lastDigestAt: z.iso.datetime().nullable(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const UpdateNotificationPreferences = z.object({
  dailyDigest: z.boolean().optional(),
  digestHour: DigestHour.optional(),
});
export type UpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>;
