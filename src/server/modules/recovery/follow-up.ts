import { type FollowUpInput, RESURVEY_STEP, type RecoveryCaseDetail } from '../../../shared/contracts/recovery.ts';
import type { Invitation } from '../../../shared/contracts/surveys.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { badRequest, conflict, HttpProblem } from '../../http/problem.ts';
import { getContact } from '../customers/contacts.ts';
import { dispatchEmails, type EmailRow, mailMode } from '../email/outbox.ts';
import { recordInvitationEmail } from '../surveys/invitation-email.ts';
import { createInvitation, invitationUrl, markInvitation } from '../surveys/invitations.ts';
import { presentInvitation } from '../surveys/presenters.ts';
import { getResponse } from '../surveys/response-queries.ts';
import { getSurveyRecord } from '../surveys/service.ts';
import { isSuppressed } from '../surveys/throttling.ts';
import { CaseChange } from './changes.ts';
import { getCaseDetail } from './detail.ts';
import type { CaseActor, CaseRow } from './log.ts';
import { getCaseRow } from './queries.ts';
import { getRecoverySettings } from './settings.ts';

export const RECOVERY_TOUCHPOINT = 'service_recovery';

/** The re-survey: asked for, else the settings' follow-up survey, else the survey of the answer that opened the case. */
async function followUpSurveyId(tx: Tx, row: CaseRow, input: FollowUpInput): Promise<string> {
  if (input.surveyId) return input.surveyId;
  const settings = await getRecoverySettings(tx, row.workspaceId);
  if (settings.followUpSurveyId) return settings.followUpSurveyId;
  const response = row.responseId ? await getResponse(tx, row.workspaceId, row.responseId).catch(() => null) : null;
  if (response) return response.surveyId;
  throw badRequest(
    'body.surveyId',
    'is required: no answer opened this case and the recovery settings name no follow-up survey',
  );
}

/**
 * Sends the re-survey to the customer through the survey invitations (email with one-click
 * score links, or a personal link), marked with the case so its answer sets the outcome.
 * Over-surveying rules do not apply (it is part of the recovery), an unsubscribed address
 * does. The case moves to follow-up and its re-survey step is checked.
 */
export async function sendFollowUp(
  app: AppContext,
  workspaceId: string,
  caseId: string,
  input: FollowUpInput,
  actor: CaseActor,
): Promise<{ case: RecoveryCaseDetail; invitation: Invitation }> {
  const now = new Date();
  const { invitation, email } = await app.db.transaction(async (tx) => {
    const row = await getCaseRow(tx, workspaceId, caseId, true);
    if (row.status === 'closed') {
      throw new HttpProblem(409, 'Conflict', 'The case is closed; reopen it before following up.');
    }
    const surveyId = await followUpSurveyId(tx, row, input);
    const survey = await getSurveyRecord(tx, workspaceId, surveyId).catch(() => {
      throw badRequest('body.surveyId', 'is not a survey of this workspace');
    });
    if (survey.row.kind === 'rating') {
      throw badRequest(
        'body.surveyId',
        'must be a CSAT, NPS or CES survey: a custom rating cannot measure the outcome',
      );
    }
    if (survey.row.status === 'archived') {
      throw new HttpProblem(
        409,
        'Conflict',
        'The follow-up survey is archived; make it active again or choose another.',
      );
    }
    const contact = await getContact(tx, workspaceId, row.contactId);
    const delivery = input.delivery ?? (contact.emails.length > 0 ? 'email' : 'link');
    const address = contact.emails[0];
    if (delivery === 'email') {
      if (!address) throw badRequest('body.delivery', 'the customer has no email address; send a link instead');
      if (await isSuppressed(tx, workspaceId, address)) {
        throw conflict('body.delivery', 'the customer unsubscribed from survey emails; send a link instead');
      }
    }
    const created = await createInvitation(tx, workspaceId, {
      survey,
      delivery,
      contactId: row.contactId,
      language: row.language,
      agentId: row.ownerId,
      teamId: row.teamId,
      channel: row.channel,
      touchpoint: RECOVERY_TOUCHPOINT,
      recoveryCaseId: row.id,
      unthrottled: true,
      now,
    });
    let presented: Invitation;
    let emailRow: EmailRow | null = null;
    if (delivery === 'link') {
      await markInvitation(tx, created.invitation, 'sent', now);
      const url = invitationUrl({ secret: app.config.secret, publicUrl: app.config.publicUrl }, created.invitation);
      presented = presentInvitation({ ...created.invitation, status: 'sent', sentAt: now }, url);
    } else {
      const mode = await mailMode(tx, app, workspaceId);
      emailRow = await recordInvitationEmail(tx, app, survey, created.invitation, { mode, now });
      const sent = emailRow.status === 'captured' ? { status: 'sent' as const, sentAt: now } : {};
      presented = presentInvitation({ ...created.invitation, ...sent });
    }
    const change = new CaseChange(row, actor, now);
    change.set({ followUpInvitationId: created.invitation.id });
    change.status('follow_up');
    change.log('follow_up_sent', { invitationId: created.invitation.id, surveyId, delivery });
    change.step(RESURVEY_STEP, true);
    await change.save(tx);
    return { invitation: presented, email: emailRow };
  });
  if (email) await dispatchEmails(app, [email]);
  return { case: await app.db.transaction((tx) => getCaseDetail(tx, workspaceId, caseId)), invitation };
}
