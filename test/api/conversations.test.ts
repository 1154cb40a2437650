import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHANNELS,
  type Conversation,
  type ConversationEvent,
  type Message,
} from '../../src/shared/contracts/conversations.ts';
import type { Team } from '../../src/shared/contracts/workspaces.ts';
import {
  addMember,
  addMessage,
  allPages,
  at,
  createContact,
  createConversation,
  createTeam,
  createTestWorkspace,
  expectStatus,
  getConversation,
  serverWorkspace,
  type TestMember,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let api: Client;
let agent: TestMember;
beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  agent = await addMember(server, api, 'agent', 'Agent Sato');
});
afterAll(() => server?.close());

/** A whole second two hours ago, so durations come out in whole seconds. */
const baseTime = () => Math.floor((Date.now() - 2 * 3_600_000) / 1000) * 1000;

/** Small pages, so the cursor is walked across events of the same instant. */
const eventsOf = async (client: Client, id: string) =>
  allPages<ConversationEvent>(client, `/api/v1/conversations/${id}/events`, 4);

interface CycleRow {
  cycle: number;
  started_at: Date;
  first_response_at: Date | null;
  first_responder_id: string | null;
  first_response_seconds: number | null;
  resolved_at: Date | null;
  resolver_id: string | null;
  resolution_seconds: number | null;
  public_replies: number;
  inbound_messages: number;
}

async function cyclesOf(conversationId: string): Promise<CycleRow[]> {
  const { rows } = await server.app.database.pool.query<CycleRow>(
    'select * from conversation_cycles where workspace_id = $1 and conversation_id = $2 order by cycle',
    [server.workspaceId, conversationId],
  );
  return rows;
}

describe('channels', () => {
  test.each(CHANNELS)('a %s conversation takes customer messages, replies, notes and bot messages', async (channel) => {
    const conversation = await createConversation(api, {
      channel,
      subject: `Via ${channel}`,
      message: { body: `hello from ${channel}` },
    });
    expect(conversation).toMatchObject({ channel, status: 'open', messageCount: 1, cycle: 1, reopenCount: 0 });
    expect(conversation.waitingSince).toBe(conversation.createdAt);
    await addMessage(agent.session, conversation.id, { kind: 'bot', body: 'An automated answer' });
    await addMessage(agent.session, conversation.id, { kind: 'note', body: 'Internal: check the invoice' });
    await addMessage(agent.session, conversation.id, { kind: 'reply', body: 'A person answers' });
    await addMessage(api, conversation.id, { kind: 'customer', body: 'Thanks!' });
    const messages = await allPages<Message>(api, `/api/v1/conversations/${conversation.id}/messages`, 2);
    expect(messages.map((m) => [m.kind, m.authorType])).toEqual([
      ['customer', 'contact'],
      ['bot', 'bot'],
      ['note', 'user'],
      ['reply', 'user'],
      ['customer', 'contact'],
    ]);
    expect(messages[3]).toMatchObject({ authorId: agent.id, authorName: 'Agent Sato' });
    const after = await getConversation(api, conversation.id);
    expect(after).toMatchObject({ messageCount: 5, preview: 'Thanks!', status: 'open' });
    expect(after.firstResponseAt).not.toBeNull();
  });
});

describe('milestones and the event log', () => {
  test('only a public human reply is a first response; resolve, reopen and a second cycle are measured exactly', async () => {
    const base = baseTime();
    const conversation = await createConversation(agent.session, {
      channel: 'email',
      subject: 'Invoice question',
      assigneeId: agent.id,
      createdAt: at(base, 0),
      message: { body: 'Where is my invoice?' },
    });
    expect(conversation).toMatchObject({
      createdAt: at(base, 0),
      cycleStartedAt: at(base, 0),
      waitingSince: at(base, 0),
      firstResponseAt: null,
    });

    await addMessage(agent.session, conversation.id, {
      kind: 'bot',
      body: 'We got your message',
      createdAt: at(base, 3),
    });
    await addMessage(agent.session, conversation.id, { kind: 'note', body: 'Looking into it', createdAt: at(base, 7) });
    let state = await getConversation(api, conversation.id);
    expect(state.firstResponseAt).toBeNull();
    expect(state.waitingSince).toBe(at(base, 0));
    expect((await cyclesOf(conversation.id))[0]?.first_response_seconds).toBeNull();

    await addMessage(agent.session, conversation.id, { kind: 'reply', body: 'Here it is', createdAt: at(base, 12) });
    state = await getConversation(api, conversation.id);
    expect(state.firstResponseAt).toBe(at(base, 12));
    expect(state.waitingSince).toBeNull();

    await addMessage(api, conversation.id, { kind: 'customer', body: 'One more thing', createdAt: at(base, 20) });
    expect((await getConversation(api, conversation.id)).waitingSince).toBe(at(base, 20));
    await addMessage(agent.session, conversation.id, {
      kind: 'reply',
      body: 'Done',
      status: 'resolved',
      createdAt: at(base, 30),
    });
    state = await getConversation(api, conversation.id);
    expect(state).toMatchObject({
      status: 'resolved',
      firstResponseAt: at(base, 12), // the second reply does not move it
      resolvedAt: at(base, 30),
      cycle: 1,
      reopenCount: 0,
    });

    // The customer writes again: a new care cycle, measured from the reopen.
    await addMessage(api, conversation.id, { kind: 'customer', body: 'It is wrong', createdAt: at(base, 45) });
    state = await getConversation(api, conversation.id);
    expect(state).toMatchObject({
      status: 'open',
      cycle: 2,
      reopenCount: 1,
      cycleStartedAt: at(base, 45),
      waitingSince: at(base, 45),
      firstResponseAt: null,
      resolvedAt: null,
    });
    await addMessage(agent.session, conversation.id, { kind: 'bot', body: 'Auto reply', createdAt: at(base, 50) });
    await addMessage(agent.session, conversation.id, { kind: 'note', body: 'Escalate?', createdAt: at(base, 52) });
    expect((await getConversation(api, conversation.id)).firstResponseAt).toBeNull();
    await addMessage(agent.session, conversation.id, { kind: 'reply', body: 'Fixed', createdAt: at(base, 60) });
    await addMessage(agent.session, conversation.id, {
      kind: 'note',
      body: 'Closing',
      status: 'resolved',
      createdAt: at(base, 65),
    });
    state = await getConversation(api, conversation.id);
    expect(state).toMatchObject({
      status: 'resolved',
      firstResponseAt: at(base, 60),
      resolvedAt: at(base, 65),
      cycle: 2,
    });

    const cycles = await cyclesOf(conversation.id);
    expect(cycles.map((c) => ({ ...c, started_at: c.started_at.toISOString() }))).toEqual([
      expect.objectContaining({
        cycle: 1,
        started_at: at(base, 0),
        first_responder_id: agent.id,
        first_response_seconds: 12 * 60,
        resolver_id: agent.id,
        resolution_seconds: 30 * 60,
        public_replies: 2,
        inbound_messages: 2,
      }),
      expect.objectContaining({
        cycle: 2,
        started_at: at(base, 45),
        first_responder_id: agent.id,
        first_response_seconds: 15 * 60,
        resolution_seconds: 20 * 60,
        public_replies: 1,
        inbound_messages: 1,
      }),
    ]);
    expect(cycles[0]?.first_response_at?.toISOString()).toBe(at(base, 12));
    expect(cycles[1]?.resolved_at?.toISOString()).toBe(at(base, 65));

    const events = await eventsOf(api, conversation.id);
    expect(events.map((e) => [e.cycle, e.type, e.occurredAt])).toEqual([
      [1, 'created', at(base, 0)],
      [1, 'assigned', at(base, 0)],
      [1, 'message_inbound', at(base, 0)],
      [1, 'bot_message', at(base, 3)],
      [1, 'note_added', at(base, 7)],
      [1, 'first_response', at(base, 12)],
      [1, 'message_outbound', at(base, 12)],
      [1, 'message_inbound', at(base, 20)],
      [1, 'message_outbound', at(base, 30)],
      [1, 'resolved', at(base, 30)],
      [1, 'status_changed', at(base, 30)],
      [2, 'reopened', at(base, 45)],
      [2, 'status_changed', at(base, 45)],
      [2, 'message_inbound', at(base, 45)],
      [2, 'bot_message', at(base, 50)],
      [2, 'note_added', at(base, 52)],
      [2, 'first_response', at(base, 60)],
      [2, 'message_outbound', at(base, 60)],
      [2, 'note_added', at(base, 65)],
      [2, 'resolved', at(base, 65)],
      [2, 'status_changed', at(base, 65)],
    ]);
    const byType = (type: string, cycle: number) => events.find((e) => e.type === type && e.cycle === cycle);
    expect(byType('first_response', 1)).toMatchObject({
      actorType: 'user',
      actorId: agent.id,
      actorName: 'Agent Sato',
      data: { responderId: agent.id, firstResponseSeconds: 720 },
    });
    expect(events.filter((e) => e.type === 'message_outbound').map((e) => e.data.waitedSeconds)).toEqual([
      720, 600, 900,
    ]);
    expect(byType('resolved', 1)?.data).toMatchObject({ resolverId: agent.id, resolutionSeconds: 1800 });
    expect(byType('status_changed', 1)?.data).toEqual({ from: 'open', to: 'resolved' });
    expect(byType('reopened', 2)).toMatchObject({ actorType: 'contact', data: { previousCycle: 1 } });
    expect(byType('status_changed', 2)?.data).toEqual({ from: 'resolved', to: 'open' });
    expect(byType('resolved', 2)?.data).toMatchObject({ resolutionSeconds: 1200 });

    // Append-only: later changes only add to the end.
    const team = await createTeam(api, { memberIds: [agent.id] });
    const other = await addMember(server, api, 'agent');
    const patched = await agent.session.patch<Conversation>(`/api/v1/conversations/${conversation.id}`, {
      status: 'open',
      assigneeId: other.id,
      teamId: team.id,
      priority: 'urgent',
      subject: 'Invoice question (wrong amount)',
      tags: ['billing', 'vip'],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      status: 'open',
      cycle: 3,
      reopenCount: 2,
      assigneeId: other.id,
      teamId: team.id,
    });
    await agent.session.patch(`/api/v1/conversations/${conversation.id}`, {
      tags: ['vip', 'refund'],
      assigneeId: null,
    });
    const later = await eventsOf(api, conversation.id);
    expect(later.slice(0, events.length)).toEqual(events);
    expect(later.slice(events.length).map((e) => [e.cycle, e.type, e.data])).toEqual([
      [3, 'reopened', { previousCycle: 2 }],
      [3, 'status_changed', { from: 'resolved', to: 'open' }],
      [3, 'assigned', { from: agent.id, to: other.id }],
      [3, 'team_changed', { from: null, to: team.id }],
      [3, 'priority_changed', { from: 'normal', to: 'urgent' }],
      [3, 'subject_changed', { from: 'Invoice question', to: 'Invoice question (wrong amount)' }],
      [3, 'tags_changed', { added: ['billing', 'vip'], removed: [] }],
      [3, 'assigned', { from: other.id, to: null }],
      [3, 'tags_changed', { added: ['refund'], removed: ['billing'] }],
    ]);
    // A change to the same value records nothing.
    await agent.session.patch(`/api/v1/conversations/${conversation.id}`, {
      priority: 'urgent',
      tags: ['refund', 'vip'],
    });
    expect(await eventsOf(api, conversation.id)).toHaveLength(later.length);
  });

  test('a pending conversation goes back to open when the customer writes, without a new cycle', async () => {
    const conversation = await createConversation(api, { status: 'pending', message: { body: 'hi' } });
    expect(conversation.status).toBe('pending');
    await addMessage(api, conversation.id, { kind: 'customer', body: 'still there?' });
    expect(await getConversation(api, conversation.id)).toMatchObject({ status: 'open', cycle: 1, reopenCount: 0 });
  });

  test('a conversation created as resolved has its resolution at creation', async () => {
    const base = baseTime();
    const conversation = await createConversation(api, {
      status: 'resolved',
      createdAt: at(base, 0),
      message: { body: 'Solved on the phone' },
    });
    expect(conversation).toMatchObject({ status: 'resolved', resolvedAt: at(base, 0), firstResponseAt: null });
  });
});

describe('inbox filters', () => {
  test('status, channel, assignee (me, none, id), team, tag, contact, and the cursor', async () => {
    const workspace = await createTestWorkspace(server);
    const ws = workspace.api;
    const first = await addMember(server, ws, 'agent', 'First Agent');
    const second = await addMember(server, ws, 'agent', 'Second Agent');
    const team = await createTeam(ws, { memberIds: [first.id, second.id] });
    const customer = await createContact(ws);
    const base = baseTime();
    const make = (minute: number, input: Record<string, unknown>) =>
      createConversation(ws, { createdAt: at(base, minute), message: { body: `m${minute}` }, ...input });
    const c1 = await make(1, {
      channel: 'email',
      assigneeId: first.id,
      teamId: team.id,
      tags: ['billing'],
      customer: { contactId: customer.id },
    });
    const c2 = await make(2, { channel: 'chat', status: 'pending', assigneeId: second.id, tags: ['billing', 'vip'] });
    const c3 = await make(3, { channel: 'phone', status: 'resolved' });
    const c4 = await make(4, { channel: 'email', teamId: team.id, customer: { contactId: customer.id } });
    const c5 = await make(5, { channel: 'social', status: 'closed', assigneeId: first.id });
    const names = new Map([c1, c2, c3, c4, c5].map((c, i) => [c.id, `c${i + 1}`]));
    const list = async (client: Client, query: string) =>
      (await allPages<Conversation>(client, `/api/v1/conversations${query}`, 2)).map((c) => names.get(c.id));

    expect(await list(ws, '')).toEqual(['c5', 'c4', 'c3', 'c2', 'c1']);
    expect(await list(ws, '?status=open')).toEqual(['c4', 'c1']);
    expect(await list(ws, '?status=open,pending')).toEqual(['c4', 'c2', 'c1']);
    expect(await list(ws, '?status=resolved')).toEqual(['c3']);
    expect(await list(ws, '?status=closed')).toEqual(['c5']);
    expect(await list(ws, '?channel=email')).toEqual(['c4', 'c1']);
    expect(await list(ws, '?channel=chat,phone')).toEqual(['c3', 'c2']);
    expect(await list(first.session, '?assignee=me')).toEqual(['c5', 'c1']);
    expect(await list(second.session, '?assignee=me')).toEqual(['c2']);
    expect(await list(ws, '?assignee=none')).toEqual(['c4', 'c3']);
    expect(await list(ws, `?assignee=${second.id}`)).toEqual(['c2']);
    expect(await list(ws, `?teamId=${team.id}`)).toEqual(['c4', 'c1']);
    expect(await list(ws, '?tag=billing')).toEqual(['c2', 'c1']);
    expect(await list(ws, '?tag=vip')).toEqual(['c2']);
    expect(await list(ws, `?contactId=${customer.id}`)).toEqual(['c4', 'c1']);
    expect(await list(ws, '?status=open&assignee=none')).toEqual(['c4']);
    expect(await list(first.session, '?status=open&assignee=me&channel=email')).toEqual(['c1']);
    for (const limit of [1, 2, 3, 5]) {
      const walked = await allPages<Conversation>(ws, '/api/v1/conversations', limit);
      expect(walked.map((c) => names.get(c.id))).toEqual(['c5', 'c4', 'c3', 'c2', 'c1']);
    }

    // Activity moves a conversation to the top.
    await addMessage(ws, c2.id, { kind: 'customer', body: 'bump' });
    expect(await list(ws, '')).toEqual(['c2', 'c5', 'c4', 'c3', 'c1']);

    // Renaming a team keeps its members.
    const renamed = expectStatus(await ws.patch<Team>(`/api/v1/teams/${team.id}`, { name: 'Renamed team' }), 200);
    expect(renamed.memberIds.sort()).toEqual([first.id, second.id].sort());
    // Deleting it leaves conversations listed (the filter just finds none).
    expect((await ws.delete(`/api/v1/teams/${team.id}`)).status).toBe(204);
    expectProblem(await ws.get(`/api/v1/teams/${team.id}`), 404);
  });
});
