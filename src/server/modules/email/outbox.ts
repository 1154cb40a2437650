import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/client.ts';
import { emailMessages, workspaces } from '../../db/schema/index.ts';
import { newId } from '../../lib/id.ts';

export type EmailRow = typeof emailMessages.$inferSelect;

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe (an email with one honours the suppression list). */
  headers?: Record<string, string>;
  /** What it is about: survey_invitation, survey_reminder … */
  purpose: string;
  refId?: string | null;
}

/** smtp: handed to the job queue for SMTP; capture: kept in the outbox only. */
export type MailMode = 'smtp' | 'capture';

/** Real mail only with SMTP_URL, and never for a demo workspace (its customers are invented). */
export async function mailMode(tx: Tx, app: Pick<AppContext, 'config'>, workspaceId: string): Promise<MailMode> {
  if (!app.config.smtpUrl) return 'capture';
  const [row] = await tx
    .select({ isDemo: workspaces.isDemo })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  return row && !row.isDemo ? 'smtp' : 'capture';
}

/**
 * Writes an email inside the caller's transaction: `queued` for SMTP, or `captured`
 * (the development outbox). Nothing is sent here; hand the row to dispatchEmails after
 * the transaction commits, so a rolled-back write never sends anything.
 */
export async function recordEmail(
  tx: Tx,
  app: Pick<AppContext, 'config'>,
  workspaceId: string,
  email: OutgoingEmail,
  options: { mode?: MailMode; now?: Date } = {},
): Promise<EmailRow> {
  const now = options.now ?? new Date();
  const mode = options.mode ?? (await mailMode(tx, app, workspaceId));
  const [row] = await tx
    .insert(emailMessages)
    .values({
      workspaceId,
      id: newId(now.getTime()),
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: email.headers ?? {},
      purpose: email.purpose,
      refId: email.refId ?? null,
      status: mode === 'smtp' ? 'queued' : 'captured',
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('email insert returned nothing');
  return row;
}

/** Job options of one delivery: its id is the email's, so enqueueing twice adds nothing. */
export function deliveryJobOptions(app: Pick<AppContext, 'config'>, emailId: string) {
  return {
    id: emailId,
    retryLimit: app.config.emailRetry.limit,
    retryDelay: app.config.emailRetry.delaySeconds,
    retryBackoff: true,
  };
}

/**
 * After commit: queues SMTP delivery of the emails recorded as `queued`. If the queue is
 * not running in this process (or enqueueing fails), the rows stay queued and the
 * email-sweep job picks them up, so nothing is lost.
 */
export async function dispatchEmails(app: AppContext, emails: EmailRow[]): Promise<void> {
  for (const email of emails) {
    if (email.status !== 'queued' || !app.jobs) continue;
    try {
      await app.jobs.send(
        'email-send',
        { workspaceId: email.workspaceId, emailId: email.id },
        deliveryJobOptions(app, email.id),
      );
    } catch (error) {
      app.log.warn(`[email] ${email.id} not queued now (the sweep retries): ${(error as Error).message}`);
    }
  }
}

/** Records and dispatches one email in its own transaction, for callers that have none. */
export async function sendEmail(app: AppContext, workspaceId: string, email: OutgoingEmail): Promise<EmailRow> {
  const row = await app.db.transaction((tx) => recordEmail(tx, app, workspaceId, email));
  await dispatchEmails(app, [row]);
  return row;
}
