import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addMessage,
  createConversation,
  createTestWorkspace,
  getConversation,
  type TestWorkspace,
} from '../../../../test/support/factories.ts';
import { startTestServer, type TestServer } from '../../../../test/support/server.ts';
import type { Conversation, ConversationEvent } from '../../../shared/contracts/conversations.ts';
import { autoCloseResolved } from './housekeeping.ts';

const DAY = 86_400_000;
let server: TestServer;
let workspace: TestWorkspace;
beforeAll(async () => {
  server = await startTestServer();
  workspace = await createTestWorkspace(server);
});
afterAll(() => server?.close());

/** A conversation resolved `resolvedDaysAgo` days before `now`, through the API. */
async function resolvedAgo(ws: TestWorkspace, now: number, resolvedDaysAgo: number): Promise<Conversation> {
  const createdAt = new Date(now - resolvedDaysAgo * DAY - 3_600_000).toISOString();
  const conversation = await createConversation(ws.api, { createdAt, message: { body: 'help' } });
  await addMessage(ws.api, conversation.id, {
    kind: 'reply',
    body: 'done',
    status: 'resolved',
    createdAt: new Date(now - resolvedDaysAgo * DAY).toISOString(),
  });
  return getConversation(ws.api, conversation.id);
}

describe('auto-closing resolved conversations', () => {
  test('closes what was resolved more than 4 days ago and leaves the rest', async () => {
    const now = Date.now();
    const old = await resolvedAgo(workspace, now, 5);
    const justOver = await resolvedAgo(workspace, now, 4 + 1 / 1440);
    const justUnder = await resolvedAgo(workspace, now, 4 - 1 / 1440);
    const recent = await resolvedAgo(workspace, now, 1);
    const open = await createConversation(workspace.api, {
      createdAt: new Date(now - 10 * DAY).toISOString(),
      message: { body: 'still waiting' },
    });

    const closed = await autoCloseResolved(server.app.db, new Date(now), { workspaceId: workspace.workspaceId });
    expect(closed).toBeGreaterThanOrEqual(2);
    const status = async (c: Conversation) => (await getConversation(workspace.api, c.id)).status;
    expect(await status(old)).toBe('closed');
    expect(await status(justOver)).toBe('closed');
    expect(await status(justUnder)).toBe('resolved');
    expect(await status(recent)).toBe('resolved');
    expect(await status(open)).toBe('open');

    const after = await getConversation(workspace.api, old.id);
    expect(after).toMatchObject({ closedAt: new Date(now).toISOString(), resolvedAt: old.resolvedAt, cycle: 1 });
    const events = (await workspace.api.get<{ data: ConversationEvent[] }>(`/api/v1/conversations/${old.id}/events`))
      .body.data;
    expect(events.slice(-2).map((e) => [e.type, e.actorType, e.data])).toEqual([
      ['status_changed', 'system', { from: 'resolved', to: 'closed' }],
      ['closed', 'system', {}],
    ]);

    // Running again changes nothing more for these.
    await autoCloseResolved(server.app.db, new Date(now), { workspaceId: workspace.workspaceId });
    expect(
      (await workspace.api.get<{ data: unknown[] }>(`/api/v1/conversations/${old.id}/events`)).body.data,
    ).toHaveLength(events.length);

    // A customer writing after the close starts a new cycle.
    await addMessage(workspace.api, old.id, { kind: 'customer', body: 'again' });
    expect(await getConversation(workspace.api, old.id)).toMatchObject({ status: 'open', cycle: 2, reopenCount: 1 });
  });

  test("a workspace's autoCloseDays setting shortens the quiet period", async () => {
    const quick = await createTestWorkspace(server);
    await server.app.database.pool.query(
      `update workspaces set settings = settings || '{"autoCloseDays": 1}'::jsonb where id = $1`,
      [quick.workspaceId],
    );
    const now = Date.now();
    const twoDays = await resolvedAgo(quick, now, 2);
    const twoDaysElsewhere = await resolvedAgo(workspace, now, 2);
    // Every workspace, batch after batch: each by its own setting.
    await autoCloseResolved(server.app.db, new Date(now));
    expect((await getConversation(quick.api, twoDays.id)).status).toBe('closed');
    expect((await getConversation(workspace.api, twoDaysElsewhere.id)).status).toBe('resolved');
  });
});
