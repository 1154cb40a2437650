import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createConversation, expectStatus } from '../../../../test/support/factories.ts';
import { apiClient } from '../../../../test/support/http.ts';
import { startTestServer, type TestServer } from '../../../../test/support/server.ts';
import { answer, createSurvey, offerLink } from '../../../../test/support/surveys.ts';
import { domainEventQueue, domainEvents } from '../../db/schema/index.ts';
import { type DispatchContext, dispatchPendingEvents, type EventHandler, pruneDispatchedEvents } from './dispatch.ts';
import type { DomainEventRow } from './emit.ts';
import { emitEvents } from './emit.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function recorder(fail?: (event: DomainEventRow) => boolean) {
  const seen: DomainEventRow[] = [];
  const handler: EventHandler = {
    name: 'recorder',
    async handle(_tx, event, _context: DispatchContext) {
      if (fail?.(event)) throw new Error('boom');
      seen.push(event);
    },
  };
  return { seen, handler };
}

async function pending(workspaceId: string): Promise<number> {
  const rows = await server.app.db
    .select({ n: sql<number>`count(*)::int` })
    .from(domainEventQueue)
    .where(eq(domainEventQueue.workspaceId, workspaceId));
  return rows[0]?.n ?? 0;
}

describe('domain events', () => {
  test('a conversation and its reply emit created, message.received and message.sent, dispatched once in order', async () => {
    const api = apiClient(server.url, server.apiKey);
    const conversation = await createConversation(api, { channel: 'email', message: { body: 'こんにちは' } });
    expectStatus(
      await api.post(`/api/v1/conversations/${conversation.id}/messages`, { kind: 'reply', body: 'はい' }),
      201,
    );
    const { seen, handler } = recorder();
    const first = await dispatchPendingEvents(server.app, [handler], { workspaceId: server.workspaceId });
    const mine = seen.filter((e) => e.conversationId === conversation.id).map((e) => e.type);
    expect(mine).toEqual(['conversation.created', 'message.received', 'message.sent']);
    expect(first.events).toBeGreaterThanOrEqual(3);
    expect(await pending(server.workspaceId)).toBe(0);
    const again = await dispatchPendingEvents(server.app, [handler], { workspaceId: server.workspaceId });
    expect(again.events).toBe(0);
  });

  test('a status and priority change is one conversation.updated listing both changes', async () => {
    const api = apiClient(server.url, server.apiKey);
    const conversation = await createConversation(api, { channel: 'chat' });
    await dispatchPendingEvents(server.app, [], { workspaceId: server.workspaceId });
    expectStatus(
      await api.patch(`/api/v1/conversations/${conversation.id}`, { status: 'pending', priority: 'high' }),
      200,
    );
    const { seen, handler } = recorder();
    await dispatchPendingEvents(server.app, [handler], { workspaceId: server.workspaceId });
    const updated = seen.filter((e) => e.type === 'conversation.updated');
    expect(updated).toHaveLength(1);
    expect(Object.keys((updated[0]?.data.changes ?? {}) as object).sort()).toEqual(['priority', 'status']);
  });

  test('an answer emits survey.answered with its score; answering again emits it again, not first', async () => {
    const api = apiClient(server.url, server.apiKey);
    const survey = await createSurvey(api, { template: 'csat_support', status: 'active' });
    const { token } = await offerLink(server.app, server.workspaceId, survey.id);
    await dispatchPendingEvents(server.app, [], { workspaceId: server.workspaceId });
    expectStatus(await answer(server.url, token, { score: 2 }), 200);
    expectStatus(await answer(server.url, token, { comment: '遅かったです' }), 200);
    const { seen, handler } = recorder();
    await dispatchPendingEvents(server.app, [handler], { workspaceId: server.workspaceId });
    const answered = seen.filter((e) => e.type === 'survey.answered');
    expect(answered.map((e) => [e.data.score, e.data.comment, e.data.first, e.data.kind])).toEqual([
      [2, null, true, 'csat'],
      [2, '遅かったです', false, 'csat'],
    ]);
  });

  test('a failing handler is skipped for that event only; the others still see it and it is not retried', async () => {
    const at = new Date();
    await server.app.db.transaction((tx) =>
      emitEvents(tx, server.workspaceId, [
        { type: 'sla.warning', data: { n: 1 }, at },
        { type: 'sla.breached', data: { n: 2 }, at: new Date(at.getTime() + 1) },
      ]),
    );
    const failing = recorder((e) => e.type === 'sla.warning');
    const healthy = recorder();
    const result = await dispatchPendingEvents(server.app, [failing.handler, healthy.handler], {
      workspaceId: server.workspaceId,
    });
    expect(result.failures).toBe(1);
    expect(failing.seen.map((e) => e.type)).toEqual(['sla.breached']);
    expect(healthy.seen.map((e) => e.type)).toEqual(['sla.warning', 'sla.breached']);
    expect(await pending(server.workspaceId)).toBe(0);
  });

  test('events caused by an automation actor carry the rule for the loop guard', async () => {
    const ruleId = '0190a0a0-0000-7000-8000-000000000001';
    await server.app.db.transaction((tx) =>
      emitEvents(tx, server.workspaceId, [
        { type: 'conversation.updated', actor: { type: 'automation', id: ruleId }, at: new Date() },
      ]),
    );
    const { seen, handler } = recorder();
    await dispatchPendingEvents(server.app, [handler], { workspaceId: server.workspaceId });
    expect(seen.map((e) => e.originRuleId)).toEqual([ruleId]);
  });

  test('the prune forgets dispatched events older than the cut-off, never pending ones', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000);
    await server.app.db.transaction((tx) =>
      emitEvents(tx, server.workspaceId, [
        { type: 'sla.warning', data: { keep: 'dispatched recently' }, at: old },
        { type: 'sla.breached', data: { keep: 'pending' }, at: old },
      ]),
    );
    const { seen, handler } = recorder();
    // Both happened 40 days ago and are dispatched; the second is queued again, as if its dispatch were still to come.
    await dispatchPendingEvents(server.app, [handler], { workspaceId: server.workspaceId, now: old, maxBatches: 1 });
    await server.app.db.execute(
      sql`insert into ${domainEventQueue} (workspace_id, id)
            select workspace_id, id from ${domainEvents}
             where workspace_id = ${server.workspaceId} and type = 'sla.breached' and data ? 'keep'`,
    );
    expect(seen.map((e) => e.type)).toEqual(['sla.warning', 'sla.breached']);
    const pruned = await pruneDispatchedEvents(server.app.db, new Date(Date.now() - 30 * 86_400_000));
    expect(pruned).toBeGreaterThanOrEqual(1);
    const left = await server.app.db
      .select({ type: domainEvents.type })
      .from(domainEvents)
      .where(and(eq(domainEvents.workspaceId, server.workspaceId), sql`${domainEvents.data} ? 'keep'`));
    expect(left.map((r) => r.type)).toEqual(['sla.breached']);
  });
});
