import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationLines, tempDir } from '../../test/support/imports.ts';
import { koeEnv, parseJsonLine, removeDir, runKoe, startServe, tempDataDir } from './testing.ts';

/** `koe import` and `koe export` as a user runs them: through a running `koe serve`, and on their own. */

const dataDir = tempDataDir();
const files = tempDir();
const env = koeEnv(dataDir);
const OWNER = 'owner@import.test';
let workspaceId = '';
let conversations = '';

beforeAll(async () => {
  const created = await runKoe(
    ['workspace', 'create', '--name', 'Import', '--owner-email', OWNER, '--owner-password', 'import-pass-1', '--json'],
    env,
  );
  expect(created.code, created.stderr).toBe(0);
  workspaceId = String(parseJsonLine(created.stdout).workspaceId);
  conversations = files.file('conversations.csv', conversationLines(OWNER));
}, 90_000);
afterAll(() => {
  removeDir(dataDir);
  files.remove();
});

describe('koe import / koe export', () => {
  it('imports and exports through the running server that holds the data directory', async () => {
    const serve = await startServe(env);
    try {
      const errors = join(files.path, 'errors.csv');
      const run = await runKoe(
        ['import', 'conversations', conversations, '--workspace', workspaceId, '--errors', errors, '--json'],
        env,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain('import conversations rows: 8/8 (100%)');
      // 5 good rows; lines 3, 5 and 7 rejected; exit code 0 all the same
      expect(parseJsonLine(run.stdout)).toMatchObject({ rows: 8, created: 5, updated: 0, unchanged: 0, rejected: 3 });
      expect(
        readFileSync(errors, 'utf8')
          .split('\n')
          .slice(1, 4)
          .map((l) => l.split(',')[0]),
      ).toEqual(['3', '5', '7']);
      const human = await runKoe(['import', 'conversations', conversations, '--workspace', workspaceId], env);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toContain('created 0, updated 0, unchanged 5, rejected 3');
      expect(human.stdout).toContain('through the running Koe server');
      expect(human.stdout).toMatch(/line 3 {2}channel: must be one of/);

      const exported = await runKoe(['export', 'conversations', '--workspace', workspaceId], env);
      expect(exported.code, exported.stderr).toBe(0);
      const lines = exported.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^conversation_id,external_id,cycle,/);
      expect(lines).toHaveLength(1 + 5);
    } finally {
      await serve.stop();
    }
  }, 120_000);

  it('exports to a file on its own when no server runs', async () => {
    const out = join(files.path, 'responses.csv');
    const run = await runKoe(['export', 'responses', '--workspace', workspaceId, '--out', out, '--json'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(parseJsonLine(run.stdout)).toMatchObject({ kind: 'responses', rows: 0, out });
    expect(readFileSync(out, 'utf8')).toMatch(/^external_id,id,kind,score,comment,created_at,/);
  }, 60_000);

  it.each([
    [['import'], 'Missing what to import'],
    [['import', 'widgets', 'x.csv', '--workspace', '0190d8a0-0000-7000-8000-000000000000'], 'Unknown import "widgets"'],
    [
      ['import', 'conversations', '/no/such/file.csv', '--workspace', '0190d8a0-0000-7000-8000-000000000000'],
      'no such file',
    ],
    [['export', 'tickets', '--workspace', '0190d8a0-0000-7000-8000-000000000000'], 'Unknown export "tickets"'],
  ])('%j exits 2 with a usage message', async (args, message) => {
    const run = await runKoe(args, env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('refuses a file whose header is not a conversations header (exit 2)', async () => {
    const wrong = files.file('wrong.csv', ['id,subject', '1,Hello']);
    const run = await runKoe(['import', 'conversations', wrong, '--workspace', workspaceId], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('lacks the column(s) external_id, channel, created_at');
  });
});
