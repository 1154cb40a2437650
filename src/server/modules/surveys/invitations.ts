import { and, eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DeliveryChannel, InvitationStatus, SurveyDefinition } from '../../../shared/contracts/surveys.ts';
import type { Tx } from '../../db/client.ts';
import { contactIdentities, contacts, surveyInvitations, surveys } from '../../db/schema/index.ts';
import { notFound } from '../../http/problem.ts';
import { newId } from '../../lib/id.ts';
import type { SurveyRecord } from './service.ts';
import { type SkipReason, throttleReason } from './throttling.ts';
import { answerUrl, invitationToken } from './tokens.ts';

export type InvitationRow = typeof surveyInvitations.$inferSelect;
const EXPIRY_DAYS = 30;

export interface NewInvitation {
  survey: SurveyRecord;
  delivery: DeliveryChannel;
  contactId?: string | null | undefined;
  /** An anonymous widget visitor, throttled like a contact. */
  visitorId?: string | null | undefined;
  conversationId?: string | null | undefined;
  cycle?: number | null | undefined;
  language?: string | null | undefined;
  /** Snapshot taken now: who handled it, where, at which touchpoint. */
  agentId?: string | null | undefined;
  teamId?: string | null | undefined;
  channel?: string | null | undefined;
  touchpoint?: string | null | undefined;
  scheduledAt?: Date | undefined;
  status?: InvitationStatus | undefined;
  /** Skip the over-surveying rules (anonymous links have nobody to protect). */
  unthrottled?: boolean | undefined;
  /** A service-recovery re-survey: its answer sets the case's outcome. */
  recoveryCaseId?: string | null | undefined;
  now?: Date | undefined;
}

async function contactDetails(tx: Tx, workspaceId: string, contactId: string) {
  const [row] = await tx
    .select({
      locale: contacts.locale,
      email: sql<
        string | null
      >`(select i.value from ${contactIdentities} i where i.workspace_id = "contacts"."workspace_id" and i.contact_id = "contacts"."id" and i.kind = 'email' order by i.position limit 1)`,
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)))
    .limit(1);
  if (!row) throw notFound('Contact');
  return row;
}

/** The languages a survey is written in (those of its score question). */
export function offeredLanguages(definition: SurveyDefinition): string[] {
  const score = definition.questions[0];
  return score ? Object.keys(score.prompt) : [];
}

/** The survey's language for a wanted one (exact, else its base: `en-US` → `en`), or null when it has neither. */
export function offeredLanguage(definition: SurveyDefinition, language: string): string | null {
  const available = offeredLanguages(definition);
  const base = language.split('-')[0] ?? language;
  if (available.includes(language)) return language;
  return available.includes(base) ? base : null;
}

/** The survey's own language when no wanted one is offered: its default, else its first. */
export function defaultLanguage(definition: SurveyDefinition): string {
  const available = offeredLanguages(definition);
  return available.includes(definition.defaultLanguage) ? definition.defaultLanguage : (available[0] ?? 'ja');
}

/** The respondent's language: asked for, else the contact's, else the survey's default; always one the survey has. */
export function chooseLanguage(
  record: Pick<SurveyRecord, 'definition'>,
  ...wanted: (string | null | undefined)[]
): string {
  for (const language of wanted) {
    const offered = language ? offeredLanguage(record.definition, language) : null;
    if (offered) return offered;
  }
  return defaultLanguage(record.definition);
}

/**
 * Offers a survey to someone, inside the caller's transaction. When the over-surveying
 * rules say no, the invitation is still written, as `skipped` with the reason, so the
 * decision is visible and a care cycle is never surveyed twice.
 */
export async function createInvitation(
  tx: Tx,
  workspaceId: string,
  input: NewInvitation,
): Promise<{ invitation: InvitationRow; skipped: SkipReason | null }> {
  const now = input.now ?? new Date();
  const details = input.contactId ? await contactDetails(tx, workspaceId, input.contactId) : null;
  const email = input.delivery === 'email' ? (details?.email ?? null) : null;
  const skipped =
    (input.contactId || input.visitorId) && !input.unthrottled
      ? await throttleReason(tx, workspaceId, {
          surveyId: input.survey.row.id,
          recontactDays: input.survey.row.settings.recontactDays,
          contactId: input.contactId,
          visitorId: input.visitorId,
          email,
          now,
        })
      : null;
  const [invitation] = await tx
    .insert(surveyInvitations)
    .values({
      workspaceId,
      id: newId(now.getTime()),
      surveyId: input.survey.row.id,
      version: input.survey.row.version,
      contactId: input.contactId ?? null,
      visitorId: input.contactId ? null : (input.visitorId ?? null),
      conversationId: input.conversationId ?? null,
      cycle: input.cycle ?? null,
      delivery: input.delivery,
      language: chooseLanguage(input.survey, input.language, details?.locale),
      status: skipped ? 'skipped' : (input.status ?? 'scheduled'),
      agentId: input.agentId ?? null,
      teamId: input.teamId ?? null,
      channel: input.channel ?? null,
      touchpoint: input.touchpoint ?? null,
      email,
      recoveryCaseId: input.recoveryCaseId ?? null,
      scheduledAt: input.scheduledAt ?? now,
      expiresAt: new Date(now.getTime() + EXPIRY_DAYS * 86_400_000),
      error: skipped,
      createdAt: now,
    })
    .returning();
  if (!invitation) throw new Error('invitation insert returned nothing');
  return { invitation, skipped };
}

export function tokenFor(secret: string, invitation: InvitationRow): string {
  return invitationToken(secret, {
    w: invitation.workspaceId,
    i: invitation.id,
    s: invitation.surveyId,
    v: invitation.version,
    exp: Math.floor(invitation.expiresAt.getTime() / 1000),
  });
}

export const invitationUrl = (ctx: { secret: string; publicUrl: string }, invitation: InvitationRow, score?: number) =>
  answerUrl(ctx.publicUrl, tokenFor(ctx.secret, invitation), score);

export async function getInvitationRow(
  tx: Tx,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<InvitationRow | null> {
  const query = tx
    .select()
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.workspaceId, workspaceId), eq(surveyInvitations.id, id)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * When an email invitation sent at `at` gets its reminder: the survey's reminderAfterDays
 * (settings.email) at sending time later; none when the survey asks for no reminder.
 */
function reminderDue(invitation: InvitationRow, at: Date) {
  return sql<Date | null>`(select ${at.toISOString()}::timestamptz + make_interval(days => (s.settings -> 'email' ->> 'reminderAfterDays')::int)
      from ${surveys} s
     where s.workspace_id = ${invitation.workspaceId} and s.id = ${invitation.surveyId}
       and jsonb_typeof(s.settings -> 'email' -> 'reminderAfterDays') = 'number')`;
}

/** Funnel steps only move forward: opened never overwrites answered. */
export async function markInvitation(
  tx: Tx,
  invitation: InvitationRow,
  event: 'sent' | 'delivered' | 'opened' | 'answered' | 'dismissed' | 'failed',
  at: Date,
  error?: string,
): Promise<void> {
  const order: InvitationStatus[] = ['scheduled', 'sent', 'delivered', 'opened', 'dismissed', 'answered'];
  const fields: PgUpdateSetSource<typeof surveyInvitations> = {};
  if (event === 'failed') Object.assign(fields, { status: 'failed', error: error ?? 'failed' });
  else {
    const column = {
      sent: 'sentAt',
      delivered: 'deliveredAt',
      opened: 'openedAt',
      answered: 'answeredAt',
      dismissed: 'dismissedAt',
    } as const;
    const key = column[event];
    // First time counts: opening twice keeps the first opening; answering again keeps updating.
    if (event === 'answered' || !invitation[key]) Object.assign(fields, { [key]: at });
    if (event === 'sent' && !invitation.sentAt && invitation.delivery === 'email' && !invitation.reminderSentAt) {
      fields.reminderDueAt = reminderDue(invitation, at);
    }
    if (order.indexOf(event) > order.indexOf(invitation.status)) fields.status = event;
  }
  if (Object.keys(fields).length === 0) return;
  await tx
    .update(surveyInvitations)
    .set(fields)
    .where(and(eq(surveyInvitations.workspaceId, invitation.workspaceId), eq(surveyInvitations.id, invitation.id)));
}
