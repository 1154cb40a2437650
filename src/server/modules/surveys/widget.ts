import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { WidgetTrigger } from '../../../shared/contracts/surveys.ts';
import type { WidgetCheckInput, WidgetCheckResult, WidgetSurvey } from '../../../shared/contracts/widget.ts';
import type { Db, Tx } from '../../db/client.ts';
import { retryOnConflict } from '../../db/retry.ts';
import { surveyInvitations, surveys, surveyVersions } from '../../db/schema/index.ts';
import { createInvitation, type InvitationRow, markInvitation, tokenFor } from './invitations.ts';
import { publicDefinition } from './public-definition.ts';
import { getSurveyRecord, type SurveyRecord } from './service.ts';
import { throttleReason } from './throttling.ts';
import { identifiedContact, type WidgetWorkspace, widgetWorkspace } from './widget-identity.ts';

/** Surveys chat and in-app conversations leave for the widget to show (after-resolution trigger). */
const WAITING = ['scheduled', 'sent', 'delivered'] as const;

/** The workspace's active surveys that the widget may show, oldest first. */
async function widgetSurveys(tx: Tx, workspaceId: string): Promise<SurveyRecord[]> {
  const rows = await tx
    .select({ row: surveys, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(
      surveyVersions,
      and(
        eq(surveyVersions.workspaceId, surveys.workspaceId),
        eq(surveyVersions.surveyId, surveys.id),
        eq(surveyVersions.version, surveys.version),
      ),
    )
    .where(
      and(
        eq(surveys.workspaceId, workspaceId),
        eq(surveys.status, 'active'),
        sql`${surveys.settings} -> 'widget' ->> 'enabled' = 'true'`,
      ),
    )
    .orderBy(asc(surveys.createdAt), asc(surveys.id));
  return rows;
}

export function triggerMatches(trigger: WidgetTrigger, input: WidgetCheckInput): boolean {
  if (trigger.type === 'event') return input.event === trigger.name;
  if (trigger.type === 'url') return Boolean(input.url?.includes(trigger.contains));
  return input.seconds !== undefined && input.seconds >= trigger.seconds;
}

function uniqueTriggers(records: SurveyRecord[]): WidgetTrigger[] {
  const seen = new Map<string, WidgetTrigger>();
  for (const record of records) {
    for (const trigger of record.row.settings.widget.triggers) seen.set(JSON.stringify(trigger), trigger);
  }
  return [...seen.values()];
}

/** Where the survey was offered: the event, else the page's path (a journey touchpoint to slice by). */
function touchpointOf(input: WidgetCheckInput): string | null {
  if (input.event) return input.event;
  if (!input.url) return null;
  try {
    return new URL(input.url).pathname.slice(0, 100);
  } catch {
    return null;
  }
}

function present(secret: string, workspace: WidgetWorkspace, survey: SurveyRecord, invitation: InvitationRow) {
  const shown: WidgetSurvey = {
    surveyId: survey.row.id,
    ...publicDefinition(survey.definition, invitation.language),
    response: null,
    brand: { workspaceName: workspace.name },
    token: tokenFor(secret, invitation),
  };
  return shown;
}

/** A survey a resolved chat or in-app conversation left for this contact, when one is due. */
async function waitingInvitation(tx: Tx, workspaceId: string, contactId: string, now: Date) {
  const [invitation] = await tx
    .select()
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.workspaceId, workspaceId),
        eq(surveyInvitations.contactId, contactId),
        inArray(surveyInvitations.delivery, ['chat', 'in_app']),
        inArray(surveyInvitations.status, [...WAITING]),
        lte(surveyInvitations.scheduledAt, now),
        gt(surveyInvitations.expiresAt, now),
      ),
    )
    .orderBy(desc(surveyInvitations.scheduledAt))
    .limit(1)
    .for('update');
  if (!invitation) return null;
  const survey = await getSurveyRecord(tx, workspaceId, invitation.surveyId, invitation.version);
  return survey.row.status === 'archived' ? null : { invitation, survey };
}

/**
 * Is there a survey to show this visitor now? A due chat survey first; else the first
 * active widget survey whose trigger fired and that the over-surveying rules allow
 * (per-survey recontact period, workspace gap and maximum), offered as a new
 * invitation. A throttled check writes nothing: a page view is not an invitation.
 */
export async function checkWidget(db: Db, secret: string, input: WidgetCheckInput): Promise<WidgetCheckResult> {
  return retryOnConflict(() =>
    db.transaction(async (tx) => {
      const now = new Date();
      const workspace = await widgetWorkspace(tx, input.workspaceId);
      const contact = await identifiedContact(tx, workspace, input);
      const visitorId = contact ? null : (input.visitorId ?? null);
      const candidates = await widgetSurveys(tx, workspace.id);
      const triggers = uniqueTriggers(candidates);
      const none = { survey: null, triggers };
      if (contact) {
        const waiting = await waitingInvitation(tx, workspace.id, contact.id, now);
        if (waiting) {
          await markInvitation(tx, waiting.invitation, 'delivered', now);
          return { survey: present(secret, workspace, waiting.survey, waiting.invitation), triggers };
        }
      }
      const person = contact?.id ?? visitorId;
      // Nobody to count surveys against (storage blocked): better no survey than too many.
      if (!person) return none;
      const fired = candidates.filter((s) => s.row.settings.widget.triggers.some((t) => triggerMatches(t, input)));
      if (fired.length === 0) return none;
      // Two tabs checking at once must not both pass the throttle.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${`koe-widget:${workspace.id}:${person}`}, 0))`,
      );
      for (const survey of fired) {
        const skipped = await throttleReason(tx, workspace.id, {
          surveyId: survey.row.id,
          recontactDays: survey.row.settings.recontactDays,
          contactId: contact?.id,
          visitorId,
          now,
        });
        if (skipped) continue;
        const { invitation } = await createInvitation(tx, workspace.id, {
          survey,
          delivery: 'widget',
          contactId: contact?.id,
          visitorId,
          language: input.language,
          touchpoint: touchpointOf(input),
          status: 'delivered',
          unthrottled: true,
          now,
        });
        await markInvitation(tx, invitation, 'delivered', now);
        return { survey: present(secret, workspace, survey, invitation), triggers };
      }
      return none;
    }),
  );
}
