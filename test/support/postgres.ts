// Scratch PostgreSQL databases for a test run, created from the admin connection in DATABASE_URL.
import pg from 'pg';

const PREFIX = 'koe_test_';
const STALE_MS = 6 * 3_600_000;

export function databaseUrlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates an empty database next to the admin one; returns its URL and a function that drops it. */
export async function createScratchDatabase(
  adminUrl: string,
  suffix = '',
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${PREFIX}${Date.now()}_${process.pid}${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrlFor(adminUrl, name),
    name,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Databases left behind by runs that were killed; their name carries their creation time. */
export async function dropStaleDatabases(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like '${PREFIX}%'`,
    );
    for (const { datname } of rows) {
      const createdAt = Number(datname.slice(PREFIX.length).split('_')[0]);
      if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_MS) {
        await client.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
      }
    }
  } finally {
    await client.end();
  }
}
