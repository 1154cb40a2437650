import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/server/config.ts';
import type { AppContext } from '../../src/server/context.ts';
import { startKoe } from '../../src/server/main.ts';
import { createWorkspace } from '../../src/server/modules/workspaces/service.ts';
import { adminDatabaseUrl, openTestDatabase, testDatabaseUrl } from './database.ts';
import { createScratchDatabase } from './postgres.ts';

export interface TestServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  close(): Promise<void>;
  /** The owner of the workspace created for this server; the password logs in. */
  owner: { email: string; password: string };
  workspaceId: string;
  /** An admin API key of that workspace. */
  apiKey: string;
  app: AppContext;
}

export interface TestServerOptions {
  /** Start the pg-boss worker too (off by default). */
  worker?: boolean;
  /** Log requests (off by default). */
  logger?: boolean;
  /** Settings that differ from testConfig() (e.g. smtpUrl). */
  config?: Partial<Config>;
  /**
   * On PostgreSQL, a scratch database of its own instead of the run's shared one, so its
   * job queue is not shared with other test files' workers (which have other settings).
   */
  isolatedDatabase?: boolean;
}

export const TEST_PASSWORD = 'correct horse battery staple';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: join(tmpdir(), 'koe-test-unused'),
    databaseUrl: testDatabaseUrl(),
    publicUrl: 'http://127.0.0.1',
    secret: 'koe-test-secret-0123456789abcdef',
    smtpUrl: undefined,
    mailFrom: 'koe@example.test',
    emailRetry: { limit: 2, delaySeconds: 1 },
    seedDemo: false,
    logLevel: 'warn',
    trustProxy: false,
    publicRateLimit: 10_000,
    webhookRetry: { limit: 7, baseSeconds: 80 },
    webhooksAllowPrivate: false,
    ...overrides,
  };
}

/**
 * The real Koe server (startKoe: Fastify, routes, migrations) on a free port, on the
 * run's PostgreSQL database or a fresh in-memory PGlite, with a fresh workspace whose
 * owner and admin API key are returned.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const databaseUrl = testDatabaseUrl();
  // On PGlite the server gets an already open in-memory database; on PostgreSQL it connects itself.
  const database = databaseUrl ? undefined : await openTestDatabase();
  const adminUrl = adminDatabaseUrl();
  const scratch = options.isolatedDatabase && adminUrl ? await createScratchDatabase(adminUrl, '_own') : null;
  const config = testConfig({ ...options.config, ...(scratch ? { databaseUrl: scratch.url } : {}) });
  const koe = await startKoe(config, {
    worker: options.worker ?? false,
    logger: options.logger ?? false,
    ...(database ? { database } : {}),
  });
  const url = `http://127.0.0.1:${koe.port}`;
  // Links the server writes (invitations) point at this server.
  config.publicUrl = url;
  const owner = { email: `owner-${randomUUID().slice(0, 8)}@example.test`, password: TEST_PASSWORD };
  const created = await createWorkspace(koe.app.db, {
    name: 'Test workspace',
    ownerEmail: owner.email,
    ownerName: 'Owner Tester',
    ownerPassword: owner.password,
    withApiKey: true,
  });
  if (!created.apiKey) throw new Error('createWorkspace returned no API key');
  return {
    url,
    owner,
    workspaceId: created.workspace.id,
    apiKey: created.apiKey,
    app: koe.app,
    async close() {
      await koe.close();
      await database?.close();
      await scratch?.drop();
    },
  };
}
