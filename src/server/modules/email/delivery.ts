import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { emailMessages, workspaces } from '../../db/schema/index.ts';
import { deliveryJobOptions, type EmailRow, mailMode } from './outbox.ts';
import { isAddressSuppressed } from './suppressions.ts';
import { describeSmtpError, sendThroughSmtp } from './transport.ts';

/** Told the final outcome of an email (sent, captured or failed), e.g. to move a survey invitation on. */
export type EmailSettled = (app: AppContext, email: EmailRow) => Promise<void>;

async function update(app: AppContext, email: EmailRow, fields: Partial<EmailRow>): Promise<EmailRow> {
  const [row] = await app.db
    .update(emailMessages)
    .set(fields)
    .where(and(eq(emailMessages.workspaceId, email.workspaceId), eq(emailMessages.id, email.id)))
    .returning();
  return row ?? { ...email, ...fields };
}

async function senderName(app: AppContext, workspaceId: string): Promise<string> {
  const [row] = await app.db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .limit(1);
  return row?.name ?? 'Koe';
}

/**
 * The email-send job: one SMTP attempt for one queued email. A failure is recorded
 * (attempts, last_error) and thrown so the queue retries with backoff; an SMTP 5xx
 * reply or the last allowed attempt marks the email failed instead. An email that
 * carries an unsubscribe link is not sent to an address suppressed meanwhile.
 */
export async function deliverEmail(
  app: AppContext,
  ref: { workspaceId: string; emailId: string },
  onSettled: EmailSettled = async () => undefined,
): Promise<void> {
  const [email] = await app.db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.workspaceId, ref.workspaceId), eq(emailMessages.id, ref.emailId)))
    .limit(1);
  if (!email) return;
  // Already settled (a retry after the outcome was written): tell the listener again, it is idempotent.
  if (email.status !== 'queued') return onSettled(app, email);
  if ((await mailMode(app.db, app, email.workspaceId)) === 'capture' || !app.config.smtpUrl) {
    await onSettled(app, await update(app, email, { status: 'captured' }));
    return;
  }
  if (email.headers['List-Unsubscribe'] && (await isAddressSuppressed(app.db, email.workspaceId, email.to))) {
    const failed = await update(app, email, { status: 'failed', lastError: 'the address unsubscribed' });
    await onSettled(app, failed);
    return;
  }
  const attempts = email.attempts + 1;
  try {
    const from = { name: await senderName(app, email.workspaceId), address: app.config.mailFrom };
    const result = await sendThroughSmtp(app.config.smtpUrl, from, email);
    const sent = await update(app, email, {
      status: 'sent',
      attempts,
      lastError: null,
      messageId: result.messageId,
      sentAt: new Date(),
    });
    await onSettled(app, sent);
  } catch (error) {
    const failure = describeSmtpError(error);
    const final = failure.permanent || attempts > app.config.emailRetry.limit;
    const row = await update(app, email, {
      attempts,
      lastError: failure.message,
      status: final ? 'failed' : 'queued',
    });
    if (final) {
      app.log.warn(`[email] ${email.id} to ${email.to} failed after ${attempts} attempt(s): ${failure.message}`);
      await onSettled(app, row);
      return;
    }
    throw new Error(`email ${email.id}: attempt ${attempts} failed: ${failure.message}`);
  }
}

const SWEEP_AFTER_MS = 2 * 60_000;
const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/**
 * The email-sweep job: queued emails whose delivery job never got enqueued (the process
 * stopped right after commit, or no worker was running) are enqueued again — the job id
 * is the email id, so an email already in the queue is not sent twice. Emails still
 * queued after a day are marked failed.
 */
export async function sweepQueuedEmails(
  app: AppContext,
  now = new Date(),
  onSettled: EmailSettled = async () => undefined,
): Promise<number> {
  const stale = await app.db
    .update(emailMessages)
    .set({ status: 'failed', lastError: sql`coalesce(${emailMessages.lastError}, 'not delivered within a day')` })
    .where(
      and(eq(emailMessages.status, 'queued'), lt(emailMessages.createdAt, new Date(now.getTime() - GIVE_UP_AFTER_MS))),
    )
    .returning();
  for (const email of stale) await onSettled(app, email);
  if (!app.jobs) return 0;
  const waiting = await app.db
    .select({ workspaceId: emailMessages.workspaceId, id: emailMessages.id })
    .from(emailMessages)
    .where(
      and(eq(emailMessages.status, 'queued'), lt(emailMessages.createdAt, new Date(now.getTime() - SWEEP_AFTER_MS))),
    )
    .orderBy(asc(emailMessages.createdAt))
    .limit(500);
  let queued = 0;
  for (const email of waiting) {
    const id = await app.jobs.send(
      'email-send',
      { workspaceId: email.workspaceId, emailId: email.id },
      deliveryJobOptions(app, email.id),
    );
    if (id) queued++;
  }
  return queued;
}
