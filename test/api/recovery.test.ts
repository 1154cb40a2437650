import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dispatchPendingEvents } from '../../src/server/modules/events/dispatch.ts';
import { eventHandlers } from '../../src/server/modules/events/handlers.ts';
import { markOverdueCases } from '../../src/server/modules/recovery/overdue.ts';
import type { Calendar } from '../../src/shared/contracts/calendars.ts';
import type { Conversation } from '../../src/shared/contracts/conversations.ts';
import type { Contact, TimelineItem } from '../../src/shared/contracts/customers.ts';
import type {
  Playbook,
  RecoveryActionItem,
  RecoveryCase,
  RecoveryCaseDetail,
  RecoverySettings,
} from '../../src/shared/contracts/recovery.ts';
import type { Invitation, Survey } from '../../src/shared/contracts/surveys.ts';
import type { Team } from '../../src/shared/contracts/workspaces.ts';
import {
  addMember,
  createContact,
  createConversation,
  createTestWorkspace,
  expectStatus,
  serverWorkspace,
  type TestMember,
  uniqueEmail,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { answer, createSurvey, offerLink } from '../support/surveys.ts';

/**
 * Service recovery through the real HTTP server: answers come in through the public answer
 * endpoint, the domain-event dispatcher (called here, as the worker does every second)
 * opens and closes cases.
 */

let server: TestServer;
let api: Client;
let agent: TestMember;
let teamManager: TestMember;
let workspaceManager: TestMember;
let viewer: TestMember;
let team: Team;
let nps: Survey;
let csat: Survey;

const dispatch = () => dispatchPendingEvents(server.app, eventHandlers);

/** The answer arrived at `at`: its survey.answered event is dated so, as if the customer answered then. */
async function answeredAt(at: string) {
  await server.app.db.execute(
    sql`update domain_events e set occurred_at = ${at}::timestamptz
         from domain_event_queue q
         where q.workspace_id = e.workspace_id and q.id = e.id
           and e.workspace_id = ${server.workspaceId} and e.type = 'survey.answered'`,
  );
}

async function cases(query = '') {
  return expectStatus(await api.get<{ data: RecoveryCase[] }>(`/api/v1/recovery/cases${query}`), 200).data;
}

const detail = async (id: string) =>
  expectStatus(await api.get<RecoveryCaseDetail>(`/api/v1/recovery/cases/${id}`), 200, 'case detail');

async function customerWithConversation(locale: string, input: Record<string, unknown> = {}) {
  const contact = await createContact(api, { name: `Customer ${locale}`, emails: [uniqueEmail('c')], locale });
  const conversation = await createConversation(api, {
    customer: { contactId: contact.id },
    channel: 'email',
    message: { body: 'My invoice is wrong' },
    ...input,
  });
  return { contact, conversation };
}

beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  // Sorted by name, the workspace manager would come first: the team's support manager must still win.
  workspaceManager = await addMember(server, api, 'manager', 'A workspace manager');
  teamManager = await addMember(server, api, 'manager', 'Team support manager');
  agent = await addMember(server, api, 'agent', 'Team agent');
  viewer = await addMember(server, api, 'viewer', 'Viewer');
  // Weekdays 9–18 in Tokyo; Monday 2026-04-06 closed.
  const calendar = expectStatus(
    await api.post<Calendar>('/api/v1/calendars', {
      name: 'Support hours',
      timeZone: 'Asia/Tokyo',
      ranges: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
    }),
    201,
  );
  expectStatus(
    await api.put(`/api/v1/calendars/${calendar.id}/holidays`, { holidays: [{ day: '2026-04-06', name: 'Closed' }] }),
    200,
  );
  team = expectStatus(
    await api.post<Team>('/api/v1/teams', {
      name: 'Support',
      memberIds: [agent.id, teamManager.id],
      memberTiers: { [teamManager.id]: 'manager' },
      calendarId: calendar.id,
    }),
    201,
  );
  nps = await createSurvey(api, { template: 'nps_relationship' });
  csat = await createSurvey(api);
});
afterAll(() => server?.close());

describe('team tiers', () => {
  test('a team lists each member’s tier; tiers change through the teams API', async () => {
    expect(team.tiers).toEqual({ [agent.id]: 'agent', [teamManager.id]: 'manager' });
    const renamed = expectStatus(await api.patch<Team>(`/api/v1/teams/${team.id}`, { name: 'Support desk' }), 200);
    expect(renamed.tiers).toEqual(team.tiers);
    const promoted = expectStatus(
      await api.patch<Team>(`/api/v1/teams/${team.id}`, { memberTiers: { [agent.id]: 'senior' } }),
      200,
    );
    expect(promoted.tiers).toEqual({ [agent.id]: 'senior', [teamManager.id]: 'manager' });
    expectProblem(
      await api.patch(`/api/v1/teams/${team.id}`, { memberTiers: { [viewer.id]: 'senior' } }),
      400,
      `body.memberTiers.${viewer.id}`,
    );
    expectProblem(await api.patch(`/api/v1/teams/${team.id}`, { memberTiers: { [agent.id]: 'boss' } }), 400);
    team = expectStatus(
      await api.patch<Team>(`/api/v1/teams/${team.id}`, { memberTiers: { [agent.id]: 'agent' } }),
      200,
    );
  });
});

describe('settings and playbooks', () => {
  test('defaults until changed; bad input names the field', async () => {
    const defaults = expectStatus(await api.get<RecoverySettings>('/api/v1/recovery/settings'), 200);
    expect(defaults).toEqual({
      enabled: true,
      thresholds: { csatMax: 2, npsMax: 6, ces7Max: 3, ces5Min: 4 },
      firstContactSeconds: 14_400,
      calendarId: null,
      followUpSurveyId: null,
      updatedAt: null,
    });
    expectProblem(
      await api.put('/api/v1/recovery/settings', { firstContactSeconds: 10 }),
      400,
      'body.firstContactSeconds',
    );
    expectProblem(
      await api.put('/api/v1/recovery/settings', { thresholds: { csatMax: 9 } }),
      400,
      'body.thresholds.csatMax',
    );
    const other = await createTestWorkspace(server);
    const foreignCalendar = expectStatus(
      await other.api.post<Calendar>('/api/v1/calendars', {
        name: 'Theirs',
        timeZone: 'UTC',
        ranges: [{ weekday: 1, start: '09:00', end: '17:00' }],
      }),
      201,
    );
    expectProblem(
      await api.put('/api/v1/recovery/settings', { calendarId: foreignCalendar.id }),
      400,
      'body.calendarId',
    );
    expectProblem(await agent.session.put('/api/v1/recovery/settings', {}), 403);
    // A calendar of its own: deleting it sends the settings back to the conversation's calendar.
    const own = expectStatus(
      await api.post<Calendar>('/api/v1/calendars', {
        name: 'Recovery hours',
        timeZone: 'Asia/Tokyo',
        ranges: [{ weekday: 1, start: '09:00', end: '17:00' }],
      }),
      201,
    );
    const named = expectStatus(
      await api.put<RecoverySettings>('/api/v1/recovery/settings', { calendarId: own.id, firstContactSeconds: 7200 }),
      200,
    );
    expect(named).toMatchObject({ calendarId: own.id, firstContactSeconds: 7200, thresholds: defaults.thresholds });
    expect((await api.delete(`/api/v1/calendars/${own.id}`)).status).toBe(204);
    expect(expectStatus(await api.get<RecoverySettings>('/api/v1/recovery/settings'), 200).calendarId).toBeNull();
    // Saving the defaults keeps them (now stored).
    const saved = expectStatus(await api.put<RecoverySettings>('/api/v1/recovery/settings', {}), 200);
    expect(saved).toMatchObject({ ...defaults, updatedAt: expect.any(String) });
  });

  test('Japanese and English playbooks ship ready; a language can be edited and reset', async () => {
    const listed = expectStatus(await api.get<{ data: Playbook[] }>('/api/v1/recovery/playbooks'), 200).data;
    expect(listed.map((p) => [p.language, p.custom, p.steps.map((s) => s.key)])).toEqual([
      ['ja', false, ['contact', 'apologise', 'ask', 'agree_actions', 'follow_up', 'resurvey']],
      ['en', false, ['contact', 'apologise', 'ask', 'agree_actions', 'follow_up', 'resurvey']],
    ]);
    expect(listed[0]?.steps[0]?.label).toBe('お客様に連絡する');
    expect(listed[1]?.steps[2]?.label).toBe('Ask what went wrong');

    const path = '/api/v1/recovery/playbooks/fr';
    expectProblem(await api.put(path, { steps: [{ key: 'call', label: 'Appeler' }] }), 400, 'body.steps');
    expectProblem(
      await api.put(path, {
        steps: [
          { key: 'contact', label: 'Contacter' },
          { key: 'contact', label: 'Encore' },
        ],
      }),
      400,
      'body.steps.1.key',
    );
    expectProblem(await api.put(path, { steps: [{ key: 'Contact Now', label: 'x' }] }), 400, 'body.steps.0.key');
    expectProblem(await api.put('/api/v1/recovery/playbooks/french', { steps: [] }), 404);
    expectProblem(await agent.session.put(path, { steps: [{ key: 'contact', label: 'x' }] }), 403);
    const french = expectStatus(
      await api.put<Playbook>(path, {
        steps: [
          { key: 'contact', label: 'Contacter le client' },
          { key: 'apologise', label: 'S’excuser' },
        ],
      }),
      200,
    );
    expect(french).toMatchObject({ language: 'fr', custom: true });
    const again = expectStatus(await api.get<{ data: Playbook[] }>('/api/v1/recovery/playbooks'), 200).data;
    expect(again.map((p) => p.language)).toEqual(['ja', 'en', 'fr']);
    expect(expectStatus(await api.delete<Playbook>(path), 200)).toMatchObject({ language: 'fr', custom: false });
  });
});

describe('negative answers open cases', () => {
  let caseId: string;
  let contact: Contact;
  let conversation: Conversation;

  test('a detractor answer opens a case for the team’s support manager, with the playbook and a business-hours due time', async () => {
    ({ contact, conversation } = await customerWithConversation('en', { teamId: team.id, tags: ['billing'] }));
    const offered = await offerLink(server.app, server.workspaceId, nps.id, {
      contactId: contact.id,
      conversationId: conversation.id,
      teamId: team.id,
      channel: 'email',
    });
    expectStatus(await answer(server.url, offered.token, { score: 3 }), 200);
    // Friday 2026-04-03, 17:00 in Tokyo.
    await answeredAt('2026-04-03T08:00:00Z');
    await dispatch();

    const list = await cases();
    expect(list).toHaveLength(1);
    const opened = list[0] as RecoveryCase;
    caseId = opened.id;
    // Four business hours: Friday 17:00–18:00 (1 h), Monday the 6th is closed,
    // Tuesday 09:00–12:00 (3 h) → Tuesday 2026-04-07 12:00 JST = 03:00 UTC.
    expect(opened).toMatchObject({
      number: 1,
      status: 'new',
      source: 'nps',
      contactId: contact.id,
      conversationId: conversation.id,
      trigger: { kind: 'nps', score: 3, comment: null },
      ownerId: teamManager.id,
      owner: { id: teamManager.id, name: 'Team support manager' },
      teamId: team.id,
      channel: 'email',
      language: 'en',
      tags: ['billing'],
      dueAt: '2026-04-07T03:00:00.000Z',
      openedAt: '2026-04-03T08:00:00.000Z',
      overdue: true,
      firstContactAt: null,
      outcome: null,
      progress: { done: 0, total: 6 },
    });
    const full = await detail(caseId);
    expect(full.playbook.map((s) => s.label)).toEqual([
      'Contact the customer',
      'Apologise for the trouble',
      'Ask what went wrong',
      'Agree action items (each with an owner and a due date)',
      'Follow up once they are done',
      'Re-survey the customer',
    ]);
    expect(full.triggerResponse).toMatchObject({ surveyId: nps.id, kind: 'nps', score: 3 });
    expect(full.conversation).toMatchObject({ id: conversation.id, channel: 'email', escalationTier: 'agent' });
    expect(full.events.map((e) => e.type)).toEqual(['opened']);

    // The comment comes later: the same case takes it, no second case.
    expectStatus(await answer(server.url, offered.token, { comment: 'Charged twice' }), 200);
    await dispatch();
    expect(await cases()).toHaveLength(1);
    expect((await detail(caseId)).trigger).toEqual({ kind: 'nps', score: 3, comment: 'Charged twice' });

    // A second bad answer about the same conversation joins the open case.
    const second = await offerLink(server.app, server.workspaceId, csat.id, {
      contactId: contact.id,
      conversationId: conversation.id,
    });
    expectStatus(await answer(server.url, second.token, { score: 1, comment: 'Still wrong' }), 200);
    await dispatch();
    expect(await cases()).toHaveLength(1);
    const joined = await detail(caseId);
    expect(joined.events.map((e) => e.type)).toEqual(['opened', 'trigger_updated', 'joined']);
    expect(joined.events[2]?.data).toMatchObject({ kind: 'csat', score: 1, comment: 'Still wrong' });

    // Domain events for rules and webhooks.
    const emitted = await server.app.db.execute<{ type: string }>(
      sql`select type from domain_events where workspace_id = ${server.workspaceId} and subject_id = ${caseId} order by occurred_at, id`,
    );
    expect(emitted.rows.map((r) => r.type)).toEqual(['recovery.opened', 'recovery.updated', 'recovery.updated']);
  });

  test('a Japanese answer without a team goes to a workspace manager with the Japanese playbook; good answers open nothing', async () => {
    const { contact: ja, conversation: jaConversation } = await customerWithConversation('ja');
    const offered = await offerLink(server.app, server.workspaceId, csat.id, {
      contactId: ja.id,
      conversationId: jaConversation.id,
    });
    expectStatus(await answer(server.url, offered.token, { score: 2, comment: '対応が遅い', language: 'ja' }), 200);
    const happy = await customerWithConversation('ja');
    const good = await offerLink(server.app, server.workspaceId, csat.id, {
      contactId: happy.contact.id,
      conversationId: happy.conversation.id,
    });
    expectStatus(await answer(server.url, good.token, { score: 3 }), 200);
    await dispatch();
    const list = await cases();
    expect(list).toHaveLength(2);
    const jaCase = list.find((c) => c.contactId === ja.id) as RecoveryCase;
    expect(jaCase).toMatchObject({ number: 2, source: 'csat', ownerId: workspaceManager.id, language: 'ja' });
    expect((await detail(jaCase.id)).playbook[0]?.label).toBe('お客様に連絡する');
    // Without any calendar for it, the due time is four calendar hours after the answer.
    expect(Date.parse(jaCase.dueAt) - Date.parse(jaCase.openedAt)).toBe(4 * 3600 * 1000);
  });

  test('working a case: steps, board moves, action items, owner and causes', async () => {
    const step = (key: string, done: boolean, client: Client = agent.session) =>
      client.post<RecoveryCaseDetail>(`/api/v1/recovery/cases/${caseId}/steps/${key}`, { done });
    const contacted = expectStatus(await step('contact', true), 200);
    expect(contacted).toMatchObject({ status: 'contacted', overdue: false, firstContactAt: expect.any(String) });
    expect(contacted.playbook[0]).toMatchObject({ key: 'contact', doneBy: agent.id, doneAt: expect.any(String) });
    // Unchecking takes the first contact back; checking again records it again.
    expect(expectStatus(await step('contact', false), 200).firstContactAt).toBeNull();
    expectStatus(await step('contact', true), 200);
    expectStatus(await step('apologise', true), 200);
    expectProblem(await step('dance', true), 404);
    expectProblem(await step('contact', true, viewer.session), 403);
    expectProblem(await api.post(`/api/v1/recovery/cases/${caseId}/steps/contact`, { done: 'yes' }), 400, 'body.done');

    const items = `/api/v1/recovery/cases/${caseId}/action-items`;
    expectProblem(await api.post(items, { title: ' ' }), 400, 'body.title');
    expectProblem(await api.post(items, { title: 'Refund', dueOn: '2026-02-30' }), 400, 'body.dueOn');
    expectProblem(await api.post(items, { title: 'Refund', ownerId: crypto.randomUUID() }), 400, 'body.ownerId');
    const refund = expectStatus(
      await api.post<RecoveryActionItem>(items, {
        title: 'Refund the double charge',
        ownerId: agent.id,
        dueOn: '2026-04-10',
      }),
      201,
    );
    expect(refund).toMatchObject({
      title: 'Refund the double charge',
      ownerId: agent.id,
      ownerName: 'Team agent',
      dueOn: '2026-04-10',
      doneAt: null,
    });
    const extra = expectStatus(await api.post<RecoveryActionItem>(items, { title: 'Call back' }), 201);
    const done = expectStatus(
      await api.patch<RecoveryActionItem>(`/api/v1/recovery/action-items/${refund.id}`, { done: true }),
      200,
    );
    expect(done.doneAt).not.toBeNull();
    expect((await api.delete(`/api/v1/recovery/action-items/${extra.id}`)).status).toBe(204);
    expectProblem(await api.patch(`/api/v1/recovery/action-items/${extra.id}`, { done: true }), 404);

    const patched = expectStatus(
      await api.patch<RecoveryCaseDetail>(`/api/v1/recovery/cases/${caseId}`, {
        ownerId: agent.id,
        tags: ['billing', 'refund'],
      }),
      200,
    );
    // Adding an action item moved the case to "action".
    expect(patched).toMatchObject({ status: 'action', ownerId: agent.id, tags: ['billing', 'refund'] });
    expect(patched.actionItems.map((i) => [i.title, i.doneAt !== null])).toEqual([['Refund the double charge', true]]);
    expect(patched.progress).toEqual({ done: 2, total: 6 });
    expect(patched.events.map((e) => e.type)).toEqual([
      'opened',
      'trigger_updated',
      'joined',
      'step_checked',
      'status_changed',
      'step_unchecked',
      'step_checked',
      'step_checked',
      'action_item_added',
      'status_changed',
      'action_item_added',
      'action_item_updated',
      'action_item_removed',
      'owner_changed',
      'tags_changed',
    ]);
    expectProblem(await api.patch(`/api/v1/recovery/cases/${caseId}`, { status: 'closed' }), 400, 'body.outcome');
    expectProblem(await api.patch(`/api/v1/recovery/cases/${caseId}`, { outcome: 'recovered' }), 400, 'body.outcome');
    expectProblem(await api.patch(`/api/v1/recovery/cases/${caseId}`, { status: 'done' }), 400, 'body.status');
    expectProblem(
      await api.patch(`/api/v1/recovery/cases/${caseId}`, { ownerId: crypto.randomUUID() }),
      400,
      'body.ownerId',
    );
  });

  test('the follow-up answer sets the outcome: recovered when out of the negative band and better', async () => {
    const sent = expectStatus(
      await api.post<{ case: RecoveryCaseDetail; invitation: Invitation }>(
        `/api/v1/recovery/cases/${caseId}/follow-up`,
        {
          delivery: 'link',
        },
      ),
      200,
    );
    expect(sent.case).toMatchObject({ status: 'follow_up' });
    expect(sent.case.playbook.find((s) => s.key === 'resurvey')?.doneAt).not.toBeNull();
    expect(sent.case.followUp).toMatchObject({ invitationId: sent.invitation.id, surveyId: nps.id, delivery: 'link' });
    expect(sent.invitation).toMatchObject({
      surveyId: nps.id,
      contactId: contact.id,
      touchpoint: 'service_recovery',
      language: 'en',
    });
    const token = decodeURIComponent(new URL(sent.invitation.url ?? '').pathname.split('/').pop() ?? '');
    expectStatus(await answer(server.url, token, { score: 9, comment: 'Thanks for fixing it' }), 200);
    await dispatch();
    const closed = await detail(caseId);
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'recovered',
      outcomeScore: 9,
      closedAt: expect.any(String),
    });
    expect(closed.events.slice(-3).map((e) => e.type)).toEqual(['follow_up_answered', 'status_changed', 'closed']);
    expect(closed.events.at(-3)?.data).toMatchObject({ score: 9, outcome: 'recovered' });
    // The follow-up answer opened no case of its own.
    expect(await cases()).toHaveLength(2);
  });

  test('not recovered when the follow-up is still negative; closing by hand and reopening', async () => {
    const jaCase = (await cases()).find((c) => c.language === 'ja') as RecoveryCase;
    const sent = expectStatus(
      await api.post<{ invitation: Invitation }>(`/api/v1/recovery/cases/${jaCase.id}/follow-up`, { delivery: 'link' }),
      200,
    );
    const token = decodeURIComponent(new URL(sent.invitation.url ?? '').pathname.split('/').pop() ?? '');
    expectStatus(await answer(server.url, token, { score: 2 }), 200);
    await dispatch();
    expect(await detail(jaCase.id)).toMatchObject({ status: 'closed', outcome: 'not_recovered', outcomeScore: 2 });
    expectProblem(await api.post(`/api/v1/recovery/cases/${jaCase.id}/follow-up`, {}), 409);

    // Reopen by moving it on the board, then close as unreachable by hand.
    const reopened = expectStatus(
      await api.patch<RecoveryCaseDetail>(`/api/v1/recovery/cases/${jaCase.id}`, { status: 'contacted' }),
      200,
    );
    expect(reopened).toMatchObject({ status: 'contacted', outcome: null, closedAt: null });
    expectProblem(
      await api.post(`/api/v1/recovery/cases/${jaCase.id}/close`, { outcome: 'gone' }),
      400,
      'body.outcome',
    );
    const unreachable = expectStatus(
      await api.post<RecoveryCaseDetail>(`/api/v1/recovery/cases/${jaCase.id}/close`, {
        outcome: 'unreachable',
        note: 'No answer to three calls',
      }),
      200,
    );
    expect(unreachable).toMatchObject({ status: 'closed', outcome: 'unreachable' });
    expect(unreachable.events.at(-1)).toMatchObject({
      type: 'closed',
      data: { outcome: 'unreachable', note: 'No answer to three calls' },
    });
  });

  test('open by hand from a review; the same conversation joins; 4xx name the field', async () => {
    const review = await createConversation(api, {
      channel: 'review',
      customer: { email: uniqueEmail('reviewer') },
      subject: '★☆☆☆☆ Slow delivery',
      tags: ['delivery'],
    });
    const opened = await agent.session.post<RecoveryCaseDetail>('/api/v1/recovery/cases', {
      conversationId: review.id,
      reason: 'One-star review about a late delivery',
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      source: 'manual',
      channel: 'review',
      reason: 'One-star review about a late delivery',
      tags: ['delivery'],
      trigger: { kind: null, score: null, comment: null },
      ownerId: workspaceManager.id,
    });
    const again = await api.post<RecoveryCaseDetail>('/api/v1/recovery/cases', {
      conversationId: review.id,
      reason: 'They posted a second review',
      ownerId: agent.id,
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(opened.body.id);
    expect(again.body.events.map((e) => e.type)).toEqual(['opened', 'joined']);

    const other = await createTestWorkspace(server);
    const foreign = await createConversation(other.api);
    expectProblem(
      await api.post('/api/v1/recovery/cases', { conversationId: foreign.id, reason: 'x' }),
      400,
      'body.conversationId',
    );
    expectProblem(await api.post('/api/v1/recovery/cases', { reason: 'x' }), 400, 'body.conversationId');
    expectProblem(
      await api.post('/api/v1/recovery/cases', { conversationId: review.id, reason: '  ' }),
      400,
      'body.reason',
    );
    expectProblem(
      await api.post('/api/v1/recovery/cases', {
        conversationId: review.id,
        reason: 'x',
        ownerId: crypto.randomUUID(),
      }),
      400,
      'body.ownerId',
    );
    expectProblem(await viewer.session.post('/api/v1/recovery/cases', { conversationId: review.id, reason: 'x' }), 403);
    expectProblem(await other.api.get(`/api/v1/recovery/cases/${opened.body.id}`), 404);
    expectProblem(await api.get('/api/v1/recovery/cases?status=lost'), 400, 'query.status.0');
    expectProblem(await api.get('/api/v1/recovery/cases?from=2026-04-10&to=2026-04-01'), 400, 'query.to');
  });

  test('lists filter by status, owner, source, tag and overdue; the timeline shows every step', async () => {
    expect((await cases('?status=closed')).map((c) => c.number).sort()).toEqual([1, 2]);
    expect((await cases('?source=manual')).map((c) => c.number)).toEqual([3]);
    expect((await cases(`?owner=${agent.id}`)).map((c) => c.number)).toEqual([1]);
    expect((await cases('?tag=refund')).map((c) => c.number)).toEqual([1]);
    // Case 3 was opened now, due in four calendar hours: not overdue yet.
    expect((await cases('?status=new&overdue=true')).map((c) => c.number)).toEqual([]);
    // Case 1 was contacted after its due time.
    expect((await cases('?overdue=true')).map((c) => c.number)).toContain(1);
    expect((await cases('?period=opened&from=2026-04-03&to=2026-04-03')).map((c) => c.number)).toEqual([1]);

    const timeline = expectStatus(
      await api.get<{ data: TimelineItem[] }>(`/api/v1/contacts/${contact.id}/timeline?kinds=recovery`),
      200,
    ).data;
    expect(timeline.length).toBeGreaterThan(10);
    expect(timeline.every((item) => item.kind === 'recovery' && item.data.number === 1)).toBe(true);
    expect(timeline.at(-1)).toMatchObject({ data: { event: 'opened' } });
    expect(timeline[0]).toMatchObject({ data: { event: 'closed', outcome: 'recovered' } });
    // "Moved to closed" would only repeat the closed step.
    expect(timeline.some((item) => item.data.event === 'status_changed' && item.data.to === 'closed')).toBe(false);
  });

  test('the overdue job emits recovery.overdue once per case not contacted by its due time', async () => {
    const fresh = (await cases('?source=manual'))[0] as RecoveryCase;
    // The job sweeps every workspace; these checks read this workspace's events only.
    const overdueEvents = async () =>
      (
        await server.app.db.execute<{ subject_id: string }>(
          sql`select subject_id from domain_events where workspace_id = ${server.workspaceId} and type = 'recovery.overdue'`,
        )
      ).rows.map((r) => r.subject_id);
    await markOverdueCases(server.app.db, new Date(Date.parse(fresh.dueAt) - 1000));
    expect(await overdueEvents()).toEqual([]);
    expect(await markOverdueCases(server.app.db, new Date(Date.parse(fresh.dueAt) + 1000))).toBeGreaterThanOrEqual(1);
    await markOverdueCases(server.app.db, new Date(Date.parse(fresh.dueAt) + 120_000));
    // Case 1 was contacted and the others are closed: only the new one went overdue, once.
    expect(await overdueEvents()).toEqual([fresh.id]);
    expect((await detail(fresh.id)).events.map((e) => e.type)).toContain('overdue');
  });

  test('garbage on every recovery route with real ids is a 4xx, never a 5xx', async () => {
    const target = await createConversation(api, { channel: 'chat' });
    const caseId = expectStatus(
      await api.post<RecoveryCaseDetail>('/api/v1/recovery/cases', { conversationId: target.id, reason: 'Fuzz' }),
      201,
    ).id;
    const item = expectStatus(
      await api.post<RecoveryActionItem>(`/api/v1/recovery/cases/${caseId}/action-items`, { title: 'Fuzz target' }),
      201,
    );
    const nasty: unknown[] = [
      null,
      '',
      ' ',
      -1,
      1e308,
      'x'.repeat(10_001),
      '\u0000',
      '2026-13-45',
      '../../etc',
      ['a'],
      { a: 1 },
      true,
      '日本語',
      '%00',
      "'; drop table recovery_cases; --",
    ];
    const paths: [string, string, (v: unknown) => unknown][] = [
      ['POST', '/api/v1/recovery/cases', (v) => ({ conversationId: v, reason: v, ownerId: v })],
      ['PATCH', `/api/v1/recovery/cases/${caseId}`, (v) => ({ status: v, outcome: v, ownerId: v, tags: v })],
      ['POST', `/api/v1/recovery/cases/${caseId}/steps/contact`, (v) => ({ done: v })],
      ['POST', `/api/v1/recovery/cases/${caseId}/action-items`, (v) => ({ title: v, ownerId: v, dueOn: v })],
      ['PATCH', `/api/v1/recovery/action-items/${item.id}`, (v) => ({ title: v, done: v, dueOn: v })],
      ['POST', `/api/v1/recovery/cases/${caseId}/follow-up`, (v) => ({ surveyId: v, delivery: v })],
      ['POST', `/api/v1/recovery/cases/${caseId}/close`, (v) => ({ outcome: v, note: v })],
      ['PUT', '/api/v1/recovery/settings', (v) => ({ thresholds: v, firstContactSeconds: v, calendarId: v })],
      ['PUT', '/api/v1/recovery/playbooks/en', (v) => ({ steps: [{ key: v, label: v }] })],
      ['POST', `/api/v1/conversations/${target.id}/escalate`, (v) => ({ reason: v, tier: v, toUserId: v })],
    ];
    const failures: string[] = [];
    for (const [method, path, body] of paths) {
      for (const value of nasty) {
        const response = await api.request(method, path, { body: body(value) });
        if (response.status >= 500)
          failures.push(`${method} ${path} ${JSON.stringify(value)?.slice(0, 40)} → ${response.status}`);
      }
    }
    for (const value of nasty) {
      const query = encodeURIComponent(String(value));
      for (const key of [
        'status',
        'owner',
        'overdue',
        'from',
        'to',
        'period',
        'tag',
        'cursor',
        'limit',
        'source',
        'outcome',
      ]) {
        const response = await api.get(`/api/v1/recovery/cases?${key}=${query}`);
        if (response.status >= 500) failures.push(`GET cases ${key}=${query.slice(0, 40)} → ${response.status}`);
      }
      for (const path of [
        '/api/v1/metrics/recovery',
        '/api/v1/metrics/escalations',
        '/api/v1/metrics/escalations/conversations',
      ]) {
        const response = await api.get(`${path}?from=${query}&to=2026-04-01&by=${query}&key=${query}`);
        if (response.status >= 500) failures.push(`GET ${path} ${query.slice(0, 40)} → ${response.status}`);
      }
      const step = await api.post(`/api/v1/recovery/cases/${caseId}/steps/${encodeURIComponent(String(value))}`, {
        done: true,
      });
      if (step.status >= 500) failures.push(`POST step ${String(value).slice(0, 40)} → ${step.status}`);
    }
    expect(failures).toEqual([]);
  });
});
