import { z } from 'zod';
import { runAfterResolutionSurveys } from '../commands/survey-after-resolution.ts';
import { NO_MATCH_RETENTION_DAYS, pruneRuns } from '../modules/automation/runs.ts';
import { runTimeRules } from '../modules/automation/time-rules.ts';
import { RECOMPUTE_JOB } from '../modules/calendars/changes.ts';
import { recomputeBusinessDurations } from '../modules/calendars/recompute.ts';
import { autoCloseResolved } from '../modules/conversations/housekeeping.ts';
import { deliverEmail, sweepQueuedEmails } from '../modules/email/delivery.ts';
import { DISPATCHED_RETENTION_DAYS, pruneDispatchedEvents } from '../modules/events/dispatch.ts';
import { refreshDirtyWorkspaces } from '../modules/metrics/rollups/refresh.ts';
import { sendDailyDigests } from '../modules/notifications/digest.ts';
import { markOverdueCases } from '../modules/recovery/overdue.ts';
import { runSlaCheck } from '../modules/sla/check.ts';
import { surveyEmailSettled } from '../modules/surveys/invitation-email.ts';
import { sendDueReminders } from '../modules/surveys/reminders.ts';
import { deleteExpiredSessions } from '../modules/workspaces/auth.ts';
import { defineJob, type JobDefinition } from './queue.ts';

/** Every job Koe runs. Later modules (surveys, SLA, automation, webhooks) add theirs here. */
export const jobDefinitions: JobDefinition[] = [
  defineJob({
    name: 'conversations-auto-close',
    schema: z.object({}),
    schedule: { cron: '*/15 * * * *' },
    async handler(app) {
      const closed = await autoCloseResolved(app.db);
      if (closed > 0) app.log.info(`[jobs] auto-closed ${closed} resolved conversations`);
    },
  }),
  defineJob({
    name: RECOMPUTE_JOB,
    schema: z.object({ workspaceId: z.uuid() }),
    // Enqueued after every calendar, holiday or team-calendar change; idempotent, batch by batch.
    async handler(app, data) {
      const result = await recomputeBusinessDurations(app.db, data.workspaceId);
      app.log.info(
        `[jobs] business hours recomputed for ${result.conversations} conversations: ${result.cycles} cycles, ${result.messages} replies changed`,
      );
    },
  }),
  defineJob({
    name: 'rollups-refresh',
    schema: z.object({}),
    // Reads refresh the days they need anyway; this keeps that work off the dashboards' path.
    schedule: { cron: '* * * * *' },
    async handler(app) {
      await refreshDirtyWorkspaces(app.db);
    },
  }),
  defineJob({
    name: 'sessions-cleanup',
    schema: z.object({}),
    schedule: { cron: '17 3 * * *' },
    async handler(app) {
      await deleteExpiredSessions(app.db);
    },
  }),
  defineJob({
    name: 'survey-after-resolution',
    schema: z.object({}),
    // Reads the event log from each survey's cursor: a missed or repeated tick loses and repeats nothing.
    schedule: { cron: '* * * * *' },
    async handler(app) {
      const run = await runAfterResolutionSurveys(app);
      if (run.offered + run.skipped + run.failed > 0) {
        app.log.info(
          `[jobs] after-resolution surveys: ${run.offered} offered, ${run.skipped} skipped, ${run.failed} failed`,
        );
      }
    },
  }),
  defineJob({
    name: 'email-send',
    schema: z.object({ workspaceId: z.uuid(), emailId: z.uuid() }),
    // Retries come with each job (config.emailRetry); the handler marks the last failure.
    async handler(app, data) {
      await deliverEmail(app, data, surveyEmailSettled);
    },
  }),
  defineJob({
    name: 'email-sweep',
    schema: z.object({}),
    schedule: { cron: '*/5 * * * *' },
    async handler(app) {
      const queued = await sweepQueuedEmails(app, new Date(), surveyEmailSettled);
      if (queued > 0) app.log.info(`[jobs] re-queued ${queued} emails`);
    },
  }),
  defineJob({
    name: 'notifications-digest',
    schema: z.object({}),
    // Hourly: each member's digest goes out in the hour they chose, in the workspace's time zone.
    schedule: { cron: '0 * * * *' },
    async handler(app) {
      const sent = await sendDailyDigests(app);
      if (sent > 0) app.log.info(`[jobs] wrote ${sent} notification digests`);
    },
  }),
  defineJob({
    name: 'recovery-overdue',
    schema: z.object({}),
    // One recovery.overdue per case not contacted by its due time (overdue_notified_at keeps it to one).
    schedule: { cron: '* * * * *' },
    async handler(app) {
      const overdue = await markOverdueCases(app.db);
      if (overdue > 0) app.log.info(`[jobs] ${overdue} recovery cases went overdue`);
    },
  }),
  defineJob({
    name: 'sla-check',
    schema: z.object({}),
    // Fires each SLA clock's warning and breach once (sla.warning / sla.breached); repeats are no-ops.
    schedule: { cron: '* * * * *' },
    async handler(app) {
      const fired = await runSlaCheck(app.db);
      if (fired.warned + fired.breached > 0) {
        app.log.info(`[jobs] SLA: ${fired.warned} warnings, ${fired.breached} breaches`);
      }
    },
  }),
  defineJob({
    name: 'survey-reminders',
    schema: z.object({}),
    schedule: { cron: '*/15 * * * *' },
    async handler(app) {
      const sent = await sendDueReminders(app);
      if (sent > 0) app.log.info(`[jobs] sent ${sent} survey reminders`);
    },
  }),
  defineJob({
    name: 'automation-time',
    schema: z.object({}),
    // Time-based rules ("pending for more than 3 days"): each stay is keyed in the run log, so a missed or repeated tick acts once.
    schedule: { cron: '* * * * *' },
    async handler(app) {
      const run = await runTimeRules(app);
      if (run.evaluated > 0) app.log.info(`[jobs] time-based rules evaluated ${run.evaluated} conversations`);
    },
  }),
  defineJob({
    name: 'domain-events-prune',
    schema: z.object({}),
    schedule: { cron: '41 4 * * *' },
    async handler(app) {
      const before = new Date(Date.now() - DISPATCHED_RETENTION_DAYS * 86_400_000);
      const pruned = await pruneDispatchedEvents(app.db, before);
      if (pruned > 0) app.log.info(`[jobs] forgot ${pruned} dispatched domain events`);
    },
  }),
  defineJob({
    name: 'automation-runs-prune',
    schema: z.object({}),
    schedule: { cron: '23 4 * * *' },
    async handler(app) {
      const before = new Date(Date.now() - NO_MATCH_RETENTION_DAYS * 86_400_000);
      const pruned = await pruneRuns(app.db, before);
      if (pruned > 0) app.log.info(`[jobs] forgot ${pruned} automation runs without a match`);
    },
  }),
];
