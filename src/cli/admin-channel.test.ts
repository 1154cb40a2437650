import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPath } from '../server/lock.ts';
import { ADMIN_PATH, ADMIN_TOKEN_HEADER } from './admin-protocol.ts';
import { koeEnv, parseJsonLine, type RunningServe, removeDir, runKoe, startServe, tempDataDir } from './testing.ts';

describe('the admin channel of a running koe serve', () => {
  const dataDir = tempDataDir();
  const env = koeEnv(dataDir);
  let server: RunningServe;
  let adminToken = '';

  beforeAll(async () => {
    server = await startServe(env);
    adminToken = (JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as { adminToken: string }).adminToken;
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    removeDir(dataDir);
  });

  it('creates a workspace through the server that holds the data directory', async () => {
    const run = await runKoe(
      ['workspace', 'create', '--name', 'Remote', '--owner-email', 'r@remote.test', '--json'],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const result = parseJsonLine(run.stdout);
    expect(Object.keys(result).sort()).toEqual([
      'apiKey',
      'name',
      'ownerEmail',
      'ownerId',
      'ownerPassword',
      'workspaceId',
    ]);
    const response = await fetch(`${server.url}/api/v1/workspace`, {
      headers: { authorization: `Bearer ${String(result.apiKey)}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: result.workspaceId, name: 'Remote' });
    expect(server.output()).toContain('[admin] workspace create');
  }, 30_000);

  it('relays the progress of a long command and its result', async () => {
    const run = await runKoe(['demo', '--conversations', '12', '--days', '7', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('demo conversations: 12/12 (100%)');
    expect(parseJsonLine(run.stdout)).toMatchObject({ conversations: 12, companies: 32 });
  }, 40_000);

  it('answers usage mistakes as the local command would', async () => {
    const run = await runKoe(['demo', '--workspace', 'nope'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workspace must be a workspace id');
    const missing = await runKoe(['demo', '--workspace', '01a20b1e-4e60-7ab2-8060-b74846670bcf', '--json'], env);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('Workspace not found');
  }, 30_000);

  it('accepts only the token of the lock file, and is not part of the API document', async () => {
    const post = (token?: string) =>
      fetch(`${server.url}${ADMIN_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { [ADMIN_TOKEN_HEADER]: token } : {}) },
        body: JSON.stringify({ command: 'migrate', args: {} }),
      });
    expect((await post()).status).toBe(401);
    expect((await post(`${adminToken.slice(0, -1)}x`)).status).toBe(401);
    const ok = await post(adminToken);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('application/x-ndjson');
    expect(
      (await ok.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([{ type: 'result', result: { migrated: true, engine: 'pglite' } }]);
    const document = await (await fetch(`${server.url}/api/openapi.json`)).text();
    expect(document).not.toContain(ADMIN_PATH);
  });

  it('refuses a second koe serve on the same directory with a clear message', async () => {
    const run = await runKoe(['serve'], { ...env, PORT: '0' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `The data directory ${dataDir} is in use by a running Koe server (pid ${server.child.pid}`,
    );
  }, 30_000);

  it('lets the next command open the directory itself once the server has stopped', async () => {
    expect(await server.stop()).toBe(0);
    expect(existsSync(lockPath(dataDir))).toBe(false);
    const run = await runKoe(['migrate', '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(parseJsonLine(run.stdout)).toEqual({ migrated: true });
  }, 30_000);
});

describe('a stale lock', () => {
  const dataDir = tempDataDir();
  afterAll(() => removeDir(dataDir));

  it('left by a process that died does not keep commands out', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(dead.stdout.toString());
    writeFileSync(
      lockPath(dataDir),
      JSON.stringify({ pid, port: 4321, adminToken: 'stale', startedAt: new Date().toISOString(), http: true }),
    );
    const run = await runKoe(
      ['workspace', 'create', '--name', 'After', '--owner-email', 'a@after.test', '--json'],
      koeEnv(dataDir),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(parseJsonLine(run.stdout)).toMatchObject({ name: 'After' });
    expect(existsSync(lockPath(dataDir))).toBe(false);
  }, 30_000);
});
