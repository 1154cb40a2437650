import { z } from 'zod';
import { autoCloseResolved } from '../modules/conversations/housekeeping.ts';
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
    name: 'sessions-cleanup',
    schema: z.object({}),
    schedule: { cron: '17 3 * * *' },
    async handler(app) {
      await deleteExpiredSessions(app.db);
    },
  }),
];
