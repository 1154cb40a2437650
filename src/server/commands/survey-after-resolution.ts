import type { AppContext } from '../context.ts';
import type { Tx } from '../db/client.ts';
import { lockCursor, resolutionsAfter, saveCursor } from '../modules/conversations/feed.ts';
import { dispatchEmails, type EmailRow } from '../modules/email/outbox.ts';
import {
  deliveryFor,
  offerAfterResolution,
  RESOLUTION_TOUCHPOINT,
  triggerHolds,
  triggerSurveys,
} from '../modules/surveys/after-resolution.ts';
import { createInvitation, markInvitation } from '../modules/surveys/invitations.ts';
import { getSurveyRecord } from '../modules/surveys/service.ts';

/**
 * Surveys sent after a resolution, driven by the conversation event log.
 *
 * Every minute each active survey with the trigger on reads the `resolved` events after
 * its cursor (event_cursors) whose delay has passed, offers itself to each care cycle
 * still resolved whose conditions hold, and advances the cursor — all in one
 * transaction. An acknowledged resolve is in the log, so a crash anywhere loses no
 * survey and repeats none: the next run starts from the last committed cursor.
 *
 * Events are read only once they are older than SETTLE_MS (and the survey's delay), so
 * a resolve committed a moment after a later one is never stepped over. Resolutions
 * recorded with an older time (imports, replays of history) are not surveyed, nor is
 * anything already MAX_LATE_MS past its due time (a trigger switched back on after weeks).
 */
export const SETTLE_MS = 60_000;
export const MAX_LATE_MS = 24 * 3_600_000;
const BATCH = 200;

export interface TriggerRun {
  scanned: number;
  offered: number;
  skipped: number;
  failed: number;
}

const consumerOf = (surveyId: string) => `survey-after-resolution:${surveyId}`;
const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * Moves a survey's place in the event log to `until` (never back): resolutions recorded up
 * to then are history the trigger leaves alone (the demo writes their feedback itself).
 */
export async function skipResolutionsUntil(tx: Tx, workspaceId: string, surveyId: string, until: Date): Promise<void> {
  const consumer = consumerOf(surveyId);
  const cursor = await lockCursor(tx, workspaceId, consumer, until);
  if (new Date(cursor.at) <= until)
    await saveCursor(tx, workspaceId, consumer, { at: until.toISOString(), id: LAST_ID });
}

/** One batch of one survey, in one transaction; returns how many events it read. */
async function runBatch(
  app: AppContext,
  target: { workspaceId: string; surveyId: string },
  now: Date,
  totals: TriggerRun,
): Promise<number> {
  const emails: EmailRow[] = [];
  const scanned = await app.db.transaction(async (tx) => {
    const survey = await getSurveyRecord(tx, target.workspaceId, target.surveyId);
    const trigger = survey.row.settings.afterResolution;
    if (survey.row.status !== 'active' || !trigger.enabled) return 0;
    const consumer = consumerOf(target.surveyId);
    const cursor = await lockCursor(tx, target.workspaceId, consumer, survey.row.createdAt);
    const delay = trigger.delayMinutes * 60_000;
    const resolutions = await resolutionsAfter(tx, target.workspaceId, {
      after: cursor,
      from: new Date(now.getTime() - delay - MAX_LATE_MS),
      until: new Date(now.getTime() - Math.max(delay, SETTLE_MS)),
      limit: BATCH,
    });
    for (const resolution of resolutions) {
      if (!triggerHolds(trigger, resolution)) continue;
      try {
        const outcome = await tx.transaction((sp) => offerAfterResolution(sp, app, survey, resolution, now));
        emails.push(...outcome.emails);
        if (outcome.invitation?.status === 'skipped') totals.skipped += 1;
        else if (outcome.invitation) totals.offered += 1;
      } catch (error) {
        // Recorded as a failed invitation of that cycle, so it is visible and not retried forever.
        app.log.error(`[surveys] after-resolution ${resolution.conversationId}#${resolution.cycle}: ${error}`);
        await tx.transaction(async (sp) => {
          const { invitation } = await createInvitation(sp, target.workspaceId, {
            survey,
            delivery: deliveryFor(resolution.current.channel),
            conversationId: resolution.conversationId,
            cycle: resolution.cycle,
            touchpoint: RESOLUTION_TOUCHPOINT,
            unthrottled: true,
            now,
          });
          await markInvitation(sp, invitation, 'failed', now, String(error).slice(0, 500));
        });
        totals.failed += 1;
      }
    }
    const last = resolutions.at(-1);
    if (last)
      await saveCursor(tx, target.workspaceId, consumer, { at: last.resolvedAt.toISOString(), id: last.eventId });
    return resolutions.length;
  });
  totals.scanned += scanned;
  await dispatchEmails(app, emails);
  return scanned;
}

/**
 * One run of the trigger for every survey that has it on (the `survey-after-resolution`
 * job), or for one workspace's surveys.
 */
export async function runAfterResolutionSurveys(
  app: AppContext,
  now: Date = new Date(),
  options: { workspaceId?: string } = {},
): Promise<TriggerRun> {
  const totals: TriggerRun = { scanned: 0, offered: 0, skipped: 0, failed: 0 };
  for (const target of await triggerSurveys(app.db, options.workspaceId)) {
    while ((await runBatch(app, target, now, totals)) === BATCH) {
      // a full batch: more events may be waiting
    }
  }
  return totals;
}
