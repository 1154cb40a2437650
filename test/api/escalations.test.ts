import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escalateConversation } from '../../src/server/modules/recovery/escalations.ts';
import type { Conversation, ConversationEvent } from '../../src/shared/contracts/conversations.ts';
import type { Escalation } from '../../src/shared/contracts/recovery.ts';
import type { Team } from '../../src/shared/contracts/workspaces.ts';
import {
  addMember,
  createConversation,
  createTeam,
  createTestWorkspace,
  expectStatus,
  serverWorkspace,
  type TestMember,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let api: Client;
let agent: TestMember;
let senior: TestMember;
let manager: TestMember;
let billingManager: TestMember;
let firstLine: Team;
let billing: Team;

type Escalated = { escalation: Escalation; conversation: Conversation };

beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  agent = await addMember(server, api, 'agent', 'First-line agent');
  senior = await addMember(server, api, 'agent', 'Senior agent');
  manager = await addMember(server, api, 'manager', 'First-line manager');
  billingManager = await addMember(server, api, 'manager', 'Billing manager');
  firstLine = await createTeam(api, {
    name: 'First line',
    memberIds: [agent.id, senior.id, manager.id],
    memberTiers: { [senior.id]: 'senior', [manager.id]: 'manager' },
  });
  billing = await createTeam(api, {
    name: 'Billing',
    memberIds: [billingManager.id],
    memberTiers: { [billingManager.id]: 'manager' },
  });
});
afterAll(() => server?.close());

describe('escalation', () => {
  test('tiers: agent → senior → manager, to the team’s member at each tier; the path and reasons are kept', async () => {
    const conversation = await createConversation(api, { teamId: firstLine.id, assigneeId: agent.id, channel: 'chat' });
    expect(conversation.escalationTier).toBe('agent');
    const path = `/api/v1/conversations/${conversation.id}`;

    const first = expectStatus(
      await agent.session.post<Escalated>(`${path}/escalate`, { reason: 'Needs a refund above my limit' }),
      201,
    );
    expect(first.escalation).toMatchObject({
      fromTier: 'agent',
      toTier: 'senior',
      fromUser: { id: agent.id, name: 'First-line agent' },
      toUser: { id: senior.id, name: 'Senior agent' },
      fromTeam: { id: firstLine.id, name: 'First line' },
      toTeam: { id: firstLine.id, name: 'First line' },
      reason: 'Needs a refund above my limit',
      actorType: 'user',
      actor: { id: agent.id, name: 'First-line agent' },
      ruleId: null,
      channel: 'chat',
    });
    expect(first.conversation).toMatchObject({ assigneeId: senior.id, teamId: firstLine.id, escalationTier: 'senior' });

    const second = expectStatus(
      await senior.session.post<Escalated>(`${path}/escalate`, { reason: 'Customer threatens to cancel' }),
      201,
    );
    expect(second.escalation).toMatchObject({ fromTier: 'senior', toTier: 'manager', toUser: { id: manager.id } });

    // At manager already: it stays at manager; to another team, its manager takes it.
    const third = expectStatus(
      await api.post<Escalated>(`${path}/escalate`, { reason: 'Billing decision', toTeamId: billing.id }),
      201,
    );
    expect(third.escalation).toMatchObject({
      fromTier: 'manager',
      toTier: 'manager',
      toUser: { id: billingManager.id },
    });
    expect(third.conversation).toMatchObject({ teamId: billing.id, assigneeId: billingManager.id });

    const listed = expectStatus(await api.get<{ data: Escalation[] }>(`${path}/escalations`), 200).data;
    expect(listed.map((e) => [e.fromTier, e.toTier, e.reason])).toEqual([
      ['agent', 'senior', 'Needs a refund above my limit'],
      ['senior', 'manager', 'Customer threatens to cancel'],
      ['manager', 'manager', 'Billing decision'],
    ]);
    const events = expectStatus(await api.get<{ data: ConversationEvent[] }>(`${path}/events`), 200).data;
    expect(events.filter((e) => e.type === 'escalated').map((e) => e.data.toTier)).toEqual([
      'senior',
      'manager',
      'manager',
    ]);
    const emitted = await server.app.db.execute<{ type: string }>(
      sql`select type from domain_events where workspace_id = ${server.workspaceId} and conversation_id = ${conversation.id}
           and type = 'conversation.escalated'`,
    );
    expect(emitted.rows).toHaveLength(3);

    // A reopen starts a new care cycle at agent.
    expectStatus(await api.patch(path, { status: 'resolved' }), 200);
    expect(expectStatus(await api.patch<Conversation>(path, { status: 'open' }), 200).escalationTier).toBe('agent');
  });

  test('to a named person or tier; a rule’s escalation is marked with the rule', async () => {
    const conversation = await createConversation(api, { teamId: firstLine.id, assigneeId: agent.id });
    const direct = expectStatus(
      await api.post<Escalated>(`/api/v1/conversations/${conversation.id}/escalate`, {
        reason: 'Straight to the manager',
        tier: 'manager',
        toUserId: billingManager.id,
      }),
      201,
    );
    expect(direct.escalation).toMatchObject({
      fromTier: 'agent',
      toTier: 'manager',
      toUser: { id: billingManager.id },
    });

    const other = await createConversation(api, { channel: 'email' });
    const ruleId = crypto.randomUUID();
    const byRule = await server.app.db.transaction((tx) =>
      escalateConversation(
        tx,
        server.workspaceId,
        other.id,
        { reason: 'VIP waiting over an hour' },
        { type: 'automation', id: ruleId },
      ),
    );
    // No team and nobody at senior: a workspace manager takes it.
    expect(byRule).toMatchObject({ toTier: 'senior', ruleId, actorType: 'automation', actor: null, toTeam: null });
    expect([manager.id, billingManager.id]).toContain(byRule.toUser?.id);
    const origin = await server.app.db.execute<{ origin_rule_id: string | null }>(
      sql`select origin_rule_id from domain_events where workspace_id = ${server.workspaceId}
           and conversation_id = ${other.id} and type = 'conversation.escalated'`,
    );
    expect(origin.rows.map((r) => r.origin_rule_id)).toEqual([ruleId]);
  });

  test('the inbox lists the conversations escalated in their current cycle, by tier', async () => {
    const calm = await createConversation(api, { teamId: billing.id, channel: 'email' });
    const toSenior = await createConversation(api, { teamId: firstLine.id, assigneeId: agent.id, channel: 'email' });
    const toManager = await createConversation(api, { teamId: firstLine.id, assigneeId: agent.id, channel: 'email' });
    const escalate = async (id: string, tier: 'senior' | 'manager') =>
      expectStatus(
        await api.post<Escalated>(`/api/v1/conversations/${id}/escalate`, { reason: 'Refund over the limit', tier }),
        201,
      );
    await escalate(toSenior.id, 'senior');
    await escalate(toManager.id, 'manager');
    const ids = async (query: string) => {
      const page = expectStatus(
        await api.get<{ data: Conversation[] }>(`/api/v1/conversations?limit=200&${query}`),
        200,
      );
      return page.data.map((c) => c.id);
    };
    const escalated = await ids('escalation=senior,manager');
    expect(escalated).toEqual(expect.arrayContaining([toSenior.id, toManager.id]));
    expect(escalated).not.toContain(calm.id);
    const managers = await ids('escalation=manager');
    expect(managers).toContain(toManager.id);
    expect(managers).not.toContain(toSenior.id);
    expect(await ids('escalation=agent')).toContain(calm.id);
    expectProblem(await api.get('/api/v1/conversations?escalation=senior,director'), 400, 'query.escalation.1');
  });

  test('bad input names the field; another workspace’s conversation is a 404; viewers cannot escalate', async () => {
    const conversation = await createConversation(api, { teamId: firstLine.id });
    const path = `/api/v1/conversations/${conversation.id}/escalate`;
    expectProblem(await api.post(path, {}), 400, 'body.reason');
    expectProblem(await api.post(path, { reason: '   ' }), 400, 'body.reason');
    expectProblem(await api.post(path, { reason: 'x', tier: 'director' }), 400, 'body.tier');
    expectProblem(await api.post(path, { reason: 'x', toUserId: crypto.randomUUID() }), 400, 'body.toUserId');
    expectProblem(await api.post(path, { reason: 'x', toTeamId: crypto.randomUUID() }), 400, 'body.toTeamId');
    expectStatus(await api.post(path, { reason: 'Up', tier: 'manager' }), 201);
    expectProblem(await api.post(path, { reason: 'Down', tier: 'senior' }), 400, 'body.tier');
    const viewer = await addMember(server, api, 'viewer');
    expectProblem(await viewer.session.post(path, { reason: 'x' }), 403);
    const other = await createTestWorkspace(server);
    expectProblem(await other.api.post(path, { reason: 'x' }), 404);
    expectProblem(await other.api.get(`/api/v1/conversations/${conversation.id}/escalations`), 404);
    // Nothing was written by the refused requests: one escalation.
    const listed = expectStatus(
      await api.get<{ data: Escalation[] }>(`/api/v1/conversations/${conversation.id}/escalations`),
      200,
    ).data;
    expect(listed).toHaveLength(1);
  });
});
