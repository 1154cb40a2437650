import { afterAll, describe, expect, inject, it } from 'vitest';
import { koeEnv, parseJsonLine, removeDir, runKoe, tempDataDir } from './testing.ts';

/** The run's PostgreSQL database when the suite runs on PostgreSQL (DATABASE_URL), else null. */
function databaseUrl(): string | null {
  try {
    return inject('databaseUrl') ?? null;
  } catch {
    return null;
  }
}

const dataDir = tempDataDir();
afterAll(() => removeDir(dataDir));

const engines = [
  { engine: 'pglite', env: koeEnv(dataDir) },
  ...(databaseUrl() ? [{ engine: 'postgres', env: koeEnv(dataDir, { DATABASE_URL: databaseUrl() ?? '' }) }] : []),
];

describe.each(engines)('koe workspace create on $engine', ({ env }) => {
  it('prints exactly the documented JSON object, with a generated password when none was given', async () => {
    const email = `owner-${Date.now()}@acme.test`;
    const run = await runKoe(['workspace', 'create', '--name', 'Acme', '--owner-email', email, '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = parseJsonLine(run.stdout);
    expect(Object.keys(result).sort()).toEqual([
      'apiKey',
      'name',
      'ownerEmail',
      'ownerId',
      'ownerPassword',
      'workspaceId',
    ]);
    expect(result.name).toBe('Acme');
    expect(result.ownerEmail).toBe(email);
    expect(result.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    const hex = String(result.workspaceId).replaceAll('-', '');
    expect(result.apiKey).toMatch(new RegExp(`^koe_${hex}_[A-Za-z0-9_-]{20,}$`));
    expect(result.ownerPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
  }, 60_000);

  it('does not print a password it did not make, and names the owner in human output', async () => {
    const email = `owner2-${Date.now()}@acme.test`;
    const args = [
      'workspace',
      'create',
      '--name',
      'Beta',
      '--owner-email',
      email,
      '--owner-password',
      'correct-horse-1',
    ];
    const json = await runKoe([...args, '--json'], env);
    expect(json.code).toBe(0);
    expect(Object.keys(parseJsonLine(json.stdout)).sort()).toEqual([
      'apiKey',
      'name',
      'ownerEmail',
      'ownerId',
      'workspaceId',
    ]);
    // The same owner again: the account exists, joins as owner and keeps its password.
    const human = await runKoe(args, env);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Created workspace "Beta"');
    expect(human.stdout).toContain('already had an account');
    expect(human.stdout).toMatch(/API key: koe_/);
  }, 60_000);
});

describe('koe workspace create usage errors', () => {
  const env = koeEnv(dataDir);
  it.each([
    [['--owner-email', 'a@b.test'], '--name is required'],
    [['--name', 'X'], '--owner-email is required'],
    [['--name', 'X', '--owner-email', 'not-an-email'], '--owner-email must be an email address'],
    [['--name', 'X', '--owner-email', 'a@b.test', '--locale', 'fr'], '--locale'],
    [['--name', 'X', '--owner-email', 'a@b.test', '--time-zone', 'Mars/Base'], '--time-zone must be an IANA time zone'],
    [['--name', 'X', '--owner-email', 'a@b.test', '--owner-password', 'short'], '--owner-password must be at least 8'],
    [['--name', 'X', '--owner-email', 'a@b.test', '--colour', 'red'], "Unknown option '--colour'"],
  ])('%j exits 2 naming the flag', async (args, message) => {
    const run = await runKoe(['workspace', 'create', ...args, '--json'], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('rejects an unknown command with exit code 2', async () => {
    const run = await runKoe(['frobnicate'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
  });
});
