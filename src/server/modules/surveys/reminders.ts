import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { emailSuppressions, surveyInvitations, surveys } from '../../db/schema/index.ts';
import { dispatchEmails, type EmailRow } from '../email/outbox.ts';
import { recordInvitationEmail } from './invitation-email.ts';
import { getSurveyRecord } from './service.ts';

/** Reached by email, not answered (opening the page is not answering), not dismissed. */
const WAITING = ['sent', 'delivered', 'opened'] as const;

/**
 * The survey-reminders job: one reminder, reminderAfterDays after the invitation email
 * (settings.email, as they were when it was sent: the due time is set then), to people who
 * have not answered, whose address is not suppressed and whose link still works, while the
 * survey is live and still asks for reminders. Every due invitation is taken off the due
 * index once, reminded or not, so the job reads only what is due, however long the history.
 * reminder_sent_at is claimed in the same transaction that writes the email, so nobody ever
 * gets a second reminder. `now` is a parameter so tests need not wait days.
 */
export async function sendDueReminders(app: AppContext, now = new Date(), limit = 500): Promise<number> {
  const due = await app.db
    .select({
      workspaceId: surveyInvitations.workspaceId,
      id: surveyInvitations.id,
      wanted: sql<boolean>`${and(
        inArray(surveyInvitations.status, [...WAITING]),
        isNull(surveyInvitations.reminderSentAt),
        sql`${surveyInvitations.email} is not null`,
        sql`${surveys.status} <> 'archived'`,
        sql`jsonb_typeof(${surveys.settings} -> 'email' -> 'reminderAfterDays') = 'number'`,
        sql`${surveyInvitations.expiresAt} > ${now.toISOString()}::timestamptz`,
        sql`not exists (select 1 from ${emailSuppressions} es where es.workspace_id = ${surveyInvitations.workspaceId} and es.email = lower(${surveyInvitations.email}))`,
      )}`,
    })
    .from(surveyInvitations)
    .innerJoin(
      surveys,
      and(eq(surveys.workspaceId, surveyInvitations.workspaceId), eq(surveys.id, surveyInvitations.surveyId)),
    )
    .where(sql`${surveyInvitations.reminderDueAt} <= ${now.toISOString()}::timestamptz`)
    .orderBy(surveyInvitations.reminderDueAt)
    .limit(limit);
  // Answered, dismissed, unsubscribed, expired, or the survey no longer reminds: nothing to send, ever.
  const unwanted = due.filter((candidate) => !candidate.wanted);
  if (unwanted.length > 0) {
    await app.db
      .update(surveyInvitations)
      .set({ reminderDueAt: null })
      .where(
        sql`(${surveyInvitations.workspaceId}, ${surveyInvitations.id}) in (select * from unnest(${sql.param(unwanted.map((c) => c.workspaceId))}::uuid[], ${sql.param(unwanted.map((c) => c.id))}::uuid[]))`,
      );
  }
  let sent = 0;
  for (const candidate of due.filter((c) => c.wanted)) {
    try {
      const email = await app.db.transaction(async (tx): Promise<EmailRow | null> => {
        const [invitation] = await tx
          .update(surveyInvitations)
          .set({ reminderSentAt: now, reminderDueAt: null })
          .where(
            and(
              eq(surveyInvitations.workspaceId, candidate.workspaceId),
              eq(surveyInvitations.id, candidate.id),
              isNull(surveyInvitations.reminderSentAt),
              inArray(surveyInvitations.status, [...WAITING]),
            ),
          )
          .returning();
        if (!invitation) return null; // another worker took it, or it was answered meanwhile
        const survey = await getSurveyRecord(tx, invitation.workspaceId, invitation.surveyId, invitation.version);
        return recordInvitationEmail(tx, app, survey, invitation, { kind: 'reminder', now });
      });
      if (!email) continue;
      await dispatchEmails(app, [email]);
      sent++;
    } catch (error) {
      app.log.error(`[reminders] invitation ${candidate.id}: ${(error as Error).message}`);
    }
  }
  return sent;
}
