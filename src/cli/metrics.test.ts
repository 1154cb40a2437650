import { afterAll, describe, expect, inject, it } from 'vitest';
import { apiClient } from '../../test/support/http.ts';
import { buildMetricsFixture, FIXTURE_PERIOD } from '../../test/support/metrics-fixture.ts';
import { startTestServer } from '../../test/support/server.ts';
import { migrateDatabase, openDatabase } from '../server/db/client.ts';
import { createWorkspace } from '../server/modules/workspaces/service.ts';
import type { MetricsReport } from '../shared/contracts/metrics.ts';
import { koeEnv, parseJsonLine, removeDir, runKoe, startServe, tempDataDir } from './testing.ts';

/** `koe metrics --json` prints exactly the MetricsReport of GET /api/v1/metrics (fixture: metrics-fixture.ts). */

function databaseUrl(): string | null {
  try {
    return inject('databaseUrl') ?? null;
  } catch {
    return null;
  }
}

const dataDir = tempDataDir();
afterAll(() => removeDir(dataDir));

const QUERY = `from=${FIXTURE_PERIOD.from}&to=${FIXTURE_PERIOD.to}&by=channel&compare=true&tag=billing&tag=vip`;
const cliArgs = (workspaceId: string) => [
  'metrics',
  '--workspace',
  workspaceId,
  '--from',
  FIXTURE_PERIOD.from,
  '--to',
  FIXTURE_PERIOD.to,
  '--by',
  'channel',
  '--compare',
  '--tag',
  'billing',
  '--tag',
  'vip',
];

async function cliReport(workspaceId: string, env: NodeJS.ProcessEnv, extra: string[] = []) {
  const run = await runKoe([...cliArgs(workspaceId), ...extra, '--json'], env);
  expect(run.code, run.stderr).toBe(0);
  return parseJsonLine(run.stdout) as unknown as MetricsReport;
}

describe.runIf(!databaseUrl())('koe metrics on the embedded database', () => {
  it('prints the API’s report, run by itself and through the running server', async () => {
    const database = await openDatabase({ dataDir });
    await migrateDatabase(database);
    const created = await createWorkspace(database.db, {
      name: 'Metrics CLI',
      ownerEmail: 'metrics-cli@example.test',
      withApiKey: true,
    });
    await buildMetricsFixture(database.pool, created.workspace.id);
    await database.close();
    const env = koeEnv(dataDir);

    const alone = await cliReport(created.workspace.id, env);
    // Billing or vip: conv1, conv2, conv3, conv5 → 4 created; the email group holds conv1, conv2, conv5.
    expect(alone.volume.created).toBe(4);
    expect(alone.groups.find((g) => g.key === 'email')?.volume.created).toBe(3);

    const serve = await startServe(env);
    try {
      const response = await apiClient(serve.url, created.apiKey ?? '').get<MetricsReport>(`/api/v1/metrics?${QUERY}`);
      expect(response.status).toBe(200);
      expect(alone).toEqual(response.body);
      // The same command while `koe serve` holds the directory goes through its admin channel.
      const remote = await cliReport(created.workspace.id, env);
      expect(remote).toEqual(response.body);
      const human = await runKoe(cliArgs(created.workspace.id), env);
      expect(human.code).toBe(0);
      expect(human.stdout).toContain('First contact resolution');
      expect(human.stdout).toContain('By channel:');
      expect(human.stdout).toContain('through the running Koe server');
    } finally {
      await serve.stop();
    }
  }, 120_000);
});

describe.runIf(databaseUrl())('koe metrics on PostgreSQL', () => {
  it('prints the API’s report', async () => {
    const server = await startTestServer();
    try {
      await buildMetricsFixture(server.app.database.pool, server.workspaceId);
      const response = await apiClient(server.url, server.apiKey).get<MetricsReport>(`/api/v1/metrics?${QUERY}`);
      expect(response.status).toBe(200);
      const report = await cliReport(server.workspaceId, koeEnv(dataDir, { DATABASE_URL: databaseUrl() ?? '' }));
      expect(report).toEqual(response.body);
      expect(report.volume.created).toBe(4);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('koe metrics usage errors', () => {
  const env = koeEnv(dataDir);
  const workspace = '01900000-0000-7000-8000-000000000000';
  it.each([
    [['--from', '2025-03-01', '--to', '2025-03-31'], '--workspace is required'],
    [['--workspace', workspace, '--from', '2025-03-10', '--to', '2025-03-01'], '--to must be on or after from'],
    [['--workspace', workspace, '--from', '2025-03-01', '--to', '2025-03-31', '--by', 'year'], '--by'],
    [['--workspace', workspace, '--from', '2025-03-01', '--to', '2025-03-31', '--channel', 'fax'], '--channel'],
  ])('%j exits 2 naming the flag', async (args, message) => {
    const run = await runKoe(['metrics', ...args, '--json'], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
