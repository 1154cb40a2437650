import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { recoveryCases } from '../../src/server/db/schema/index.ts';
import { newId } from '../../src/server/lib/id.ts';
import { dispatchPendingEvents } from '../../src/server/modules/events/dispatch.ts';
import { emitEvents, type NewDomainEvent } from '../../src/server/modules/events/emit.ts';
import { eventHandlers } from '../../src/server/modules/events/handlers.ts';
import { sendDailyDigests } from '../../src/server/modules/notifications/digest.ts';
import { notifyUsers } from '../../src/server/modules/notifications/service.ts';
import type { Page } from '../../src/shared/contracts/common.ts';
import type { Conversation } from '../../src/shared/contracts/conversations.ts';
import type { OutboxEmail, OutboxEmailDetail } from '../../src/shared/contracts/email.ts';
import type { Notification, NotificationPreferences } from '../../src/shared/contracts/notifications.ts';
import type { Team } from '../../src/shared/contracts/workspaces.ts';
import {
  addMember,
  addMessage,
  createConversation,
  createTeam,
  expectStatus,
  loginSession,
  serverWorkspace,
  type TestMember,
} from '../support/factories.ts';
import type { Client } from '../support/http.ts';
import { expectProblem } from '../support/problems.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let api: Client;
/** Two agents (one with a Japanese name), a senior and the team's support manager, with names a note can mention. */
let billing: TestMember;
let desk: TestMember;
let senior: TestMember;
let manager: TestMember;
let team: Team;

beforeAll(async () => {
  server = await startTestServer();
  api = serverWorkspace(server).api;
  billing = await addMember(server, api, 'agent', '請求 担当');
  desk = await addMember(server, api, 'agent', 'Billing Desk');
  senior = await addMember(server, api, 'agent', 'Senior Agent');
  manager = await addMember(server, api, 'manager', 'Support Manager');
  expectStatus(await desk.session.patch('/api/v1/me', { locale: 'en' }), 200);
  team = await createTeam(api, {
    name: 'Tier 1',
    memberIds: [billing.id, desk.id, senior.id, manager.id],
    memberTiers: { [senior.id]: 'senior', [manager.id]: 'manager' },
  });
});
afterAll(() => server?.close());

const dispatch = () => dispatchPendingEvents(server.app, eventHandlers, { workspaceId: server.workspaceId });

async function notificationsOf(member: TestMember, query = ''): Promise<Notification[]> {
  return expectStatus(await member.session.get<Page<Notification>>(`/api/v1/notifications${query}`), 200).data;
}

/** Unread notifications of one type (creating a conversation assigned to someone notifies them too). */
async function unreadOf(member: TestMember, type: Notification['type']): Promise<Notification[]> {
  return (await notificationsOf(member, '?unread=true')).filter((n) => n.type === type);
}

async function emit(event: Omit<NewDomainEvent, 'at'>) {
  await server.app.db.transaction((tx) => emitEvents(tx, server.workspaceId, [{ ...event, at: new Date() }]));
}

async function clearAll() {
  for (const member of [billing, desk, senior, manager]) {
    expectStatus(await member.session.post('/api/v1/notifications/read-all'), 200);
  }
}

describe('notifications from events', () => {
  afterEach(clearAll);

  test('assigned: the new assignee hears of it, not when they took it themselves', async () => {
    const conversation = await createConversation(api, { subject: '返金について', assigneeId: billing.id });
    // The owner (a person) hands it to the desk; the desk then takes another one itself.
    const ownerSession = await loginSession(server.url, server.owner.email, server.owner.password);
    expectStatus(await ownerSession.patch(`/api/v1/conversations/${conversation.id}`, { assigneeId: desk.id }), 200);
    const other = await createConversation(api, { subject: 'Self-assigned' });
    expectStatus(await desk.session.patch(`/api/v1/conversations/${other.id}`, { assigneeId: desk.id }), 200);
    await dispatch();

    const [forBilling] = await notificationsOf(billing);
    expect(forBilling).toMatchObject({
      type: 'assigned',
      readAt: null,
      data: { conversationId: conversation.id, subject: '返金について' },
    });
    // Created through an API key: nobody to name.
    expect(forBilling?.data.actorName).toBeUndefined();
    const forDesk = await notificationsOf(desk);
    expect(forDesk.map((n) => [n.type, n.data.conversationId, n.data.actorName])).toEqual([
      ['assigned', conversation.id, 'Owner Tester'],
    ]);
    // A second dispatch adds nothing: one notification per event and person.
    await dispatch();
    expect(await notificationsOf(desk)).toHaveLength(1);
  });

  test('mentioned: members named with @ in a note, never the author', async () => {
    const conversation = await createConversation(api, { subject: 'Invoice' });
    await addMessage(api, conversation.id, {
      kind: 'note',
      authorId: manager.id,
      body: `@請求担当さん と @${desk.email.toUpperCase()}, please check. @SupportManager (me) and mail to someone@example.com`,
    });
    await addMessage(api, conversation.id, { kind: 'note', authorId: manager.id, body: 'No mention here' });
    await dispatch();
    const [forBilling] = await notificationsOf(billing, '?unread=true');
    expect(forBilling).toMatchObject({
      type: 'mentioned',
      data: { conversationId: conversation.id, subject: 'Invoice', actorName: 'Support Manager' },
    });
    expect(forBilling?.data.excerpt).toMatch(/^@請求担当さん と @/);
    expect((await notificationsOf(desk, '?unread=true')).map((n) => n.type)).toEqual(['mentioned']);
    expect(await notificationsOf(manager, '?unread=true')).toEqual([]);
    expect(await notificationsOf(senior, '?unread=true')).toEqual([]);
  });

  test('escalated: the person named, or the team members of the tier reached', async () => {
    const conversation = await createConversation(api, { subject: 'Outage', assigneeId: billing.id });
    await emit({
      type: 'conversation.escalated',
      conversationId: conversation.id,
      data: { toTeamId: team.id, toTier: 'manager', reason: 'Angry VIP' },
      actor: { type: 'user', id: billing.id },
    });
    await emit({
      type: 'conversation.escalated',
      conversationId: conversation.id,
      data: { toUserId: senior.id, toTier: 'senior', reason: 'Needs a senior' },
      actor: { type: 'user', id: billing.id },
    });
    await dispatch();
    expect((await notificationsOf(manager, '?unread=true')).map((n) => n.data)).toEqual([
      {
        conversationId: conversation.id,
        subject: 'Outage',
        contactName: expect.any(String),
        actorName: '請求 担当',
        tier: 'manager',
        teamName: 'Tier 1',
        reason: 'Angry VIP',
      },
    ]);
    expect((await notificationsOf(senior, '?unread=true')).map((n) => [n.type, n.data.tier, n.data.reason])).toEqual([
      ['escalated', 'senior', 'Needs a senior'],
    ]);
    expect(await unreadOf(billing, 'escalated')).toEqual([]);
    expect(await unreadOf(desk, 'escalated')).toEqual([]);
  });

  test('SLA warning and breach: the assignee, else the team’s manager', async () => {
    const assigned = await createConversation(api, { subject: 'Assigned', assigneeId: desk.id, teamId: team.id });
    const unassigned = await createConversation(api, { subject: 'Nobody yet', teamId: team.id });
    const dueAt = '2026-06-01T09:00:00.000Z';
    await emit({ type: 'sla.warning', conversationId: assigned.id, data: { kind: 'first_response', dueAt } });
    await emit({ type: 'sla.breached', conversationId: unassigned.id, data: { kind: 'resolution', dueAt } });
    await dispatch();
    expect((await unreadOf(desk, 'sla_warning')).map((n) => [n.type, n.data.target, n.data.dueAt])).toEqual([
      ['sla_warning', 'first_response', dueAt],
    ]);
    expect((await unreadOf(manager, 'sla_breached')).map((n) => [n.type, n.data.subject, n.data.target])).toEqual([
      ['sla_breached', 'Nobody yet', 'resolution'],
    ]);
    expect(await unreadOf(manager, 'sla_warning')).toEqual([]);
    expect(await unreadOf(desk, 'sla_breached')).toEqual([]);
    expect(await notificationsOf(billing, '?unread=true')).toEqual([]);
  });

  test('recovery case opened or overdue: its owner (type recovery_due)', async () => {
    const conversation = await createConversation(api, { subject: 'Bad experience' });
    const caseId = newId();
    const dueAt = new Date('2026-06-02T01:00:00.000Z');
    await server.app.db.insert(recoveryCases).values({
      workspaceId: server.workspaceId,
      id: caseId,
      number: 7,
      contactId: conversation.contactId,
      conversationId: conversation.id,
      source: 'csat',
      status: 'new',
      ownerId: manager.id,
      teamId: team.id,
      language: 'ja',
      playbook: [],
      dueAt,
      openedAt: new Date(),
      updatedAt: new Date(),
    });
    await emit({ type: 'recovery.opened', conversationId: conversation.id, subjectId: caseId, data: { caseId } });
    await emit({ type: 'recovery.overdue', conversationId: conversation.id, subjectId: caseId, data: { caseId } });
    await dispatch();
    const forManager = await notificationsOf(manager, '?unread=true');
    expect(forManager.map((n) => [n.type, n.data.recovery, n.data.caseNumber, n.data.caseId, n.data.dueAt])).toEqual([
      ['recovery_due', 'overdue', 7, caseId, dueAt.toISOString()],
      ['recovery_due', 'opened', 7, caseId, dueAt.toISOString()],
    ]);
    expect(forManager[0]?.data.conversationId).toBe(conversation.id);
  });

  test('notifyUsers (the automation "notify" action) writes once per event and only to members', async () => {
    const conversation = await createConversation(api, { subject: 'Rule says hi' });
    const eventId = newId();
    const input = {
      userIds: [billing.id, billing.id, '018f0000-0000-7000-8000-000000000000'],
      type: 'automation' as const,
      data: { conversationId: conversation.id, subject: 'Rule says hi', message: 'VIP waiting', ruleName: 'VIP' },
      eventId,
    };
    const first = await server.app.db.transaction((tx) => notifyUsers(tx, server.workspaceId, input));
    const again = await server.app.db.transaction((tx) => notifyUsers(tx, server.workspaceId, input));
    expect(first).toEqual([billing.id]);
    expect(again).toEqual([]);
    expect((await notificationsOf(billing, '?unread=true')).map((n) => [n.type, n.data.message])).toEqual([
      ['automation', 'VIP waiting'],
    ]);
  });
});

describe('notifications API', () => {
  test('own notifications only, unread filter, pages, counts, read and read-all', async () => {
    const conversations: Conversation[] = [];
    for (const subject of ['One', 'Two', 'Three']) {
      conversations.push(await createConversation(api, { subject, assigneeId: billing.id }));
    }
    await dispatch();
    const count = async (member: TestMember) =>
      expectStatus(await member.session.get<{ count: number }>('/api/v1/notifications/unread-count'), 200).count;
    expect(await count(billing)).toBe(3);
    expect(await count(desk)).toBe(0);

    const firstPage = expectStatus(
      await billing.session.get<Page<Notification>>('/api/v1/notifications?unread=true&limit=2'),
      200,
    );
    expect(firstPage.data.map((n) => n.data.subject)).toEqual(['Three', 'Two']);
    const secondPage = expectStatus(
      await billing.session.get<Page<Notification>>(
        `/api/v1/notifications?unread=true&limit=2&cursor=${encodeURIComponent(firstPage.nextCursor ?? '')}`,
      ),
      200,
    );
    expect(secondPage).toMatchObject({ nextCursor: null, data: [{ data: { subject: 'One' } }] });

    const target = firstPage.data[0] as Notification;
    // Someone else's notification is not found, for them as for an API key.
    expectProblem(await desk.session.post(`/api/v1/notifications/${target.id}/read`), 404);
    expectProblem(await api.post(`/api/v1/notifications/${target.id}/read`), 404);
    expectProblem(await api.get('/api/v1/notifications'), 403);
    const read = expectStatus(await billing.session.post<Notification>(`/api/v1/notifications/${target.id}/read`), 200);
    expect(read.readAt).not.toBeNull();
    const again = expectStatus(
      await billing.session.post<Notification>(`/api/v1/notifications/${target.id}/read`),
      200,
    );
    expect(again.readAt).toBe(read.readAt);
    expect(await count(billing)).toBe(2);
    expect((await notificationsOf(billing, '?unread=true')).map((n) => n.data.subject)).toEqual(['Two', 'One']);
    // Without the filter the read one is still listed.
    expect((await notificationsOf(billing)).slice(0, 3).map((n) => n.data.subject)).toEqual(['Three', 'Two', 'One']);

    expect(expectStatus(await billing.session.post('/api/v1/notifications/read-all'), 200)).toEqual({ updated: 2 });
    expect(await count(billing)).toBe(0);
    expectProblem(await billing.session.get('/api/v1/notifications?unread=maybe'), 400, 'query.unread');
    expectProblem(await billing.session.get('/api/v1/notifications?limit=0'), 400, 'query.limit');
  });

  test('preferences: the digest is off at 9:00 until turned on; bad hours are refused', async () => {
    const preferences = (member: TestMember) =>
      member.session.get<NotificationPreferences>('/api/v1/notifications/preferences');
    expect(expectStatus(await preferences(billing), 200)).toEqual({
      dailyDigest: false,
      digestHour: 9,
      timeZone: 'Asia/Tokyo',
      lastDigestAt: null,
    });
    const saved = expectStatus(
      await billing.session.put<NotificationPreferences>('/api/v1/notifications/preferences', { dailyDigest: true }),
      200,
    );
    expect(saved).toMatchObject({ dailyDigest: true, digestHour: 9 });
    expectProblem(
      await billing.session.put('/api/v1/notifications/preferences', { digestHour: 24 }),
      400,
      'body.digestHour',
    );
    expectProblem(
      await billing.session.put('/api/v1/notifications/preferences', { dailyDigest: 'yes' }),
      400,
      'body.dailyDigest',
    );
    expect(expectStatus(await preferences(billing), 200)).toMatchObject({ dailyDigest: true, digestHour: 9 });
    // The desk's are its own.
    expect(expectStatus(await preferences(desk), 200)).toMatchObject({ dailyDigest: false });
    expectProblem(await api.get('/api/v1/notifications/preferences'), 403);
  });
});

describe('daily digest', () => {
  test('one email at the chosen local hour listing the unread notifications, in the member’s language', async () => {
    await clearAll();
    expectStatus(
      await billing.session.put('/api/v1/notifications/preferences', { dailyDigest: true, digestHour: 9 }),
      200,
    );
    expectStatus(
      await desk.session.put('/api/v1/notifications/preferences', { dailyDigest: true, digestHour: 18 }),
      200,
    );
    const refund = await createConversation(api, { subject: 'Refund please', assigneeId: billing.id });
    const invoice = await createConversation(api, { subject: 'Invoice copy', assigneeId: billing.id });
    const delivery = await createConversation(api, { subject: 'Late delivery', assigneeId: desk.id });
    await dispatch();

    const outbox = async () =>
      expectStatus(await api.get<Page<OutboxEmail>>('/api/v1/outbox?limit=200'), 200).data.filter(
        (e) => e.purpose === 'notification_digest',
      );
    const run = (iso: string) => sendDailyDigests(server.app, new Date(iso), { workspaceId: server.workspaceId });

    // 08:30 in Tokyo: nobody's hour.
    expect(await run('2026-06-01T23:30:00.000Z')).toBe(0);
    // 09:10 in Tokyo (00:10 UTC): the billing agent's hour.
    expect(await run('2026-06-02T00:10:00.000Z')).toBe(1);
    const [email] = await outbox();
    expect(email).toMatchObject({
      to: billing.email,
      status: 'captured',
      subject: '【Test workspace】未読の通知 2 件',
    });
    const detail = expectStatus(await api.get<OutboxEmailDetail>(`/api/v1/outbox/${email?.id}`), 200);
    expect(detail.text).toContain('Koe に未読の通知が 2 件あります。');
    expect(detail.text).toContain('「Refund please」があなたに割り当てられました');
    expect(detail.text).toContain('「Invoice copy」があなたに割り当てられました');
    expect(detail.text).toContain(`${server.url}/inbox/${refund.id}`);
    expect(detail.text).toContain(`${server.url}/inbox/${invoice.id}`);
    expect(detail.text).not.toContain('Late delivery');
    expect(detail.html).toContain(`href="${server.url}/inbox/${invoice.id}"`);

    // Again in the same hour or the next: nothing (at most one digest in 20 hours).
    expect(await run('2026-06-02T00:40:00.000Z')).toBe(0);
    expect(await run('2026-06-02T01:10:00.000Z')).toBe(0);
    // 18:05 in Tokyo: the desk's, in English.
    expect(await run('2026-06-02T09:05:00.000Z')).toBe(1);
    const deskEmail = (await outbox()).find((e) => e.to === desk.email);
    expect(deskEmail?.subject).toBe('[Test workspace] 1 unread notification');
    const deskDetail = expectStatus(await api.get<OutboxEmailDetail>(`/api/v1/outbox/${deskEmail?.id}`), 200);
    expect(deskDetail.text).toContain('You have 1 unread notification in Koe.');
    expect(deskDetail.text).toContain('“Late delivery” was assigned to you');
    expect(deskDetail.text).toContain(delivery.id);

    // The next day: only what is new and still unread; read ones are left out.
    const next = await createConversation(api, { subject: 'Next day', assigneeId: billing.id });
    const read = await createConversation(api, { subject: 'Already read', assigneeId: billing.id });
    await dispatch();
    const readOne = (await notificationsOf(billing, '?unread=true')).find((n) => n.data.conversationId === read.id);
    await billing.session.post(`/api/v1/notifications/${readOne?.id}/read`);
    expect(await run('2026-06-03T00:10:00.000Z')).toBe(1);
    const latest = (await outbox()).filter((e) => e.to === billing.email)[0];
    const latestDetail = expectStatus(await api.get<OutboxEmailDetail>(`/api/v1/outbox/${latest?.id}`), 200);
    expect(latest?.subject).toBe('【Test workspace】未読の通知 1 件');
    expect(latestDetail.text).toContain(next.id);
    expect(latestDetail.text).not.toContain('Refund please');
    expect(latestDetail.text).not.toContain('Already read');
    // Nothing unread and new the day after: no email.
    expect(await run('2026-06-04T00:10:00.000Z')).toBe(0);
    expect(
      expectStatus(await billing.session.get<NotificationPreferences>('/api/v1/notifications/preferences'), 200)
        .lastDigestAt,
    ).toBe('2026-06-03T00:10:00.000Z');
  });
});
