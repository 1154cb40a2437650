import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AutomationRule } from '../../src/shared/contracts/automation.ts';
import { createRule, onEvent, where } from '../support/automation.ts';
import {
  addMember,
  createTeam,
  createTestWorkspace,
  expectStatus,
  type TestMember,
  type TestWorkspace,
} from '../support/factories.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { createSurvey } from '../support/surveys.ts';

let server: TestServer;
let ws: TestWorkspace;
let other: TestWorkspace;
let agent: TestMember;
let manager: TestMember;
beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  other = await createTestWorkspace(server);
  agent = await addMember(server, ws.api, 'agent');
  manager = await addMember(server, ws.api, 'manager');
});
afterAll(() => server?.close());

const TAG_VIP = { type: 'add_tag', tag: 'VIP' };
const list = async () =>
  expectStatus(await ws.api.get<{ data: AutomationRule[] }>('/api/v1/automation/rules'), 200).data;

describe('automation rules API', () => {
  test('create, list in order, read, change, switch off and delete; agents read, managers write', async () => {
    const vip = await createRule(manager.session, {
      name: 'VIP振り分け',
      ...onEvent('conversation.created'),
      ...where({ field: 'company.plan', op: 'eq', value: 'Enterprise' }),
      actions: [TAG_VIP, { type: 'set_priority', priority: 'high' }],
    });
    expect(vip).toMatchObject({
      name: 'VIP振り分け',
      enabled: true,
      position: 1,
      trigger: { type: 'event', event: 'conversation.created' },
      conditions: { match: 'all', conditions: [{ field: 'company.plan', op: 'eq', value: 'Enterprise' }] },
      actions: [TAG_VIP, { type: 'set_priority', priority: 'high' }],
      createdBy: manager.id,
      lastRun: null,
    });
    // Conditions default to "always"; positions follow creation.
    const stale = await createRule(ws.api, {
      name: 'Stale pending',
      trigger: { type: 'time', status: 'pending', hours: 72 },
      actions: [{ type: 'add_note', body: '3 日間お客様の返信がありません' }],
    });
    expect(stale).toMatchObject({ position: 2, conditions: { match: 'all', conditions: [] }, createdBy: null });

    expect((await list()).map((r) => r.name)).toEqual(['VIP振り分け', 'Stale pending']);
    expect(expectStatus(await agent.session.get(`/api/v1/automation/rules/${vip.id}`), 200)).toEqual(vip);

    const off = expectStatus(
      await manager.session.patch<AutomationRule>(`/api/v1/automation/rules/${vip.id}`, { enabled: false }),
      200,
    );
    expect(off).toMatchObject({ enabled: false, name: 'VIP振り分け', actions: vip.actions });
    const renamed = expectStatus(
      await ws.api.patch<AutomationRule>(`/api/v1/automation/rules/${vip.id}`, {
        name: 'VIP routing',
        actions: [TAG_VIP],
      }),
      200,
    );
    expect(renamed).toMatchObject({ name: 'VIP routing', enabled: false, actions: [TAG_VIP] });

    expectProblem(
      await agent.session.post('/api/v1/automation/rules', {
        name: 'x',
        ...onEvent('conversation.created'),
        actions: [TAG_VIP],
      }),
      403,
    );
    expectProblem(await agent.session.patch(`/api/v1/automation/rules/${vip.id}`, { enabled: true }), 403);
    expectProblem(await agent.session.delete(`/api/v1/automation/rules/${vip.id}`), 403);
    expectProblem(await agent.session.post('/api/v1/automation/rules/reorder', { ids: [stale.id, vip.id] }), 403);

    // Another workspace sees none of it.
    expectProblem(await other.api.get(`/api/v1/automation/rules/${vip.id}`), 404);
    expectProblem(await other.api.patch(`/api/v1/automation/rules/${vip.id}`, { enabled: true }), 404);
    expectProblem(await other.api.delete(`/api/v1/automation/rules/${vip.id}`), 404);
    expect(expectStatus(await other.api.get<{ data: unknown[] }>('/api/v1/automation/rules'), 200).data).toEqual([]);

    expect((await ws.api.delete(`/api/v1/automation/rules/${vip.id}`)).status).toBe(204);
    expectProblem(await ws.api.get(`/api/v1/automation/rules/${vip.id}`), 404);
    expectProblem(await ws.api.delete(`/api/v1/automation/rules/${vip.id}`), 404);
    expect((await ws.api.delete(`/api/v1/automation/rules/${stale.id}`)).status).toBe(204);
    expect(await list()).toEqual([]);
  });

  test('reorder takes every rule once, in the new order', async () => {
    const a = await createRule(ws.api, { name: 'A', ...onEvent('message.received'), actions: [TAG_VIP] });
    const b = await createRule(ws.api, { name: 'B', ...onEvent('message.received'), actions: [TAG_VIP] });
    const c = await createRule(ws.api, { name: 'C', ...onEvent('message.received'), actions: [TAG_VIP] });
    const reordered = expectStatus(
      await manager.session.post<{ data: AutomationRule[] }>('/api/v1/automation/rules/reorder', {
        ids: [c.id, a.id, b.id],
      }),
      200,
    ).data;
    expect(reordered.map((r) => [r.name, r.position])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 3],
    ]);
    const reorder = (ids: string[]) => ws.api.post('/api/v1/automation/rules/reorder', { ids });
    expectProblem(await reorder([a.id, b.id]), 400, 'body.ids');
    expectProblem(await reorder([a.id, b.id, c.id, a.id]), 400, 'body.ids.3');
    const foreign = await createRule(other.api, { ...onEvent('message.received'), actions: [TAG_VIP] });
    expectProblem(await reorder([a.id, b.id, foreign.id]), 400, 'body.ids.2');
    expectProblem(await reorder(['not-an-id']), 400, 'body.ids.0');
    expect((await list()).map((r) => r.name)).toEqual(['C', 'A', 'B']);
    for (const rule of [a, b, c]) await ws.api.delete(`/api/v1/automation/rules/${rule.id}`);
  });

  test('bad input is a 400 naming the field, and nothing is written', async () => {
    const member = await addMember(server, ws.api, 'agent');
    const team = await createTeam(ws.api);
    const otherTeam = await createTeam(other.api);
    const survey = await createSurvey(ws.api);
    const archived = await createSurvey(ws.api, { status: 'archived' });
    const otherSurvey = await createSurvey(other.api);
    const base = { name: 'Bad', ...onEvent('conversation.created'), actions: [TAG_VIP] };
    const bad = async (input: Record<string, unknown>, field: string) =>
      expectProblem(await ws.api.post('/api/v1/automation/rules', { ...base, ...input }), 400, field);
    const action = (a: Record<string, unknown>) => ({ actions: [TAG_VIP, a] });

    await bad({ name: '  ' }, 'body.name');
    await bad({ actions: [] }, 'body.actions');
    await bad({ trigger: { type: 'event', event: 'conversation.deleted' } }, 'body.trigger.event');
    await bad({ trigger: { type: 'time', status: 'pending', hours: 0 } }, 'body.trigger.hours');
    await bad({ trigger: { type: 'time', status: 'closed', hours: 72 } }, 'body.trigger.status');

    await bad(action({ type: 'reply' }), 'body.actions.1.type');
    await bad(action({ type: 'add_tag' }), 'body.actions.1.tag');
    await bad(action({ type: 'add_tag', tag: 'a,b' }), 'body.actions.1.tag');
    await bad(action({ type: 'set_priority', priority: 'highest' }), 'body.actions.1.priority');
    await bad(action({ type: 'assign' }), 'body.actions.1.userId');
    await bad(action({ type: 'assign', userId: other.owner.id }), 'body.actions.1.userId');
    await bad(action({ type: 'assign', teamId: otherTeam.id }), 'body.actions.1.teamId');
    await bad(action({ type: 'assign', roundRobin: true }), 'body.actions.1.teamId');
    await bad(
      action({ type: 'assign', teamId: team.id, userId: member.id, roundRobin: true }),
      'body.actions.1.userId',
    );
    await bad(action({ type: 'escalate', toTeamId: team.id }), 'body.actions.1.reason');
    await bad(action({ type: 'escalate', toUserId: other.owner.id, reason: 'VIP' }), 'body.actions.1.toUserId');
    await bad(action({ type: 'escalate', reason: 'VIP', tier: 'director' }), 'body.actions.1.tier');
    await bad(action({ type: 'send_survey', surveyId: otherSurvey.id }), 'body.actions.1.surveyId');
    await bad(action({ type: 'send_survey', surveyId: archived.id }), 'body.actions.1.surveyId');
    await bad(action({ type: 'open_recovery_case', ownerId: other.owner.id }), 'body.actions.1.ownerId');
    await bad(action({ type: 'add_note', body: ' ' }), 'body.actions.1.body');
    await bad(action({ type: 'notify', message: 'x' }), 'body.actions.1.userIds');
    await bad(
      action({ type: 'notify', message: 'x', userIds: [member.id, other.owner.id] }),
      'body.actions.1.userIds.1',
    );
    await bad(action({ type: 'notify', userIds: [member.id] }), 'body.actions.1.message');
    await bad(action({ type: 'send_webhook', endpointId: other.owner.id }), 'body.actions.1.endpointId');
    // A time-based rule has no event to send.
    await bad(
      {
        trigger: { type: 'time', status: 'pending', hours: 72 },
        ...action({ type: 'send_webhook', endpointId: other.owner.id }),
      },
      'body.actions.1.type',
    );

    const cond = (...conditions: unknown[]) => ({ conditions: { match: 'all', conditions } });
    await bad(cond({ field: 'conversation.mood', op: 'eq', value: 'x' }), 'body.conditions.conditions.0.field');
    // A survey answer's score exists only for survey.answered.
    await bad(cond({ field: 'response.score', op: 'lte', value: 2 }), 'body.conditions.conditions.0.field');
    await bad(cond({ field: 'conversation.priority', op: 'gt', value: 1 }), 'body.conditions.conditions.0.op');
    await bad(
      cond({ field: 'conversation.priority', op: 'eq', value: 'highest' }),
      'body.conditions.conditions.0.value',
    );
    await bad(cond({ field: 'conversation.priority', op: 'eq' }), 'body.conditions.conditions.0.value');
    await bad(cond({ field: 'conversation.priority', op: 'in', value: 'high' }), 'body.conditions.conditions.0.value');
    await bad(
      cond({ field: 'conversation.priority', op: 'in', value: ['high', 'top'] }),
      'body.conditions.conditions.0.value.1',
    );
    await bad(cond({ field: 'conversation.tags', op: 'is_set', value: 'x' }), 'body.conditions.conditions.0.value');
    await bad(cond({ field: 'conversation.reopenCount', op: 'gte', value: '2' }), 'body.conditions.conditions.0.value');
    await bad(cond({ field: 'conversation.assigneeId', op: 'eq', value: 'me' }), 'body.conditions.conditions.0.value');
    // An unknown operator is neither a condition nor a group.
    await bad(cond({ field: 'conversation.priority', op: 'like', value: 'high' }), 'body.conditions.conditions.0');
    await bad(
      cond(
        { field: 'conversation.priority', op: 'eq', value: 'high' },
        { match: 'any', conditions: [{ field: 'conversation.subject', op: 'contains', value: '' }] },
      ),
      'body.conditions.conditions.1.conditions.0.value',
    );
    expect(await list()).toEqual([]);

    // A rule on survey answers may test them; switching it to another trigger must bring new conditions.
    const answered = await createRule(ws.api, {
      ...onEvent('survey.answered'),
      ...where(
        { field: 'response.score', op: 'lte', value: 2 },
        { field: 'response.surveyId', op: 'eq', value: survey.id },
      ),
      actions: [TAG_VIP],
    });
    expectProblem(
      await ws.api.patch(`/api/v1/automation/rules/${answered.id}`, onEvent('conversation.created')),
      400,
      'body.trigger',
    );
    expectProblem(
      await ws.api.patch(`/api/v1/automation/rules/${answered.id}`, { actions: [{ type: 'set_priority' }] }),
      400,
      'body.actions.0.priority',
    );
    expect(expectStatus(await ws.api.get(`/api/v1/automation/rules/${answered.id}`), 200)).toEqual(answered);
    const moved = expectStatus(
      await ws.api.patch<AutomationRule>(`/api/v1/automation/rules/${answered.id}`, {
        ...onEvent('conversation.created'),
        conditions: { match: 'any', conditions: [] },
      }),
      200,
    );
    expect(moved.trigger).toEqual({ type: 'event', event: 'conversation.created' });
    await ws.api.delete(`/api/v1/automation/rules/${answered.id}`);
  });
});
