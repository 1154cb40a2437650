import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../../src/server/db/client.ts';
import { createScratchDatabase, dropStaleDatabases } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's own PostgreSQL database, migrated; null on PGlite. */
    databaseUrl: string | null;
    /** The DATABASE_URL the run was started with (to create further databases); null on PGlite. */
    adminDatabaseUrl: string | null;
  }
}

/** On PostgreSQL: one fresh, migrated database for the whole run, dropped at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.DATABASE_URL || null;
  project.provide('adminDatabaseUrl', adminUrl);
  if (!adminUrl) {
    project.provide('databaseUrl', null);
    return async () => undefined;
  }
  await dropStaleDatabases(adminUrl);
  const scratch = await createScratchDatabase(adminUrl);
  try {
    const database = await openDatabase({ databaseUrl: scratch.url, poolSize: 1 });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  project.provide('databaseUrl', scratch.url);
  return () => scratch.drop();
}
