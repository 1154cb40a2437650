import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { ThrottlingSettings } from '../../../shared/contracts/surveys.ts';
import type { Tx } from '../../db/client.ts';
import { emailSuppressions, surveyInvitations, workspaces } from '../../db/schema/index.ts';

/** Invitations that count as contact: anything offered, not the ones skipped or failed. */
export const COUNTED = ['scheduled', 'sent', 'delivered', 'opened', 'answered', 'dismissed'] as const;

export type SkipReason = 'recontact_period' | 'min_gap' | 'max_per_period' | 'unsubscribed';

export async function throttlingSettings(tx: Tx, workspaceId: string): Promise<ThrottlingSettings> {
  const [row] = await tx
    .select({ settings: workspaces.settings })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  const parsed = ThrottlingSettings.safeParse(row?.settings.throttling ?? {});
  return parsed.success ? parsed.data : ThrottlingSettings.parse({});
}

export async function saveThrottlingSettings(tx: Tx, workspaceId: string, settings: ThrottlingSettings): Promise<void> {
  await tx
    .update(workspaces)
    .set({ settings: sql`${workspaces.settings} || ${JSON.stringify({ throttling: settings })}::jsonb` })
    .where(eq(workspaces.id, workspaceId));
}

export async function isSuppressed(tx: Tx, workspaceId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ email: emailSuppressions.email })
    .from(emailSuppressions)
    .where(and(eq(emailSuppressions.workspaceId, workspaceId), eq(emailSuppressions.email, email.toLowerCase())))
    .limit(1);
  return Boolean(row);
}

/**
 * Whether a contact may get this survey now. Three rules, each on the server:
 * the survey's own recontact period, a workspace-wide minimum gap between any two
 * surveys, and a maximum number of surveys per period. Null: go ahead.
 */
export async function throttleReason(
  tx: Tx,
  workspaceId: string,
  input: {
    surveyId: string;
    recontactDays: number;
    /** The person: a contact, or else an anonymous widget visitor. */
    contactId?: string | null | undefined;
    visitorId?: string | null | undefined;
    email?: string | null | undefined;
    now: Date;
  },
): Promise<SkipReason | null> {
  if (input.email && (await isSuppressed(tx, workspaceId, input.email))) return 'unsubscribed';
  const settings = await throttlingSettings(tx, workspaceId);
  const day = 86_400_000;
  const horizon = Math.max(input.recontactDays, settings.minGapDays, settings.periodDays);
  const recent = await tx
    .select({ surveyId: surveyInvitations.surveyId, createdAt: surveyInvitations.createdAt })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.workspaceId, workspaceId),
        input.contactId
          ? eq(surveyInvitations.contactId, input.contactId)
          : eq(surveyInvitations.visitorId, input.visitorId ?? ''),
        inArray(surveyInvitations.status, [...COUNTED]),
        gt(surveyInvitations.createdAt, new Date(input.now.getTime() - horizon * day)),
      ),
    );
  return throttleRule(recent, { ...input, settings });
}

/** The three rules over the person's recent counted invitations (the recontact period, min gap, max per period). */
export function throttleRule(
  recent: { surveyId: string; createdAt: Date }[],
  input: { surveyId: string; recontactDays: number; settings: ThrottlingSettings; now: Date },
): SkipReason | null {
  const { settings } = input;
  const since = (days: number) => input.now.getTime() - days * 86_400_000;
  if (
    input.recontactDays > 0 &&
    recent.some((r) => r.surveyId === input.surveyId && r.createdAt.getTime() > since(input.recontactDays))
  ) {
    return 'recontact_period';
  }
  if (settings.minGapDays > 0 && recent.some((r) => r.createdAt.getTime() > since(settings.minGapDays)))
    return 'min_gap';
  if (recent.filter((r) => r.createdAt.getTime() > since(settings.periodDays)).length >= settings.maxPerPeriod) {
    return 'max_per_period';
  }
  return null;
}
