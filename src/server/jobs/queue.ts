import { PgBoss } from 'pg-boss';
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/client.ts';

/** A job is registered as name + payload schema + handler; the payload is checked before it runs. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  /** Cron expression (in the given time zone) for recurring jobs. */
  schedule?: { cron: string; tz?: string };
  retryLimit?: number;
  handler(app: AppContext, data: z.output<S>): Promise<void>;
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition {
  return definition as unknown as JobDefinition;
}

export interface Jobs {
  send(
    name: string,
    data: object,
    options?: {
      startAfter?: Date | number;
      singletonKey?: string;
      /** With singletonKey: at most one job per key in each slot of this many seconds (throttling). */
      singletonSeconds?: number;
      /** A fixed job id: sending the same id again adds nothing (idempotent enqueue). */
      id?: string;
      /** Overrides the queue's retry policy for this job. */
      retryLimit?: number;
      retryDelay?: number;
      retryBackoff?: boolean;
    },
  ): Promise<string | null>;
  /** Starts workers for every definition (koe serve and koe worker; not one-shot CLI commands). */
  work(app: AppContext): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss on either engine: on PostgreSQL with its own small pool (LISTEN/NOTIFY works),
 * on PGlite through the application's single connection, so a job's queries never
 * interleave with a transaction in progress.
 */
export async function openJobs(database: Database, definitions: JobDefinition[], databaseUrl?: string): Promise<Jobs> {
  const boss =
    database.engine === 'pglite'
      ? new PgBoss({
          backend: 'pglite',
          db: { executeSql: (text: string, values?: unknown[]) => database.pool.query(text, values as unknown[]) },
          schema: 'pgboss',
        })
      : new PgBoss({ connectionString: databaseUrl ?? '', max: 4, schema: 'pgboss' });
  const byName = new Map(definitions.map((d) => [d.name, d]));
  let started = false;
  boss.on('error', (error: Error) => {
    console.error('[jobs]', error.message);
  });
  await boss.start();
  for (const definition of definitions) {
    await boss.createQueue(definition.name, {
      retryLimit: definition.retryLimit ?? 5,
      retryBackoff: true,
      retryDelay: 10,
    });
  }
  return {
    async send(name, data, options) {
      if (!byName.has(name)) throw new Error(`Unknown job "${name}"`);
      return boss.send(name, data, options ?? {});
    },
    async work(app) {
      if (started) return;
      started = true;
      for (const definition of definitions) {
        await boss.work(definition.name, async (jobs) => {
          for (const job of jobs) {
            const parsed = definition.schema.safeParse(job.data ?? {});
            if (!parsed.success) {
              // A malformed payload will never succeed: log it and let the job complete.
              app.log.error(`[jobs] ${definition.name} ${job.id}: invalid payload: ${parsed.error.message}`);
              continue;
            }
            await definition.handler(app, parsed.data);
          }
        });
        if (definition.schedule) {
          await boss.schedule(definition.name, definition.schedule.cron, {}, { tz: definition.schedule.tz ?? 'UTC' });
        }
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 5000, close: database.engine !== 'pglite' });
    },
  };
}
