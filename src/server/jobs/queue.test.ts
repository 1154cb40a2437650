import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addMessage, createConversation, getConversation, serverWorkspace } from '../../../test/support/factories.ts';
import { startTestServer, type TestServer } from '../../../test/support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ worker: true });
});
afterAll(() => server?.close());

describe('the job queue (pg-boss)', () => {
  test('starts with the server and runs the auto-close job when it is sent', async () => {
    const jobs = server.app.jobs;
    if (!jobs) throw new Error('the worker did not start');
    const api = serverWorkspace(server).api;
    const conversation = await createConversation(api, {
      createdAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
      message: { body: 'old' },
    });
    await addMessage(api, conversation.id, {
      kind: 'reply',
      body: 'resolved long ago',
      status: 'resolved',
      createdAt: new Date(Date.now() - 6 * 86_400_000).toISOString(),
    });
    const id = await jobs.send('conversations-auto-close', {});
    expect(id).toEqual(expect.any(String));
    // The job itself must complete (another test file may also close old conversations).
    const state = async () =>
      (
        await server.app.database.pool.query<{ state: string }>(
          `select state from pgboss.job where name = 'conversations-auto-close' and id = $1`,
          [id],
        )
      ).rows[0]?.state;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (await state()) !== 'completed') {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await state()).toBe('completed');
    expect((await getConversation(api, conversation.id)).status).toBe('closed');
  });

  test('an unknown job is refused', async () => {
    await expect(server.app.jobs?.send('no-such-job', {})).rejects.toThrow(/Unknown job/);
  });

  test('every recurring job is scheduled', async () => {
    const { rows } = await server.app.database.pool.query<{ name: string }>(
      'select name from pgboss.schedule order by name',
    );
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'conversations-auto-close',
        'rollups-refresh',
        'sessions-cleanup',
        'survey-after-resolution',
      ]),
    );
  });
});
