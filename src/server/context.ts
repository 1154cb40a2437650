import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import type { Jobs } from './jobs/queue.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What every route, job and CLI command is handed: configuration, the database and the job queue. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  jobs: Jobs | null;
  log: Logger;
}
