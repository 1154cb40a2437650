import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addMember,
  addMessage,
  createContact,
  createConversation,
  createTeam,
  createTestWorkspace,
  expectStatus,
  getConversation,
  type TestMember,
  type TestWorkspace,
} from '../../../test/support/factories.ts';
import { startTestServer, type TestServer } from '../../../test/support/server.ts';
import { createTriggerSurvey } from '../../../test/support/surveys.ts';
import type { Conversation, Message } from '../../shared/contracts/conversations.ts';
import type { Invitation } from '../../shared/contracts/surveys.ts';
import { runAfterResolutionSurveys, SETTLE_MS } from './survey-after-resolution.ts';

let server: TestServer;
let ws: TestWorkspace;
let agentA: TestMember;
let agentB: TestMember;
beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  agentA = await addMember(server, ws.api, 'agent', 'Agent A');
  agentB = await addMember(server, ws.api, 'agent', 'Agent B');
  // Throttling is tested on its own; here every resolution may be surveyed.
  expectStatus(
    await ws.api.put('/api/v1/settings/survey-throttling', { minGapDays: 0, maxPerPeriod: 100, periodDays: 30 }),
    200,
  );
});
afterAll(() => server?.close());

const MINUTE = 60_000;
/** Runs the trigger for this workspace as if it were `ms` after `from`. */
const runAt = (from: string | null, ms: number) =>
  runAfterResolutionSurveys(server.app, new Date(Date.parse(from ?? '') + ms), { workspaceId: ws.workspaceId });

const invitationsOf = async (conversationId: string) =>
  expectStatus(
    await ws.api.get<{ data: Invitation[] }>(`/api/v1/conversations/${conversationId}/survey-invitations`),
    200,
  ).data;
const messagesOf = async (conversationId: string) =>
  expectStatus(await ws.api.get<{ data: Message[] }>(`/api/v1/conversations/${conversationId}/messages`), 200).data;

/** A conversation the given agent answers and resolves (as themselves), now. */
async function resolvedBy(agent: TestMember, input: Record<string, unknown> = {}): Promise<Conversation> {
  const contact = await createContact(ws.api, { locale: 'en' });
  const conversation = await createConversation(ws.api, {
    channel: 'chat',
    customer: { contactId: contact.id },
    assigneeId: agent.id,
    message: { body: 'Help please' },
    ...input,
  });
  await addMessage(agent.session, conversation.id, { kind: 'reply', body: 'Done!', status: 'resolved' });
  return getConversation(ws.api, conversation.id);
}

describe('surveys after a resolution', () => {
  test('a resolved chat gets the survey in the thread, with the snapshot of who did the work', async () => {
    const team = await createTeam(ws.api, { memberIds: [agentA.id] });
    const survey = await createTriggerSurvey(ws.api, { channels: ['chat'] });
    const conversation = await resolvedBy(agentA, { teamId: team.id });
    // Reassigned after the work was done: the survey still belongs to who did it.
    expectStatus(await ws.api.patch(`/api/v1/conversations/${conversation.id}`, { assigneeId: agentB.id }), 200);

    await runAt(conversation.resolvedAt, SETTLE_MS + 1000);
    const [invitation, ...more] = await invitationsOf(conversation.id);
    expect(more).toEqual([]);
    expect(invitation).toMatchObject({
      surveyId: survey.id,
      version: 1,
      contactId: conversation.contactId,
      conversationId: conversation.id,
      cycle: 1,
      delivery: 'chat',
      status: 'sent',
      language: 'en',
      agentId: agentA.id,
      teamId: team.id,
      channel: 'chat',
      touchpoint: 'support_resolution',
      scheduledAt: conversation.resolvedAt,
    });
    // The thread shows the link as a bot message; the conversation stays resolved.
    const bot = (await messagesOf(conversation.id)).filter((m) => m.kind === 'bot');
    expect(bot).toHaveLength(1);
    expect(bot[0]?.body).toContain(invitation?.url);
    expect((await getConversation(ws.api, conversation.id)).status).toBe('resolved');
    // The link opens the survey in the customer's language.
    const token = new URL(invitation?.url ?? '').pathname.split('/').pop() ?? '';
    const opened = await ws.api.get<{ language: string }>(`/api/v1/public/surveys/${token}`);
    expect(opened.status).toBe(200);
    expect(opened.body.language).toBe('en');
  });

  test('email conversations get an email; phone, social, review and API conversations a link, no bot message', async () => {
    const survey = await createTriggerSurvey(ws.api, { channels: ['email', 'phone'] });
    const email = await resolvedBy(agentA, { channel: 'email' });
    const phone = await resolvedBy(agentA, { channel: 'phone' });
    await runAt(phone.resolvedAt, SETTLE_MS + 1000);

    const [byEmail] = await invitationsOf(email.id);
    expect(byEmail).toMatchObject({ surveyId: survey.id, delivery: 'email', status: 'sent', channel: 'email' });
    expect(byEmail?.email).toMatch(/@example\.test$/);
    expect(byEmail?.url).toBeUndefined();
    const { rows } = await server.app.database.pool.query(
      `select "to", purpose, status from email_messages where workspace_id = $1 and ref_id = $2`,
      [ws.workspaceId, byEmail?.id],
    );
    expect(rows).toEqual([{ to: byEmail?.email, purpose: 'survey_invitation', status: 'captured' }]);

    const [byLink] = await invitationsOf(phone.id);
    expect(byLink).toMatchObject({ delivery: 'link', status: 'sent', channel: 'phone' });
    expect(byLink?.url).toMatch(/\/s\//);
    for (const conversation of [email, phone]) {
      expect((await messagesOf(conversation.id)).filter((m) => m.kind === 'bot')).toEqual([]);
    }
  });

  test('conditions: channel, team, tag and priority must all hold (empty = any)', async () => {
    const team = await createTeam(ws.api, { memberIds: [agentA.id] });
    const otherTeam = await createTeam(ws.api);
    const survey = await createTriggerSurvey(ws.api, {
      channels: ['in_app'],
      teamIds: [team.id],
      tags: ['vip', 'enterprise'],
      priorities: ['high', 'urgent'],
    });
    const match = { channel: 'in_app', teamId: team.id, tags: ['enterprise'], priority: 'high' };
    const matching = await resolvedBy(agentA, match);
    const misses = [
      await resolvedBy(agentA, { ...match, channel: 'chat' }),
      await resolvedBy(agentA, { ...match, teamId: otherTeam.id }),
      await resolvedBy(agentA, { ...match, teamId: undefined }),
      await resolvedBy(agentA, { ...match, tags: ['other'] }),
      await resolvedBy(agentA, { ...match, priority: 'normal' }),
    ];
    await runAt(misses.at(-1)?.resolvedAt ?? null, SETTLE_MS + 1000);
    const mine = (list: Invitation[]) => list.filter((i) => i.surveyId === survey.id);
    expect(mine(await invitationsOf(matching.id))).toMatchObject([{ delivery: 'in_app', status: 'sent' }]);
    for (const miss of misses) expect(mine(await invitationsOf(miss.id))).toEqual([]);
  });

  test('at most once per care cycle; a reopened and resolved again conversation gets one for cycle 2', async () => {
    const survey = await createTriggerSurvey(ws.api, { channels: ['review'] }, { settings: undefined });
    expectStatus(
      await ws.api.patch(`/api/v1/surveys/${survey.id}`, { settings: { ...survey.settings, recontactDays: 0 } }),
      200,
    );
    const conversation = await resolvedBy(agentA, { channel: 'review' });
    await runAt(conversation.resolvedAt, SETTLE_MS + 1000);
    await runAt(conversation.resolvedAt, SETTLE_MS + 2000);
    await runAt(conversation.resolvedAt, 10 * MINUTE);
    expect((await invitationsOf(conversation.id)).map((i) => i.cycle)).toEqual([1]);

    // The customer writes again (cycle 2), the agent resolves it again.
    await addMessage(ws.api, conversation.id, { kind: 'customer', body: 'One more thing' });
    await addMessage(agentB.session, conversation.id, { kind: 'reply', body: 'Sorted', status: 'resolved' });
    const again = await getConversation(ws.api, conversation.id);
    expect(again.cycle).toBe(2);
    await runAt(again.resolvedAt, SETTLE_MS + 1000);
    await runAt(again.resolvedAt, SETTLE_MS + 5000);
    const invitations = await invitationsOf(conversation.id);
    expect(invitations.map((i) => [i.cycle, i.agentId])).toEqual([
      [2, agentB.id],
      [1, agentA.id],
    ]);
  });

  test('the delay is respected, and a conversation reopened meanwhile is not surveyed for that cycle', async () => {
    const survey = await createTriggerSurvey(ws.api, { channels: ['social'], delayMinutes: 30 });
    const conversation = await resolvedBy(agentA, { channel: 'social' });
    const reopened = await resolvedBy(agentA, { channel: 'social' });

    await runAt(conversation.resolvedAt, 29 * MINUTE);
    expect(await invitationsOf(conversation.id)).toEqual([]);

    await addMessage(ws.api, reopened.id, { kind: 'customer', body: 'Actually, it is still broken' });
    await runAt(conversation.resolvedAt, 30 * MINUTE + 1000);
    const [invitation] = await invitationsOf(conversation.id);
    expect(invitation).toMatchObject({ surveyId: survey.id, cycle: 1, status: 'sent' });
    expect(Date.parse(invitation?.scheduledAt ?? '')).toBe(Date.parse(conversation.resolvedAt ?? '') + 30 * MINUTE);
    // Reopened before the survey was due: the care went on, so cycle 1 gets no survey.
    await runAt(reopened.resolvedAt, 60 * MINUTE);
    expect(await invitationsOf(reopened.id)).toEqual([]);
  });

  test('over-surveying rules still apply: a second resolution within the recontact period is recorded as skipped', async () => {
    const survey = await createTriggerSurvey(ws.api, { channels: ['api'] });
    const contact = await createContact(ws.api, { locale: 'ja' });
    const first = await resolvedBy(agentA, { channel: 'api', customer: { contactId: contact.id } });
    const second = await resolvedBy(agentA, { channel: 'api', customer: { contactId: contact.id } });
    await runAt(second.resolvedAt, SETTLE_MS + 1000);
    expect(await invitationsOf(first.id)).toMatchObject([{ surveyId: survey.id, status: 'sent', language: 'ja' }]);
    expect(await invitationsOf(second.id)).toMatchObject([{ status: 'skipped', error: 'recontact_period' }]);
    expect((await invitationsOf(second.id))[0]?.url).toBeUndefined();
  });

  test('history recorded before the survey existed, and drafts, get nothing; the cursor keeps its place', async () => {
    const old = await resolvedBy(agentA, { channel: 'phone' });
    const draft = await createTriggerSurvey(ws.api, { channels: ['phone'] }, { status: 'draft' });
    const survey = await createTriggerSurvey(ws.api, { channels: ['phone'] });
    await runAt(old.resolvedAt, SETTLE_MS + 1000);
    const ids = (await invitationsOf(old.id)).map((i) => i.surveyId);
    expect(ids).not.toContain(survey.id);
    expect(ids).not.toContain(draft.id);

    const fresh = await resolvedBy(agentA, { channel: 'phone' });
    await runAt(fresh.resolvedAt, SETTLE_MS + 1000);
    expect((await invitationsOf(fresh.id)).map((i) => i.surveyId)).toContain(survey.id);
    const { rows } = await server.app.database.pool.query<{ consumer: string }>(
      'select consumer from event_cursors where workspace_id = $1 and consumer = $2',
      [ws.workspaceId, `survey-after-resolution:${survey.id}`],
    );
    expect(rows).toHaveLength(1);
  });

  test('a resolve committed late, inside the settle window, is not stepped over', async () => {
    const survey = await createTriggerSurvey(ws.api, { channels: ['phone'] }, { name: 'settle' });
    await server.app.database.pool.query(
      `update surveys set created_at = now() - interval '1 hour' where workspace_id = $1 and id = $2`,
      [ws.workspaceId, survey.id],
    );
    const resolvedAgo = async (ms: number) => {
      const conversation = await createConversation(ws.api, {
        channel: 'phone',
        createdAt: new Date(Date.now() - 10 * MINUTE).toISOString(),
        message: { body: 'Call me' },
      });
      await addMessage(ws.api, conversation.id, {
        kind: 'reply',
        body: 'Called',
        status: 'resolved',
        createdAt: new Date(Date.now() - ms).toISOString(),
      });
      return conversation.id;
    };
    const mine = async (id: string) => (await invitationsOf(id)).filter((i) => i.surveyId === survey.id);
    const early = await resolvedAgo(5 * MINUTE);
    const now = Date.now();
    await runAfterResolutionSurveys(server.app, new Date(now), { workspaceId: ws.workspaceId });
    expect(await mine(early)).toHaveLength(1);
    // Stamped 30 s ago but committed only now (a slow transaction): still ahead of the cursor.
    const late = await resolvedAgo(30_000);
    await runAfterResolutionSurveys(server.app, new Date(now), { workspaceId: ws.workspaceId });
    expect(await mine(late)).toEqual([]);
    await runAfterResolutionSurveys(server.app, new Date(now + SETTLE_MS), { workspaceId: ws.workspaceId });
    expect(await mine(late)).toHaveLength(1);
  });
});
