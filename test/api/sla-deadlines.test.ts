import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { updateConversation } from '../../src/server/modules/conversations/service.ts';
import { dispatchPendingEvents } from '../../src/server/modules/events/dispatch.ts';
import { eventHandlers } from '../../src/server/modules/events/handlers.ts';
import { runSlaCheck } from '../../src/server/modules/sla/check.ts';
import type { Calendar } from '../../src/shared/contracts/calendars.ts';
import type { ConversationEvent } from '../../src/shared/contracts/conversations.ts';
import type { SlaPolicy } from '../../src/shared/contracts/sla.ts';
import {
  addMessage,
  createConversation,
  createTestWorkspace,
  expectStatus,
  getConversation,
  type TestWorkspace,
} from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { clock, createPolicy, jst, slaEventsOf, targetsOf, tokyoWeekdays } from '../support/sla.ts';

const HOUR = 3600;
let server: TestServer;
let ws: TestWorkspace;
let calendar: Calendar;
let standard: SlaPolicy;
beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  calendar = await tokyoWeekdays(ws.api);
  // Mon–Fri 09:00–18:00 Tokyo (9 business hours a day), Japan's 2025 holidays.
  standard = await createPolicy(ws.api, {
    name: 'Standard',
    isDefault: true,
    firstResponseSeconds: 2 * HOUR,
    nextResponseSeconds: 1 * HOUR,
    resolutionSeconds: 8 * HOUR,
    calendarId: calendar.id,
    warnAtPercent: 80,
  });
});
afterAll(() => server?.close());

const conversationAt = (wall: string) =>
  createConversation(ws.api, { createdAt: jst(wall), message: { body: 'Our invoices do not load.' } });

describe('SLA deadlines in business hours (Mon–Fri 09:00–18:00 Asia/Tokyo)', () => {
  test('across the evening: Wednesday 17:00 + 2 h = Thursday 10:00', async () => {
    // 2025-11-19 is a Wednesday. 17:00–18:00 is 1 h; the other hour is Thursday 09:00–10:00.
    const conversation = await conversationAt('2025-11-19 17:00');
    const first = await clock(ws.api, conversation.id, 'first_response');
    expect(first).toMatchObject({ status: 'active', policyId: standard.id, targetSeconds: 2 * HOUR });
    expect(first.dueAt).toBe(jst('2025-11-20 10:00'));
    // Warning at 80 %: 96 min of business time = 60 min on Wednesday + 36 min on Thursday.
    expect(first.warnAt).toBe(jst('2025-11-20 09:36'));
    // Resolution, 8 h: 1 h on Wednesday + 7 h on Thursday (09:00–16:00).
    expect((await clock(ws.api, conversation.id, 'resolution')).dueAt).toBe(jst('2025-11-20 16:00'));
    // The inbox's due time is the nearest running deadline.
    expect((await getConversation(ws.api, conversation.id)).slaDueAt).toBe(jst('2025-11-20 10:00'));
  });

  test('across a weekend: Friday 17:00 + 2 h = Monday 10:00', async () => {
    // 2025-11-14 is a Friday: 1 h on Friday, Saturday and Sunday are closed, 1 h on Monday 11-17.
    const conversation = await conversationAt('2025-11-14 17:00');
    expect((await clock(ws.api, conversation.id, 'first_response')).dueAt).toBe(jst('2025-11-17 10:00'));
    // 8 h: 1 h on Friday + 7 h on Monday.
    expect((await clock(ws.api, conversation.id, 'resolution')).dueAt).toBe(jst('2025-11-17 16:00'));
  });

  test('across a weekend and a Japanese holiday: Friday 16:30 + 2 h = Tuesday 09:30', async () => {
    // 2025-11-21 is a Friday; Monday 11-24 is the substitute holiday for Labor Thanksgiving Day
    // (Sunday 11-23). 1.5 h on Friday (16:30–18:00), then 0.5 h on Tuesday 11-25.
    const conversation = await conversationAt('2025-11-21 16:30');
    expect((await clock(ws.api, conversation.id, 'first_response')).dueAt).toBe(jst('2025-11-25 09:30'));
    // 8 h: 1.5 h on Friday + 6.5 h on Tuesday (09:00–15:30).
    expect((await clock(ws.api, conversation.id, 'resolution')).dueAt).toBe(jst('2025-11-25 15:30'));
  });

  test('the clock pauses while pending and resumes with the business time left', async () => {
    // Tuesday 2025-11-25 10:00: first response due 12:00, resolution due 18:00.
    const conversation = await conversationAt('2025-11-25 10:00');
    const resolution = await clock(ws.api, conversation.id, 'resolution');
    expect(resolution.dueAt).toBe(jst('2025-11-25 18:00'));
    // 11:00: the agent replies (first response met after 1 h) and waits on the customer.
    await addMessage(ws.api, conversation.id, {
      kind: 'reply',
      body: 'Could you send a screenshot?',
      createdAt: jst('2025-11-25 11:00'),
      status: 'pending',
    });
    const paused = await getConversation(ws.api, conversation.id);
    // 8 h − 1 h spent = 7 h = 25 200 business seconds kept; no running deadline while pending.
    expect(paused.slaDueAt).toBeNull();
    expect(paused.slaTargets).toEqual([
      expect.objectContaining({ kind: 'resolution', status: 'paused', dueAt: null, remainingSeconds: 7 * HOUR }),
    ]);
    // Thursday 11-27 14:00: the customer answers, the conversation is open again.
    await addMessage(ws.api, conversation.id, {
      kind: 'customer',
      body: 'Here it is.',
      createdAt: jst('2025-11-27 14:00'),
    });
    // Resolution: 7 h from Thursday 14:00 = 4 h on Thursday + 3 h on Friday 11-28 → 12:00.
    const resumed = await clock(ws.api, conversation.id, 'resolution');
    expect(resumed).toMatchObject({ status: 'active', dueAt: jst('2025-11-28 12:00'), remainingSeconds: null });
    // Next response (1 h) starts with the customer's message: Thursday 15:00; warning at 80 % = 14:48.
    const next = await clock(ws.api, conversation.id, 'next_response');
    expect(next).toMatchObject({ sequence: 1, dueAt: jst('2025-11-27 15:00'), warnAt: jst('2025-11-27 14:48') });
    expect((await getConversation(ws.api, conversation.id)).slaDueAt).toBe(jst('2025-11-27 15:00'));

    // 14:30: a reply meets the next response; resolving at 16:00 meets the resolution.
    await addMessage(ws.api, conversation.id, { kind: 'reply', body: 'Fixed.', createdAt: jst('2025-11-27 14:30') });
    await addMessage(ws.api, conversation.id, {
      kind: 'reply',
      body: 'Closing this.',
      createdAt: jst('2025-11-27 16:00'),
      status: 'resolved',
    });
    const done = await getConversation(ws.api, conversation.id);
    expect(done.slaDueAt).toBeNull();
    expect(done.slaTargets).toEqual([]);
    expect((await targetsOf(server.app, conversation.id)).map((t) => [t.kind, t.status, t.met_at])).toEqual([
      ['first_response', 'met', jst('2025-11-25 11:00')],
      ['resolution', 'met', jst('2025-11-27 16:00')],
      ['next_response', 'met', jst('2025-11-27 14:30')],
    ]);
  });

  test('the warning and the breach fire once each, and the breach is in the conversation log', async () => {
    // Wednesday 2025-11-19 17:00: first response due Thursday 10:00, warning at 09:36.
    const conversation = await conversationAt('2025-11-19 17:00');
    const first = await clock(ws.api, conversation.id, 'first_response');
    const check = (wall: string) => runSlaCheck(server.app.db, new Date(jst(wall)), { workspaceId: ws.workspaceId });

    await check('2025-11-20 09:35');
    expect(await slaEventsOf(server.app, first.id)).toEqual([]);
    await check('2025-11-20 09:36');
    await check('2025-11-20 09:50');
    expect(await slaEventsOf(server.app, first.id)).toEqual(['sla.warning']);
    expect((await clock(ws.api, conversation.id, 'first_response')).warnedAt).toBe(jst('2025-11-20 09:36'));
    // Exactly at the deadline nothing breaches yet (a reply at 10:00 is on time).
    await check('2025-11-20 10:00');
    expect(await slaEventsOf(server.app, first.id)).toEqual(['sla.warning']);
    await check('2025-11-20 10:01');
    await check('2025-11-20 10:02');
    expect(await slaEventsOf(server.app, first.id)).toEqual(['sla.warning', 'sla.breached']);
    const breached = await clock(ws.api, conversation.id, 'first_response');
    expect(breached).toMatchObject({ status: 'breached', breachedAt: jst('2025-11-20 10:00') });
    // Still open and overdue: the inbox keeps showing the past deadline.
    expect((await getConversation(ws.api, conversation.id)).slaDueAt).toBe(jst('2025-11-20 10:00'));

    const log = expectStatus(
      await ws.api.get<{ data: ConversationEvent[] }>(`/api/v1/conversations/${conversation.id}/events`),
      200,
    ).data.filter((e) => e.type === 'sla_breached');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      occurredAt: jst('2025-11-20 10:00'),
      data: { targetId: first.id, kind: 'first_response', policyId: standard.id, cycle: 1 },
    });

    // A late reply meets it late: the breach stays, met_at is set, nothing fires again.
    await addMessage(ws.api, conversation.id, { kind: 'reply', body: 'Sorry!', createdAt: jst('2025-11-20 11:00') });
    await check('2025-11-20 11:05');
    expect(await slaEventsOf(server.app, first.id)).toEqual(['sla.warning', 'sla.breached']);
    expect((await targetsOf(server.app, conversation.id)).find((t) => t.kind === 'first_response')).toMatchObject({
      status: 'breached',
      breached_at: jst('2025-11-20 10:00'),
      met_at: jst('2025-11-20 11:00'),
    });
  });

  test('the events carry what automation needs; checks running at once still fire once', async () => {
    // Monday 2025-11-17 09:00: first response due 11:00, warning at 80 % = 10:36.
    const conversation = await conversationAt('2025-11-17 09:00');
    const first = await clock(ws.api, conversation.id, 'first_response');
    const at = (wall: string) => new Date(jst(wall));
    const both = (wall: string) =>
      Promise.all([
        runSlaCheck(server.app.db, at(wall), { workspaceId: ws.workspaceId }),
        runSlaCheck(server.app.db, at(wall), { workspaceId: ws.workspaceId }),
      ]);
    const warned = await both('2025-11-17 10:40');
    expect(warned.reduce((sum, r) => sum + r.warned, 0)).toBe(1);
    const breached = await both('2025-11-17 11:05');
    expect(breached.reduce((sum, r) => sum + r.breached, 0)).toBe(1);
    const events = await server.app.db.execute<{
      type: string;
      conversation_id: string;
      data: Record<string, unknown>;
    }>(
      sql`select type, conversation_id, data from domain_events
           where workspace_id = ${ws.workspaceId} and data->>'targetId' = ${first.id} order by id`,
    );
    const expected = {
      targetId: first.id,
      kind: 'first_response',
      dueAt: jst('2025-11-17 11:00'),
      policyId: standard.id,
      cycle: 1,
      sequence: 1,
    };
    expect(events.rows.map((e) => [e.type, e.conversation_id, e.data])).toEqual([
      ['sla.warning', conversation.id, expected],
      ['sla.breached', conversation.id, expected],
    ]);
    // Rules, notifications and webhooks take them like any other domain event.
    const dispatched = await dispatchPendingEvents(server.app, eventHandlers, { workspaceId: ws.workspaceId });
    expect(dispatched.failures).toBe(0);
    const pending = await server.app.db.execute<{ n: number }>(
      sql`select count(*)::int as n from domain_events e join domain_event_queue q using (workspace_id, id)
           where e.workspace_id = ${ws.workspaceId} and e.type like 'sla.%'`,
    );
    expect(pending.rows[0]?.n).toBe(0);
  });

  test('a reply after the deadline that the check has not seen yet breaches it first, once', async () => {
    const conversation = await conversationAt('2025-11-19 17:00');
    const first = await clock(ws.api, conversation.id, 'first_response');
    await addMessage(ws.api, conversation.id, { kind: 'reply', body: 'Late', createdAt: jst('2025-11-20 10:30') });
    expect(await slaEventsOf(server.app, first.id)).toEqual(['sla.breached']);
    await runSlaCheck(server.app.db, new Date(jst('2025-11-20 10:31')), { workspaceId: ws.workspaceId });
    expect(await slaEventsOf(server.app, first.id)).toEqual(['sla.breached']);
    expect((await targetsOf(server.app, conversation.id)).find((t) => t.kind === 'first_response')).toMatchObject({
      status: 'breached',
      breached_at: jst('2025-11-20 10:00'),
      met_at: jst('2025-11-20 10:30'),
    });
  });

  test('resolving cancels open response clocks; a reopen starts the new cycle’s clocks', async () => {
    const conversation = await conversationAt('2025-11-25 10:00');
    await addMessage(ws.api, conversation.id, {
      kind: 'note',
      body: 'Duplicate of another ticket.',
      createdAt: jst('2025-11-25 10:10'),
    });
    await updateConversation(
      server.app.db,
      ws.workspaceId,
      conversation.id,
      { type: 'system', id: null },
      { status: 'resolved' },
      new Date(jst('2025-11-25 10:15')),
    );
    expect((await targetsOf(server.app, conversation.id)).map((t) => [t.kind, t.status])).toEqual([
      ['first_response', 'cancelled'],
      ['resolution', 'met'],
    ]);
    // Wednesday 11-26 17:30 the customer writes again: cycle 2, first response due Thursday 10:30.
    await addMessage(ws.api, conversation.id, {
      kind: 'customer',
      body: 'It is not a duplicate.',
      createdAt: jst('2025-11-26 17:30'),
    });
    const reopened = await getConversation(ws.api, conversation.id);
    expect(reopened.cycle).toBe(2);
    expect(reopened.slaTargets.map((t) => [t.kind, t.cycle, t.dueAt])).toEqual([
      ['first_response', 2, jst('2025-11-27 10:30')],
      ['resolution', 2, jst('2025-11-27 16:30')],
    ]);
  });
});
