import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DeliveryChannel } from '../../../shared/contracts/surveys.ts';
import type { Tx } from '../../db/client.ts';
import { insertMany } from '../../db/insert-many.ts';
import {
  contactIdentities,
  contacts,
  emailSuppressions,
  surveyAnswers,
  surveyInvitations,
  surveyResponses,
} from '../../db/schema/index.ts';
import { newId } from '../../lib/id.ts';
import { planAnswer } from './answer-plan.ts';
import { chooseLanguage, type InvitationRow } from './invitations.ts';
import type { SurveyRecord } from './service.ts';
import { COUNTED, throttleRule, throttlingSettings } from './throttling.ts';

/**
 * Feedback that happened in the past, written in one go (the demo's history): each
 * invitation as createInvitation would have written it at `sentAt` (language, email,
 * the over-surveying rules applied in time order, skipped with the reason), and each
 * answer as the public answer path writes it (planAnswer: the response with the
 * invitation's snapshot, one row per answer, the search vector; the invitation answered).
 * One statement per table, whatever the count. No email, bot message or job: the
 * moments they belonged to are over.
 */
export interface PastInvitation {
  survey: SurveyRecord;
  delivery: DeliveryChannel;
  contactId: string;
  conversationId?: string | null | undefined;
  cycle?: number | null | undefined;
  /** Wanted language (else the contact's locale, else the survey's default). */
  language?: string | null | undefined;
  agentId?: string | null | undefined;
  teamId?: string | null | undefined;
  channel?: string | null | undefined;
  touchpoint?: string | null | undefined;
  sentAt: Date;
  openedAt?: Date | null | undefined;
  /** The one reminder email, when it went out unanswered. */
  reminderSentAt?: Date | null | undefined;
  answer?: { at: Date; score: number | null; comment: string | null } | null | undefined;
}

export interface PastFeedbackResult {
  invitations: number;
  skipped: number;
  answered: number;
}

const EXPIRY_MS = 30 * 86_400_000;

async function contactDetails(tx: Tx, workspaceId: string, contactIds: string[]) {
  const rows = await tx
    .select({
      id: contacts.id,
      locale: contacts.locale,
      email: sql<
        string | null
      >`(select i.value from ${contactIdentities} i where i.workspace_id = "contacts"."workspace_id" and i.contact_id = "contacts"."id" and i.kind = 'email' order by i.position limit 1)`,
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, contactIds)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Counted invitations these contacts already have (an earlier run), for the over-surveying rules. */
async function earlierInvitations(tx: Tx, workspaceId: string, contactIds: string[], since: Date) {
  const rows = await tx
    .select({
      contactId: surveyInvitations.contactId,
      surveyId: surveyInvitations.surveyId,
      createdAt: surveyInvitations.createdAt,
    })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.workspaceId, workspaceId),
        inArray(surveyInvitations.contactId, contactIds),
        inArray(surveyInvitations.status, [...COUNTED]),
        gt(surveyInvitations.createdAt, since),
      ),
    );
  const byContact = new Map<string, { surveyId: string; createdAt: Date }[]>();
  for (const row of rows) {
    if (!row.contactId) continue;
    byContact.set(row.contactId, [...(byContact.get(row.contactId) ?? []), row]);
  }
  return byContact;
}

async function suppressedEmails(tx: Tx, workspaceId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await tx
    .select({ email: emailSuppressions.email })
    .from(emailSuppressions)
    .where(and(eq(emailSuppressions.workspaceId, workspaceId), inArray(emailSuppressions.email, emails)));
  return new Set(rows.map((r) => r.email));
}

export async function recordPastFeedback(
  tx: Tx,
  workspaceId: string,
  items: PastInvitation[],
): Promise<PastFeedbackResult> {
  const result: PastFeedbackResult = { invitations: 0, skipped: 0, answered: 0 };
  if (items.length === 0) return result;
  const ordered = [...items].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  const contactIds = [...new Set(ordered.map((i) => i.contactId))];
  const settings = await throttlingSettings(tx, workspaceId);
  const horizonDays = Math.max(
    settings.minGapDays,
    settings.periodDays,
    ...ordered.map((i) => i.survey.row.settings.recontactDays),
  );
  const first = ordered[0]?.sentAt ?? new Date();
  const details = await contactDetails(tx, workspaceId, contactIds);
  const recent = await earlierInvitations(
    tx,
    workspaceId,
    contactIds,
    new Date(first.getTime() - horizonDays * 86_400_000),
  );
  const emails = [...details.values()].flatMap((d) => (d.email ? [d.email.toLowerCase()] : []));
  const suppressed = await suppressedEmails(tx, workspaceId, emails);

  const invitations: InvitationRow[] = [];
  const plans: ReturnType<typeof planAnswer>[] = [];
  for (const item of ordered) {
    const contact = details.get(item.contactId);
    const address = contact?.email ?? null;
    // As after a resolution: an email conversation whose customer has no address gets a link.
    const delivery = item.delivery === 'email' && !address ? 'link' : item.delivery;
    const email = delivery === 'email' ? address : null;
    const history = (recent.get(item.contactId) ?? []).filter((r) => r.createdAt <= item.sentAt);
    const skipped =
      email && suppressed.has(email.toLowerCase())
        ? 'unsubscribed'
        : throttleRule(history, {
            surveyId: item.survey.row.id,
            recontactDays: item.survey.row.settings.recontactDays,
            settings,
            now: item.sentAt,
          });
    const answer = skipped ? null : (item.answer ?? null);
    const opened = skipped ? null : (item.openedAt ?? (answer ? answer.at : null));
    const reminderSentAt = skipped || delivery !== 'email' ? null : (item.reminderSentAt ?? null);
    const reminderDays = item.survey.row.settings.email.reminderAfterDays;
    const invitation: InvitationRow = {
      workspaceId,
      id: newId(item.sentAt.getTime()),
      surveyId: item.survey.row.id,
      version: item.survey.row.version,
      contactId: item.contactId,
      visitorId: null,
      conversationId: item.conversationId ?? null,
      cycle: item.cycle ?? null,
      delivery,
      language: chooseLanguage(item.survey, item.language, contact?.locale),
      status: skipped ? 'skipped' : answer ? 'answered' : opened ? 'opened' : 'sent',
      agentId: item.agentId ?? null,
      teamId: item.teamId ?? null,
      channel: item.channel ?? null,
      touchpoint: item.touchpoint ?? null,
      email,
      recoveryCaseId: null,
      scheduledAt: item.sentAt,
      sentAt: skipped ? null : item.sentAt,
      deliveredAt: null,
      openedAt: opened,
      answeredAt: answer?.at ?? null,
      dismissedAt: null,
      reminderSentAt,
      // As when the email was sent: not answered, not reminded yet, the survey asks for a reminder.
      reminderDueAt:
        email && !skipped && !answer && !reminderSentAt && typeof reminderDays === 'number'
          ? new Date(item.sentAt.getTime() + reminderDays * 86_400_000)
          : null,
      expiresAt: new Date(item.sentAt.getTime() + EXPIRY_MS),
      error: skipped,
      createdAt: item.sentAt,
    };
    invitations.push(invitation);
    if (skipped) result.skipped++;
    else
      recent.set(item.contactId, [
        ...(recent.get(item.contactId) ?? []),
        { surveyId: invitation.surveyId, createdAt: item.sentAt },
      ]);
    if (answer) {
      const target = { invitation, survey: item.survey, answer: null };
      plans.push(planAnswer(target, { token: 'history', score: answer.score, comment: answer.comment }, answer.at));
    }
  }
  await insertMany(tx, surveyInvitations, invitations);
  await insertMany(
    tx,
    surveyResponses,
    plans.flatMap((p) => (p.insert ? [p.insert] : [])),
  );
  await insertMany(
    tx,
    surveyAnswers,
    plans.flatMap((p) => p.rows),
  );
  result.invitations = invitations.length;
  result.answered = plans.length;
  return result;
}
