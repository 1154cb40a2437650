import { and, eq } from 'drizzle-orm';
import type { SendSurveyResult, SkipReason } from '../../../shared/contracts/distribution.ts';
import type { Invitation, SendSurveyInput } from '../../../shared/contracts/surveys.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { surveyInvitations } from '../../db/schema/index.ts';
import { badRequest, HttpProblem } from '../../http/problem.ts';
import { getConversation } from '../conversations/service.ts';
import { getContact } from '../customers/contacts.ts';
import { segmentContactIds } from '../customers/segment-filter.ts';
import { dispatchEmails, type EmailRow, type MailMode, mailMode } from '../email/outbox.ts';
import { recordInvitationEmail } from './invitation-email.ts';
import { createInvitation, invitationUrl, markInvitation } from './invitations.ts';
import { presentInvitation } from './presenters.ts';
import { filterOf, getSegmentRow } from './segments.ts';
import { getSurveyRecord, type SurveyRecord } from './service.ts';

/** A segment larger than this is refused: narrow it (or split it) first. */
export const MAX_RECIPIENTS = 10_000;
/** Contacts per transaction: each batch commits, then its emails are dispatched. */
const BATCH = 100;

interface Snapshot {
  conversationId: string | null;
  cycle: number | null;
  agentId: string | null;
  teamId: string | null;
  channel: string | null;
  conversationLanguage: string | null;
}

const NO_CONVERSATION: Snapshot = {
  conversationId: null,
  cycle: null,
  agentId: null,
  teamId: null,
  channel: null,
  conversationLanguage: null,
};

/** Checks the request against the workspace and lists the contacts to offer the survey to. */
async function plan(tx: Tx, workspaceId: string, surveyId: string, input: SendSurveyInput) {
  const survey = await getSurveyRecord(tx, workspaceId, surveyId);
  if (survey.row.status === 'archived') {
    throw new HttpProblem(409, 'Conflict', 'This survey is archived; make it active again to send it.');
  }
  if (input.contactId && input.segmentId) throw badRequest('body.segmentId', 'give contactId or segmentId, not both');
  let snapshot = NO_CONVERSATION;
  if (input.conversationId) {
    if (!input.contactId) throw badRequest('body.conversationId', 'goes with contactId, not with a segment');
    const conversation = await getConversation(tx, workspaceId, input.conversationId).catch(() => null);
    if (!conversation) throw badRequest('body.conversationId', 'is not a conversation of this workspace');
    if (conversation.contactId !== input.contactId) {
      throw badRequest('body.conversationId', 'belongs to another contact');
    }
    snapshot = {
      conversationId: conversation.id,
      cycle: conversation.cycle,
      agentId: conversation.assigneeId,
      teamId: conversation.teamId,
      channel: conversation.channel,
      conversationLanguage: conversation.language,
    };
  }
  if (input.contactId) {
    const contact = await getContact(tx, workspaceId, input.contactId).catch(() => null);
    if (!contact) throw badRequest('body.contactId', 'is not a contact of this workspace');
    return { contactIds: [contact.id], snapshot };
  }
  const segment = input.segmentId ? await getSegmentRow(tx, workspaceId, input.segmentId) : null;
  if (!segment) throw badRequest('body.segmentId', 'is not a segment of this workspace');
  const contactIds = await segmentContactIds(tx, workspaceId, filterOf(segment), MAX_RECIPIENTS + 1);
  if (contactIds.length > MAX_RECIPIENTS) {
    throw badRequest('body.segmentId', `selects more than ${MAX_RECIPIENTS} contacts; narrow the segment`);
  }
  return { contactIds, snapshot };
}

async function alreadySurveyed(tx: Tx, workspaceId: string, surveyId: string, snapshot: Snapshot) {
  if (!snapshot.conversationId || snapshot.cycle === null) return false;
  const [row] = await tx
    .select({ id: surveyInvitations.id })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.workspaceId, workspaceId),
        eq(surveyInvitations.surveyId, surveyId),
        eq(surveyInvitations.conversationId, snapshot.conversationId),
        eq(surveyInvitations.cycle, snapshot.cycle),
      ),
    )
    .limit(1);
  return Boolean(row);
}

interface Offer {
  survey: SurveyRecord;
  contactId: string;
  input: SendSurveyInput;
  snapshot: Snapshot;
  mode: MailMode;
  now: Date;
}

type Outcome = { skipped: SkipReason } | { invitation: Invitation; email: EmailRow | null };

/** One contact: an invitation (or the reason there is none) and, for email, its email. */
async function offer(tx: Tx, app: AppContext, workspaceId: string, o: Offer): Promise<Outcome> {
  const contact = await getContact(tx, workspaceId, o.contactId);
  if (o.input.delivery === 'email' && contact.emails.length === 0) return { skipped: 'no_email' };
  if (await alreadySurveyed(tx, workspaceId, o.survey.row.id, o.snapshot)) return { skipped: 'already_surveyed' };
  const { invitation, skipped } = await createInvitation(tx, workspaceId, {
    survey: o.survey,
    delivery: o.input.delivery,
    contactId: contact.id,
    conversationId: o.snapshot.conversationId,
    cycle: o.snapshot.cycle,
    language: o.input.language ?? o.snapshot.conversationLanguage,
    agentId: o.snapshot.agentId,
    teamId: o.snapshot.teamId,
    channel: o.snapshot.channel,
    touchpoint: o.input.touchpoint ?? null,
    now: o.now,
  });
  if (skipped) return { skipped };
  if (o.input.delivery === 'link') {
    await markInvitation(tx, invitation, 'sent', o.now);
    const url = invitationUrl({ secret: app.config.secret, publicUrl: app.config.publicUrl }, invitation);
    return { invitation: presentInvitation({ ...invitation, status: 'sent', sentAt: o.now }, url), email: null };
  }
  const email = await recordInvitationEmail(tx, app, o.survey, invitation, { mode: o.mode, now: o.now });
  const sent = email.status === 'captured' ? { status: 'sent' as const, sentAt: o.now } : {};
  return { invitation: presentInvitation({ ...invitation, ...sent }), email };
}

/**
 * POST /surveys/{id}/send: offers the survey to one contact or to every contact of a
 * segment, by email (one-click score links) or as personal links. The over-surveying
 * rules and the suppression list apply to each contact; skipped ones come back with
 * their reason. Each batch of contacts commits before its emails are handed to SMTP.
 */
export async function sendSurvey(
  app: AppContext,
  workspaceId: string,
  surveyId: string,
  input: SendSurveyInput,
): Promise<SendSurveyResult> {
  const { contactIds, snapshot } = await app.db.transaction((tx) => plan(tx, workspaceId, surveyId, input));
  const result: SendSurveyResult = { invitations: [], sent: 0, skipped: [] };
  for (let start = 0; start < contactIds.length; start += BATCH) {
    const now = new Date();
    const outcomes = await app.db.transaction(async (tx) => {
      const survey = await getSurveyRecord(tx, workspaceId, surveyId);
      const mode = await mailMode(tx, app, workspaceId);
      const batch: [string, Outcome][] = [];
      for (const contactId of contactIds.slice(start, start + BATCH)) {
        batch.push([contactId, await offer(tx, app, workspaceId, { survey, contactId, input, snapshot, mode, now })]);
      }
      return batch;
    });
    const emails: EmailRow[] = [];
    for (const [contactId, outcome] of outcomes) {
      if ('skipped' in outcome) {
        result.skipped.push({ contactId, reason: outcome.skipped });
        continue;
      }
      result.invitations.push(outcome.invitation);
      if (outcome.email) emails.push(outcome.email);
    }
    result.sent += emails.length;
    await dispatchEmails(app, emails);
  }
  return result;
}
