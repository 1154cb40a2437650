import { inject } from 'vitest';
import { type Database, migrateDatabase, openDatabase } from '../../src/server/db/client.ts';

/** The run's PostgreSQL database (from the global setup), or undefined on PGlite. */
export function testDatabaseUrl(): string | undefined {
  try {
    return inject('databaseUrl') ?? undefined;
  } catch {
    // Outside a Vitest worker (or without the global setup): PGlite.
    return undefined;
  }
}

/** The DATABASE_URL the run started with, to create further scratch databases; undefined on PGlite. */
export function adminDatabaseUrl(): string | undefined {
  try {
    return inject('adminDatabaseUrl') ?? undefined;
  } catch {
    return undefined;
  }
}

export const engine = (): 'pglite' | 'postgres' => (testDatabaseUrl() ? 'postgres' : 'pglite');

/**
 * A migrated database for service-level tests: the run's PostgreSQL database, or a
 * fresh in-memory PGlite (about a second to open, so open one per test file).
 */
export async function openTestDatabase(): Promise<Database> {
  const databaseUrl = testDatabaseUrl();
  const database = databaseUrl
    ? await openDatabase({ databaseUrl, poolSize: 4 })
    : await openDatabase({ dataDir: 'memory://' });
  if (!databaseUrl) await migrateDatabase(database);
  return database;
}
