import type { AutomationActionOf } from '../../../../shared/contracts/automation.ts';
import { postBotMessage } from '../../conversations/messages.ts';
import { getConversation } from '../../conversations/service.ts';
import { dispatchEmails } from '../../email/outbox.ts';
import { chatMessage, deliveryFor } from '../../surveys/after-resolution.ts';
import { conversationInvitations } from '../../surveys/conversation-invitations.ts';
import { recordInvitationEmail } from '../../surveys/invitation-email.ts';
import { createInvitation, invitationUrl, markInvitation } from '../../surveys/invitations.ts';
import { getSurveyRecord } from '../../surveys/service.ts';
import { type ActionEnv, type ActionOutcome, conversationOf, done, refused } from './types.ts';

/** The journey touchpoint recorded on surveys a rule sends. */
export const AUTOMATION_TOUCHPOINT = 'automation';

/**
 * Offers a survey about the conversation's current care cycle, the way the after-resolution
 * trigger does: email conversations get an email (a link when the customer has no address),
 * chat and in-app a message in the thread, other channels a link on the invitation. The
 * over-surveying rules and the suppression list apply (a throttled offer is recorded as
 * skipped, with its reason); a cycle already offered this survey gets nothing more.
 */
export async function sendSurvey(env: ActionEnv, action: AutomationActionOf<'send_survey'>): Promise<ActionOutcome> {
  const { tx, app, workspaceId, now } = env;
  const conversationId = conversationOf(env);
  const survey = await getSurveyRecord(tx, workspaceId, action.surveyId).catch(() => null);
  if (!survey) return refused('survey_missing', 'the survey no longer exists');
  const name = survey.row.name;
  if (survey.row.status !== 'active')
    return refused('survey_inactive', `the survey "${name}" is ${survey.row.status}, not active`, { survey: name });
  const conversation = await getConversation(tx, workspaceId, conversationId);
  const urls = { secret: app.config.secret, publicUrl: app.config.publicUrl };
  const offered = await conversationInvitations(tx, urls, workspaceId, conversationId);
  if (offered.some((i) => i.surveyId === survey.row.id && i.cycle === conversation.cycle))
    return done('already_surveyed', { survey: name });
  const contact = env.ctx.contact;
  const wanted = deliveryFor(conversation.channel);
  const delivery = wanted === 'email' && !contact?.emails.length ? 'link' : wanted;
  const { invitation, skipped } = await createInvitation(tx, workspaceId, {
    survey,
    delivery,
    contactId: conversation.contactId,
    conversationId,
    cycle: conversation.cycle,
    language: contact?.locale ?? conversation.language,
    agentId: conversation.assigneeId,
    teamId: conversation.teamId,
    channel: conversation.channel,
    touchpoint: AUTOMATION_TOUCHPOINT,
    now,
  });
  if (skipped) return done('survey_skipped', { survey: name, reason: skipped });
  if (delivery === 'email') {
    const email = await recordInvitationEmail(tx, app, survey, invitation, { now });
    env.afterCommit(() => dispatchEmails(app, [email]));
  } else {
    await markInvitation(tx, invitation, 'sent', now);
    if (delivery === 'chat' || delivery === 'in_app') {
      const url = invitationUrl(urls, invitation);
      await postBotMessage(tx, workspaceId, conversationId, chatMessage(survey, invitation.language, url), now);
    }
  }
  return done('survey_sent', { survey: name, delivery, invitationId: invitation.id });
}
