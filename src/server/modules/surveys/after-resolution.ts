import { and, eq, sql } from 'drizzle-orm';
import type { Channel } from '../../../shared/contracts/conversations.ts';
import type { DeliveryChannel, SurveySettings } from '../../../shared/contracts/surveys.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { surveyInvitations, surveys } from '../../db/schema/index.ts';
import type { Resolution } from '../conversations/feed.ts';
import { postBotMessage } from '../conversations/messages.ts';
import { getContact } from '../customers/contacts.ts';
import type { EmailRow } from '../email/outbox.ts';
import { recordInvitationEmail } from './invitation-email.ts';
import { createInvitation, type InvitationRow, invitationUrl, markInvitation } from './invitations.ts';
import { publicDefinition } from './responses.ts';
import type { SurveyRecord } from './service.ts';

/** The journey touchpoint recorded on surveys sent after a resolution. */
export const RESOLUTION_TOUCHPOINT = 'support_resolution';

type Trigger = SurveySettings['afterResolution'];

/** Active surveys with the after-resolution trigger on, in every workspace (the scanner's work list). */
export async function triggerSurveys(
  tx: Tx,
  workspaceId?: string,
): Promise<{ workspaceId: string; surveyId: string }[]> {
  return tx
    .select({ workspaceId: surveys.workspaceId, surveyId: surveys.id })
    .from(surveys)
    .where(
      and(
        workspaceId ? eq(surveys.workspaceId, workspaceId) : undefined,
        eq(surveys.status, 'active'),
        sql`${surveys.settings} -> 'afterResolution' ->> 'enabled' = 'true'`,
      ),
    )
    .orderBy(surveys.workspaceId, surveys.createdAt);
}

/**
 * Whether a resolution should get the survey now: the conversation is still resolved
 * (or closed) in the cycle that was resolved — a reopen means the care goes on — and
 * every condition holds (an empty list means any).
 */
export function triggerHolds(trigger: Trigger, resolution: Resolution): boolean {
  const { current } = resolution;
  if (current.cycle !== resolution.cycle) return false;
  if (current.status !== 'resolved' && current.status !== 'closed') return false;
  if (trigger.channels.length && !trigger.channels.includes(current.channel)) return false;
  if (trigger.teamIds.length && !(current.teamId && trigger.teamIds.includes(current.teamId))) return false;
  if (trigger.tags.length && !trigger.tags.some((tag) => current.tags.includes(tag))) return false;
  if (trigger.priorities.length && !trigger.priorities.includes(current.priority)) return false;
  return true;
}

/** Email conversations get an email; chat and in-app get it in the thread and the widget; others a link. */
export function deliveryFor(channel: Channel): DeliveryChannel {
  if (channel === 'email') return 'email';
  if (channel === 'chat' || channel === 'in_app') return channel;
  return 'link';
}

const CHAT_TEXTS: Record<string, string> = {
  ja: 'こちらからご回答ください（1 分ほどで終わります）',
  en: 'Tell us here (it takes less than a minute)',
};

/** The survey link posted in a chat or in-app thread, in the respondent's language. */
export function chatMessage(survey: SurveyRecord, language: string, url: string): string {
  const prompt = publicDefinition(survey.definition, language).questions[0]?.prompt ?? '';
  const base = language.split('-')[0] ?? language;
  return `${prompt}\n${CHAT_TEXTS[base] ?? CHAT_TEXTS.en}: ${url}`;
}

export interface OfferOutcome {
  invitation: InvitationRow | null;
  emails: EmailRow[];
}

/**
 * Offers a survey for one resolved care cycle, inside the caller's transaction, with the
 * snapshot of who did the work: the resolver (else the first responder, else the cycle's
 * assignee), the cycle's team, the channel and the touchpoint. Over-surveying rules may
 * record it as skipped. A cycle that already has this survey gets nothing more.
 */
export async function offerAfterResolution(
  tx: Tx,
  app: AppContext,
  survey: SurveyRecord,
  resolution: Resolution,
  now: Date,
): Promise<OfferOutcome> {
  const workspaceId = survey.row.workspaceId;
  const [existing] = await tx
    .select({ id: surveyInvitations.id })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.workspaceId, workspaceId),
        eq(surveyInvitations.surveyId, survey.row.id),
        eq(surveyInvitations.conversationId, resolution.conversationId),
        eq(surveyInvitations.cycle, resolution.cycle),
      ),
    )
    .limit(1);
  if (existing) return { invitation: null, emails: [] };
  const contact = await getContact(tx, workspaceId, resolution.current.contactId).catch(() => null);
  // An email conversation whose customer has no address left gets a link the agent can pass on.
  const wanted = deliveryFor(resolution.current.channel);
  const delivery = wanted === 'email' && !contact?.emails.length ? 'link' : wanted;
  const { invitation, skipped } = await createInvitation(tx, workspaceId, {
    survey,
    delivery,
    contactId: contact?.id ?? null,
    conversationId: resolution.conversationId,
    cycle: resolution.cycle,
    language: contact?.locale ?? resolution.current.language,
    agentId: resolution.resolverId ?? resolution.firstResponderId ?? resolution.cycleAssigneeId,
    teamId: resolution.cycleTeamId ?? resolution.current.teamId,
    channel: resolution.current.channel,
    touchpoint: RESOLUTION_TOUCHPOINT,
    scheduledAt: new Date(resolution.resolvedAt.getTime() + survey.row.settings.afterResolution.delayMinutes * 60_000),
    now,
  });
  if (skipped) return { invitation, emails: [] };
  if (delivery === 'email') {
    const email = await recordInvitationEmail(tx, app, survey, invitation, { now });
    const sent = email.status === 'captured' ? { status: 'sent' as const, sentAt: now } : {};
    return { invitation: { ...invitation, ...sent }, emails: [email] };
  }
  await markInvitation(tx, invitation, 'sent', now);
  if (delivery === 'chat' || delivery === 'in_app') {
    const url = invitationUrl({ secret: app.config.secret, publicUrl: app.config.publicUrl }, invitation);
    await postBotMessage(
      tx,
      workspaceId,
      resolution.conversationId,
      chatMessage(survey, invitation.language, url),
      now,
    );
  }
  return { invitation: { ...invitation, status: 'sent', sentAt: now }, emails: [] };
}
