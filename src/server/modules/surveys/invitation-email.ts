import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { getContact } from '../customers/contacts.ts';
import type { EmailSettled } from '../email/delivery.ts';
import { type EmailRow, type MailMode, recordEmail } from '../email/outbox.ts';
import { unsubscribeHeaders, unsubscribeUrl } from '../email/unsubscribe.ts';
import { getWorkspace } from '../workspaces/service.ts';
import { renderSurveyEmail } from './email-content.ts';
import { getInvitationRow, type InvitationRow, invitationUrl, markInvitation } from './invitations.ts';
import type { SurveyRecord } from './service.ts';

async function recipient(tx: Tx, invitation: InvitationRow) {
  if (!invitation.contactId) return { name: null, companyName: null };
  // A contact erased or merged since keeps no name here; the address is the invitation's own snapshot.
  const contact = await getContact(tx, invitation.workspaceId, invitation.contactId).catch(() => null);
  return { name: contact?.name ?? null, companyName: contact?.company?.name ?? null };
}

/**
 * Writes the invitation (or reminder) email of an email invitation inside the caller's
 * transaction, in the invitation's language, with one link per score and an unsubscribe
 * link. Dispatch the returned row with dispatchEmails after commit. A captured email
 * (no SMTP) counts as sent at once; a queued one is marked sent or failed by the
 * email-send job (surveyEmailSettled).
 */
export async function recordInvitationEmail(
  tx: Tx,
  app: Pick<AppContext, 'config'>,
  survey: SurveyRecord,
  invitation: InvitationRow,
  options: { kind?: 'invitation' | 'reminder'; mode?: MailMode; now?: Date } = {},
): Promise<EmailRow> {
  const to = invitation.email;
  if (!to) throw new Error(`invitation ${invitation.id} has no email address`);
  const kind = options.kind ?? 'invitation';
  const now = options.now ?? new Date();
  const ctx = { secret: app.config.secret, publicUrl: app.config.publicUrl };
  const workspace = await getWorkspace(tx, invitation.workspaceId);
  const unsubscribe = unsubscribeUrl(ctx, invitation.workspaceId, to);
  const content = renderSurveyEmail({
    kind,
    language: invitation.language,
    definition: survey.definition,
    settings: survey.row.settings.email,
    workspaceName: workspace.name,
    contact: { ...(await recipient(tx, invitation)), email: to },
    scoreUrl: (score) => invitationUrl(ctx, invitation, score),
    pageUrl: invitationUrl(ctx, invitation),
    unsubscribeUrl: unsubscribe,
  });
  const email = await recordEmail(
    tx,
    app,
    invitation.workspaceId,
    {
      to,
      ...content,
      headers: unsubscribeHeaders(unsubscribe),
      purpose: kind === 'reminder' ? 'survey_reminder' : 'survey_invitation',
      refId: invitation.id,
    },
    { ...(options.mode ? { mode: options.mode } : {}), now },
  );
  if (kind === 'invitation' && email.status === 'captured') await markInvitation(tx, invitation, 'sent', now);
  return email;
}

/** The email-send job's outcome moves a scheduled invitation to sent or failed. */
export const surveyEmailSettled: EmailSettled = async (app, email) => {
  if (email.purpose !== 'survey_invitation' || !email.refId) return;
  const invitationId = email.refId;
  await app.db.transaction(async (tx) => {
    const invitation = await getInvitationRow(tx, email.workspaceId, invitationId, true);
    if (invitation?.status !== 'scheduled') return;
    if (email.status === 'failed') {
      await markInvitation(tx, invitation, 'failed', new Date(), email.lastError ?? 'failed');
    } else {
      await markInvitation(tx, invitation, 'sent', email.sentAt ?? new Date());
    }
  });
};
