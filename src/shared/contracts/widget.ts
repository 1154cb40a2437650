import { z } from 'zod';
import { Id } from './common.ts';
import { PublicSurvey, WidgetTrigger } from './surveys.ts';

/**
 * What the embeddable widget asks on page load and when a trigger fires: "is there a
 * survey to show this person now?". The server decides (active widget surveys whose
 * triggers match, the over-surveying rules, chat surveys waiting for the contact).
 */
export const WidgetCheckInput = z.object({
  workspaceId: Id,
  /** Identified visitor: the host site's user id, with userHash = HMAC-SHA256(userId, widget secret) in hex. */
  userId: z.string().trim().min(1).max(200).optional(),
  userHash: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the hex HMAC-SHA256 of the user id')
    .optional(),
  userEmail: z.email().max(320).optional(),
  userName: z.string().trim().min(1).max(200).optional(),
  /** Anonymous visitor: a random id the widget keeps in the browser. */
  visitorId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _')
    .optional(),
  /** A custom event tracked with koe('track', name). */
  event: z.string().min(1).max(100).optional(),
  /** The page the visitor is on. */
  url: z.string().max(2000).optional(),
  /** Seconds the visitor has spent on the page (time-on-page triggers). */
  seconds: z.number().int().min(0).max(86_400).optional(),
  language: z.string().min(2).max(5).optional(),
});
export type WidgetCheckInput = z.infer<typeof WidgetCheckInput>;

/** A survey the widget shows now, with the invitation token its answers are sent with. */
export const WidgetSurvey = PublicSurvey.extend({ token: z.string() });
export type WidgetSurvey = z.infer<typeof WidgetSurvey>;

export const WidgetCheckResult = z.object({
  survey: WidgetSurvey.nullable(),
  /** The triggers of the workspace's active widget surveys: the loader asks again only when one fires. */
  triggers: z.array(WidgetTrigger),
});
export type WidgetCheckResult = z.infer<typeof WidgetCheckResult>;

/** For admins: what to paste into the site, and the secret the site signs user ids with. */
export const WidgetInstallation = z.object({
  workspaceId: Id,
  secret: z.string(),
  snippet: z.string(),
  scriptUrl: z.string(),
});
export type WidgetInstallation = z.infer<typeof WidgetInstallation>;
