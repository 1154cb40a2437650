import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AutomationRun } from '../../src/shared/contracts/automation.ts';
import type { Conversation, Message } from '../../src/shared/contracts/conversations.ts';
import { createRule, dispatch, onEvent, runs } from '../support/automation.ts';
import {
  addMember,
  addMessage,
  createContact,
  createConversation,
  createTeam,
  createTestWorkspace,
  expectStatus,
  getConversation,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createSurvey } from '../support/surveys.ts';

let server: TestServer;
beforeAll(async () => {
  // Webhook endpoints on loopback are allowed here: nothing is delivered without the worker.
  server = await startTestServer({ config: { webhooksAllowPrivate: true } });
});
afterAll(() => server?.close());

const workspace = () => createTestWorkspace(server);

async function resolve(api: Client, id: string) {
  return expectStatus(
    await api.patch<Conversation>(`/api/v1/conversations/${id}`, { status: 'resolved' }),
    200,
    'resolve',
  );
}
async function messages(api: Client, id: string) {
  return expectStatus(await api.get<{ data: Message[] }>(`/api/v1/conversations/${id}/messages?limit=200`), 200).data;
}
const actionsOf = (run: AutomationRun | undefined) => run?.actions.map((a) => [a.type, a.ok, a.code]);

describe('automation actions', () => {
  test('assign to a member and a team; round robin takes turns in the team', async () => {
    const ws = await workspace();
    const [first, second] = [await addMember(server, ws.api, 'agent'), await addMember(server, ws.api, 'agent')].sort(
      (a, b) => a.id.localeCompare(b.id),
    );
    if (!first || !second) throw new Error('members');
    const team = await createTeam(ws.api, { name: '一次対応', memberIds: [first.id, second.id] });
    const lead = await addMember(server, ws.api, 'manager');
    const billing = await createTeam(ws.api, { name: '請求' });
    await createRule(ws.api, {
      name: 'email → rotation',
      ...onEvent('conversation.created'),
      conditions: { match: 'all', conditions: [{ field: 'conversation.channel', op: 'eq', value: 'email' }] },
      actions: [{ type: 'assign', teamId: team.id, roundRobin: true }],
    });
    await createRule(ws.api, {
      name: 'phone → lead and billing',
      ...onEvent('conversation.created'),
      conditions: { match: 'all', conditions: [{ field: 'conversation.channel', op: 'eq', value: 'phone' }] },
      actions: [{ type: 'assign', userId: lead.id, teamId: billing.id }],
    });
    const emails = [];
    for (let n = 0; n < 3; n++) emails.push(await createConversation(ws.api, { channel: 'email' }));
    const call = await createConversation(ws.api, { channel: 'phone' });
    await dispatch(server, ws.workspaceId);
    const assigned = [];
    for (const c of emails) assigned.push(await getConversation(ws.api, c.id));
    expect(assigned.map((c) => [c.assigneeId, c.teamId])).toEqual([
      [first.id, team.id],
      [second.id, team.id],
      [first.id, team.id],
    ]);
    expect(await getConversation(ws.api, call.id)).toMatchObject({ assigneeId: lead.id, teamId: billing.id });
  });

  test('a failing action is logged with its reason, writes nothing, and the actions after it still run', async () => {
    const ws = await workspace();
    const leaving = await addMember(server, ws.api, 'agent');
    const rule = await createRule(ws.api, {
      ...onEvent('conversation.created'),
      actions: [
        { type: 'assign', userId: leaving.id },
        { type: 'add_tag', tag: 'triage' },
      ],
    });
    expect((await ws.api.delete(`/api/v1/members/${leaving.id}`)).status).toBe(204);
    const conversation = await createConversation(ws.api);
    await dispatch(server, ws.workspaceId);
    expect(await getConversation(ws.api, conversation.id)).toMatchObject({ assigneeId: null, tags: ['triage'] });
    const [run] = await runs(ws.api, `ruleId=${rule.id}`);
    expect(run?.status).toBe('failed');
    expect(actionsOf(run)).toEqual([
      ['assign', false, 'failed'],
      ['add_tag', true, 'tagged'],
    ]);
    expect(run?.actions[0]?.detail).toContain('is not a member of this workspace');
  });

  test('a rule run reports its changes as one conversation.updated, without those of a failed action', async () => {
    const ws = await workspace();
    const leaving = await addMember(server, ws.api, 'agent');
    await createRule(ws.api, {
      ...onEvent('conversation.created'),
      actions: [
        { type: 'add_tag', tag: 'vip' },
        { type: 'assign', userId: leaving.id },
        { type: 'set_priority', priority: 'high' },
        { type: 'add_tag', tag: 'follow-up' },
      ],
    });
    expect((await ws.api.delete(`/api/v1/members/${leaving.id}`)).status).toBe(204);
    const conversation = await createConversation(ws.api, { priority: 'normal' });
    await dispatch(server, ws.workspaceId);
    expect(await getConversation(ws.api, conversation.id)).toMatchObject({
      assigneeId: null,
      priority: 'high',
      tags: ['vip', 'follow-up'],
    });
    // Webhooks and rules see one update listing the net change of each field, not one per action.
    const updates = await server.app.db.execute<{ data: { changes: unknown }; actor_type: string }>(sql`
      select data, actor_type from domain_events
       where workspace_id = ${ws.workspaceId} and conversation_id = ${conversation.id} and type = 'conversation.updated'`);
    expect(updates.rows).toEqual([
      {
        actor_type: 'automation',
        data: expect.objectContaining({
          changes: { tags: { added: ['vip', 'follow-up'], removed: [] }, priority: { from: 'normal', to: 'high' } },
        }),
      },
    ]);
  });

  test('add tag and set priority leave an unchanged conversation alone', async () => {
    const ws = await workspace();
    const rule = await createRule(ws.api, {
      ...onEvent('conversation.created'),
      actions: [
        { type: 'add_tag', tag: 'vip' },
        { type: 'set_priority', priority: 'high' },
      ],
    });
    const conversation = await createConversation(ws.api, { tags: ['vip'], priority: 'high' });
    await dispatch(server, ws.workspaceId);
    expect(await getConversation(ws.api, conversation.id)).toMatchObject({ tags: ['vip'], priority: 'high' });
    const [run] = await runs(ws.api, `ruleId=${rule.id}`);
    expect(actionsOf(run)).toEqual([
      ['add_tag', true, 'unchanged'],
      ['set_priority', true, 'unchanged'],
    ]);
  });

  test('add note: an internal note by the rule, variables filled in', async () => {
    const ws = await workspace();
    const rule = await createRule(ws.api, {
      name: 'メモ',
      ...onEvent('message.received'),
      actions: [
        { type: 'add_note', body: '{{contact.name}} 様（{{company.name}}）: 件名「{{conversation.subject}}」' },
      ],
    });
    const contact = await createContact(ws.api, { name: '佐藤 一郎' });
    const conversation = await createConversation(ws.api, {
      customer: { contactId: contact.id },
      subject: '請求書の再発行',
      message: { body: 'お願いします' },
    });
    await dispatch(server, ws.workspaceId);
    const notes = (await messages(ws.api, conversation.id)).filter((m) => m.kind === 'note');
    expect(notes.map((n) => [n.body, n.authorType, n.authorId, n.authorName])).toEqual([
      ['佐藤 一郎 様（）: 件名「請求書の再発行」', 'automation', rule.id, 'メモ'],
    ]);
    // A note is not a reply: the customer is still waiting.
    expect((await getConversation(ws.api, conversation.id)).firstResponseAt).toBeNull();
  });

  test('send survey: an email for email conversations, a link in the chat thread, throttled the second time', async () => {
    const ws = await workspace();
    const survey = await createSurvey(ws.api, { name: '満足度' });
    const rule = await createRule(ws.api, {
      ...onEvent('conversation.resolved'),
      actions: [{ type: 'send_survey', surveyId: survey.id }],
    });
    const email = await createConversation(ws.api, { channel: 'email', customer: { email: 'hanako@example.test' } });
    const chat = await createConversation(ws.api, { channel: 'chat', customer: { email: 'taro@example.test' } });
    await resolve(ws.api, email.id);
    await resolve(ws.api, chat.id);
    await dispatch(server, ws.workspaceId);

    const outbox = expectStatus(await ws.api.get<{ data: { to: string; purpose: string }[] }>('/api/v1/outbox'), 200);
    expect(outbox.data.map((e) => [e.to, e.purpose])).toEqual([['hanako@example.test', 'survey_invitation']]);
    const bot = (await messages(ws.api, chat.id)).filter((m) => m.kind === 'bot');
    expect(bot).toHaveLength(1);
    expect(bot[0]?.body).toContain('/s/');
    const logged = await runs(ws.api, `ruleId=${rule.id}`);
    expect(logged.map((r) => [r.conversationId, r.actions[0]?.code, r.actions[0]?.params?.delivery])).toEqual([
      [chat.id, 'survey_sent', 'chat'],
      [email.id, 'survey_sent', 'email'],
    ]);

    // The customer writes again, the conversation is resolved again: the over-surveying rules say no.
    await addMessage(ws.api, email.id, { kind: 'customer', body: 'もう一つ質問です' });
    await resolve(ws.api, email.id);
    await dispatch(server, ws.workspaceId);
    const [latest] = await runs(ws.api, `ruleId=${rule.id}`);
    expect(latest?.actions[0]).toMatchObject({
      ok: true,
      code: 'survey_skipped',
      params: { survey: '満足度', reason: 'recontact_period' },
    });
    const sent = expectStatus(await ws.api.get<{ data: unknown[] }>('/api/v1/outbox'), 200);
    expect(sent.data).toHaveLength(1);
  });

  test('escalate: to a person at a tier, on the escalation path with the rule', async () => {
    const ws = await workspace();
    const senior = await addMember(server, ws.api, 'manager');
    const rule = await createRule(ws.api, {
      ...onEvent('conversation.created'),
      conditions: { match: 'all', conditions: [{ field: 'conversation.priority', op: 'eq', value: 'urgent' }] },
      actions: [{ type: 'escalate', toUserId: senior.id, tier: 'senior', reason: '緊急の問い合わせ' }],
    });
    const conversation = await createConversation(ws.api, { priority: 'urgent' });
    await dispatch(server, ws.workspaceId);
    expect((await getConversation(ws.api, conversation.id)).assigneeId).toBe(senior.id);
    const path = expectStatus(
      await ws.api.get<{ data: { toTier: string; reason: string; ruleId: string | null }[] }>(
        `/api/v1/conversations/${conversation.id}/escalations`,
      ),
      200,
    ).data;
    expect(path.map((e) => [e.toTier, e.reason, e.ruleId])).toEqual([['senior', '緊急の問い合わせ', rule.id]]);
    const [run] = await runs(ws.api, `ruleId=${rule.id}`);
    expect(run?.actions[0]).toMatchObject({
      type: 'escalate',
      ok: true,
      code: 'escalated',
      params: { tier: 'senior' },
    });
  });

  test('open recovery case: a case for the conversation, owned as the rule says', async () => {
    const ws = await workspace();
    const owner = await addMember(server, ws.api, 'manager');
    const rule = await createRule(ws.api, {
      ...onEvent('message.received'),
      conditions: { match: 'all', conditions: [{ field: 'message.body', op: 'contains', value: '解約' }] },
      actions: [{ type: 'open_recovery_case', reason: '解約の申し出', ownerId: owner.id }],
    });
    const conversation = await createConversation(ws.api, { message: { body: '解約したいです' } });
    await dispatch(server, ws.workspaceId);
    const [run] = await runs(ws.api, `ruleId=${rule.id}`);
    expect(run?.actions[0]).toMatchObject({ type: 'open_recovery_case', ok: true, code: 'case_opened' });
    const caseId = String(run?.actions[0]?.params?.caseId);
    const opened = expectStatus(
      await ws.api.get<{ conversationId: string; reason: string; ownerId: string; source: string }>(
        `/api/v1/recovery/cases/${caseId}`,
      ),
      200,
    );
    expect(opened).toMatchObject({
      conversationId: conversation.id,
      reason: '解約の申し出',
      ownerId: owner.id,
      source: 'manual',
    });
  });

  test('notify: the members named and the assignee get an in-app notification', async () => {
    const ws = await workspace();
    const lead = await addMember(server, ws.api, 'manager');
    const agent = await addMember(server, ws.api, 'agent');
    const rule = await createRule(ws.api, {
      name: 'VIP通知',
      ...onEvent('conversation.created'),
      actions: [{ type: 'notify', userIds: [lead.id], assignee: true, message: 'VIP のお客様からです' }],
    });
    const conversation = await createConversation(ws.api, { assigneeId: agent.id, subject: 'ご相談' });
    await dispatch(server, ws.workspaceId);
    for (const member of [lead, agent]) {
      const list = expectStatus(
        await member.session.get<{ data: { type: string; data: Record<string, unknown> }[] }>('/api/v1/notifications'),
        200,
      ).data.filter((n) => n.type === 'automation');
      expect(list.map((n) => n.data)).toEqual([
        expect.objectContaining({
          conversationId: conversation.id,
          subject: 'ご相談',
          ruleName: 'VIP通知',
          message: 'VIP のお客様からです',
        }),
      ]);
    }
    const [run] = await runs(ws.api, `ruleId=${rule.id}`);
    expect(run?.actions[0]).toMatchObject({ ok: true, code: 'notified', params: { count: 2 } });
  });

  test('send webhook: the event is queued for the endpoint', async () => {
    const ws = await workspace();
    const endpoint = expectStatus(
      await ws.api.post<{ id: string }>('/api/v1/webhooks', {
        url: 'http://127.0.0.1:9/koe',
        eventTypes: ['recovery.closed'],
      }),
      201,
      'create webhook',
    );
    const rule = await createRule(ws.api, {
      ...onEvent('conversation.created'),
      actions: [{ type: 'send_webhook', endpointId: endpoint.id }],
    });
    const conversation = await createConversation(ws.api);
    await dispatch(server, ws.workspaceId);
    const deliveries = expectStatus(
      await ws.api.get<{ data: { eventType: string; payload: { data: { conversationId: string } } }[] }>(
        `/api/v1/webhooks/${endpoint.id}/deliveries`,
      ),
      200,
    ).data;
    expect(deliveries.map((d) => [d.eventType, d.payload.data.conversationId])).toEqual([
      ['conversation.created', conversation.id],
    ]);
    const [run] = await runs(ws.api, `ruleId=${rule.id}`);
    expect(run?.actions[0]).toMatchObject({ ok: true, code: 'webhook_queued' });
  });
});
