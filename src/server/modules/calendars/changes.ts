import type { AppContext } from '../../context.ts';
import { forgetCalendarCache } from './resolver.ts';

export const RECOMPUTE_JOB = 'business-hours-recompute';
/** Edits in a row (ranges, then holidays) share one recompute; later than the no-calendar cache lives. */
const RECOMPUTE_DELAY_SECONDS = 15;

/**
 * After a calendar, its holidays or a team's calendar changed (committed): forget this
 * process's cache and recompute the workspace's business durations in the background.
 */
export async function calendarsChanged(app: AppContext, workspaceId: string): Promise<void> {
  forgetCalendarCache(workspaceId);
  if (!app.jobs) return;
  try {
    await app.jobs.send(
      RECOMPUTE_JOB,
      { workspaceId },
      { singletonKey: workspaceId, singletonSeconds: RECOMPUTE_DELAY_SECONDS, startAfter: RECOMPUTE_DELAY_SECONDS },
    );
  } catch (error) {
    // The change is committed; a failed enqueue must not turn it into an error response.
    app.log.error(`[calendars] could not enqueue ${RECOMPUTE_JOB}: ${(error as Error).message}`);
  }
}
