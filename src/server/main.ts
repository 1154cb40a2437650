import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { startAutoAnalyze } from './db/auto-analyze.ts';
import { type Database, migrateDatabase, openDatabase } from './db/client.ts';
import { seedDemoIfEmpty } from './demo/seed.ts';
import { jobDefinitions } from './jobs/definitions.ts';
import { type Jobs, openJobs } from './jobs/queue.ts';
import { acquireLock } from './lock.ts';
import { startEventDispatcher } from './modules/events/dispatch.ts';
import { eventHandlers } from './modules/events/handlers.ts';
import { startWebhookDeliverer } from './modules/webhooks/deliverer.ts';

export interface RunningKoe {
  url: string;
  port: number;
  app: AppContext;
  fastify: FastifyInstance | null;
  /** The admin channel token when this process holds an embedded data directory. */
  adminToken: string | null;
  demoLogin: { email: string; password: string } | null;
  close(): Promise<void>;
}

export interface StartOptions {
  http?: boolean;
  worker?: boolean;
  logger?: boolean;
  /** Open an already-open database instead (tests). */
  database?: Database;
  onRegisterAdmin?: (fastify: FastifyInstance, app: AppContext, adminToken: string) => void | Promise<void>;
}

const consoleLog = { info: console.log, warn: console.warn, error: console.error };

/** Opens the database, migrates it, starts HTTP and/or the job worker. Used by `koe serve`, `koe worker` and tests. */
export async function startKoe(config: Config, options: StartOptions = {}): Promise<RunningKoe> {
  const embedded = !config.databaseUrl && !options.database;
  const lock = embedded ? acquireLock(config.dataDir, { http: options.http !== false }) : null;
  let database: Database | null = null;
  let jobs: Jobs | null = null;
  let fastify: FastifyInstance | null = null;
  let stopAnalyze: () => void = () => undefined;
  let stopEvents: () => void = () => undefined;
  let stopWebhooks: () => void = () => undefined;
  try {
    database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
    await migrateDatabase(database);
    stopAnalyze = startAutoAnalyze(database);
    const app: AppContext = { config, database, db: database.db, jobs: null, log: consoleLog };
    const demoLogin = config.seedDemo && embedded ? await seedDemoIfEmpty(app) : null;
    if (options.worker !== false) {
      jobs = await openJobs(database, jobDefinitions, config.databaseUrl);
      app.jobs = jobs;
      await jobs.work(app);
      stopEvents = startEventDispatcher(app, eventHandlers, 1_000);
      stopWebhooks = startWebhookDeliverer(app);
    }
    let port = 0;
    if (options.http !== false) {
      fastify = await buildApp(app, { logger: options.logger ?? false });
      if (lock && options.onRegisterAdmin) await options.onRegisterAdmin(fastify, app, lock.adminToken);
      await fastify.listen({ port: config.port, host: config.host });
      const address = fastify.server.address();
      port = typeof address === 'object' && address ? address.port : config.port;
      lock?.update(port);
    }
    const opened = database;
    let closed = false;
    return {
      url: config.port === port ? config.publicUrl : `http://localhost:${port}`,
      port,
      app,
      fastify,
      adminToken: lock?.adminToken ?? null,
      demoLogin,
      async close() {
        if (closed) return;
        closed = true;
        stopAnalyze();
        stopEvents();
        stopWebhooks();
        await fastify?.close();
        await jobs?.stop().catch(() => undefined);
        if (!options.database) await opened.close();
        lock?.release();
      },
    };
  } catch (error) {
    stopAnalyze();
    stopEvents();
    stopWebhooks();
    await fastify?.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    if (database && !options.database) await database.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}
