import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runTimeRules } from '../../src/server/modules/automation/time-rules.ts';
import { emitEvents } from '../../src/server/modules/events/emit.ts';
import type { AutomationRun } from '../../src/shared/contracts/automation.ts';
import type { Conversation, ConversationEvent, Message } from '../../src/shared/contracts/conversations.ts';
import { createRule, dispatch, onEvent, runs, where } from '../support/automation.ts';
import {
  addMessage,
  createCompany,
  createContact,
  createConversation,
  createTestWorkspace,
  expectStatus,
  getConversation,
  type TestWorkspace,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { answer, createSurvey, offerLink } from '../support/surveys.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

/** Each test its own workspace: rules act on every conversation of theirs. */
const workspace = () => createTestWorkspace(server);

async function update(api: Client, id: string, body: Record<string, unknown>) {
  return expectStatus(await api.patch<Conversation>(`/api/v1/conversations/${id}`, body), 200, 'update conversation');
}
async function events(api: Client, id: string) {
  return expectStatus(await api.get<{ data: ConversationEvent[] }>(`/api/v1/conversations/${id}/events?limit=200`), 200)
    .data;
}
async function messages(api: Client, id: string) {
  return expectStatus(await api.get<{ data: Message[] }>(`/api/v1/conversations/${id}/messages?limit=200`), 200).data;
}
const summary = (list: AutomationRun[]) => list.map((r) => [r.ruleName, r.eventType, r.status]);

describe('rules on events', () => {
  test('conversation.created: "VIP routing" tags and raises Enterprise customers only, as the rule', async () => {
    const ws = await workspace();
    const rule = await createRule(ws.api, {
      name: 'VIP振り分け',
      ...onEvent('conversation.created'),
      ...where({ field: 'company.plan', op: 'eq', value: 'enterprise' }),
      actions: [
        { type: 'add_tag', tag: 'VIP' },
        { type: 'set_priority', priority: 'high' },
      ],
    });
    const enterprise = await createCompany(ws.api, { name: '大手商事', plan: 'Enterprise' });
    const starter = await createCompany(ws.api, { name: '小さな店', plan: 'Starter' });
    const big = await createConversation(ws.api, {
      customer: { contactId: (await createContact(ws.api, { companyId: enterprise.id })).id },
    });
    const small = await createConversation(ws.api, {
      customer: { contactId: (await createContact(ws.api, { companyId: starter.id })).id },
    });
    await dispatch(server, ws.workspaceId);

    expect(await getConversation(ws.api, big.id)).toMatchObject({ tags: ['VIP'], priority: 'high' });
    expect(await getConversation(ws.api, small.id)).toMatchObject({ tags: [], priority: 'normal' });
    // The log says the rule did it, by name.
    const log = (await events(ws.api, big.id)).filter((e) => e.actorType === 'automation');
    expect(log.map((e) => [e.type, e.actorId, e.actorName])).toEqual([
      ['tags_changed', rule.id, 'VIP振り分け'],
      ['priority_changed', rule.id, 'VIP振り分け'],
    ]);

    const logged = await runs(ws.api, `ruleId=${rule.id}`);
    expect(logged.map((r) => [r.conversationId, r.status])).toEqual([
      [small.id, 'no_match'],
      [big.id, 'succeeded'],
    ]);
    expect(logged[1]?.actions).toEqual([
      { type: 'add_tag', ok: true, code: 'tagged', params: { tag: 'VIP' } },
      { type: 'set_priority', ok: true, code: 'priority_set', params: { priority: 'high' } },
    ]);
    expect(logged[1]).toMatchObject({ ruleName: 'VIP振り分け', eventType: 'conversation.created', error: null });
    const listed = expectStatus(await ws.api.get<{ data: { lastRun: unknown }[] }>('/api/v1/automation/rules'), 200);
    expect(listed.data[0]?.lastRun).toEqual({ status: 'succeeded', at: logged[1]?.createdAt });

    // Dispatching again acts on nothing.
    expect(await dispatch(server, ws.workspaceId)).toBe(0);
    expect(await runs(ws.api, `ruleId=${rule.id}`)).toHaveLength(2);
  });

  test('resolved, reopened and message received: each trigger fires on its own event', async () => {
    const ws = await workspace();
    const onResolved = await createRule(ws.api, {
      name: '解決メモ',
      ...onEvent('conversation.resolved'),
      actions: [{ type: 'add_note', body: '{{contact.name}} 様の件は解決しました' }],
    });
    const onReopened = await createRule(ws.api, {
      name: '再オープンは優先',
      ...onEvent('conversation.reopened'),
      ...where({ field: 'conversation.reopenCount', op: 'gte', value: 1 }),
      actions: [{ type: 'set_priority', priority: 'urgent' }],
    });
    const onMessage = await createRule(ws.api, {
      name: '解約の兆し',
      ...onEvent('message.received'),
      conditions: {
        match: 'any',
        conditions: [
          { field: 'message.body', op: 'contains', value: '解約' },
          { field: 'message.body', op: 'contains', value: 'cancel' },
        ],
      },
      actions: [{ type: 'add_tag', tag: '解約リスク' }],
    });
    const contact = await createContact(ws.api, { name: '山田 花子' });
    const conversation = await createConversation(ws.api, {
      customer: { contactId: contact.id },
      message: { body: 'ログインできません' },
    });
    await dispatch(server, ws.workspaceId);
    expect(await getConversation(ws.api, conversation.id)).toMatchObject({ tags: [], priority: 'normal' });

    await update(ws.api, conversation.id, { status: 'resolved' });
    await dispatch(server, ws.workspaceId);
    const notes = (await messages(ws.api, conversation.id)).filter((m) => m.kind === 'note');
    expect(notes.map((n) => [n.body, n.authorType, n.authorId, n.authorName])).toEqual([
      ['山田 花子 様の件は解決しました', 'automation', onResolved.id, '解決メモ'],
    ]);

    // The customer writes again: reopened (priority) and a message about cancelling (tag).
    await addMessage(ws.api, conversation.id, { kind: 'customer', body: 'やはり解約を検討しています' });
    await dispatch(server, ws.workspaceId);
    expect(await getConversation(ws.api, conversation.id)).toMatchObject({
      status: 'open',
      priority: 'urgent',
      tags: ['解約リスク'],
    });
    const all = await runs(ws.api);
    const of = (ruleId: string) => all.filter((r) => r.ruleId === ruleId).map((r) => [r.eventType, r.status]);
    expect(of(onResolved.id)).toEqual([['conversation.resolved', 'succeeded']]);
    expect(of(onReopened.id)).toEqual([['conversation.reopened', 'succeeded']]);
    expect(of(onMessage.id)).toEqual([
      ['message.received', 'succeeded'],
      ['message.received', 'no_match'],
    ]);
  });

  test('survey.answered: a low score with a complaint in the comment (Japanese) tags the conversation', async () => {
    const ws = await workspace();
    const survey = await createSurvey(ws.api);
    const rule = await createRule(ws.api, {
      name: '低評価＋遅い',
      ...onEvent('survey.answered'),
      ...where(
        { field: 'response.kind', op: 'eq', value: 'csat' },
        { field: 'response.score', op: 'lte', value: 2 },
        { field: 'response.comment', op: 'contains', value: '遅い' },
      ),
      actions: [{ type: 'add_tag', tag: '返信遅延' }],
    });
    const contact = await createContact(ws.api);
    const slow = await createConversation(ws.api, { customer: { contactId: contact.id } });
    const fine = await createConversation(ws.api, { customer: { contactId: contact.id } });
    for (const [conversation, score, comment] of [
      [slow, 1, '返信が遅いです'],
      [fine, 2, '説明が分かりにくい'],
    ] as const) {
      const { token } = await offerLink(server.app, ws.workspaceId, survey.id, {
        contactId: contact.id,
        conversationId: conversation.id,
      });
      expectStatus(await answer(server.url, token, { score, comment }), 200);
    }
    await dispatch(server, ws.workspaceId);
    expect((await getConversation(ws.api, slow.id)).tags).toEqual(['返信遅延']);
    expect((await getConversation(ws.api, fine.id)).tags).toEqual([]);
    expect((await runs(ws.api, `ruleId=${rule.id}`)).map((r) => [r.conversationId, r.status])).toEqual([
      [fine.id, 'no_match'],
      [slow.id, 'succeeded'],
    ]);
  });

  test('SLA warning / breach and recovery case overdue: rules test the target and the case', async () => {
    const ws = await workspace();
    const onBreach = await createRule(ws.api, {
      name: 'SLA超過は緊急',
      ...onEvent('sla.breached'),
      ...where({ field: 'sla.kind', op: 'eq', value: 'first_response' }),
      actions: [{ type: 'set_priority', priority: 'urgent' }],
    });
    const onWarning = await createRule(ws.api, {
      name: 'SLA警告',
      ...onEvent('sla.warning'),
      actions: [{ type: 'add_tag', tag: 'sla-risk' }],
    });
    const onOverdue = await createRule(ws.api, {
      name: 'リカバリー期限切れ',
      ...onEvent('recovery.overdue'),
      ...where({ field: 'recovery.status', op: 'in', value: ['new', 'contacted'] }),
      actions: [{ type: 'add_note', body: 'リカバリーの期限を過ぎています' }],
    });
    const first = await createConversation(ws.api);
    const second = await createConversation(ws.api);
    const at = new Date();
    // As the SLA and recovery modules emit them.
    await emitEvents(server.app.db, ws.workspaceId, [
      { type: 'sla.warning', conversationId: first.id, data: { kind: 'first_response' }, at },
      { type: 'sla.breached', conversationId: first.id, data: { kind: 'first_response' }, at },
      { type: 'sla.breached', conversationId: second.id, data: { kind: 'resolution' }, at },
      {
        type: 'recovery.overdue',
        conversationId: second.id,
        subjectId: second.id,
        data: { status: 'contacted', source: 'csat' },
        at,
      },
    ]);
    await dispatch(server, ws.workspaceId);
    expect(await getConversation(ws.api, first.id)).toMatchObject({ priority: 'urgent', tags: ['sla-risk'] });
    expect(await getConversation(ws.api, second.id)).toMatchObject({ priority: 'normal', tags: [] });
    const notes = (await messages(ws.api, second.id)).filter((m) => m.kind === 'note').map((m) => m.body);
    expect(notes).toEqual(['リカバリーの期限を過ぎています']);
    const all = await runs(ws.api);
    const of = (ruleId: string) => all.filter((r) => r.ruleId === ruleId).map((r) => [r.conversationId, r.status]);
    expect(of(onBreach.id)).toEqual([
      [second.id, 'no_match'],
      [first.id, 'succeeded'],
    ]);
    expect(of(onWarning.id)).toEqual([[first.id, 'succeeded']]);
    expect(of(onOverdue.id)).toEqual([[second.id, 'succeeded']]);
  });

  test('conversation.updated: rules test what changed (a customer answering a pending conversation)', async () => {
    const ws = await workspace();
    const rule = await createRule(ws.api, {
      name: 'お客様から返信',
      ...onEvent('conversation.updated'),
      ...where(
        { field: 'changes.fields', op: 'contains', value: 'status' },
        { field: 'changes.status.from', op: 'eq', value: 'pending' },
        { field: 'conversation.status', op: 'eq', value: 'open' },
      ),
      actions: [{ type: 'add_tag', tag: '返信あり' }],
    });
    const conversation = await createConversation(ws.api);
    await update(ws.api, conversation.id, { status: 'pending' });
    await update(ws.api, conversation.id, { priority: 'high' });
    await addMessage(ws.api, conversation.id, { kind: 'customer', body: '確認しました' });
    await dispatch(server, ws.workspaceId);
    expect((await getConversation(ws.api, conversation.id)).tags).toEqual(['返信あり']);
    // open → pending (status, not from pending), priority only, then pending → open; the rule's
    // own tag change is an update too, held back by the loop guard.
    expect((await runs(ws.api, `ruleId=${rule.id}`)).map((r) => r.status)).toEqual([
      'loop_guard',
      'succeeded',
      'no_match',
      'no_match',
    ]);
  });

  test('a disabled rule does not run', async () => {
    const ws = await workspace();
    const rule = await createRule(ws.api, {
      ...onEvent('conversation.created'),
      enabled: false,
      actions: [{ type: 'add_tag', tag: 'x' }],
    });
    const conversation = await createConversation(ws.api);
    await dispatch(server, ws.workspaceId);
    expect((await getConversation(ws.api, conversation.id)).tags).toEqual([]);
    expect(await runs(ws.api, `ruleId=${rule.id}`)).toEqual([]);
  });
});

describe('the loop guard', () => {
  test('two rules that would ping-pong priority stop after one run, and the log says why', async () => {
    const ws = await workspace();
    const up = await createRule(ws.api, {
      name: 'high → urgent',
      ...onEvent('conversation.updated'),
      ...where({ field: 'conversation.priority', op: 'eq', value: 'high' }),
      actions: [{ type: 'set_priority', priority: 'urgent' }],
    });
    const down = await createRule(ws.api, {
      name: 'urgent → high',
      ...onEvent('conversation.updated'),
      ...where({ field: 'conversation.priority', op: 'eq', value: 'urgent' }),
      actions: [{ type: 'set_priority', priority: 'high' }],
    });
    const conversation = await createConversation(ws.api);
    await dispatch(server, ws.workspaceId);

    // Someone raises the priority (here an API key): "high → urgent" runs once; "urgent → high" would answer, but
    // the update the first rule made triggers no rule.
    await update(ws.api, conversation.id, { priority: 'high' });
    await dispatch(server, ws.workspaceId);
    expect((await getConversation(ws.api, conversation.id)).priority).toBe('urgent');

    const logged = await runs(ws.api);
    expect(summary(logged)).toEqual([
      ['high → urgent', 'conversation.updated', 'loop_guard'],
      ['urgent → high', 'conversation.updated', 'no_match'],
      ['high → urgent', 'conversation.updated', 'succeeded'],
    ]);
    expect(logged.filter((r) => r.status === 'succeeded').map((r) => r.ruleId)).toEqual([up.id]);
    expect(logged.filter((r) => r.status === 'loop_guard').map((r) => [r.ruleId, r.conversationId])).toEqual([
      [up.id, conversation.id],
    ]);
    expect(logged.filter((r) => r.ruleId === down.id).map((r) => r.status)).toEqual(['no_match']);
    const priorities = (await events(ws.api, conversation.id))
      .filter((e) => e.type === 'priority_changed')
      .map((e) => [e.data.to, e.actorType]);
    expect(priorities).toEqual([
      ['high', 'system'],
      ['urgent', 'automation'],
    ]);

    // Dispatching again changes nothing.
    expect(await dispatch(server, ws.workspaceId)).toBe(0);
    expect((await getConversation(ws.api, conversation.id)).priority).toBe('urgent');
    expect(await runs(ws.api)).toHaveLength(3);
  });
});

describe('time-based rules', () => {
  test('"pending for more than 3 days" fires once per stay', async () => {
    const ws = await workspace();
    const rule = await createRule(ws.api, {
      name: '3日間返信なし',
      trigger: { type: 'time', status: 'pending', hours: 72 },
      actions: [
        { type: 'add_tag', tag: 'follow-up' },
        { type: 'add_note', body: '3 日間お客様からの返信がありません' },
      ],
    });
    const waiting = await createConversation(ws.api);
    const open = await createConversation(ws.api);
    await update(ws.api, waiting.id, { status: 'pending' });
    const since = Date.now();
    const hours = (h: number) => new Date(since + h * 3_600_000);
    const tick = (now: Date) => runTimeRules(server.app, { now, workspaceId: ws.workspaceId });

    expect((await tick(hours(71))).evaluated).toBe(0);
    expect((await getConversation(ws.api, waiting.id)).tags).toEqual([]);
    expect((await tick(hours(72.1))).evaluated).toBe(1);
    expect((await getConversation(ws.api, waiting.id)).tags).toEqual(['follow-up']);
    expect((await getConversation(ws.api, open.id)).tags).toEqual([]);
    // Later ticks do not act on the same stay again.
    expect((await tick(hours(73))).evaluated).toBe(0);
    expect((await tick(hours(200))).evaluated).toBe(0);
    const logged = await runs(ws.api, `ruleId=${rule.id}`);
    expect(logged.map((r) => [r.eventType, r.conversationId, r.status])).toEqual([['time', waiting.id, 'succeeded']]);
    expect(logged[0]?.eventKey).toMatch(new RegExp(`^${waiting.id}:1:\\d{4}-\\d\\d-\\d\\dT`));
    expect((await messages(ws.api, waiting.id)).filter((m) => m.kind === 'note').map((m) => m.body)).toEqual([
      '3 日間お客様からの返信がありません',
    ]);

    // The customer answers and the agent waits again: a new stay, counted from then.
    await addMessage(ws.api, waiting.id, { kind: 'customer', body: 'お返事が遅れました' });
    await update(ws.api, waiting.id, { status: 'pending' });
    const again = Date.now();
    expect((await tick(new Date(again + 71 * 3_600_000))).evaluated).toBe(0);
    expect((await tick(new Date(again + 73 * 3_600_000))).evaluated).toBe(1);
    expect((await runs(ws.api, `ruleId=${rule.id}`)).map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    // The rule's own changes triggered no event rule (there are none) and no second time run.
    expect((await tick(new Date(again + 100 * 3_600_000))).evaluated).toBe(0);
  });
});

describe('the run log', () => {
  test('newest first, filtered by rule and status, paginated, one workspace only', async () => {
    const ws: TestWorkspace = await workspace();
    const other = await workspace();
    const tagAll = await createRule(ws.api, {
      name: 'tag all',
      ...onEvent('conversation.created'),
      actions: [{ type: 'add_tag', tag: 'new' }],
    });
    const never = await createRule(ws.api, {
      name: 'never',
      ...onEvent('conversation.created'),
      ...where({ field: 'conversation.channel', op: 'eq', value: 'phone' }),
      actions: [{ type: 'add_tag', tag: 'phone' }],
    });
    const created = [];
    for (let n = 0; n < 3; n++) {
      created.push(await createConversation(ws.api, { channel: 'chat' }));
      await dispatch(server, ws.workspaceId);
    }
    const all = await runs(ws.api);
    expect(all).toHaveLength(6);
    // Newest first: the last conversation's runs, in the order the rules ran, come first.
    expect(all.map((r) => r.conversationId)).toEqual(
      [created[2], created[2], created[1], created[1], created[0], created[0]].map((c) => c?.id),
    );
    expect((await runs(ws.api, `ruleId=${tagAll.id}`)).map((r) => r.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
    expect((await runs(ws.api, `ruleId=${never.id}&status=succeeded`)).length).toBe(0);
    expect((await runs(ws.api, 'status=no_match')).map((r) => r.ruleName)).toEqual(['never', 'never', 'never']);

    const firstPage = expectStatus(
      await ws.api.get<{ data: AutomationRun[]; nextCursor: string | null }>('/api/v1/automation/runs?limit=4'),
      200,
    );
    expect(firstPage.data.map((r) => r.id)).toEqual(all.slice(0, 4).map((r) => r.id));
    const secondPage = expectStatus(
      await ws.api.get<{ data: AutomationRun[]; nextCursor: string | null }>(
        `/api/v1/automation/runs?limit=4&cursor=${encodeURIComponent(firstPage.nextCursor ?? '')}`,
      ),
      200,
    );
    expect(secondPage.data.map((r) => r.id)).toEqual(all.slice(4).map((r) => r.id));
    expect(secondPage.nextCursor).toBeNull();

    // A deleted rule's runs stay, without a name.
    expect((await ws.api.delete(`/api/v1/automation/rules/${never.id}`)).status).toBe(204);
    expect((await runs(ws.api, `ruleId=${never.id}`)).map((r) => r.ruleName)).toEqual([null, null, null]);

    expect(await runs(other.api)).toEqual([]);
    expect(await runs(other.api, `ruleId=${tagAll.id}`)).toEqual([]);
    expectProblem(await ws.api.get('/api/v1/automation/runs?status=done'), 400, 'query.status');
    expectProblem(await ws.api.get('/api/v1/automation/runs?ruleId=x'), 400, 'query.ruleId');
    expectProblem(await ws.api.get('/api/v1/automation/runs?cursor=zzz'), 400, 'query.cursor');
  });
});
