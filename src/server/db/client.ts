import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { PGliteConnection } from './pglite-connection.ts';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction or the database: services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  pool: pg.Pool;
  engine: Engine;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** `memory://` opens a throw-away in-memory database (tests). */
export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
}

/**
 * Both engines are reached through node-postgres, so one Drizzle driver, one
 * transaction model and one pg-boss adapter serve both. PGlite is a single
 * connection: a pool of one serialises work exactly as the engine requires.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    return { db: drizzle(pool, { schema }), pool, engine: 'postgres', close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  const location = dataDir === 'memory://' ? undefined : join(dataDir, 'pg');
  if (location) mkdirSync(location, { recursive: true });
  const lite = await PGlite.create({ dataDir: location, extensions: { btree_gin } });
  const pool = new pg.Pool({
    // Placeholders node-postgres wants; the connection below is the embedded engine.
    user: 'postgres',
    database: 'postgres',
    host: 'localhost',
    connection: new PGliteConnection(lite),
    max: 1,
  } as pg.PoolConfig);
  return {
    db: drizzle(pool, { schema }),
    pool,
    engine: 'pglite',
    async close() {
      await pool.end();
      await lite.close();
    },
  };
}

const MIGRATION_LOCK = 7_411_522_901;

/** Applies pending migrations; on PostgreSQL an advisory lock serialises concurrent starts. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
